// The confirmation step of a destructive desk action: what will happen, said plainly (what readers will see), and a
// form that does it. Plain HTML with its CSRF token, so it works without JavaScript; Cancel changes nothing.

import { html, type SafeHtml } from '../html.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'

export interface ConfirmView {
  /** The page's heading, a question: "Unpublish “Vote counted in Astana”?" */
  readonly heading: string
  /** What will happen, one consequence per item; the first says what readers will see. */
  readonly consequences: readonly SafeHtml[]
  /** Where the confirming form posts, with its hidden fields (the CSRF token and `confirm=yes` are added). */
  readonly action: string
  readonly fields: Readonly<Record<string, string>>
  readonly confirmLabel: string
  /** Where Cancel goes back to. */
  readonly cancelHref: string
}

/** A confirmation page for one destructive action. */
export function confirmPage(ctx: DeskContext, v: ConfirmView): SafeHtml {
  return deskLayout(ctx, v.heading, html`<section class="confirm panel" aria-labelledby="confirm-title">
<h1 id="confirm-title">${v.heading}</h1>
<ul class="consequences">
${v.consequences.map((c) => html`<li>${c}</li>`)}
</ul>
<form method="post" action="${v.action}" class="confirm-actions">${csrfField(ctx)}
${Object.entries(v.fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<input type="hidden" name="confirm" value="yes">
<button type="submit" class="danger-solid">${v.confirmLabel}</button>
<a class="cancel" href="${v.cancelHref}">Cancel</a>
</form>
</section>`)
}
