// The desk's sections: the menu order with move buttons, a form for a new section, and the edit page of one.

import type { Section } from '../../domain/taxonomy.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, input, statusLine, textarea, type FieldError } from './form-parts.ts'

export interface SectionsView {
  readonly sections: readonly (Section & { readonly articles: number })[]
  readonly message: string | null
  /** A refusal: of the new-section form (`form: 'new'`) or of a row's action (its id). */
  readonly error: { readonly form: 'new' | number; readonly error: FieldError } | null
  readonly values: { readonly name?: string; readonly slug?: string; readonly description?: string; readonly allowUnsigned?: boolean }
}

export interface SectionEditView {
  readonly section: Section
  readonly error: FieldError | null
  readonly values: { readonly name: string; readonly slug: string; readonly description: string; readonly allowUnsigned?: boolean }
}

const SLUG_HINT = 'Lower-case letters, digits and hyphens; it is the section’s address (/slug). A new slug leaves redirects from the old addresses.'

/** The fields of a section form. */
const sectionFields = (prefix: string, values: SectionsView['values'], error: FieldError | null): SafeHtml => html`
${input({ id: `${prefix}-name`, name: 'name', label: 'Name', value: values.name ?? '', required: true, maxlength: 100 }, error)}
${input({ id: `${prefix}-slug`, name: 'slug', label: 'Slug', value: values.slug ?? '', required: true, maxlength: 120, hint: SLUG_HINT }, error)}
${textarea({ id: `${prefix}-description`, name: 'description', label: 'Description', value: values.description ?? '', maxlength: 1000, rows: 2 }, error)}
<div class="field"><label class="check"><input type="checkbox" name="allow_unsigned" value="1" aria-describedby="${prefix}-unsigned-hint"${values.allowUnsigned ? html` checked` : EMPTY}> Publishes unsigned pieces</label>
<span class="hint" id="${prefix}-unsigned-hint">Statements from the newsroom. Otherwise an article needs a byline before it is published here.</span></div>`

function row(ctx: DeskContext, v: SectionsView, s: SectionsView['sections'][number], i: number): SafeHtml {
  const rowError = v.error && v.error.form === s.id ? v.error.error : null
  return html`<tr data-section="${String(s.id)}">
<td>${s.name}<br><a href="/${s.slug}" class="hint">/${s.slug}</a></td>
<td>${s.description}${s.allowUnsigned ? html`<br><span class="hint">Unsigned pieces allowed</span>` : EMPTY}</td>
<td>${String(s.articles)}</td>
<td><form method="post" action="/desk/sections/${String(s.id)}/move" class="hk-buttons">${csrfField(ctx)}
<button type="submit" name="direction" value="up" class="secondary"${i === 0 ? html` disabled` : EMPTY} aria-label="Move ${s.name} up">Up</button>
<button type="submit" name="direction" value="down" class="secondary"${i === v.sections.length - 1 ? html` disabled` : EMPTY} aria-label="Move ${s.name} down">Down</button></form></td>
<td><div class="hk-actions"><a href="/desk/sections/${String(s.id)}" aria-label="Edit ${s.name}">Edit</a>
<form method="post" action="/desk/sections/${String(s.id)}/delete">${csrfField(ctx)}<button type="submit" class="danger"${s.articles > 0 ? html` title="Only an empty section can be deleted"` : EMPTY} aria-label="Delete ${s.name}">Delete</button></form>
</div>
${rowError ? html`<p class="field-error" role="alert">${rowError.message}</p>` : EMPTY}</td>
</tr>`
}

export function sectionsPage(ctx: DeskContext, v: SectionsView): SafeHtml {
  const newError = v.error?.form === 'new' ? v.error.error : null
  return deskLayout(ctx, 'Sections', html`<h1>Sections</h1>
${statusLine(v.message)}
<p class="hint">The order here is the order of the site’s menu and of the front page’s section blocks.</p>
${v.sections.length === 0 ? html`<p class="empty">No sections yet.</p>` : html`<table class="hk-table">
<caption class="visually-hidden">Sections in menu order</caption>
<thead><tr><th scope="col">Section</th><th scope="col">Description</th><th scope="col">Articles</th><th scope="col">Order</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>${v.sections.map((s, i) => row(ctx, v, s, i))}</tbody></table>`}
<section class="hk-panel" aria-labelledby="new-section">
<h2 id="new-section">New section</h2>
${formAlert(newError, 'new-section-error')}
<form method="post" action="/desk/sections" class="hk-form">${csrfField(ctx)}
${sectionFields('new', v.values, newError)}
<button type="submit">Add section</button>
</form>
</section>`)
}

export function sectionEditPage(ctx: DeskContext, v: SectionEditView): SafeHtml {
  return deskLayout(ctx, `Edit ${v.section.name}`, html`<p><a href="/desk/sections">← Sections</a></p>
<h1>Edit section “${v.section.name}”</h1>
${formAlert(v.error, 'section-error')}
<form method="post" action="/desk/sections/${String(v.section.id)}" class="hk-form">${csrfField(ctx)}
${sectionFields('edit', v.values, v.error)}
<button type="submit">Save</button>
</form>`)
}
