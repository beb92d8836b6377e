// Ghost's Mobiledoc bodies (Ghost 1–4) into HTML with Ghost's own renderer, and cards drawn as the editor's markup.

import { render as renderMarkdown } from '@tryghost/kg-markdown-html-renderer'
import { MobiledocHtmlRenderer } from '@tryghost/kg-mobiledoc-html-renderer'
import { embedMarkup, escapeAttr, escapeText } from '../embed-markup.ts'

type Payload = Record<string, unknown>
interface RawDom { createRawHTMLSection(html: string): unknown }

const text = (v: unknown): string => (typeof v === 'string' ? v : '')

const figure = (src: string, alt: string, caption: string): string =>
  `<figure class="image"><img src="${escapeAttr(src)}" alt="${escapeAttr(alt)}">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`

/** Each card of Ghost's editor as HTML for the sanitizer; captions are Ghost's own HTML. */
const CARDS: Readonly<Record<string, (p: Payload) => string>> = {
  image: (p) => (text(p.src) ? figure(text(p.src), text(p.alt), text(p.caption)) : ''),
  gallery: (p) => (Array.isArray(p.images) ? p.images as Payload[] : []).filter((i) => text(i.src))
    .map((i) => figure(text(i.src), text(i.alt), text(i.caption))).join('') + (text(p.caption) ? `<p>${text(p.caption)}</p>` : ''),
  markdown: (p) => renderMarkdown(text(p.markdown) || text(p.cardMarkdown)),
  html: (p) => text(p.html),
  hr: () => '<hr>',
  code: (p) => `<pre><code>${escapeText(text(p.code))}</code></pre>`,
  embed: (p) => embedMarkup(text(p.url)) ?? (text(p.url) ? `<p><a href="${escapeAttr(text(p.url))}">${escapeText(text(p.url))}</a></p>` : ''),
  bookmark: (p) => {
    const url = text(p.url)
    const title = text((p.metadata as Payload | undefined)?.title) || url
    return url ? `<p><a href="${escapeAttr(url)}">${escapeText(title)}</a></p>` : ''
  },
  callout: (p) => `<blockquote><p>${text(p.calloutText)}</p></blockquote>`,
  paywall: () => '',
}

/** Cards met in a body, by what became of them: drawn, or unknown to us (dropped). */
export interface MobiledocNotes {
  readonly unknownCards: string[]
}

/**
 * Renders a Mobiledoc document (the JSON text of `posts.mobiledoc`). Throws when it is not JSON of Mobiledoc's shape,
 * which the caller reports as the post's refusal.
 */
export function renderMobiledoc(source: string, notes: MobiledocNotes): string {
  const doc = JSON.parse(source) as { version?: unknown }
  if (typeof doc !== 'object' || doc === null || typeof doc.version !== 'string') throw new Error('the mobiledoc is not a Mobiledoc document')
  const cards = Object.entries(CARDS).map(([name, draw]) => ({
    name, type: 'dom',
    render: (args: Record<string, unknown>) => (args.env as { dom: RawDom }).dom.createRawHTMLSection(draw((args.payload ?? {}) as Payload)),
  }))
  // An unknown card is named in the report and left out of the body.
  const unknownCardHandler = (...args: unknown[]) => {
    const env = (args[0] as { env: { name?: unknown; dom: RawDom } }).env
    notes.unknownCards.push(text(env.name) || 'card')
    return env.dom.createRawHTMLSection('')
  }
  const renderer = new MobiledocHtmlRenderer({ cards, unknownCardHandler })
  return renderer.render(doc as { version: string })
}
