// The desk's users page (admins): everyone with their role and state, per-user actions, and the form for a new user.

import type { User } from '../../domain/account.ts'
import { ROLES } from '../../domain/roles.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, input, select, statusLine, type FieldError } from './form-parts.ts'

export interface UsersView {
  readonly users: readonly User[]
  /** The admin looking at the page. */
  readonly viewerId: number
  readonly timeZone: string
  readonly status: string | null
  /** A refused change, and which form it came from: 'new' or a user id. */
  readonly error?: { readonly form: 'new' | number; readonly error: FieldError } | null
  readonly values?: { readonly name: string; readonly email: string; readonly role: string }
  /** Whether mail is on: then new users are invited by email instead of given a first password. */
  readonly mailEnabled?: boolean
  /** Invitations not yet used or expired. */
  readonly invitations?: readonly { readonly email: string; readonly name: string; readonly role: string | null; readonly expiresAt: number }[]
}

const ROLE_LABELS: Readonly<Record<string, string>> = { contributor: 'Contributor', author: 'Author', editor: 'Editor', admin: 'Admin' }
const roleOptions = ROLES.map((r) => [r, ROLE_LABELS[r] ?? r] as const)

function userRow(ctx: DeskContext, v: UsersView, u: User): SafeHtml {
  const rowError = v.error?.form === u.id ? v.error.error : null
  const action = (path: string, label: string, hidden: SafeHtml = EMPTY, cls = '') =>
    html`<form method="post" action="/desk/users/${u.id}/${path}" class="inline-form">${csrfField(ctx)}${hidden}<button type="submit"${cls ? html` class="${cls}"` : EMPTY}>${label}</button></form>`
  return html`<tr data-user="${u.id}"${u.disabled ? html` class="is-disabled"` : EMPTY}>
<th scope="row">${u.name}${u.id === v.viewerId ? html` <span class="badge">you</span>` : EMPTY}${rowError ? html`<p class="alert" role="alert">${rowError.message}</p>` : EMPTY}</th>
<td>${u.email}</td>
<td><form method="post" action="/desk/users/${u.id}/role" class="inline-form">${csrfField(ctx)}
${select({ id: `role-${u.id}`, name: 'role', label: `Role of ${u.name}`, value: u.role, options: roleOptions, hideLabel: true })}
<button type="submit" class="secondary">Change</button></form></td>
<td>${u.disabled ? html`<span class="status status-off">Deactivated</span>` : html`<span class="status">Active</span>`}</td>
<td><time datetime="${new Date(u.createdAt).toISOString()}">${formatDateTime(u.createdAt, v.timeZone)}</time></td>
<td class="actions">${u.disabled
    ? action('active', 'Reactivate', html`<input type="hidden" name="active" value="1">`, 'secondary')
    : html`${action('sessions', 'Log out everywhere', EMPTY, 'secondary')}${action('active', 'Deactivate', html`<input type="hidden" name="active" value="0">`, 'danger')}`}</td>
</tr>`
}

export function usersPage(ctx: DeskContext, v: UsersView): SafeHtml {
  const newError = v.error?.form === 'new' ? v.error.error : null
  return deskLayout(ctx, 'Users', html`<h1>Users</h1>
${statusLine(v.status)}
<table class="users">
<caption class="visually-hidden">Desk users by name</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">State</th><th scope="col">Since</th><th scope="col">Actions</th></tr></thead>
<tbody>
${v.users.map((u) => userRow(ctx, v, u))}
</tbody>
</table>
<p class="hint">Contributors write drafts; authors also publish their own; editors publish and curate everything; admins also manage users, webhooks and settings. Deactivated users cannot log in and their API tokens stop working.</p>
${v.mailEnabled ? inviteSection(ctx, v, newError) : html`<section class="panel" aria-labelledby="new-user-title">
<h2 id="new-user-title">Add a user</h2>
<p class="notice">Mail is not configured (<code>SMTP_URL</code> and <code>MAIL_FROM</code>), so users cannot be invited by email: give them a first password here, or use <code>broadsheet user create</code>.</p>
${formAlert(newError, 'new-user-error')}
<form method="post" action="/desk/users" class="grid-form">
${csrfField(ctx)}
${input({ id: 'new-name', name: 'name', label: 'Name', value: v.values?.name ?? '', required: true, maxlength: 200, autocomplete: 'off' }, newError)}
${input({ id: 'new-email', name: 'email', label: 'Email', type: 'email', value: v.values?.email ?? '', required: true, maxlength: 254, autocomplete: 'off' }, newError)}
${select({ id: 'new-role', name: 'role', label: 'Role', value: v.values?.role ?? 'contributor', options: roleOptions }, newError)}
${input({ id: 'new-password', name: 'password', label: 'First password', type: 'password', required: true, maxlength: 256, autocomplete: 'new-password', hint: '12 to 256 characters; tell it to them in person, they change it under My account.' }, newError)}
<div><button type="submit">Add user</button></div>
</form>
</section>`}`)
}

/** With mail on: invite by email and role; the invitee chooses their own password through a link valid 72 hours. */
function inviteSection(ctx: DeskContext, v: UsersView, error: FieldError | null): SafeHtml {
  const pending = v.invitations ?? []
  return html`<section class="panel" aria-labelledby="invite-title">
<h2 id="invite-title">Invite a user</h2>
<p class="hint">They get an email with a link to choose their password; it works once, for 72 hours. Inviting the same address again replaces the earlier link.</p>
${formAlert(error, 'new-user-error')}
<form method="post" action="/desk/users/invite" class="grid-form">
${csrfField(ctx)}
${input({ id: 'new-email', name: 'email', label: 'Email', type: 'email', value: v.values?.email ?? '', required: true, maxlength: 254, autocomplete: 'off' }, error)}
${input({ id: 'new-name', name: 'name', label: 'Name (they may change it)', value: v.values?.name ?? '', maxlength: 200, autocomplete: 'off' }, error)}
${select({ id: 'new-role', name: 'role', label: 'Role', value: v.values?.role ?? 'contributor', options: roleOptions }, error)}
<div><button type="submit">Send invitation</button></div>
</form>
${pending.length ? html`<h3>Waiting for an answer</h3>
<ul class="invitations">${pending.map((i) => html`<li><strong>${i.email}</strong>${i.name ? html` (${i.name})` : EMPTY}, ${ROLE_LABELS[i.role ?? ''] ?? i.role}: the link works until <time datetime="${new Date(i.expiresAt).toISOString()}">${formatDateTime(i.expiresAt, v.timeZone)}</time></li>`)}</ul>` : EMPTY}
</section>`
}
