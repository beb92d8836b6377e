// The desk's newsletter subscribers: search, each address's newsletters and source, erasure, CSV export and import.

import { html, EMPTY, type SafeHtml } from '../html.ts'
import { formatDate, formatDateTime, formatDayMonth } from '../format.ts'
import type { WeeklyActivity } from '../../domain/newsletter.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, input, select, statusLine, textarea, type FieldError } from './form-parts.ts'

export interface SubscribersView {
  readonly subscribers: readonly {
    readonly id: number
    readonly email: string
    readonly source: string
    readonly sourceNote: string
    readonly createdAt: number
    readonly suppressedAt: number | null
    readonly newsletters: readonly string[]
  }[]
  readonly newsletters: readonly { readonly id: number; readonly name: string }[]
  readonly q: string
  readonly page: number
  readonly hasNext: boolean
  readonly timeZone: string
  readonly message: string | null
  readonly error: FieldError | null
  /** Subscriptions started and left per week, by newsletter. */
  readonly weekly: WeeklyActivity
}

/** Each newsletter's weeks as a table: started and left per week, newest week last, a net total at the end. */
function weeklyTable(w: WeeklyActivity, timeZone: string): SafeHtml {
  if (!w.newsletters.length) return EMPTY
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)
  const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0')
  return html`<section class="hk-panel" aria-labelledby="weekly">
<h2 id="weekly">Subscribed and left, week by week</h2>
<table class="hk-table weekly">
<caption class="visually-hidden">Subscriptions started (confirmed or imported) and left in each of the last ${String(w.starts.length)} weeks</caption>
<thead><tr><th scope="col">Newsletter</th>${w.starts.map((t) => html`<th scope="col"><time datetime="${new Date(t).toISOString()}" title="${formatDate(t, timeZone)}">${formatDayMonth(t, timeZone)}</time></th>`)}<th scope="col">Net</th></tr></thead>
<tbody>${w.newsletters.map((n) => html`<tr data-newsletter="${String(n.id)}"><th scope="row">${n.name}</th>
${n.subscribed.map((s, i) => {
    const left = n.left[i] ?? 0
    return s === 0 && left === 0 ? html`<td class="none">·</td>` : html`<td><span title="subscribed">+${String(s)}</span> <span title="left">−${String(left)}</span></td>`
  })}
<td>${signed(sum(n.subscribed) - sum(n.left))}</td></tr>`)}</tbody>
</table>
<p class="hint">Each column is a week of seven days, starting on the date shown; erased addresses are not counted.</p>
</section>`
}

export function subscribersPage(ctx: DeskContext, v: SubscribersView): SafeHtml {
  const href = (page: number) => `/desk/newsletters/subscribers?${new URLSearchParams({ ...(v.q && { q: v.q }), page: String(page) }).toString()}`
  return deskLayout(ctx, 'Subscribers', html`<p><a href="/desk/newsletters">Newsletters</a></p>
<h1>Subscribers</h1>
${statusLine(v.message)}
${weeklyTable(v.weekly, v.timeZone)}
<p><a href="/desk/newsletters/subscribers.csv" download>Export every subscription as CSV</a></p>
<form class="filters" method="get" action="/desk/newsletters/subscribers" role="search" aria-label="Search subscribers">
<div class="field"><label for="s-q">Address contains</label><input id="s-q" name="q" type="search" maxlength="200" value="${v.q}"></div>
<button type="submit">Search</button>
</form>
${v.subscribers.length === 0 ? html`<p class="empty">No subscribers match.</p>` : html`<table class="hk-table">
<caption class="visually-hidden">Subscribers, newest first</caption>
<thead><tr><th scope="col">Address</th><th scope="col">Newsletters</th><th scope="col">Source</th><th scope="col">Since</th><th scope="col"><span class="visually-hidden">Erase</span></th></tr></thead>
<tbody>${v.subscribers.map((s) => html`<tr data-subscriber="${String(s.id)}"><td>${s.email}${s.suppressedAt !== null ? html` <span class="status">refused by its server</span>` : EMPTY}</td>
<td>${s.newsletters.join(', ') || '—'}</td><td>${s.source === 'import' ? `Imported: ${s.sourceNote}` : 'Sign-up form'}</td>
<td><time datetime="${new Date(s.createdAt).toISOString()}">${formatDateTime(s.createdAt, v.timeZone)}</time></td>
<td><form method="post" action="/desk/newsletters/subscribers/${String(s.id)}/erase">${csrfField(ctx)}<button type="submit" class="danger" aria-label="Erase ${s.email} and everything about it">Erase</button></form></td></tr>`)}</tbody>
</table>`}
<nav class="pager" aria-label="Pages">
${v.page > 1 ? html`<a rel="prev" href="${href(v.page - 1)}">Newer</a>` : EMPTY}
${v.hasNext ? html`<a rel="next" href="${href(v.page + 1)}">Older</a>` : EMPTY}
</nav>
<section class="hk-panel" aria-labelledby="import">
<h2 id="import">Import addresses</h2>
<p>Only addresses that agreed to receive the newsletter elsewhere: they are subscribed at once, marked as imported with the source you give.</p>
${formAlert(v.error, 'import-error')}
<form method="post" action="/desk/newsletters/subscribers/import" class="hk-form">${csrfField(ctx)}
${select({ id: 'imp-newsletter', name: 'newsletter', label: 'Newsletter', value: '', options: v.newsletters.map((n) => [String(n.id), n.name] as const) }, v.error)}
${input({ id: 'imp-source', name: 'source', label: 'Where the list comes from', required: true, maxlength: 200, hint: 'e.g. "Mailchimp export, March 2026"' }, v.error)}
${textarea({ id: 'imp-csv', name: 'csv', label: 'CSV', rows: 6, hint: 'A column named email (or addresses in the first column), one per line.' }, v.error)}
<button type="submit">Import</button>
</form>
</section>`)
}
