// The desk's form for the site's languages (on the settings page): one row per language, the first is the default.

import { languagePrefix } from '../../domain/language.ts'
import { html, type SafeHtml } from '../html.ts'
import { csrfField, type DeskContext } from './layout.ts'
import { formAlert, input, type FieldError } from './form-parts.ts'

/** One row as shown: stored, or as typed when the form comes back with an error. */
export interface LanguageRowView {
  readonly tag: string
  readonly name: string
  readonly description: string
}

/** The path prefix a row's language gets: none for the default (first) row. */
const prefixOf = (tag: string, i: number): string => (i === 0 ? 'none (default language)' : tag.trim() ? `/${languagePrefix(tag.trim())}` : '/<code>')

/** The languages fieldset and its own form; `rows` already includes the empty rows for adding languages. */
export function languagesForm(ctx: DeskContext, rows: readonly LanguageRowView[], error: FieldError | null): SafeHtml {
  return html`<form method="post" action="/desk/settings/languages" class="settings-form languages-form" id="languages">
${csrfField(ctx)}
<fieldset><legend>Languages</legend>
<p class="hint">The first language is the site's default, served without a prefix; every other one is served under its code
(<code>/ru</code>, <code>/ru/news</code>…). Clear a row to take a language off the site: refused while it still has articles.</p>
${formAlert(error, 'languages-error')}
${rows.map((r, i) => html`<div class="grid-fields language-row">
${input({ id: `lang-tag-${i}`, name: `lang_tag_${i}`, label: i === 0 ? 'Default language tag' : `Language ${i + 1} tag`, value: r.tag, maxlength: 20, hint: 'BCP 47: en, ru, kk-Cyrl, pt-BR' }, error)}
${input({ id: `lang-name-${i}`, name: `lang_name_${i}`, label: 'Name (in itself)', value: r.name, maxlength: 60, hint: 'Shown in the switcher: Русский' }, error)}
${input({ id: `lang-description-${i}`, name: `lang_description_${i}`, label: 'Tagline in this language', value: r.description, maxlength: 300 }, error)}
<div class="field"><span class="label">Path prefix</span><span class="language-prefix">${prefixOf(r.tag, i)}</span></div>
</div>`)}
</fieldset>
<button type="submit">Save languages</button>
</form>`
}
