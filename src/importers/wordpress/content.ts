// WordPress post content into the editor's markup: paragraphs by WordPress's own rules, captions, galleries, embeds.

import { autop } from '@wordpress/autop'
import { embedMarkup, escapeAttr, escapeText } from '../embed-markup.ts'

/** What converting one body changed, for the import report. */
export interface ContentNotes {
  /** Shortcodes turned into markup, by name. */
  readonly converted: Map<string, number>
  /** Shortcodes left as text, by name. */
  readonly kept: Map<string, number>
  /** Attachment ids of galleries that could not be resolved to an image address. */
  readonly galleryIds: string[]
  /** Absolute image addresses left where they are (not copied into the media library). */
  readonly remoteImages: string[]
}

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1)

// WordPress's own shortcode grammar, simplified: `[name attrs]`, `[name attrs /]` or `[name attrs]content[/name]`.
const SHORTCODE = /\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\]]*?)(\/?)\](?:([\s\S]*?)\[\/\2\])?(\]?)/g
const ATTR = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"\]]+))/g
/** Names WordPress and common plugins register: a bracketed word with no attributes is a shortcode only if it is one of these. */
const KNOWN = new Set(['audio', 'video', 'playlist', 'embed', 'gallery', 'caption', 'wp_caption', 'contact-form-7', 'contact-form', 'gravityform', 'soundcloud', 'youtube', 'vimeo', 'tweet', 'instagram', 'googlemaps', 'code', 'sourcecode', 'table', 'button', 'row', 'column'])

const attrsOf = (raw: string): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const m of raw.matchAll(ATTR)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? ''
  return out
}

/** `[caption]<img …> Text[/caption]` as the editor's figure: the image (out of any link around it) and its caption. */
function captionFigure(attrs: Record<string, string>, content: string): string | null {
  const img = /<img\b[^>]*>/i.exec(content)
  if (!img) return null
  const text = (attrs.caption ?? content.replace(/<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i, '')).trim()
  return `<figure class="image">${img[0]}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`
}

/** A gallery as one figure per image whose address is known; ids of the others are noted. */
function galleryFigures(attrs: Record<string, string>, attachments: ReadonlyMap<string, string>, notes: ContentNotes): string {
  const ids = (attrs.ids ?? attrs.include ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  const figures: string[] = []
  for (const id of ids) {
    const url = attachments.get(id)
    if (url) figures.push(`<figure class="image"><img src="${escapeAttr(url)}" alt=""></figure>`)
    else notes.galleryIds.push(id)
  }
  return figures.join('\n')
}

function convertShortcodes(body: string, attachments: ReadonlyMap<string, string>, notes: ContentNotes): string {
  return body.replace(SHORTCODE, (whole, open: string, name: string, rawAttrs: string, _self: string, content: string | undefined, close: string) => {
    // `[[name]]` is WordPress's escape for a literal shortcode.
    if (open === '[' && close === ']') return whole.slice(1, -1)
    const lower = name.toLowerCase()
    const attrs = attrsOf(rawAttrs)
    let out: string | null = null
    if (lower === 'caption' || lower === 'wp_caption') out = content !== undefined ? captionFigure(attrs, content) : null
    else if (lower === 'gallery') out = galleryFigures(attrs, attachments, notes)
    else if (lower === 'embed' && content !== undefined) {
      const url = content.trim()
      out = embedMarkup(url) ?? (/^https?:\/\/\S+$/.test(url) ? `<p><a href="${escapeAttr(url)}">${escapeText(url)}</a></p>` : null)
    }
    if (out !== null) {
      bump(notes.converted, lower)
      return `${open}\n\n${out}\n\n${close}`
    }
    if (content !== undefined || rawAttrs.includes('=') || KNOWN.has(lower)) bump(notes.kept, lower)
    return whole
  })
}

/** A bare player address on a line of its own becomes the player, as WordPress's auto-embeds did. */
const convertBareEmbeds = (body: string, notes: ContentNotes): string =>
  body.replace(/^([ \t]*)(https?:\/\/[^\s<>"]+)([ \t]*)$/gm, (line, _a, url: string) => {
    const markup = embedMarkup(url)
    if (!markup) return line
    bump(notes.converted, 'auto-embed')
    return `\n${markup}\n`
  })

/** Block-editor embeds: the address sits alone in a wrapper div inside `figure.wp-block-embed`. */
const convertBlockEmbeds = (body: string, notes: ContentNotes): string =>
  body.replace(/<figure\b[^>]*\bwp-block-embed\b[^>]*>\s*<div\b[^>]*>\s*(https?:\/\/[^\s<>"]+)\s*<\/div>[\s\S]*?<\/figure>/g, (whole, url: string) => {
    const markup = embedMarkup(url)
    if (!markup) return whole
    bump(notes.converted, 'embed-block')
    return markup
  })

/**
 * Converts a post's `content:encoded` into HTML for the sanitizer: `<!--more-->` and `<!--nextpage-->` go, block-editor
 * comments go while their HTML stays, shortcodes and bare player addresses become the editor's figures and players,
 * and classic posts (no blocks) get paragraphs by WordPress's own rules (wpautop), which block posts never had applied.
 * `attachments` maps attachment ids seen so far to their addresses, for galleries.
 */
export function convertContent(raw: string, attachments: ReadonlyMap<string, string> = new Map()): { html: string; notes: ContentNotes } {
  const notes: ContentNotes = { converted: new Map(), kept: new Map(), galleryIds: [], remoteImages: [] }
  const blocks = /<!--\s+wp:[a-z]/.test(raw)
  let body = raw.replace(/\r\n?/g, '\n')
    .replace(/<!--\s*(?:more|nextpage|noteaser)\b[\s\S]*?-->/g, '')
    .replace(/<!--\s+\/?wp:[\s\S]*?-->/g, '')
  if (blocks) body = convertBlockEmbeds(body, notes)
  body = convertBareEmbeds(convertShortcodes(body, attachments, notes), notes)
  const html = blocks ? body : autop(body)
  for (const m of html.matchAll(/<img\b[^>]*?\bsrc\s*=\s*["']?(https?:\/\/[^"'\s>]+)/gi)) notes.remoteImages.push(m[1]!)
  return { html, notes }
}
