// The desk's audit log: who did what and when, newest first, filtered by user and action, paged backwards.

import { html, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { deskLayout, type DeskContext } from './layout.ts'

export interface AuditView {
  readonly entries: readonly {
    readonly id: number
    readonly userName: string | null
    readonly action: string
    readonly subjectType: string | null
    readonly subjectId: string | null
    readonly details: Record<string, unknown>
    readonly at: number
  }[]
  readonly users: readonly { readonly id: number; readonly name: string }[]
  readonly actions: readonly string[]
  readonly filters: { readonly user?: number; readonly action?: string }
  /** Set when this is not the newest page. */
  readonly before: number | null
  /** The id to page back from, when there are older entries. */
  readonly olderThan: number | null
  readonly timeZone: string
}

const href = (v: AuditView, before: number | null): string => {
  const params = new URLSearchParams()
  if (v.filters.user !== undefined) params.set('user', String(v.filters.user))
  if (v.filters.action) params.set('action', v.filters.action)
  if (before !== null) params.set('before', String(before))
  const q = params.toString()
  return q ? `/desk/audit?${q}` : '/desk/audit'
}

/** Details as short `key: value` pairs, empty values left out; times (`until`, `at`) in the site's zone; nested values as compact JSON. */
const details = (d: Record<string, unknown>, timeZone: string): string =>
  Object.entries(d).filter(([, value]) => value !== null && value !== undefined)
    .map(([k, value]) => `${k}: ${typeof value === 'string' ? value : typeof value === 'number' && /^(until|at)$|At$/.test(k) ? formatDateTime(value, timeZone) : JSON.stringify(value)}`)
    .join(' · ')

export function auditPage(ctx: DeskContext, v: AuditView): SafeHtml {
  const opt = (value: string, label: string, current: string) => html`<option value="${value}"${value === current ? html` selected` : EMPTY}>${label}</option>`
  return deskLayout(ctx, 'Audit log', html`<h1>Audit log</h1>
<form class="filters" method="get" action="/desk/audit" role="search" aria-label="Filter the audit log">
<div class="field"><label for="f-user">User</label><select id="f-user" name="user">${opt('', 'Anyone', String(v.filters.user ?? ''))}${v.users.map((u) => opt(String(u.id), u.name, String(v.filters.user ?? '')))}</select></div>
<div class="field"><label for="f-action">Action</label><select id="f-action" name="action">${opt('', 'Any', v.filters.action ?? '')}${v.actions.map((a) => opt(a, a, v.filters.action ?? ''))}</select></div>
<button type="submit">Filter</button>
</form>
${v.entries.length === 0 ? html`<p class="empty">No entries match.</p>` : html`<table class="hk-table">
<caption class="visually-hidden">Audit entries, newest first</caption>
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Subject</th><th scope="col">Details</th></tr></thead>
<tbody>${v.entries.map((e) => html`<tr data-audit="${String(e.id)}"><td><time datetime="${new Date(e.at).toISOString()}">${formatDateTime(e.at, v.timeZone)}</time></td>
<td>${e.userName ?? '—'}</td><td><code>${e.action}</code></td><td>${e.subjectType ? `${e.subjectType} ${e.subjectId ?? ''}` : '—'}</td><td class="hk-details">${details(e.details, v.timeZone)}</td></tr>`)}</tbody>
</table>`}
<nav class="pager" aria-label="Pages">
${v.before !== null ? html`<a href="${href(v, null)}">Newest</a>` : EMPTY}
${v.olderThan !== null ? html`<a rel="next" href="${href(v, v.olderThan)}">Older</a>` : EMPTY}
</nav>`)
}
