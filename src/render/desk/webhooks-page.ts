// The desk's webhooks page (admins): receivers, the form for a new one (its secret shown once), recent deliveries.

import type { WebhookDelivery, WebhookReceiver } from '../../domain/webhook.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, input, statusLine, type FieldError } from './form-parts.ts'

export interface WebhooksView {
  readonly receivers: readonly WebhookReceiver[]
  readonly deliveries: readonly WebhookDelivery[]
  readonly timeZone: string
  readonly status: string | null
  readonly error?: FieldError | null
  readonly values?: { readonly url: string }
  /** A receiver just created, with its signing secret: shown on this response only. */
  readonly created?: { readonly url: string; readonly secret: string } | null
}

const when = (ms: number, tz: string): SafeHtml => html`<time datetime="${new Date(ms).toISOString()}">${formatDateTime(ms, tz)}</time>`

function receivers(ctx: DeskContext, v: WebhooksView): SafeHtml {
  if (!v.receivers.length) return html`<p class="empty">No receivers yet: nothing is sent.</p>`
  return html`<table>
<caption class="visually-hidden">Webhook receivers, active first</caption>
<thead><tr><th scope="col">Id</th><th scope="col">URL</th><th scope="col">State</th><th scope="col">Added</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>${v.receivers.map((r) => html`<tr data-receiver="${r.id}"${r.active ? EMPTY : html` class="is-disabled"`}><td>${r.id}</td><td class="url">${r.url}</td>
<td>${r.active ? 'Active' : html`Removed ${r.deactivatedAt === null ? EMPTY : when(r.deactivatedAt, v.timeZone)}`}</td><td>${when(r.createdAt, v.timeZone)}</td>
<td>${r.active ? html`<form method="post" action="/desk/webhooks/${r.id}/remove" class="inline-form">${csrfField(ctx)}<button type="submit" class="danger">Remove</button></form>` : EMPTY}</td></tr>`)}</tbody>
</table>`
}

function deliveries(ctx: DeskContext, v: WebhooksView): SafeHtml {
  if (!v.deliveries.length) return html`<p class="empty">No deliveries yet.</p>`
  return html`<table class="deliveries">
<caption class="visually-hidden">Recent deliveries, newest first</caption>
<thead><tr><th scope="col">Id</th><th scope="col">Receiver</th><th scope="col">Event</th><th scope="col">Article</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Answer</th><th scope="col">When</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>${v.deliveries.map((d) => html`<tr data-delivery="${d.id}"><td>${d.id}</td><td>${d.receiverId}</td><td>${d.eventType}</td><td>${d.article.title}<br><span class="hint">${d.article.path}</span></td>
<td><span class="status status-${d.status}">${d.status}</span></td><td>${d.attempts}</td>
<td>${d.lastStatusCode ?? EMPTY}${d.lastError ? html`<br><span class="hint">${d.lastError}</span>` : EMPTY}</td>
<td>${d.status === 'pending' ? html`next ${when(d.nextAttemptAt, v.timeZone)}` : when(d.deliveredAt ?? d.updatedAt, v.timeZone)}</td>
<td>${d.status === 'pending' ? EMPTY : html`<form method="post" action="/desk/webhooks/deliveries/${d.id}/redeliver" class="inline-form">${csrfField(ctx)}<button type="submit" class="secondary">Send again</button></form>`}</td></tr>`)}</tbody>
</table>`
}

export function webhooksPage(ctx: DeskContext, v: WebhooksView): SafeHtml {
  return deskLayout(ctx, 'Webhooks', html`<h1>Webhooks</h1>
${statusLine(v.status)}
<p class="hint">Receivers get a signed JSON POST when an article is published, updated or unpublished.</p>
${v.created ? html`<div class="new-secret">
<p><strong>Receiver added for ${v.created.url}.</strong> Its signing secret is below. Copy it now: it is not shown again.</p>
<label for="new-secret" class="visually-hidden">Signing secret</label><input id="new-secret" class="secret" type="text" readonly value="${v.created.secret}">
</div>` : EMPTY}
<section aria-labelledby="receivers-title">
<h2 id="receivers-title">Receivers</h2>
${receivers(ctx, v)}
${formAlert(v.error, 'receiver-error')}
<form method="post" action="/desk/webhooks" class="inline-fields">
${csrfField(ctx)}
${input({ id: 'receiver-url', name: 'url', label: 'Add a receiver URL', type: 'url', value: v.values?.url ?? '', required: true, maxlength: 2000, hint: 'https://… of a public server' }, v.error)}
<div><button type="submit">Add receiver</button></div>
</form>
</section>
<section aria-labelledby="deliveries-title">
<h2 id="deliveries-title">Recent deliveries</h2>
${deliveries(ctx, v)}
</section>`)
}
