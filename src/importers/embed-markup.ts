// The editor's players and link cards for embedded addresses, and the escaping that markup built by importers needs.

import { embedFor } from '../../client/editor/embed-url.ts'

export const escapeText = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
export const escapeAttr = (value: string): string => escapeText(value).replace(/"/g, '&quot;')

/** The editor's player or link card for an address, or null when the site cannot embed it. */
export function embedMarkup(url: string): string | null {
  const target = embedFor(url)
  if (!target) return null
  if (target.kind === 'card') return `<aside class="embed-card"><p><a href="${escapeAttr(target.href)}">${escapeText(target.text)}</a></p></aside>`
  return `<figure class="embed embed-video"><iframe src="${escapeAttr(target.src)}" title="${escapeAttr(target.title)}" width="560" height="315" allowfullscreen="true" loading="lazy"></iframe></figure>`
}
