// The desk's menu editor: one row per link (label, typed address or a picked page or section), moved up or down or
// removed by plain submit buttons, so it works without JavaScript; a blank row at the end adds a link.

import { html, EMPTY, type SafeHtml } from '../html.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, statusLine, type FieldError } from './form-parts.ts'

export interface MenuRowValues { readonly label: string; readonly href: string; readonly pick: string }

export interface MenuView {
  readonly rows: readonly MenuRowValues[]
  readonly choices: readonly { readonly kind: 'page' | 'section'; readonly label: string; readonly path: string }[]
  readonly message: string | null
  readonly error: FieldError | null
}

const fieldError = (error: FieldError | null, name: string): SafeHtml =>
  error?.field === name ? html`<span class="field-error" id="${name}-error">${error.message}</span>` : EMPTY

export function menuPage(ctx: DeskContext, v: MenuView): SafeHtml {
  const err = v.error
  const rows = [...v.rows, { label: '', href: '', pick: '' }]
  const pickOptions = (value: string) => html`<option value="">— or pick —</option>
<optgroup label="Sections">${v.choices.filter((c) => c.kind === 'section').map((c) => html`<option value="${c.path}"${c.path === value ? html` selected` : EMPTY}>${c.label}</option>`)}</optgroup>
<optgroup label="Pages">${v.choices.filter((c) => c.kind === 'page').map((c) => html`<option value="${c.path}"${c.path === value ? html` selected` : EMPTY}>${c.label} (${c.path})</option>`)}</optgroup>`
  return deskLayout(ctx, 'Menu', html`<h1>Main menu</h1>
${statusLine(v.message)}
${formAlert(err?.field === 'menu' ? { field: null, message: err.message } : err, 'menu-error')}
<p class="hint">The links of the site's masthead, in order. Each needs a label and an address on this site (/about) or an https:// address, or a page or section picked from the list. With no links, the sections are the menu.</p>
<form method="post" action="/desk/menu" class="menu-form">
${csrfField(ctx)}
<table class="menu-rows"><thead><tr><th scope="col">#</th><th scope="col">Label</th><th scope="col">Address</th><th scope="col">Page or section</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead><tbody>
${rows.map((r, i) => {
    const n = i + 1
    const last = i === rows.length - 1
    return html`<tr class="menu-row${last ? ' menu-row-new' : ''}"><td>${last ? 'New' : n}</td>
<td><label class="visually-hidden" for="label_${n}">Label of link ${n}</label><input id="label_${n}" name="label_${n}" type="text" maxlength="60" value="${r.label}"${err?.field === `label_${n}` ? html` aria-invalid="true"` : EMPTY}>${fieldError(err, `label_${n}`)}</td>
<td><label class="visually-hidden" for="href_${n}">Address of link ${n}</label><input id="href_${n}" name="href_${n}" type="text" maxlength="300" value="${r.href}"${err?.field === `href_${n}` ? html` aria-invalid="true"` : EMPTY}>${fieldError(err, `href_${n}`)}</td>
<td><label class="visually-hidden" for="pick_${n}">Page or section of link ${n}</label><select id="pick_${n}" name="pick_${n}">${pickOptions(r.pick)}</select>${fieldError(err, `pick_${n}`)}</td>
<td class="row-actions">${last ? EMPTY : html`<button type="submit" name="op" value="up-${n}"${i === 0 ? html` disabled` : EMPTY} aria-label="Move link ${n} up">↑</button><button type="submit" name="op" value="down-${n}"${i === rows.length - 2 ? html` disabled` : EMPTY} aria-label="Move link ${n} down">↓</button><button type="submit" name="op" value="remove-${n}" class="danger" aria-label="Remove link ${n}">Remove</button>`}</td></tr>`
  })}
</tbody></table>
<input type="hidden" name="rows" value="${rows.length}">
<div class="form-actions"><button type="submit" name="op" value="save" class="save">Save menu</button></div>
</form>`)
}
