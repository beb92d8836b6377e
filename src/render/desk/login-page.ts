// The login and first-run setup forms of the desk.

import { html, EMPTY, type SafeHtml } from '../html.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'

export interface FormState {
  /** What went wrong, shown above the form. */
  readonly error?: string | null
  /** Values to fill back in (never the password). */
  readonly values?: Readonly<Record<string, string>>
}

const alert = (error: string | null | undefined): SafeHtml =>
  error ? html`<p class="alert" role="alert" id="form-error">${error}</p>` : EMPTY

const described = (error: string | null | undefined): SafeHtml => (error ? html` aria-describedby="form-error"` : EMPTY)

/**
 * The login form; `next` is where to go after logging in (a desk path), `notice` a status to show (a password just
 * set). "Forgot your password?" leads to a page that says so when mail is off.
 */
export function loginPage(ctx: DeskContext, state: FormState & { readonly next: string; readonly notice?: string | null }): SafeHtml {
  return deskLayout(ctx, 'Log in', html`<section class="card" aria-labelledby="login-title">
<h1 id="login-title">Log in to the desk</h1>
${state.notice ? html`<p class="status-line" role="status">${state.notice}</p>` : EMPTY}
${alert(state.error)}
<form method="post" action="/desk/login"${described(state.error)}>
${csrfField(ctx)}
<input type="hidden" name="next" value="${state.next}">
<div class="field"><label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${state.values?.email ?? ''}"></div>
<div class="field"><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="256"></div>
<button type="submit">Log in</button>
</form>
<p><a href="/desk/forgot">Forgot your password?</a></p>
</section>`)
}

/** The one-time form that creates the owner of a new desk. */
export function setupPage(ctx: DeskContext, state: FormState): SafeHtml {
  return deskLayout(ctx, 'Set up', html`<section class="card" aria-labelledby="setup-title">
<h1 id="setup-title">Set up the desk</h1>
<p>Create the owner account. It is an admin and can add everyone else.</p>
${alert(state.error)}
<form method="post" action="/desk/setup"${described(state.error)}>
${csrfField(ctx)}
<div class="field"><label for="name">Your name</label><input id="name" name="name" type="text" autocomplete="name" required maxlength="200" value="${state.values?.name ?? ''}"></div>
<div class="field"><label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required maxlength="254" value="${state.values?.email ?? ''}"></div>
<div class="field"><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="256" aria-describedby="password-hint">
<span class="hint" id="password-hint">12 to 256 characters.</span></div>
<button type="submit">Create the owner account</button>
</form>
</section>`)
}
