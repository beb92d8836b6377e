// The newsletter sign-up form and the block around it (footer, section pages, after articles): no cookie, no script.

import { sameLanguage } from '../../../domain/language.ts'
import { html, EMPTY, type SafeHtml } from '../../html.ts'
import type { RenderContext } from '../../context.ts'

export interface NewsletterSummary { readonly slug: string; readonly name: string; readonly description: string }

/** The newsletter a page in this language offers: the first in its language, if any. */
export const pageNewsletter = (ctx: RenderContext): (NewsletterSummary & { readonly language: string }) | undefined =>
  ctx.newsletters?.find((n) => sameLanguage(n.language, ctx.language.tag))

/** The sign-up block of the page's newsletter, or nothing when there is none in its language. */
export const pageSignUp = (ctx: RenderContext, id: string): SafeHtml => {
  const n = pageNewsletter(ctx)
  return n ? signUpBlock(ctx, n, id) : EMPTY
}

/** The sign-up form: one address field and a button; `id` keeps several forms on one page apart. No cookie, no script. */
export function signUpForm(ctx: RenderContext, n: NewsletterSummary, id: string, opts: { readonly value?: string; readonly error?: string | null } = {}): SafeHtml {
  const t = ctx.t.newsletter
  return html`<form class="newsletter-form" method="post" action="/newsletters/${n.slug}">
<label for="${id}">${t.emailLabel}</label>
<input id="${id}" name="email" type="email" autocomplete="email" required maxlength="254" value="${opts.value ?? ''}"${opts.error ? html` aria-invalid="true" aria-describedby="${id}-error"` : EMPTY}>
<button type="submit">${t.signUpButton}</button>
${opts.error ? html`<p class="field-error" id="${id}-error" role="alert">${opts.error}</p>` : EMPTY}
</form>`
}

/** The block shown in the footer, on section pages and after articles: the newsletter's name, description and form. */
export function signUpBlock(ctx: RenderContext, n: NewsletterSummary, id: string): SafeHtml {
  return html`<aside class="newsletter-signup" aria-labelledby="${id}-title"><h2 id="${id}-title">${ctx.t.newsletter.signUpHeading}: ${n.name}</h2>
${n.description ? html`<p>${n.description}</p>` : EMPTY}${signUpForm(ctx, n, id)}</aside>`
}

