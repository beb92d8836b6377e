// SafeHtml: markup that is escaped by construction. Nothing else in the codebase produces HTML.

import type { SanitizedHtml } from '../domain/sanitized-html.ts'

/** A string of markup that is safe to send: built by `html`, or sanitized. */
export class SafeHtml {
  readonly value: string
  constructor(value: string) {
    this.value = value
  }
  toString(): string {
    return this.value
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

const SPECIAL = /[&<>"']/
const SPECIALS = /[&<>"']/g

/** Escapes text for use in element content and quoted attribute values. Most text has nothing to escape: it is returned as is. */
export const escapeHtml = (text: string): string => (SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c]!) : text)

const fill = (v: unknown): string =>
  v instanceof SafeHtml ? v.value
    : typeof v === 'string' ? escapeHtml(v)
      : typeof v === 'number' ? String(v)
        : Array.isArray(v) ? v.map(fill).join('')
          : v == null || v === false ? '' : escapeHtml(String(v))

/** Tagged template: interpolated values are escaped unless they are SafeHtml (or arrays of it). */
export const html = (strings: TemplateStringsArray, ...values: unknown[]): SafeHtml => {
  let out = strings[0] ?? ''
  for (let i = 0; i < values.length; i++) out += fill(values[i]) + (strings[i + 1] ?? '')
  return new SafeHtml(out)
}

/** The one door for stored HTML: only what the sanitizer produced can pass. */
export const trusted = (body: SanitizedHtml): SafeHtml => new SafeHtml(body)

/** A URL for href/src: relative paths and http(s)/mailto only; anything else becomes "#". */
export const safeUrl = (url: string): string => {
  // Browsers drop tabs and newlines inside URLs and read `\` as `/`, so `/\evil.com` and `/\t/evil.com` are `//evil.com`.
  const u = url.trim().replace(/[\t\n\r]/g, '')
  if (u.startsWith('/') && !/^\/[/\\]/.test(u)) return u
  return /^(https?:|mailto:)/i.test(u) ? u : '#'
}

/** JSON for a <script type="application/ld+json"> block: `<` is escaped so no string can close the script. */
export const jsonScript = (data: unknown): SafeHtml =>
  new SafeHtml(JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'))

export const EMPTY = new SafeHtml('')

/** A catalogue message as markup: its text escaped, each `{name}` replaced by `values[name]` (escaped unless SafeHtml). */
export const fillHtml = (template: string, values: Readonly<Record<string, SafeHtml | string>>): SafeHtml =>
  html`${template.split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1]
    return name !== undefined && name in values ? values[name] : part
  })}`
