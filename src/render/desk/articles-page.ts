// The desk's articles list: filters (status, section, author, text), a table of working copies, and pages.

import { ARTICLE_STATUSES, type ArticleStatus } from '../../domain/article.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { deskLayout, type DeskContext } from './layout.ts'
import { statusLabel } from './article-state.ts'

export interface ArticlesListView {
  readonly filters: { readonly status?: string; readonly section?: string; readonly author?: string; readonly q?: string }
  readonly page: number
  readonly hasNext: boolean
  readonly items: readonly {
    readonly id: number
    readonly title: string
    readonly status: ArticleStatus
    readonly sectionName: string
    readonly authors: readonly string[]
    readonly creatorName: string | null
    readonly modifiedAt: number
    /** Published, with saved changes readers do not see yet. */
    readonly unpublishedChanges: boolean
  }[]
  readonly sections: readonly { readonly slug: string; readonly name: string }[]
  readonly authors: readonly { readonly slug: string; readonly name: string }[]
  /** True when the list shows only the viewer's own articles (contributors). */
  readonly ownOnly: boolean
  readonly timeZone: string
}

const STATUS_LABELS: Readonly<Record<ArticleStatus, string>> = {
  draft: 'Draft', in_review: 'In review', scheduled: 'Scheduled', published: 'Published', unpublished: 'Unpublished',
}

const option = (value: string, label: string, current: string | undefined): SafeHtml =>
  html`<option value="${value}"${value === (current ?? '') ? html` selected` : EMPTY}>${label}</option>`

/** The query string of a page of the same filters. */
function pageHref(v: ArticlesListView, page: number): string {
  const params = new URLSearchParams()
  for (const [k, value] of Object.entries(v.filters)) if (value) params.set(k, value)
  if (page > 1) params.set('page', String(page))
  const q = params.toString()
  return q ? `/desk?${q}` : '/desk'
}

export function articlesPage(ctx: DeskContext, v: ArticlesListView): SafeHtml {
  const f = v.filters
  return deskLayout(ctx, 'Articles', html`<h1>Articles</h1>
${v.ownOnly ? html`<p class="hint">You see the articles you created.</p>` : EMPTY}
<form class="filters" method="get" action="/desk" role="search" aria-label="Filter articles">
<div class="field"><label for="f-status">Status</label><select id="f-status" name="status">${option('', 'Any', f.status)}${ARTICLE_STATUSES.map((s) => option(s, STATUS_LABELS[s], f.status))}</select></div>
<div class="field"><label for="f-section">Section</label><select id="f-section" name="section">${option('', 'Any', f.section)}${v.sections.map((s) => option(s.slug, s.name, f.section))}</select></div>
<div class="field"><label for="f-author">Author</label><select id="f-author" name="author">${option('', 'Any', f.author)}${v.authors.map((a) => option(a.slug, a.name, f.author))}</select></div>
<div class="field"><label for="f-q">Title contains</label><input id="f-q" name="q" type="search" maxlength="200" value="${f.q ?? ''}"></div>
<button type="submit">Filter</button>
</form>
${v.items.length === 0 ? html`<p class="empty">No articles match.</p>` : html`<table>
<caption class="visually-hidden">Articles, most recently changed first</caption>
<thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Section</th><th scope="col">Authors</th><th scope="col">Created by</th><th scope="col">Changed</th></tr></thead>
<tbody>
${v.items.map((a) => html`<tr data-article="${a.id}"><td><a href="/desk/articles/${a.id}/edit">${a.title}</a></td><td><span class="status status-${a.status}${a.unpublishedChanges ? ' status-pending' : ''}">${statusLabel(STATUS_LABELS[a.status], a.unpublishedChanges)}</span></td><td>${a.sectionName}</td><td>${a.authors.join(', ')}</td><td>${a.creatorName ?? '—'}</td><td><time datetime="${new Date(a.modifiedAt).toISOString()}">${formatDateTime(a.modifiedAt, v.timeZone)}</time></td></tr>`)}
</tbody>
</table>`}
<nav class="pager" aria-label="Pages">
${v.page > 1 ? html`<a rel="prev" href="${pageHref(v, v.page - 1)}">Newer</a>` : EMPTY}
${v.hasNext ? html`<a rel="next" href="${pageHref(v, v.page + 1)}">Older</a>` : EMPTY}
</nav>`)
}
