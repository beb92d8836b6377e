// Pieces the desk's administration pages share: the status line after a change, field errors, labelled inputs.

import { html, EMPTY, type SafeHtml } from '../html.ts'

/** A refused change: the message and the field it belongs to (null for the form as a whole). */
export interface FieldError {
  readonly field: string | null
  readonly message: string
}

/** The line that says what the last change did, announced politely by screen readers. */
export const statusLine = (message: string | null | undefined): SafeHtml =>
  message ? html`<p class="status-line" role="status">${message}</p>` : html`<p class="visually-hidden" role="status"></p>`

/** The form-wide error (one without a field), shown above a form. */
export const formAlert = (error: FieldError | null | undefined, id: string): SafeHtml =>
  error && error.field === null ? html`<p class="alert" role="alert" id="${id}">${error.message}</p>` : EMPTY

export interface InputOptions {
  readonly id: string
  readonly name: string
  readonly label: string
  readonly value?: string
  readonly type?: 'text' | 'email' | 'password' | 'url' | 'number'
  readonly hint?: string
  readonly required?: boolean
  readonly maxlength?: number
  readonly autocomplete?: string
  /** Extra attributes, already safe. */
  readonly attrs?: SafeHtml
}

const describedBy = (ids: readonly (string | null)[]): SafeHtml => {
  const list = ids.filter((x): x is string => x !== null)
  return list.length ? html` aria-describedby="${list.join(' ')}"` : EMPTY
}

/** The message under a field when the error is about it. */
const fieldMessage = (id: string, name: string, error: FieldError | null | undefined): SafeHtml =>
  error?.field === name ? html`<span class="field-error" id="${id}-error">${error.message}</span>` : EMPTY

/** A labelled input with its hint and, when the error names it, the message (and aria-invalid). */
export function input(o: InputOptions, error?: FieldError | null): SafeHtml {
  const bad = error?.field === o.name
  return html`<div class="field"><label for="${o.id}">${o.label}</label>
<input id="${o.id}" name="${o.name}" type="${o.type ?? 'text'}" value="${o.value ?? ''}"${o.required ? html` required` : EMPTY}${o.maxlength ? html` maxlength="${o.maxlength}"` : EMPTY}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : EMPTY}${bad ? html` aria-invalid="true"` : EMPTY}${describedBy([o.hint ? `${o.id}-hint` : null, bad ? `${o.id}-error` : null])}${o.attrs ?? EMPTY}>
${o.hint ? html`<span class="hint" id="${o.id}-hint">${o.hint}</span>` : EMPTY}${fieldMessage(o.id, o.name, error)}</div>`
}

/** A labelled textarea, like `input`. */
export function textarea(o: Omit<InputOptions, 'type' | 'autocomplete'> & { readonly rows?: number }, error?: FieldError | null): SafeHtml {
  const bad = error?.field === o.name
  return html`<div class="field"><label for="${o.id}">${o.label}</label>
<textarea id="${o.id}" name="${o.name}" rows="${o.rows ?? 4}"${o.required ? html` required` : EMPTY}${o.maxlength ? html` maxlength="${o.maxlength}"` : EMPTY}${bad ? html` aria-invalid="true"` : EMPTY}${describedBy([o.hint ? `${o.id}-hint` : null, bad ? `${o.id}-error` : null])}>${o.value ?? ''}</textarea>
${o.hint ? html`<span class="hint" id="${o.id}-hint">${o.hint}</span>` : EMPTY}${fieldMessage(o.id, o.name, error)}</div>`
}

/** A labelled select of value → label pairs. */
export function select(o: { readonly id: string; readonly name: string; readonly label: string; readonly value: string; readonly options: readonly (readonly [string, string])[]; readonly hideLabel?: boolean }, error?: FieldError | null): SafeHtml {
  const bad = error?.field === o.name
  return html`<div class="field"><label for="${o.id}"${o.hideLabel ? html` class="visually-hidden"` : EMPTY}>${o.label}</label>
<select id="${o.id}" name="${o.name}"${bad ? html` aria-invalid="true" aria-describedby="${o.id}-error"` : EMPTY}>${o.options.map(([v, l]) => html`<option value="${v}"${v === o.value ? html` selected` : EMPTY}>${l}</option>`)}</select>
${fieldMessage(o.id, o.name, error)}</div>`
}
