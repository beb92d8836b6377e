// The desk's trash: deleted articles, most recently deleted first, with restore (as a draft) and delete for good.

import { html, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'

/** A deleted article as the trash lists it. */
export interface TrashItem {
  readonly id: number
  readonly title: string
  readonly sectionName: string
  readonly deletedAt: number
  readonly deletedByName: string | null
}

export interface TrashView {
  readonly items: readonly TrashItem[]
  readonly page: number
  readonly hasNext: boolean
  /** True when the list shows only the viewer's own articles. */
  readonly ownOnly: boolean
  /** Whether the viewer may delete for good (editors and admins). */
  readonly mayDeleteForever: boolean
  readonly timeZone: string
  readonly notice: string | null
}

function row(ctx: DeskContext, v: TrashView, t: TrashItem): SafeHtml {
  return html`<tr data-article="${t.id}">
<td>${t.title}<span class="hint trash-section"> · ${t.sectionName}</span></td>
<td><time datetime="${new Date(t.deletedAt).toISOString()}">${formatDateTime(t.deletedAt, v.timeZone)}</time>${t.deletedByName ? html`<span class="hint"> by ${t.deletedByName}</span>` : EMPTY}</td>
<td><div class="trash-actions"><form method="post" action="/desk/trash/${t.id}/restore">${csrfField(ctx)}<button type="submit" class="secondary">Restore as draft</button></form>
${v.mayDeleteForever ? html`<form method="get" action="/desk/trash/${t.id}/delete"><button type="submit" class="danger">Delete forever…</button></form>` : EMPTY}</div></td>
</tr>`
}

/** The trash page. */
export function trashPage(ctx: DeskContext, v: TrashView): SafeHtml {
  return deskLayout(ctx, 'Trash', html`<h1>Trash</h1>
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : EMPTY}
<p class="hint">Articles here are on no page of the site, and their old addresses answer 410 Gone. Restoring one brings it back as a draft; it is live again only once published.${v.ownOnly ? ' You see the articles you created.' : ''}</p>
${v.items.length === 0 ? html`<p class="empty">The trash is empty.</p>` : html`<table class="trash">
<caption class="visually-hidden">Deleted articles, most recently deleted first</caption>
<thead><tr><th scope="col">Title</th><th scope="col">Deleted</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>
${v.items.map((t) => row(ctx, v, t))}
</tbody>
</table>`}
<nav class="pager" aria-label="Pages">
${v.page > 1 ? html`<a rel="prev" href="/desk/trash${v.page > 2 ? `?page=${v.page - 1}` : ''}">Newer</a>` : EMPTY}
${v.hasNext ? html`<a rel="next" href="/desk/trash?page=${v.page + 1}">Older</a>` : EMPTY}
</nav>`)
}
