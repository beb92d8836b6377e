// The desk's settings page (admins): the site's name and description, languages, social accounts, logo; links to the menu
// and the pages, edited on their own.

import { html, type SafeHtml } from '../html.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, input, select, statusLine, textarea, type FieldError } from './form-parts.ts'
import type { SiteSettingsForm } from '../../domain/site.ts'
import { languagesForm, type LanguageRowView } from './languages-form.ts'


export interface SettingsView {
  readonly values: SiteSettingsForm
  readonly networks: readonly string[]
  /** Images that can be the logo (the current one first when it is not among them). */
  readonly logoChoices: readonly (readonly [string, string])[]
  /** The server's time zone (SITE_TIMEZONE): schedules and archive dates are computed in it. */
  readonly timeZone: string
  readonly status: string | null
  readonly error?: FieldError | null
  /** The languages form's rows (empty ones to add a language included) and its own error. */
  readonly languages: readonly LanguageRowView[]
  readonly languagesError?: FieldError | null
}

const NETWORK_LABELS: Readonly<Record<string, string>> = {
  x: 'X', facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn', youtube: 'YouTube', telegram: 'Telegram', mastodon: 'Mastodon', bluesky: 'Bluesky',
}

export function settingsPage(ctx: DeskContext, v: SettingsView): SafeHtml {
  const err = v.error
  const val = v.values
  return deskLayout(ctx, 'Settings', html`<h1>Settings</h1>
${statusLine(v.status)}
${formAlert(err, 'settings-error')}
<form method="post" action="/desk/settings" class="settings-form">
${csrfField(ctx)}
<fieldset><legend>Site</legend>
${input({ id: 'set-name', name: 'name', label: 'Site name', value: val.name, required: true, maxlength: 120 }, err)}
${textarea({ id: 'set-description', name: 'description', label: 'Description', value: val.description, maxlength: 300, rows: 2, hint: 'Shown to search engines and in feeds.' }, err)}
<div class="field"><span class="label">Time zone</span><span><strong>${v.timeZone}</strong></span>
<span class="hint">Set on the server with SITE_TIMEZONE: schedules and archive dates are computed in it, so it does not change from here.</span></div>
${select({ id: 'set-logo', name: 'logo', label: 'Logo', value: val.logo, options: [['', 'None: the site name in type'], ...v.logoChoices] }, err)}
</fieldset>
<fieldset><legend>Social accounts</legend>
<div class="grid-fields">
${v.networks.map((n) => input({ id: `set-social-${n}`, name: `social_${n}`, label: NETWORK_LABELS[n] ?? n, type: 'url', value: val.social[n] ?? '', maxlength: 300 }, err))}
</div>
</fieldset>
<p class="hint">The main menu is edited under <a href="/desk/menu">Menu</a>, static pages (About, Contact…) under <a href="/desk/pages">Pages</a>.</p>
<button type="submit">Save settings</button>
</form>
${languagesForm(ctx, v.languages, v.languagesError ?? null)}`)
}
