// The desk's newsletters: the list with subscription counts, and the form that defines or changes one.

import { html, EMPTY, type SafeHtml } from '../html.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, input, select, statusLine, textarea, type FieldError } from './form-parts.ts'

export interface NewsletterRow {
  readonly id: number
  readonly slug: string
  readonly name: string
  readonly cadence: string
  readonly sendTime: string | null
  readonly sendWeekday: number | null
  readonly autoSend: boolean
  readonly counts: { readonly pending: number; readonly active: number; readonly left: number }
}

/** The form's values as typed (strings), so a refused form comes back as it was sent. */
export type NewsletterFormValues = Readonly<Partial<Record<'name' | 'slug' | 'description' | 'language' | 'senderName' | 'senderAddress' | 'replyTo' | 'cadence' | 'sendTime' | 'sendWeekday' | 'autoSend' | 'sections', string>>>

export interface NewslettersView {
  readonly newsletters: readonly NewsletterRow[]
  readonly message: string | null
  readonly error: FieldError | null
  readonly values: NewsletterFormValues
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** When a newsletter goes out, in words. */
export const cadenceText = (n: Pick<NewsletterRow, 'cadence' | 'sendTime' | 'sendWeekday' | 'autoSend'>): string =>
  n.cadence === 'manual' ? 'Sent by hand'
    : `${n.cadence === 'weekly' ? `Every ${WEEKDAYS[(n.sendWeekday ?? 1) - 1]}` : 'Every day'} at ${n.sendTime ?? ''}${n.autoSend ? ', on its own' : ', after approval'}`

/** The fields of a newsletter, for the new and the edit form alike. */
export function newsletterFormFields(v: NewsletterFormValues, error: FieldError | null): SafeHtml {
  return html`<div class="hk-columns">
${input({ id: 'n-name', name: 'name', label: 'Name', value: v.name ?? '', required: true, maxlength: 120 }, error)}
${input({ id: 'n-slug', name: 'slug', label: 'Slug', value: v.slug ?? '', required: true, maxlength: 120, hint: 'Its page is /newsletters/<slug>' }, error)}
${input({ id: 'n-language', name: 'language', label: 'Language', value: v.language ?? 'en', required: true, maxlength: 35, hint: 'A language tag: en, ru, pt-BR' }, error)}
</div>
${textarea({ id: 'n-description', name: 'description', label: 'Description', value: v.description ?? '', maxlength: 1000, rows: 3, hint: 'Shown on the sign-up page and form.' }, error)}
<div class="hk-columns">
${input({ id: 'n-sender-name', name: 'senderName', label: 'Sender name', value: v.senderName ?? '', required: true, maxlength: 120 }, error)}
${input({ id: 'n-sender', name: 'senderAddress', label: 'Sender address', type: 'email', value: v.senderAddress ?? '', required: true, maxlength: 254, hint: 'An address of a domain whose SPF and DKIM your mail service signs.' }, error)}
${input({ id: 'n-reply', name: 'replyTo', label: 'Reply-to', type: 'email', value: v.replyTo ?? '', maxlength: 254, hint: 'Optional.' }, error)}
</div>
<div class="hk-columns">
${select({ id: 'n-cadence', name: 'cadence', label: 'Cadence', value: v.cadence ?? 'manual', options: [['manual', 'Manual'], ['daily', 'Daily'], ['weekly', 'Weekly']] }, error)}
${input({ id: 'n-time', name: 'sendTime', label: 'Time', value: v.sendTime ?? '', maxlength: 5, hint: 'HH:MM, site time zone (daily and weekly)' }, error)}
${select({ id: 'n-weekday', name: 'sendWeekday', label: 'Day (weekly)', value: v.sendWeekday ?? '1', options: WEEKDAYS.map((d, i) => [String(i + 1), d] as const) }, error)}
</div>
${input({ id: 'n-sections', name: 'sections', label: 'Sections', value: v.sections ?? '', maxlength: 1000, hint: 'Slugs of the sections whose latest articles an issue takes, separated by commas.' }, error)}
<div class="field"><label><input type="checkbox" name="autoSend" value="on"${v.autoSend === 'on' ? html` checked` : EMPTY}> Scheduled issues go out on their own (otherwise they wait for approval)</label></div>`
}

export function newslettersPage(ctx: DeskContext, v: NewslettersView): SafeHtml {
  return deskLayout(ctx, 'Newsletters', html`<h1>Newsletters</h1>
${statusLine(v.message)}
${v.newsletters.length === 0 ? html`<p class="empty">No newsletters yet.</p>` : html`<table class="hk-table">
<caption class="visually-hidden">Newsletters</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Sent</th><th scope="col">Subscribers</th><th scope="col">Waiting for confirmation</th><th scope="col">Left</th></tr></thead>
<tbody>${v.newsletters.map((n) => html`<tr data-newsletter="${n.slug}"><td><a href="/desk/newsletters/${String(n.id)}">${n.name}</a><br><code>/newsletters/${n.slug}</code></td>
<td>${cadenceText(n)}</td><td>${String(n.counts.active)}</td><td>${String(n.counts.pending)}</td><td>${String(n.counts.left)}</td></tr>`)}</tbody>
</table>`}
<p><a href="/desk/newsletters/subscribers">Subscribers</a></p>
<section class="hk-panel" aria-labelledby="new-newsletter">
<h2 id="new-newsletter">New newsletter</h2>
${formAlert(v.error, 'new-newsletter-error')}
<form method="post" action="/desk/newsletters" class="hk-form">${csrfField(ctx)}
${newsletterFormFields(v.values, v.error)}
<button type="submit">Add newsletter</button>
</form>
</section>`)
}
