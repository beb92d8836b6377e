// The reader's newsletter pages: sign-up (/newsletters/<slug>), "check your inbox", confirm, manage and leave.

import { fill } from '../../i18n/catalogue.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { layout } from '../layout.ts'
import type { RenderContext } from '../context.ts'
import { signUpForm, type NewsletterSummary } from './components/newsletter-signup.ts'

export type { NewsletterSummary }
const page = (ctx: RenderContext, title: string, path: string, body: SafeHtml, noindex = true): SafeHtml =>
  layout(ctx, { title, description: title, path, noindex, newsletterSignUp: false }, html`<section class="newsletter-page">${body}</section>`)

/** /newsletters/<slug>: what it is and the form; a refused address comes back with its message. */
export const newsletterSignUpPage = (ctx: RenderContext, n: NewsletterSummary, opts: { value?: string; error?: string | null } = {}): SafeHtml =>
  layout(ctx, { title: n.name, description: n.description || n.name, path: `/newsletters/${n.slug}`, newsletterSignUp: false, ...(opts.error ? { noindex: true } : {}) }, html`<section class="newsletter-page">
<h1>${n.name}</h1>
${n.description ? html`<p class="standfirst">${n.description}</p>` : EMPTY}
${signUpForm(ctx, n, 'newsletter-email', opts)}
<p class="newsletter-note">${ctx.t.newsletter.noCookies}</p>
</section>`)

/** The same answer whether or not the address already receives the newsletter. */
export const checkInboxPage = (ctx: RenderContext, n: NewsletterSummary, email: string): SafeHtml =>
  page(ctx, ctx.t.newsletter.checkInboxTitle, `/newsletters/${n.slug}`, html`<h1>${ctx.t.newsletter.checkInboxTitle}</h1>
<p>${fill(ctx.t.newsletter.checkInboxText, { email, name: n.name })}</p>`)

/** The page a confirmation link opens: a button, so that a mail scanner fetching the link does not confirm on its own. */
export const confirmPage = (ctx: RenderContext, token: string): SafeHtml =>
  page(ctx, ctx.t.newsletter.confirmTitle, '/newsletters/confirm', html`<h1>${ctx.t.newsletter.confirmTitle}</h1>
<form method="post" action="/newsletters/confirm"><input type="hidden" name="t" value="${token}"><button type="submit">${ctx.t.newsletter.confirmButton}</button></form>`)

export const confirmedPage = (ctx: RenderContext, n: NewsletterSummary, manageToken: string): SafeHtml =>
  page(ctx, ctx.t.newsletter.confirmedTitle, '/newsletters/confirm', html`<h1>${ctx.t.newsletter.confirmedTitle}</h1>
<p>${fill(ctx.t.newsletter.confirmedText, { name: n.name })}</p>
<p><a href="/newsletters/manage?t=${manageToken}">${ctx.t.newsletter.manageLink}</a></p>`)

export interface ManagePageView {
  readonly token: string
  readonly email: string
  readonly subscriptions: readonly { readonly newsletterId: number; readonly name: string; readonly status: 'pending' | 'active' | 'left' }[]
}

/** Every newsletter of the address behind a manage link, each with a leave button, and one to leave them all. */
export function managePage(ctx: RenderContext, v: ManagePageView): SafeHtml {
  const t = ctx.t.newsletter
  const status = { active: t.statusActive, pending: t.statusPending, left: t.statusLeft }
  const leaveForm = (id: string, label: string) => html`<form method="post" action="/newsletters/manage"><input type="hidden" name="t" value="${v.token}"><input type="hidden" name="newsletter" value="${id}"><button type="submit">${label}</button></form>`
  return page(ctx, t.manageTitle, '/newsletters/manage', html`<h1>${t.manageTitle}</h1>
<p>${fill(t.manageIntro, { email: v.email })}</p>
<ul class="newsletter-list">${v.subscriptions.map((s) => html`<li data-newsletter-id="${String(s.newsletterId)}"><strong>${s.name}</strong> · ${status[s.status]}${s.status === 'left' ? EMPTY : leaveForm(String(s.newsletterId), t.leave)}</li>`)}</ul>
${v.subscriptions.some((s) => s.status !== 'left') ? leaveForm('all', t.leaveAll) : EMPTY}`)
}

export const leftPage = (ctx: RenderContext, manageToken: string): SafeHtml =>
  page(ctx, ctx.t.newsletter.leftTitle, '/newsletters/manage', html`<h1>${ctx.t.newsletter.leftTitle}</h1>
<p>${ctx.t.newsletter.leftText}</p>
<p><a href="/newsletters/manage?t=${manageToken}">${ctx.t.newsletter.manageLink}</a></p>`)
