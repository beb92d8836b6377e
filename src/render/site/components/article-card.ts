// Teasers of articles: the lead, cards with images, and compact lists for side blocks.

import { sameLanguage } from '../../../domain/language.ts'
import { authorPath, sectionPath } from '../../../domain/paths.ts'
import { mediaUrl, type Media, type MediaVariant } from '../../../domain/media.ts'
import type { ArticleSummary, Byline } from '../../../domain/read-models.ts'
import { html, EMPTY, fillHtml, type SafeHtml } from '../../html.ts'
import { formatDate, isoTime } from '../../format.ts'
import { localPath, mediaSrc, sectionName, type RenderContext } from '../../context.ts'
import { ENGLISH } from '../../../i18n/catalogues.ts'

/** `<time>` with a machine-readable datetime. */
export const time = (ms: number, ctx: RenderContext): SafeHtml =>
  html`<time datetime="${isoTime(ms)}">${formatDate(ms, ctx.settings.timeZone, ctx.t.locale)}</time>`

/** "By A and B" in the page's language, each name linking to its author page in that language. */
export function byline(authors: readonly Byline[], ctx: RenderContext): SafeHtml {
  if (authors.length === 0) return EMPTY
  const links = authors.map((a) => html`<a href="${localPath(ctx, authorPath(a.slug))}" rel="author">${a.name}</a>`)
  const joined = links.flatMap((l, i) => (i === 0 ? [l] : [html`${i === links.length - 1 ? ctx.t.listAnd : ctx.t.listComma}`, l]))
  return html`<span class="byline">${fillHtml(ctx.t.byline, { names: html`${joined}` })}</span>`
}

/** The label above a headline: the section, and the genre when it says more than the section does. */
export const kicker = (a: Pick<ArticleSummary, 'genre' | 'section'>, ctx: RenderContext, opts: { readonly always?: boolean } = {}): SafeHtml => {
  const label = ctx.t.genres[a.genre]
  const section = sectionName(ctx, a.section)
  // Whether the genre says more than the section is decided in the section's own words: "Opinion" in Opinion says
  // nothing, whatever the two are called in the page's language ("Мнение" in "Мнения").
  const same = (x: string, y: string) => x.toLowerCase() === y.toLowerCase()
  const showGenre = !same(label, section) && !same(ENGLISH.genres[a.genre], a.section.name) && (opts.always === true || a.genre !== 'news')
  return html`<p class="kicker"><a href="${localPath(ctx, sectionPath(a.section.slug))}">${section}</a>${showGenre ? html`<span class="genre">${label}</span>` : EMPTY}</p>`
}

/** hreflang and lang on a link to an article in another language than the page's. */
export const languageOf = (a: Pick<ArticleSummary, 'language'>, ctx: RenderContext): SafeHtml =>
  sameLanguage(a.language, ctx.language.tag) ? EMPTY : html` hreflang="${a.language}" lang="${a.language}"`

/** A `srcset` of variants, plus the original itself (when in the same format) if it is wider than all of them. */
const srcset = (ctx: RenderContext, m: Media, variants: readonly MediaVariant[], withOriginal: boolean): string => {
  const widest = variants.reduce((w, v) => Math.max(w, v.width), 0)
  const list = variants.map((v) => `${mediaSrc(ctx, v.url)} ${v.width}w`)
  return (withOriginal && m.width > widest ? [...list, `${mediaSrc(ctx, mediaUrl(m))} ${m.width}w`] : list).join(', ')
}

/**
 * An <img> of a media record, with dimensions so the layout does not shift. With variants: a plain `srcset` when the
 * original is WebP (all variants are), else a <picture> whose WebP <source> comes first and whose <img> falls back to
 * the original's format.
 */
export const image = (m: Media, ctx: RenderContext, opts: { readonly eager?: boolean; readonly sizes?: string } = {}): SafeHtml => {
  const webp = m.variants.filter((v) => v.format === 'webp')
  const own = m.mime === 'image/webp' ? webp : m.variants.filter((v) => `image/${v.format}` === m.mime)
  const sizes = webp.length || own.length ? opts.sizes ?? '100vw' : opts.sizes
  const img = html`<img src="${mediaSrc(ctx, mediaUrl(m))}"${own.length ? html` srcset="${srcset(ctx, m, own, true)}"` : EMPTY} alt="${m.alt}" width="${m.width}" height="${m.height}"${sizes ? html` sizes="${sizes}"` : EMPTY} loading="${opts.eager ? 'eager' : 'lazy'}" decoding="async">`
  if (!webp.length || m.mime === 'image/webp') return img
  return html`<picture><source type="image/webp" srcset="${srcset(ctx, m, webp, false)}"${sizes ? html` sizes="${sizes}"` : EMPTY}>${img}</picture>`
}

/** The lead story: large image, headline, standfirst. */
export const leadStory = (a: ArticleSummary, ctx: RenderContext): SafeHtml => html`<article class="lead-story">
${a.hero ? html`<a class="lead-image" href="${a.path}" tabindex="-1" aria-hidden="true">${image(a.hero, ctx, { eager: true, sizes: '(min-width: 64rem) 60vw, 100vw' })}</a>` : EMPTY}
<div class="lead-text">
${kicker(a, ctx)}
<h2 class="headline"><a href="${a.path}"${languageOf(a, ctx)}>${a.title}</a></h2>
${a.standfirst ? html`<p class="standfirst">${a.standfirst}</p>` : EMPTY}
<p class="meta">${byline(a.authors, ctx)} ${time(a.publishedAt, ctx)}</p>
</div>
</article>`

/** A card with an optional image, for grids. */
export const articleCard = (a: ArticleSummary, ctx: RenderContext, opts: { readonly image?: boolean; readonly level?: 2 | 3 } = {}): SafeHtml => {
  const h = opts.level === 2 ? 'h2' : 'h3'
  const title = html`<a href="${a.path}"${languageOf(a, ctx)}>${a.title}</a>`
  return html`<article class="card">
${opts.image !== false && a.hero ? html`<a class="card-image" href="${a.path}" tabindex="-1" aria-hidden="true">${image(a.hero, ctx, { sizes: '(min-width: 48rem) 30vw, 100vw' })}</a>` : EMPTY}
${kicker(a, ctx)}
${h === 'h2' ? html`<h2 class="headline">${title}</h2>` : html`<h3 class="headline">${title}</h3>`}
${a.standfirst ? html`<p class="standfirst">${a.standfirst}</p>` : EMPTY}
<p class="meta">${byline(a.authors, ctx)} ${time(a.publishedAt, ctx)}</p>
</article>`
}

/** A numbered or plain list of headlines, for side blocks such as Popular. */
export const headlineList = (items: readonly ArticleSummary[], ctx: RenderContext, opts: { readonly numbered?: boolean } = {}): SafeHtml => {
  const lis = items.map((a) => html`<li><a href="${a.path}"${languageOf(a, ctx)}>${a.title}</a> <span class="meta">${time(a.publishedAt, ctx)}</span></li>`)
  return opts.numbered ? html`<ol class="headline-list numbered">${lis}</ol>` : html`<ul class="headline-list">${lis}</ul>`
}

/** A titled block of headlines; nothing at all when there are no items (no block shows made-up data). */
export const block = (id: string, title: string, items: readonly ArticleSummary[], ctx: RenderContext, opts: { readonly numbered?: boolean } = {}): SafeHtml =>
  items.length === 0 ? EMPTY : html`<section class="block block-${id}" aria-labelledby="block-${id}">
<h2 id="block-${id}" class="block-title">${title}</h2>
${headlineList(items, ctx, opts)}
</section>`
