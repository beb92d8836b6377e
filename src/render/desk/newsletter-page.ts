// One newsletter in the desk: its issues with their delivery progress, composing a new one, and its definition.

import type { Issue, Newsletter } from '../../domain/newsletter.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, statusLine, type FieldError } from './form-parts.ts'
import { cadenceText, newsletterFormFields, type NewsletterFormValues } from './newsletters-page.ts'

export interface NewsletterView {
  readonly newsletter: Newsletter
  readonly issues: readonly (Issue & { readonly progress: { readonly sent: number; readonly pending: number; readonly failed: number } })[]
  readonly values: NewsletterFormValues
  readonly message: string | null
  readonly error: FieldError | null
}

const STATUS: Readonly<Record<string, string>> = { draft: 'Draft', awaiting_approval: 'Waiting for approval', sending: 'Sending', sent: 'Sent' }

export function newsletterPage(ctx: DeskContext, v: NewsletterView): SafeHtml {
  const n = v.newsletter
  return deskLayout(ctx, n.name, html`<p><a href="/desk/newsletters">Newsletters</a></p>
<h1>${n.name}</h1>
${statusLine(v.message)}
<p>${cadenceText(n)} · <a href="/newsletters/${n.slug}">/newsletters/${n.slug}</a></p>
<section class="hk-panel" aria-labelledby="issues">
<h2 id="issues">Issues</h2>
<form method="post" action="/desk/newsletters/${String(n.id)}/issues">${csrfField(ctx)}<button type="submit">Compose a new issue</button></form>
${v.issues.length === 0 ? html`<p class="empty">No issues yet.</p>` : html`<table class="hk-table">
<caption class="visually-hidden">Issues, newest first</caption>
<thead><tr><th scope="col">Subject</th><th scope="col">Status</th><th scope="col">Sent</th><th scope="col">Pending</th><th scope="col">Failed</th></tr></thead>
<tbody>${v.issues.map((i) => html`<tr data-issue="${String(i.id)}"><td><a href="/desk/newsletters/issues/${String(i.id)}">${i.subject}</a></td><td>${STATUS[i.status] ?? i.status}</td>
<td>${String(i.progress.sent)}</td><td>${String(i.progress.pending)}</td><td>${String(i.progress.failed)}</td></tr>`)}</tbody></table>`}
</section>
<section class="hk-panel" aria-labelledby="definition">
<h2 id="definition">Settings</h2>
${formAlert(v.error, 'newsletter-error')}
<form method="post" action="/desk/newsletters/${String(n.id)}" class="hk-form">${csrfField(ctx)}
${newsletterFormFields(v.values, v.error)}
<button type="submit">Save</button>
</form>
</section>${EMPTY}`)
}
