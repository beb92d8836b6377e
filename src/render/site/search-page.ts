// The search page: the form with the query kept, then the results of this page with their snippets, never indexed.

import { sectionPath } from '../../domain/paths.ts'
import type { SearchFilter, SearchHit, SearchPage, SnippetPart } from '../../domain/read-models.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { layout } from '../layout.ts'
import type { RenderContext } from '../context.ts'
import { byline, time } from './components/article-card.ts'
import { pagination, prevNext } from './components/pagination.ts'

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
<p class="kicker"><a href="${sectionPath(a.section.slug)}">${a.section.name}</a></p>
<h2 class="headline"><a href="${a.path}"${a.language !== ctx.settings.language ? html` hreflang="${a.language}" lang="${a.language}"` : EMPTY}>${a.title}</a></h2>
${a.snippet.length ? html`<p class="snippet">${snippetHtml(a.snippet)}</p>` : EMPTY}
<p class="meta">${byline(a.authors)} ${time(a.publishedAt, ctx)}</p>
</article></li>`

function form(p: SearchPage): SafeHtml {
  const f = p.filter
  return html`<form class="search-page-form archive-filter" role="search" action="/search" method="get">
<p><label for="search-q">Search for</label> <input id="search-q" type="search" name="q" value="${f.q}" maxlength="200"> <button type="submit">Search</button></p>
<p class="search-help">Use "quotes" for a phrase and -word to leave a word out.</p>
<fieldset><legend>Sections</legend>
${p.allSections.map((s) => html`<label><input type="checkbox" name="section" value="${s.slug}"${f.sections.includes(s.slug) ? html` checked` : EMPTY}> ${s.name}</label>`)}
</fieldset>
<div class="date-range">
<label>From <input type="date" name="from" value="${f.from ?? ''}"></label>
<label>To <input type="date" name="to" value="${f.to ?? ''}"></label>
</div>
${f.tag ? html`<input type="hidden" name="tag" value="${f.tag}">` : EMPTY}
</form>`
}

function summary(p: SearchPage): SafeHtml {
  const r = p.results
  if (!r) return p.filter.q.trim() ? html`<p class="result-count" role="status">Type a word to search for.</p>` : EMPTY
  if (r.items.length === 0) return html`<p class="result-count empty-state" role="status">${r.page > 1 ? 'No more results.' : `Nothing found for “${p.filter.q}”.`}</p>`
  const first = (r.page - 1) * p.perPage + 1
  return html`<p class="result-count" role="status">Results ${first}–${first + r.items.length - 1} for “${p.filter.q}”${r.hasNext ? ', more on the next page' : ''}.</p>`
}

export function searchPage(ctx: RenderContext, p: SearchPage): SafeHtml {
  const params = searchParams(p.filter)
  const r = p.results
  const q = p.filter.q.trim()
  return layout(ctx, {
    title: q ? `Search: ${q}${r && r.page > 1 ? ` – page ${r.page}` : ''}` : 'Search', description: `Search the articles of ${ctx.settings.name}`,
    path: '/search', noindex: true, ...(r ? prevNext(r, '/search', params) : {}),
  }, html`<header class="page-header"><h1>Search</h1></header>
${form(p)}
${summary(p)}
${r && r.items.length ? html`<ol class="search-results" start="${(r.page - 1) * p.perPage + 1}">${r.items.map((a) => hit(a, ctx))}</ol>` : EMPTY}
${r ? pagination(r, '/search', params) : EMPTY}`)
}
