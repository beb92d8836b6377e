// Small modal dialogs of the editor (a text field): native <dialog>, so focus, Escape and labels just work.

let counter = 0

/** A <dialog> with a heading, appended to the page; removed again when closed. */
function dialog(title: string): { el: HTMLDialogElement; form: HTMLFormElement } {
  const id = `editor-dialog-${++counter}`
  const el = document.createElement('dialog')
  el.className = 'editor-dialog'
  el.setAttribute('aria-labelledby', `${id}-title`)
  const form = document.createElement('form')
  form.method = 'dialog'
  const h = document.createElement('h2')
  h.id = `${id}-title`
  h.textContent = title
  form.append(h)
  el.append(form)
  document.body.append(el)
  return { el, form }
}

function buttons(form: HTMLFormElement, ok: string | null): void {
  const row = document.createElement('div')
  row.className = 'dialog-actions'
  if (ok) {
    const b = document.createElement('button')
    b.value = 'ok'
    b.textContent = ok
    row.append(b)
  }
  const cancel = document.createElement('button')
  cancel.value = 'cancel'
  cancel.className = 'secondary'
  cancel.textContent = 'Cancel'
  cancel.formNoValidate = true
  row.append(cancel)
  form.append(row)
}

/** Asks for one line of text; resolves to it, or null when cancelled. */
export function askText(opts: { title: string; label: string; value?: string; hint?: string; type?: string }): Promise<string | null> {
  const { el, form } = dialog(opts.title)
  const id = `${el.getAttribute('aria-labelledby')}-input`
  const label = document.createElement('label')
  label.htmlFor = id
  label.textContent = opts.label
  const input = document.createElement('input')
  input.id = id
  input.type = opts.type ?? 'text'
  input.value = opts.value ?? ''
  input.required = true
  const field = document.createElement('div')
  field.className = 'field'
  field.append(label, input)
  if (opts.hint) {
    const hint = document.createElement('span')
    hint.className = 'hint'
    hint.id = `${id}-hint`
    hint.textContent = opts.hint
    input.setAttribute('aria-describedby', hint.id)
    field.append(hint)
  }
  form.append(field)
  buttons(form, 'OK')
  return new Promise((resolve) => {
    el.addEventListener('close', () => {
      resolve(el.returnValue === 'ok' ? input.value.trim() : null)
      el.remove()
    })
    el.showModal()
    input.select()
  })
}

/** One text field of askFields. */
export interface DialogField {
  readonly name: string
  readonly label: string
  readonly value: string
  readonly maxLength: number
  readonly hint?: string
}

/** Asks for several lines of text, any of which may be empty; resolves to them by name, or null when cancelled. */
export function askFields(title: string, fields: readonly DialogField[]): Promise<Record<string, string> | null> {
  const { el, form } = dialog(title)
  const base = el.getAttribute('aria-labelledby')!
  const inputs = fields.map((f) => {
    const input = document.createElement('input')
    input.id = `${base}-${f.name}`
    input.type = 'text'
    input.value = f.value
    input.maxLength = f.maxLength
    const label = document.createElement('label')
    label.htmlFor = input.id
    label.textContent = f.label
    const field = document.createElement('div')
    field.className = 'field'
    field.append(label, input)
    if (f.hint) {
      const hint = document.createElement('span')
      hint.className = 'hint'
      hint.id = `${input.id}-hint`
      hint.textContent = f.hint
      input.setAttribute('aria-describedby', hint.id)
      field.append(hint)
    }
    form.append(field)
    return [f.name, input] as const
  })
  buttons(form, 'OK')
  return new Promise((resolve) => {
    el.addEventListener('close', () => {
      resolve(el.returnValue === 'ok' ? Object.fromEntries(inputs.map(([name, input]) => [name, input.value.trim()])) : null)
      el.remove()
    })
    el.showModal()
    inputs[0]?.[1].select()
  })
}
