// The search page: the form with the query kept, then the results of this page with their snippets, never indexed.

import type { SearchFilter, SearchHit, SearchPage, SnippetPart } from '../../domain/read-models.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { everyLanguage, layout } from '../layout.ts'
import { localPath, type RenderContext } from '../context.ts'
import { byline, kicker, languageOf, time } from './components/article-card.ts'
import { pagination, prevNext } from './components/pagination.ts'
import { sectionAndDateFields } from './archive-page.ts'
import { fill } from '../../i18n/catalogue.ts'

/** A snippet as markup: every part is escaped, and only then are the searched words wrapped in <mark>. */
export const snippetHtml = (parts: readonly SnippetPart[]): SafeHtml =>
  html`${parts.map((p) => (p.mark ? html`<mark>${p.text}</mark>` : p.text))}`

/** The search query string for a filter, without the page. */
export function searchParams(f: SearchFilter): URLSearchParams {
  const p = new URLSearchParams({ q: f.q })
  for (const s of f.sections) p.append('section', s)
  if (f.tag) p.set('tag', f.tag)
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
  return html`<form class="search-page-form archive-filter" role="search" action="${localPath(ctx, '/search')}" method="get">
<p><label for="search-q">${t.searchFor}</label> <input id="search-q" type="search" name="q" value="${f.q}" maxlength="200"> <button type="submit">${t.searchButton}</button></p>
<p class="search-help">${t.searchHelp}</p>
${sectionAndDateFields(ctx, p.allSections, f)}
${f.tag ? html`<input type="hidden" name="tag" value="${f.tag}">` : EMPTY}
</form>`
}

function summary(ctx: RenderContext, p: SearchPage): SafeHtml {
  const { t } = ctx
  const r = p.results
  if (!r) return p.filter.q.trim() ? html`<p class="result-count" role="status">${t.typeAWord}</p>` : EMPTY
  if (r.items.length === 0) return html`<p class="result-count empty-state" role="status">${r.page > 1 ? t.noMoreResults : fill(t.nothingFound, { q: p.filter.q })}</p>`
  const first = (r.page - 1) * p.perPage + 1
  return html`<p class="result-count" role="status">${fill(t.results, { first, last: first + r.items.length - 1, q: p.filter.q })}${r.hasNext ? t.moreOnNextPage : ''}.</p>`
}

export function searchPage(ctx: RenderContext, p: SearchPage): SafeHtml {
  const params = searchParams(p.filter)
  const r = p.results
  const q = p.filter.q.trim()
  const { t } = ctx
  const path = localPath(ctx, '/search')
  const title = q ? fill(t.searchQueryTitle, { q }) : t.searchTitle
  return layout(ctx, {
    title: r && r.page > 1 ? fill(t.pagedTitle, { title, n: r.page }) : title, description: fill(t.searchDescription, { site: ctx.settings.name }),
    path, noindex: true, ...(r ? prevNext(r, path, params) : {}), alternates: q ? [] : everyLanguage(ctx, '/search'),
  }, html`<header class="page-header"><h1>${t.searchTitle}</h1></header>
${form(ctx, p)}
${summary(ctx, p)}
${r && r.items.length ? html`<ol class="search-results" start="${(r.page - 1) * p.perPage + 1}">${r.items.map((a) => hit(a, ctx))}</ol>` : EMPTY}
${r ? pagination(ctx, r, path, params) : EMPTY}`)
}
