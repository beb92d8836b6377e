// The tags field's autocomplete: suggestions from /desk/tags.json for the name being typed, and "Create tag 'X'" as the
// one way to make a new topic (the choice is listed in the form's new_tags field, which the save checks).

interface Suggestions {
  readonly tags: readonly { readonly slug: string; readonly name: string; readonly kind: string }[]
  readonly exact: boolean
}

/** One row of the list: an existing tag, or the name typed offered as a new one. */
interface Choice {
  readonly name: string
  readonly create: boolean
  readonly label: string
}

const DEBOUNCE_MS = 150

/** The name being typed: what follows the last comma. */
const currentTerm = (value: string): string => value.slice(value.lastIndexOf(',') + 1).trim()

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase()

/** Wires the picker on the page's tags field, if there is one. */
export function startTagPicker(): void {
  const box = document.querySelector<HTMLElement>('.tag-picker[data-suggest]')
  const input = box?.querySelector<HTMLInputElement>('input[name="tags"]')
  const newTags = box?.querySelector<HTMLInputElement>('input[name="new_tags"]')
  const list = box?.querySelector<HTMLUListElement>('.suggestions')
  if (!box || !input || !newTags || !list) return
  const url = box.dataset.suggest!
  input.setAttribute('role', 'combobox')
  input.setAttribute('aria-autocomplete', 'list')
  input.setAttribute('aria-controls', list.id)
  input.setAttribute('aria-expanded', 'false')
  document.getElementById('f-tags-hint')!.textContent = 'Type to find a tag. A new topic is made only when you choose “Create tag”.'

  let choices: Choice[] = []
  let active = -1
  let timer: ReturnType<typeof setTimeout> | undefined
  let asked = 0

  const close = () => {
    list.hidden = true
    list.replaceChildren()
    choices = []
    active = -1
    input.setAttribute('aria-expanded', 'false')
    input.removeAttribute('aria-activedescendant')
  }

  const highlight = (i: number) => {
    active = i
    Array.from(list.children).forEach((li, n) => li.setAttribute('aria-selected', String(n === i)))
    if (i >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${i}`)
    else input.removeAttribute('aria-activedescendant')
  }

  const show = (next: Choice[]) => {
    choices = next
    list.replaceChildren(...next.map((c, i) => {
      const li = document.createElement('li')
      li.id = `${list.id}-${i}`
      li.setAttribute('role', 'option')
      li.setAttribute('aria-selected', 'false')
      li.className = c.create ? 'create' : ''
      li.textContent = c.label
      // mousedown, not click: the field keeps focus, and the list is not closed by its blur first.
      li.addEventListener('mousedown', (e) => {
        e.preventDefault()
        choose(c)
      })
      return li
    }))
    list.hidden = next.length === 0
    input.setAttribute('aria-expanded', String(next.length > 0))
    highlight(next.length ? 0 : -1)
  }

  /** Puts the choice in place of the name being typed; a new tag is also listed as explicitly chosen. */
  function choose(c: Choice): void {
    const before = input!.value.slice(0, input!.value.lastIndexOf(',') + 1)
    input!.value = `${before}${before ? ' ' : ''}${c.name}, `
    if (c.create) {
      const marked = newTags!.value.split(',').map((n) => n.trim()).filter((n) => n && !sameName(n, c.name))
      newTags!.value = [...marked, c.name].join(', ')
    }
    close()
    input!.focus()
    // The autosave listens for changes of the form's fields.
    input!.dispatchEvent(new Event('change', { bubbles: true }))
  }

  async function suggest(term: string): Promise<void> {
    const mine = ++asked
    try {
      const res = await fetch(`${url}?q=${encodeURIComponent(term)}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      if (!res.ok || mine !== asked) return
      const found = await res.json() as Suggestions
      const typed = input!.value.split(',').slice(0, -1).map((n) => n.trim())
      const rows: Choice[] = found.tags.filter((t) => !typed.some((n) => sameName(n, t.name)))
        .map((t) => ({ name: t.name, create: false, label: t.kind === 'place' ? `${t.name} (place)` : t.name }))
      if (!found.exact) rows.push({ name: term, create: true, label: `Create tag “${term}”` })
      show(rows)
    } catch {
      // Offline or the server away: the field still takes names; the save will say which are unknown.
      close()
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer)
    const term = currentTerm(input.value)
    if (!term) return close()
    timer = setTimeout(() => void suggest(term), DEBOUNCE_MS)
  })
  input.addEventListener('keydown', (e) => {
    if (list.hidden || !choices.length) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const step = e.key === 'ArrowDown' ? 1 : -1
      highlight((active + step + choices.length) % choices.length)
    } else if (e.key === 'Enter' && active >= 0) {
      // Enter picks the highlighted row instead of submitting the form.
      e.preventDefault()
      choose(choices[active]!)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      close()
    }
  })
  input.addEventListener('blur', () => close())
}
