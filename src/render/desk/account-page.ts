// The desk's own-account page: name, password, and the user's API tokens (a new token is shown here once, never again).

import { html, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, input, statusLine, textarea, type FieldError } from './form-parts.ts'

export interface AccountView {
  readonly name: string
  readonly email: string
  readonly role: string
  readonly tokens: readonly { readonly id: number; readonly name: string; readonly createdAt: number; readonly lastUsedAt: number | null; readonly revokedAt: number | null }[]
  readonly timeZone: string
  readonly status: string | null
  /** A refused change and the form it came from. */
  readonly error?: { readonly form: 'name' | 'password' | 'token' | 'byline'; readonly error: FieldError } | null
  readonly values?: { readonly name?: string; readonly tokenName?: string; readonly byline?: BylineValues }
  /** The account's own byline, or null when it has none yet (accounts made before bylines belonged to accounts). */
  readonly byline?: BylineValues | null
  /** A token just created: shown on this response only. */
  readonly newToken?: { readonly name: string; readonly token: string } | null
}

export interface BylineValues { readonly name: string; readonly slug: string; readonly bio: string }

function byline(ctx: DeskContext, v: AccountView): SafeHtml {
  const err = v.error?.form === 'byline' ? v.error.error : null
  const b = v.values?.byline ?? v.byline ?? { name: v.name, slug: '', bio: '' }
  return html`<section class="panel" aria-labelledby="byline-title">
<h2 id="byline-title">Your byline</h2>
<p class="hint">${v.byline ? html`How articles credit you; it is chosen for you on new articles. Your author page: <a href="/author/${v.byline.slug}">/author/${v.byline.slug}</a>.` : 'You have no byline yet: save one to credit yourself on articles.'}</p>
${formAlert(err, 'byline-error')}
<form method="post" action="/desk/account/byline">
${csrfField(ctx)}
${input({ id: 'byline-name', name: 'name', label: 'Name on articles', value: b.name, required: true, maxlength: 200 }, err)}
${input({ id: 'byline-slug', name: 'slug', label: 'Author page address', value: b.slug, maxlength: 120, hint: 'Lower-case letters, digits and hyphens; empty makes it from the name. A new address leaves a redirect from the old one.' }, err)}
${textarea({ id: 'byline-bio', name: 'bio', label: 'Short bio', value: b.bio, maxlength: 2000, rows: 3 }, err)}
<button type="submit">Save byline</button>
</form>
</section>`
}

const when = (ms: number | null, tz: string): SafeHtml =>
  ms === null ? html`never` : html`<time datetime="${new Date(ms).toISOString()}">${formatDateTime(ms, tz)}</time>`

function tokens(ctx: DeskContext, v: AccountView): SafeHtml {
  const err = v.error?.form === 'token' ? v.error.error : null
  return html`<section class="panel" aria-labelledby="tokens-title">
<h2 id="tokens-title">API tokens</h2>
<p class="hint">A token lets a program use the Admin API as you, with your role: send it as <code>Authorization: Bearer &lt;token&gt;</code>. Revoke tokens you no longer use. Changing your password or logging out everywhere revokes them all.</p>
${v.newToken ? html`<div class="new-secret">
<p><strong>Your new token “${v.newToken.name}”.</strong> Copy it now: it is not shown again.</p>
<label for="new-token" class="visually-hidden">New API token</label><input id="new-token" class="secret" type="text" readonly value="${v.newToken.token}">
</div>` : EMPTY}
${v.tokens.length ? html`<table>
<caption class="visually-hidden">Your API tokens, newest first</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>${v.tokens.map((t) => html`<tr data-token="${t.id}"><td>${t.name || '(no name)'}</td><td>${when(t.createdAt, v.timeZone)}</td><td>${when(t.lastUsedAt, v.timeZone)}</td>
<td>${t.revokedAt === null ? 'Active' : html`Revoked ${when(t.revokedAt, v.timeZone)}`}</td>
<td>${t.revokedAt === null ? html`<form method="post" action="/desk/account/tokens/${t.id}/revoke" class="inline-form">${csrfField(ctx)}<button type="submit" class="danger">Revoke</button></form>` : EMPTY}</td></tr>`)}</tbody>
</table>` : html`<p class="empty">You have no API tokens.</p>`}
${formAlert(err, 'token-error')}
<form method="post" action="/desk/account/tokens" class="inline-fields">
${csrfField(ctx)}
${input({ id: 'token-name', name: 'name', label: 'Name of a new token', value: v.values?.tokenName ?? '', maxlength: 100, hint: 'What will use it, e.g. “newsletter export”.' }, err)}
${input({ id: 'token-password', name: 'current_password', label: 'Your current password', type: 'password', required: true, maxlength: 1024, autocomplete: 'current-password' }, err)}
<div><button type="submit">Create token</button></div>
</form>
</section>`
}

export function accountPage(ctx: DeskContext, v: AccountView): SafeHtml {
  const nameErr = v.error?.form === 'name' ? v.error.error : null
  const pwErr = v.error?.form === 'password' ? v.error.error : null
  return deskLayout(ctx, 'My account', html`<h1>My account</h1>
${statusLine(v.status)}
<p>${v.email} · ${v.role}</p>
<div class="account-columns">
<section class="panel" aria-labelledby="name-title">
<h2 id="name-title">Name</h2>
${formAlert(nameErr, 'name-error')}
<form method="post" action="/desk/account/name">
${csrfField(ctx)}
${input({ id: 'account-name', name: 'name', label: 'Your name', value: v.values?.name ?? v.name, required: true, maxlength: 200, autocomplete: 'name' }, nameErr)}
<button type="submit">Save name</button>
</form>
</section>
<section class="panel" aria-labelledby="password-title">
<h2 id="password-title">Password</h2>
${formAlert(pwErr, 'password-error')}
<form method="post" action="/desk/account/password">
${csrfField(ctx)}
<input type="text" name="username" value="${v.email}" autocomplete="username" hidden>
${input({ id: 'current-password', name: 'current_password', label: 'Current password', type: 'password', required: true, maxlength: 1024, autocomplete: 'current-password' }, pwErr)}
${input({ id: 'new-password', name: 'new_password', label: 'New password', type: 'password', required: true, maxlength: 256, autocomplete: 'new-password', hint: '12 to 256 characters. Your other sessions end and your API tokens are revoked; this one stays.' }, pwErr)}
<button type="submit">Change password</button>
</form>
</section>
${byline(ctx, v)}
</div>
${tokens(ctx, v)}`)
}
