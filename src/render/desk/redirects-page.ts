// The desk's redirects: a filtered, paged list (legacy, changed slugs, manual), a form for a manual one, delete buttons.

import { html, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, input, select, statusLine, type FieldError } from './form-parts.ts'

export interface RedirectsView {
  readonly redirects: readonly {
    readonly id: number
    readonly fromPath: string
    readonly status: number
    readonly toArticleId: number | null
    readonly toUrl: string | null
    /** The article's title when the redirect points to one. */
    readonly articleTitle: string | null
    readonly kind: string
    readonly createdAt: number
  }[]
  readonly q: string
  readonly page: number
  readonly hasNext: boolean
  readonly timeZone: string
  readonly message: string | null
  readonly error: FieldError | null
  readonly values: { readonly from?: string; readonly to?: string; readonly status?: string }
}

const KINDS: Readonly<Record<string, string>> = { legacy: 'Imported', slug: 'Changed address', manual: 'Manual' }

function pageHref(v: RedirectsView, page: number): string {
  const params = new URLSearchParams()
  if (v.q) params.set('q', v.q)
  if (page > 1) params.set('page', String(page))
  const q = params.toString()
  return q ? `/desk/redirects?${q}` : '/desk/redirects'
}

const target = (r: RedirectsView['redirects'][number]): SafeHtml =>
  r.status === 410 ? html`<span class="status">410 Gone</span>`
    : r.toArticleId !== null ? html`Article ${String(r.toArticleId)}${r.articleTitle ? html`: ${r.articleTitle}` : EMPTY}`
      : html`<code>${r.toUrl ?? ''}</code>`

export function redirectsPage(ctx: DeskContext, v: RedirectsView): SafeHtml {
  return deskLayout(ctx, 'Redirects', html`<h1>Redirects</h1>
${statusLine(v.message)}
<section class="hk-panel" aria-labelledby="new-redirect">
<h2 id="new-redirect">New redirect</h2>
${formAlert(v.error, 'new-redirect-error')}
<form method="post" action="/desk/redirects" class="hk-form">${csrfField(ctx)}
<div class="hk-columns">
${input({ id: 'r-from', name: 'from', label: 'Old path', value: v.values.from ?? '', required: true, maxlength: 1000, hint: 'Starts with /; may carry a query string: /index.php?news_id=5' }, v.error)}
${input({ id: 'r-to', name: 'to', label: 'New address', value: v.values.to ?? '', maxlength: 2000, hint: 'An article id, a path (/tag/energy) or a URL; empty for 410.' }, v.error)}
${select({ id: 'r-status', name: 'status', label: 'Answer', value: v.values.status ?? '301', options: [['301', '301 Moved permanently'], ['410', '410 Gone']] }, v.error)}
</div>
<button type="submit">Add redirect</button>
</form>
</section>
<form class="filters" method="get" action="/desk/redirects" role="search" aria-label="Filter redirects">
<div class="field"><label for="f-q">Path or address contains</label><input id="f-q" name="q" type="search" maxlength="200" value="${v.q}"></div>
<button type="submit">Filter</button>
</form>
${v.redirects.length === 0 ? html`<p class="empty">No redirects match.</p>` : html`<table class="hk-table">
<caption class="visually-hidden">Redirects, newest first</caption>
<thead><tr><th scope="col">Old path</th><th scope="col">Goes to</th><th scope="col">Status</th><th scope="col">Kind</th><th scope="col">Added</th><th scope="col"><span class="visually-hidden">Delete</span></th></tr></thead>
<tbody>${v.redirects.map((r) => html`<tr data-redirect="${String(r.id)}"><td><code>${r.fromPath}</code></td><td>${target(r)}</td><td>${String(r.status)}</td><td>${KINDS[r.kind] ?? r.kind}</td>
<td><time datetime="${new Date(r.createdAt).toISOString()}">${formatDateTime(r.createdAt, v.timeZone)}</time></td>
<td><form method="post" action="/desk/redirects/${String(r.id)}/delete">${csrfField(ctx)}<button type="submit" class="danger" aria-label="Delete the redirect from ${r.fromPath}">Delete</button></form></td></tr>`)}</tbody>
</table>`}
<nav class="pager" aria-label="Pages">
${v.page > 1 ? html`<a rel="prev" href="${pageHref(v, v.page - 1)}">Newer</a>` : EMPTY}
${v.hasNext ? html`<a rel="next" href="${pageHref(v, v.page + 1)}">Older</a>` : EMPTY}
</nav>`)
}
