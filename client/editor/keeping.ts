// Keeping the writer's text: the offer to restore a copy left in this browser, and the warning before leaving with
// changes the desk does not have (closing the tab, Back, or a click on a desk link).

import { clockTime, sameFields, type LocalDraft } from './local-draft.ts'

/** Puts saved fields back into the form's controls (the body through `setBody`, which feeds the editor). */
export function fillForm(form: HTMLFormElement, fields: Readonly<Record<string, string>>, setBody: (html: string) => void): void {
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (!el.name || el.name === '_csrf' || el.name === 'version' || el.disabled) continue
    if (el.name === 'body') setBody(fields.body ?? '')
    else if (el.type === 'checkbox') el.checked = el.name in fields
    else if (el.name in fields) el.value = fields[el.name]!
  }
}

/**
 * When this browser holds a copy that differs from what the page shows, asks above the form whether to restore it.
 * A copy equal to the page is stale (the desk has it): it is dropped without asking.
 */
export function offerRestore(form: HTMLFormElement, copy: LocalDraft | null, current: Record<string, string>, acts: { restore(): void; discard(): void }): void {
  if (!copy) return
  if (sameFields(copy.fields, current)) return acts.discard()
  const box = document.createElement('div')
  box.className = 'restore-offer'
  box.setAttribute('role', 'alert')
  const text = document.createElement('p')
  text.textContent = `Restore the unsaved text from ${clockTime(copy.at)}? It was kept in this browser and is not on the desk.`
  const restore = document.createElement('button')
  restore.type = 'button'
  restore.textContent = 'Restore'
  const discard = document.createElement('button')
  discard.type = 'button'
  discard.className = 'secondary'
  discard.textContent = 'Discard'
  restore.addEventListener('click', () => { box.remove(); acts.restore() })
  discard.addEventListener('click', () => { box.remove(); acts.discard() })
  box.append(text, restore, ' ', discard)
  ;(form.closest('.editor-columns') ?? form).before(box)
}

/**
 * Warns before the page goes with unsaved changes. A desk link saves first and follows when the save succeeds;
 * otherwise it asks (the text stays in this browser either way). Submitting a form of the page is no leaving.
 */
export function guardLeaving(opts: { unsaved(): boolean; flush(): Promise<boolean> }): { leaving(): void } {
  let leaving = false
  window.addEventListener('beforeunload', (e) => {
    if (leaving || !opts.unsaved()) return
    e.preventDefault()
    e.returnValue = ''
  })
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null
    if (!a || a.target || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    if (a.origin !== location.origin || a.hash && a.pathname === location.pathname) return
    if (!opts.unsaved()) return
    e.preventDefault()
    void opts.flush().then((ok) => {
      if (ok || window.confirm('This article has changes the desk does not have yet (they are kept in this browser). Leave anyway?')) {
        leaving = true
        location.href = a.href
      }
    })
  })
  return { leaving() { leaving = true } }
}
