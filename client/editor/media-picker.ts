// The image picker of the figure and hero tools: thumbnails of the whole media library, searched and paged through
// /desk/media.json, so the writer is not limited to the images listed when the editor opened.

import type { LibraryImage } from './figure.ts'

interface LibraryPage {
  readonly items: readonly (LibraryImage & { readonly path: string })[]
  readonly page: number
  readonly hasNext: boolean
}

let counter = 0

function button(text: string, className = 'secondary'): HTMLButtonElement {
  const b = document.createElement('button')
  b.type = 'button'
  b.className = className
  b.textContent = text
  return b
}

/**
 * Lets the writer search the library and choose an image; resolves to it, or null when cancelled. Images without alt
 * text are shown but cannot be chosen: a figure or hero needs one, and the line says where to add it.
 */
export function pickFromLibrary(url: string, title: string): Promise<LibraryImage | null> {
  const id = `media-picker-${++counter}`
  const el = document.createElement('dialog')
  el.className = 'editor-dialog media-picker'
  el.setAttribute('aria-labelledby', `${id}-title`)
  const form = document.createElement('form')
  form.method = 'dialog'
  const h = document.createElement('h2')
  h.id = `${id}-title`
  h.textContent = title

  const search = document.createElement('div')
  search.className = 'picker-search'
  search.setAttribute('role', 'search')
  const label = document.createElement('label')
  label.htmlFor = `${id}-q`
  label.className = 'visually-hidden'
  label.textContent = 'Search the media library'
  const q = document.createElement('input')
  q.id = `${id}-q`
  q.type = 'search'
  q.placeholder = 'Search by file name, alt text, caption or credit'
  q.maxLength = 200
  const go = button('Search', '')
  search.append(label, q, go)

  const status = document.createElement('p')
  status.className = 'hint'
  status.setAttribute('role', 'status')
  const list = document.createElement('ul')
  list.className = 'image-picker'
  const pages = document.createElement('div')
  pages.className = 'picker-pages'
  const prev = button('← Newer')
  const next = button('Older →')
  pages.append(prev, next)
  const cancel = document.createElement('button')
  cancel.value = 'cancel'
  cancel.className = 'secondary'
  cancel.textContent = 'Cancel'
  cancel.formNoValidate = true
  const actions = document.createElement('div')
  actions.className = 'dialog-actions'
  actions.append(cancel)
  form.append(h, search, status, list, pages, actions)
  el.append(form)
  document.body.append(el)

  let chosen: LibraryImage | null = null
  let page = 1
  let asked = 0

  async function load(): Promise<void> {
    const mine = ++asked
    status.textContent = 'Loading…'
    try {
      const res = await fetch(`${url}?q=${encodeURIComponent(q.value.trim())}&page=${page}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' })
      const data = await res.json() as LibraryPage & { error?: string }
      if (mine !== asked) return
      if (!res.ok) {
        status.textContent = data.error ?? 'The library could not be searched.'
        return
      }
      show(data)
    } catch {
      if (mine === asked) status.textContent = 'The library could not be reached; try again.'
    }
  }

  function show(data: LibraryPage): void {
    list.replaceChildren(...data.items.map((image) => {
      const li = document.createElement('li')
      const b = document.createElement('button')
      b.type = 'button'
      b.className = 'pick'
      const described = image.alt.trim() !== ''
      b.setAttribute('aria-label', described ? `Choose: ${image.alt}` : `${image.path}: needs alt text in the media library first`)
      if (!described) b.setAttribute('aria-disabled', 'true')
      const thumb = document.createElement('img')
      thumb.src = image.thumb
      thumb.alt = ''
      thumb.loading = 'lazy'
      const text = document.createElement('span')
      text.textContent = described ? (image.caption ? `${image.alt} — ${image.caption}` : image.alt) : `No alt text (${image.path.split('/').pop()})`
      b.append(thumb, text)
      b.addEventListener('click', () => {
        if (!described) {
          status.textContent = 'That image has no alt text yet: describe it on its page in the media library, then choose it.'
          return
        }
        chosen = image
        el.close('ok')
      })
      li.append(b)
      return li
    }))
    const query = q.value.trim()
    status.textContent = data.items.length
      ? `Page ${data.page}${query ? ` of the images matching “${query}”` : ''}.`
      : query ? `No image matches “${query}”.` : 'The media library has no images yet.'
    prev.disabled = data.page <= 1
    next.disabled = !data.hasNext
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  q.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(() => { page = 1; void load() }, 250)
  })
  q.addEventListener('keydown', (e) => {
    // Enter searches; it must not close the dialog's form.
    if (e.key !== 'Enter') return
    e.preventDefault()
    page = 1
    void load()
  })
  go.addEventListener('click', () => { page = 1; void load() })
  prev.addEventListener('click', () => { page = Math.max(1, page - 1); void load() })
  next.addEventListener('click', () => { page += 1; void load() })

  return new Promise((resolve) => {
    el.addEventListener('close', () => {
      resolve(chosen)
      el.remove()
    })
    el.showModal()
    q.focus()
    void load()
  })
}

/**
 * Turns the hero field's select into a thumbnail with Choose… and Remove, backed by a hidden input of the same name:
 * the select lists only recent images, the picker the whole library.
 */
export function startHeroPicker(): void {
  const field = document.querySelector<HTMLElement>('.hero-field[data-library]')
  const select = field?.querySelector<HTMLSelectElement>('select[name="hero"]')
  if (!field || !select || select.disabled) return
  const value = document.createElement('input')
  value.type = 'hidden'
  value.name = 'hero'
  value.setAttribute('form', select.getAttribute('form') ?? 'article-form')
  value.value = select.value
  // The select stays in the page for its label, but sends nothing: the hidden input carries the choice.
  select.disabled = true
  select.hidden = true
  select.removeAttribute('name')
  const row = document.createElement('div')
  row.className = 'hero-picker'
  const img = document.createElement('img')
  img.alt = ''
  const name = document.createElement('span')
  const choose = button('Choose…', '')
  choose.id = 'hero-choose'
  const remove = button('Remove')
  row.append(img, name, choose, remove)
  choose.setAttribute('aria-label', 'Choose the hero image')
  remove.setAttribute('aria-label', 'Remove the hero image')
  field.querySelector('.hint')!.textContent = 'Any described image of the media library; search it with Choose….'
  select.after(value, row)

  const show = (image: { thumb: string; alt: string } | null) => {
    img.hidden = !image
    if (image) img.src = image.thumb
    name.textContent = image ? image.alt : 'None'
    remove.hidden = !image
    const text = field.querySelector<HTMLElement>('.hero-text')
    if (text) text.hidden = !image
  }
  show(field.dataset.thumb ? { thumb: field.dataset.thumb, alt: field.dataset.alt ?? '' } : null)
  const changed = () => value.dispatchEvent(new Event('change', { bubbles: true }))
  // The article's own caption and credit were written for the image they went with: a new hero starts from the
  // library's, shown as the placeholders (editorial/article-input.ts keeps none without a hero).
  const ownText = (image: { caption?: string; credit?: string } | null) => {
    for (const [name, library] of [['hero_caption', image?.caption], ['hero_credit', image?.credit]] as const) {
      const el = field.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)
      if (!el) continue
      el.value = ''
      el.placeholder = library ?? ''
    }
  }
  choose.addEventListener('click', async () => {
    const image = await pickFromLibrary(field.dataset.library!, 'Choose the hero image')
    choose.focus()
    if (!image) return
    value.value = String(image.id)
    show(image)
    ownText(image)
    changed()
  })
  remove.addEventListener('click', () => {
    value.value = ''
    show(null)
    ownText(null)
    changed()
    choose.focus()
  })
}
