// The pages of one-time links: "Forgot password", what follows a request, choosing a password, and a link that cannot be used.

import { html, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'

const alert = (error: string | null | undefined): SafeHtml =>
  error ? html`<p class="alert" role="alert" id="form-error">${error}</p>` : EMPTY

const described = (error: string | null | undefined): SafeHtml => (error ? html` aria-describedby="form-error"` : EMPTY)

const backToLogin = html`<p><a href="/desk/login">Back to the login page</a></p>`

/** "Forgot password": the address to send a link to; without mail, what to do instead. */
export function forgotPage(ctx: DeskContext, state: { readonly mailEnabled: boolean; readonly error?: string | null; readonly email?: string }): SafeHtml {
  if (!state.mailEnabled) {
    return deskLayout(ctx, 'Forgot password', html`<section class="card" aria-labelledby="forgot-title">
<h1 id="forgot-title">Forgot your password?</h1>
<p class="notice" role="status">This desk cannot send email: mail is not configured (<code>SMTP_URL</code> and <code>MAIL_FROM</code>), so no reset link can be sent.</p>
<p>Ask an admin to set a new password for you from the command line: <code>broadsheet user reset-password --email you@example.org</code>.</p>
${backToLogin}
</section>`)
  }
  return deskLayout(ctx, 'Forgot password', html`<section class="card" aria-labelledby="forgot-title">
<h1 id="forgot-title">Forgot your password?</h1>
<p>Enter the email address of your desk account. We will send a link to choose a new password; it works once, for one hour.</p>
${alert(state.error)}
<form method="post" action="/desk/forgot"${described(state.error)}>
${csrfField(ctx)}
<div class="field"><label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${state.email ?? ''}"></div>
<button type="submit">Send me a link</button>
</form>
${backToLogin}
</section>`)
}

/** After a request: the same words whether or not the address has an account. */
export function forgotSentPage(ctx: DeskContext, email: string): SafeHtml {
  return deskLayout(ctx, 'Check your email', html`<section class="card" aria-labelledby="sent-title">
<h1 id="sent-title">Check your email</h1>
<p role="status">If <strong>${email}</strong> belongs to an account on this desk, a link to choose a new password is on its way. It works once, for one hour.</p>
<p class="hint">Nothing arrived after a few minutes? Look in the spam folder, check the address, or ask an admin.</p>
${backToLogin}
</section>`)
}

export interface SetPasswordView {
  readonly purpose: 'invite' | 'reset'
  readonly token: string
  readonly email: string
  readonly name: string
  readonly expiresAt: number
  readonly timeZone: string
  readonly error?: { readonly field: string | null; readonly message: string } | null
}

/** Choosing a password through a link: an invitee also gives their name; a reset says what it ends. */
export function setPasswordPage(ctx: DeskContext, v: SetPasswordView): SafeHtml {
  const invite = v.purpose === 'invite'
  const title = invite ? 'Welcome to the desk' : 'Choose a new password'
  const error = v.error?.message ?? null
  return deskLayout(ctx, title, html`<section class="card" aria-labelledby="set-title">
<h1 id="set-title">${title}</h1>
<p>${invite ? 'Choose a password for your new account' : 'Choose a new password for'} <strong>${v.email}</strong>.
This link works once, until ${formatDateTime(v.expiresAt, v.timeZone)} (${v.timeZone}).</p>
${invite ? EMPTY : html`<p class="hint">Saving it logs you out everywhere and revokes your API tokens.</p>`}
${alert(error)}
<form method="post" action="/desk/password/${v.token}"${described(error)}>
${csrfField(ctx)}
<input type="text" name="username" value="${v.email}" autocomplete="username" hidden>
${invite ? html`<div class="field"><label for="name">Your name</label><input id="name" name="name" type="text" autocomplete="name" required maxlength="200" value="${v.name}"${v.error?.field === 'name' ? html` aria-invalid="true"` : EMPTY}></div>` : EMPTY}
<div class="field"><label for="password">${invite ? 'Password' : 'New password'}</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="256" aria-describedby="password-hint"${v.error?.field === 'password' ? html` aria-invalid="true"` : EMPTY}>
<span class="hint" id="password-hint">12 to 256 characters.</span></div>
<button type="submit">${invite ? 'Create my account' : 'Save the new password'}</button>
</form>
</section>`)
}

/** A link that cannot be used: unknown, used or expired, said plainly, with the way forward. */
export function linkProblemPage(ctx: DeskContext, v: { readonly state: 'unknown' | 'used' | 'expired'; readonly purpose: 'invite' | 'reset' | null; readonly message: string }): SafeHtml {
  const title = v.state === 'used' ? 'This link has been used' : v.state === 'expired' ? 'This link has expired' : 'This link is not valid'
  const next = v.purpose === 'invite'
    ? html`<p>If you already chose your password, <a href="/desk/login">log in</a>.</p>`
    : html`<p><a href="/desk/forgot">Ask for a new link</a> or <a href="/desk/login">log in</a>.</p>`
  return deskLayout(ctx, title, html`<section class="card" aria-labelledby="link-title">
<h1 id="link-title">${title}</h1>
<p class="alert" role="alert">${v.message}</p>
${next}
</section>`)
}
