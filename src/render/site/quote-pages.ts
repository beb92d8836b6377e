// A speaker's page (/people/<slug>) and a quote's own page (/quotes/<id>), with their structured data (ProfilePage,
// Quotation) and, on a quote's page, the share image as og:image.

import { mediaUrl } from '../../domain/media.ts'
import { quotePath, speakerPath, tagPath } from '../../domain/paths.ts'
import { dayToEpoch, quoteDay, type LiveQuote, type QuotePage, type Speaker, type SpeakerPage } from '../../domain/quotes.ts'
import { fill } from '../../i18n/catalogue.ts'
import { absoluteUrl, localPath, type RenderContext } from '../context.ts'
import { formatDate } from '../format.ts'
import { html, EMPTY, safeUrl, type SafeHtml } from '../html.ts'
import { layout } from '../layout.ts'
import { image } from './components/article-card.ts'

/** The speaker as schema.org sees them: a Person or an Organization. */
function speakerLd(ctx: RenderContext, s: Pick<Speaker, 'slug' | 'name' | 'kind'> & Partial<Pick<Speaker, 'description' | 'links'>>, at?: LiveQuote): Record<string, unknown> {
  const person = s.kind === 'person'
  return {
    '@type': person ? 'Person' : 'Organization', name: s.name, url: absoluteUrl(ctx, speakerPath(s.slug)),
    ...(s.description && { description: s.description }), ...(s.links?.length && { sameAs: s.links }),
    // Role and organisation at the time of the quote: properties of a Person only.
    ...(person && at?.role && { jobTitle: at.role }),
    ...(person && at?.organisation && { affiliation: { '@type': 'Organization', name: at.organisation } }),
  }
}

/** A day ("2024-11-18") written out in the reader's language. */
export const formatDay = (day: string, locale: string): string => formatDate(dayToEpoch(day)!, 'UTC', locale)

/** schema.org Quotation of one quote. */
export const quotationLd = (ctx: RenderContext, q: LiveQuote): Record<string, unknown> => ({
  '@context': 'https://schema.org', '@type': 'Quotation', url: absoluteUrl(ctx, quotePath(q.id)), text: q.text,
  creator: speakerLd(ctx, q.speaker, q), dateCreated: quoteDay(q, ctx.settings.timeZone),
  ...(q.sourceUrl && { isBasedOn: q.sourceUrl }), ...(q.language && { inLanguage: q.language }),
  ...(q.place && { locationCreated: { '@type': 'Place', name: q.place.name } }),
  isPartOf: { '@type': 'Article', headline: q.article.title, url: absoluteUrl(ctx, q.article.path) },
})

/** One quote with its attribution: who, in what role, when, where; links to its article, its source and itself. */
export function quoteCard(ctx: RenderContext, q: LiveQuote, opts: { readonly speaker: boolean; readonly large?: boolean }): SafeHtml {
  const who = [q.role, q.organisation].filter(Boolean).join(', ')
  const where = [q.place?.name, q.event].filter(Boolean).join(' · ')
  const source = q.sourceUrl ? safeUrl(q.sourceUrl) : null
  const day = quoteDay(q, ctx.settings.timeZone)
  return html`<figure class="quote-card${opts.large ? ' quote-large' : ''}" id="quote-${String(q.id)}">
<blockquote${q.language ? html` lang="${q.language}"` : EMPTY}${source ? html` cite="${source}"` : EMPTY}><p>${q.text}</p></blockquote>
<figcaption>${opts.speaker || who ? html`<span class="quote-who">${opts.speaker ? html`<a class="quote-speaker" href="${localPath(ctx, speakerPath(q.speaker.slug))}">${q.speaker.name}</a>${who ? ', ' : ''}` : EMPTY}${who}</span>` : EMPTY}
<span class="meta"><time datetime="${day}">${formatDay(day, ctx.t.locale)}</time>${where ? html` · ${where}` : EMPTY}</span>
<span class="quote-links">${ctx.t.quotedIn} <a href="${q.article.path}">${q.article.title}</a>${source ? html` · <a href="${source}" rel="noopener noreferrer">${ctx.t.quoteSource}</a>` : EMPTY} · <a href="${localPath(ctx, quotePath(q.id))}" aria-label="${ctx.t.quoteLink}">#</a></span></figcaption>
</figure>`
}

export function speakerPage(ctx: RenderContext, p: SpeakerPage): SafeHtml {
  const s = p.speaker
  const path = speakerPath(s.slug)
  const profile = {
    '@context': 'https://schema.org', '@type': 'ProfilePage', url: absoluteUrl(ctx, path), name: s.name,
    mainEntity: { ...speakerLd(ctx, s), ...(p.photo && { image: absoluteUrl(ctx, mediaUrl(p.photo)) }) },
  }
  const feedPath = localPath(ctx, path)
  return layout(ctx, {
    title: s.name, description: s.description || fill(ctx.t.speakerDescription, { name: s.name, site: ctx.settings.name }),
    path: p.later ? `${path}?after=${p.quotes[0] ? `${p.quotes[0].saidAt}.${p.quotes[0].id}` : ''}` : path, noindex: p.later,
    jsonLd: [profile, ...p.quotes.slice(0, 10).map((q) => quotationLd(ctx, q))],
    feeds: [{ title: fill(ctx.t.feedTitle, { name: s.name, site: ctx.settings.name }), pagePath: feedPath }],
  }, html`<header class="page-header author-header speaker-header">${p.photo ? html`<div class="author-photo">${image(p.photo, ctx, { eager: true })}</div>` : EMPTY}<div>
<p class="kicker">${ctx.t.speakerKinds[s.kind]}${p.country ? html` · <a href="${localPath(ctx, tagPath(p.country.slug))}">${p.country.name}</a>` : EMPTY}</p>
<h1>${s.name}</h1>${s.description ? html`<p class="page-description">${s.description}</p>` : EMPTY}
${s.links.length ? html`<p class="speaker-links">${s.links.map((l, i) => html`${i ? ' · ' : ''}<a href="${safeUrl(l)}" rel="noopener noreferrer">${new URL(l).hostname}</a>`)}</p>` : EMPTY}</div></header>
<section aria-labelledby="quotes-heading"><h2 id="quotes-heading" class="block-title">${ctx.t.quotesHeading}</h2>
${p.quotes.length ? html`<div class="quote-list">${p.quotes.map((q) => quoteCard(ctx, q, { speaker: false }))}</div>` : html`<p class="empty-state">${ctx.t.noQuotes}</p>`}
${p.next ? html`<nav class="pagination" aria-label="${ctx.t.pagesNav}"><a rel="next" href="${localPath(ctx, path)}?after=${p.next}">${ctx.t.olderQuotes}</a></nav>` : EMPTY}
</section>`)
}

export function quotePage(ctx: RenderContext, p: QuotePage): SafeHtml {
  const q = p.quote
  const short = q.text.length > 90 ? `${q.text.slice(0, 88)}…` : q.text
  return layout(ctx, {
    title: fill(ctx.t.quoteTitle, { name: p.speaker.name, text: short }), description: q.text.slice(0, 300),
    path: quotePath(q.id), type: 'article', image: `${quotePath(q.id)}/share.png`,
    jsonLd: [quotationLd(ctx, q)],
  }, html`<article class="quote-page">
${quoteCard(ctx, q, { speaker: true, large: true })}
<p class="quote-more"><a href="${localPath(ctx, speakerPath(p.speaker.slug))}">${fill(ctx.t.allQuotesOf, { name: p.speaker.name })}</a></p>
</article>`)
}
