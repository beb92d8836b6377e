// The search page: the form with the query kept, notices and corrections, results with snippets, filters with counts.

import type { LiveQuote } from '../../domain/quotes.ts'
import { quoteCard } from './quote-pages.ts'
import type { SearchFilter, SearchHit, SearchPage, SnippetPart } from '../../domain/read-models.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { everyLanguage, layout } from '../layout.ts'
import { localPath, type RenderContext } from '../context.ts'
import { byline, headlineList, kicker, languageOf, time } from './components/article-card.ts'
import { pagination, prevNext } from './components/pagination.ts'
import { searchFacets } from './components/search-facets.ts'
import { sectionAndDateFields } from './archive-page.ts'
import { fill } from '../../i18n/catalogue.ts'

/** The number of characters searched, as the notice of a cut query says. */
const MAX_QUERY_CHARS = 200

/** A snippet as markup: every part is escaped, and only then are the searched words wrapped in <mark>. */
export const snippetHtml = (parts: readonly SnippetPart[]): SafeHtml =>
  html`${parts.map((p) => (p.mark ? html`<mark>${p.text}</mark>` : p.text))}`

/** The search query string for a filter, without the page. */
export function searchParams(f: SearchFilter): URLSearchParams {
  const p = new URLSearchParams({ q: f.q })
  for (const s of f.sections) p.append('section', s)
  if (f.tag) p.set('tag', f.tag)
  if (f.author) p.set('author', f.author)
  if (f.from) p.set('from', f.from)
  if (f.to) p.set('to', f.to)
  return p
}

const hit = (a: SearchHit, ctx: RenderContext): SafeHtml => html`<li class="search-result"><article>
${kicker({ ...a, genre: 'news' }, ctx)}
<h2 class="headline"><a href="${a.path}"${languageOf(a, ctx)}>${a.title}</a></h2>
${a.snippet.length ? html`<p class="snippet">${snippetHtml(a.snippet)}</p>` : EMPTY}
<p class="meta">${byline(a.authors, ctx)} ${time(a.publishedAt, ctx)}</p>
</article></li>`

function form(ctx: RenderContext, p: SearchPage): SafeHtml {
  const f = p.filter
  const { t } = ctx
  // data-suggest: the search-as-you-type script (render/scripts/search-suggest.js) reads suggestions there; without
  // JavaScript the form is a plain GET form.
  const suggest = `/api/v1/search/suggest?language=${encodeURIComponent(ctx.language.tag)}`
  return html`<form class="search-page-form archive-filter" role="search" action="${localPath(ctx, '/search')}" method="get">
<div class="search-query">
<label for="search-q">${t.searchFor}</label>
<div class="search-box"><input id="search-q" type="search" name="q" value="${f.q}" maxlength="${MAX_QUERY_CHARS}" autocomplete="off" data-suggest="${suggest}" role="combobox" aria-expanded="false" aria-controls="search-suggest" aria-describedby="search-help">
<ul class="search-suggest" id="search-suggest" role="listbox" aria-label="${t.suggestionsLabel}" hidden></ul>
<button type="submit">${t.searchButton}</button></div>
<p class="search-help" id="search-help">${t.searchHelp}</p>
</div>
${sectionAndDateFields(ctx, p.allSections, f)}
${f.tag ? html`<input type="hidden" name="tag" value="${f.tag}">` : EMPTY}
${f.author ? html`<input type="hidden" name="author" value="${f.author}">` : EMPTY}
</form>`
}

/** "Did you mean <a>…</a>?", the corrected query linked with the same filters. */
function correction(ctx: RenderContext, p: SearchPage, url: (change: Partial<SearchFilter>) => string): SafeHtml {
  if (!p.correction) return EMPTY
  const [before = '', after = ''] = ctx.t.didYouMean.split('{q}')
  return html`<p class="did-you-mean">${before}<a href="${url({ q: p.correction })}"><strong>${p.correction}</strong></a>${after}</p>`
}

function summary(ctx: RenderContext, p: SearchPage): SafeHtml {
  const { t } = ctx
  const r = p.results
  if (!r) return p.filter.q.trim() ? html`<p class="result-count" role="status">${t.typeAWord}</p>` : EMPTY
  if (r.items.length === 0) return html`<p class="result-count" role="status">${r.page > 1 ? t.noMoreResults : fill(t.nothingFound, { q: p.filter.q })}</p>`
  const first = (r.page - 1) * p.perPage + 1
  return html`<p class="result-count" role="status">${fill(t.results, { first, last: first + r.items.length - 1, q: p.filter.q })}${r.hasNext ? t.moreOnNextPage : ''}.</p>`
}

/** Nothing found: tips, and the newest articles so the reader is never left with an empty page. */
function nothingFound(ctx: RenderContext, p: SearchPage): SafeHtml {
  if (!p.results || p.results.items.length > 0 || p.results.page > 1) return EMPTY
  return html`<div class="search-empty"><p class="empty-state">${ctx.t.searchTips}</p>
${p.latest?.length ? html`<section class="search-latest" aria-labelledby="latest-title"><h2 id="latest-title">${ctx.t.latestArticles}</h2>${headlineList(p.latest, ctx)}</section>` : EMPTY}
</div>`
}

/** The quotes a search found (its words in what was said or in the speaker's name, or one speaker's), above the articles. */
export interface SearchQuotes {
  readonly items: readonly LiveQuote[]
  readonly speaker: { readonly slug: string; readonly name: string } | null
}

const quotesBlock = (ctx: RenderContext, quotes: SearchQuotes | undefined): SafeHtml => !quotes || quotes.items.length === 0 ? EMPTY
  : html`<section class="search-quotes" aria-labelledby="search-quotes-heading"><h2 id="search-quotes-heading" class="block-title">${quotes.speaker ? fill(ctx.t.allQuotesOf, { name: quotes.speaker.name }) : ctx.t.quotesHeading}</h2>
<div class="quote-list">${quotes.items.map((q) => quoteCard(ctx, q, { speaker: true }))}</div></section>`

export function searchPage(ctx: RenderContext, p: SearchPage, quotes?: SearchQuotes): SafeHtml {
  const params = searchParams(p.filter)
  const r = p.results
  const q = p.filter.q.trim()
  const { t } = ctx
  const path = localPath(ctx, '/search')
  const url = (change: Partial<SearchFilter>) => `${path}?${searchParams({ ...p.filter, ...change, page: 1 }).toString()}`
  const title = q ? fill(t.searchQueryTitle, { q }) : t.searchTitle
  return layout(ctx, {
    title: r && r.page > 1 ? fill(t.pagedTitle, { title, n: r.page }) : title, description: fill(t.searchDescription, { site: ctx.settings.name }),
    path, noindex: true, ...(r ? prevNext(r, path, params) : {}), alternates: q ? [] : everyLanguage(ctx, '/search'),
    ...(ctx.assets.suggest ? { extraHead: html`<script src="${ctx.assets.suggest}" defer></script>` } : {}),
  }, html`<header class="page-header"><h1>${t.searchTitle}</h1></header>
${form(ctx, p)}
${p.trimmed ? html`<p class="notice search-trimmed" role="status">${fill(t.searchTrimmed, { max: MAX_QUERY_CHARS })}</p>` : EMPTY}
${summary(ctx, p)}
${correction(ctx, p, url)}
<div class="search-layout">
<div class="search-main">
${quotesBlock(ctx, quotes)}
${r && r.items.length ? html`<ol class="search-results" start="${(r.page - 1) * p.perPage + 1}">${r.items.map((a) => hit(a, ctx))}</ol>` : EMPTY}
${nothingFound(ctx, p)}
${r ? pagination(ctx, r, path, params) : EMPTY}
</div>
${searchFacets(ctx, p, url)}
</div>`)
}
