// The quote dialog: who said the selected words, in what role, when and where, and the source. The speaker is picked
// from the desk's speakers as the name is typed, or added when it is new. Keyboard only: type, Tab, Enter.

/** A quote as the article form's `quotes` field holds it (editorial/quotes.ts QuoteInput, with the speaker's name). */
export interface QuoteData {
  anchor: string; speaker: number; speakerName: string; text: string; role: string; organisation: string
  said: string; place: string; event: string; source: string; language: string
}

interface Suggestion { readonly id: number; readonly name: string; readonly kind: string }

const FIELDS: readonly [keyof QuoteData, string, string][] = [
  ['role', 'Role at the time', 'e.g. Foreign Minister'], ['organisation', 'Organisation', 'Whom they spoke for'],
  ['said', 'Date said', 'YYYY-MM-DD; empty: the article’s date'], ['place', 'Place (tag slug)', 'e.g. kazakhstan'],
  ['event', 'Event', 'e.g. Press conference'], ['source', 'Source', 'Link to the original statement or document'],
  ['language', 'Original language', 'e.g. ru, kk; empty: the article’s'],
]

let counter = 0

function field(form: HTMLElement, id: string, label: string, hint: string, control: HTMLInputElement | HTMLSelectElement): void {
  const wrap = document.createElement('div')
  wrap.className = 'field'
  const l = document.createElement('label')
  l.htmlFor = id
  l.textContent = label
  control.id = id
  const h = document.createElement('span')
  h.className = 'hint'
  h.id = `${id}-hint`
  h.textContent = hint
  control.setAttribute('aria-describedby', h.id)
  wrap.append(l, control, h)
  form.append(wrap)
}

/**
 * Asks who said `text`, starting from `start` (a quote being edited); resolves to the quote without its anchor, or null
 * when cancelled. `resolveSpeaker` turns a typed name into a speaker id (an existing one, or one it adds).
 */
export function askQuote(opts: {
  text: string; start: Partial<QuoteData>; suggestUrl: string
  /** The kind a new speaker gets unless changed: a statement's issuer is an organisation. */
  kind?: 'person' | 'organisation'
  /** The dialog's title and button, when it asks for something other than a marked quote. */
  title?: string; action?: string
  resolveSpeaker: (name: string, kind: string, known: readonly Suggestion[]) => Promise<number | string>
}): Promise<Omit<QuoteData, 'anchor'> | null> {
  const base = `quote-dialog-${++counter}`
  const el = document.createElement('dialog')
  el.className = 'editor-dialog quote-dialog'
  el.setAttribute('aria-labelledby', `${base}-title`)
  const form = document.createElement('form')
  form.method = 'dialog'
  const h = document.createElement('h2')
  h.id = `${base}-title`
  h.textContent = opts.title ?? 'Who said it'
  const said = document.createElement('p')
  said.className = 'hint'
  said.textContent = `“${opts.text.length > 140 ? `${opts.text.slice(0, 140)}…` : opts.text}”`
  form.append(h, said)

  const speaker = document.createElement('input')
  speaker.type = 'text'
  speaker.required = true
  speaker.maxLength = 200
  speaker.autocomplete = 'off'
  speaker.value = opts.start.speakerName ?? ''
  const list = document.createElement('datalist')
  list.id = `${base}-speakers`
  speaker.setAttribute('list', list.id)
  field(form, `${base}-speaker`, 'Speaker', 'Type to find a speaker; a new name is added as a speaker.', speaker)
  form.append(list)
  const kind = document.createElement('select')
  for (const [value, label] of [['person', 'Person'], ['organisation', 'Organisation']]) kind.add(new Option(label, value))
  if (opts.kind) kind.value = opts.kind
  field(form, `${base}-kind`, 'Kind, if new', 'Only used when the speaker is new.', kind)
  const inputs = FIELDS.map(([name, label, hint]) => {
    const input = document.createElement('input')
    input.type = 'text'
    input.maxLength = name === 'source' ? 1000 : 200
    input.value = String(opts.start[name] ?? '')
    field(form, `${base}-${name}`, label, hint, input)
    return [name, input] as const
  })
  const problem = document.createElement('p')
  problem.className = 'alert'
  problem.setAttribute('role', 'alert')
  problem.hidden = true
  const row = document.createElement('div')
  row.className = 'dialog-actions'
  const ok = document.createElement('button')
  ok.value = 'ok'
  ok.textContent = opts.action ?? 'Mark as quote'
  const cancel = document.createElement('button')
  cancel.value = 'cancel'
  cancel.className = 'secondary'
  cancel.textContent = 'Cancel'
  cancel.formNoValidate = true
  row.append(ok, cancel)
  form.append(problem, row)
  el.append(form)
  document.body.append(el)

  let known: Suggestion[] = []
  let asking: ReturnType<typeof setTimeout> | null = null
  const suggest = async () => {
    const q = speaker.value.trim()
    if (!q) return
    const res = await fetch(`${opts.suggestUrl}?q=${encodeURIComponent(q)}`, { headers: { accept: 'application/json' } }).catch(() => null)
    if (!res?.ok) return
    known = ((await res.json()) as { speakers: Suggestion[] }).speakers
    list.replaceChildren(...known.map((s) => new Option(s.kind === 'organisation' ? 'Organisation' : 'Person', s.name)))
  }
  speaker.addEventListener('input', () => {
    if (asking) clearTimeout(asking)
    asking = setTimeout(() => void suggest(), 120)
  })

  return new Promise((resolve) => {
    // The dialog stays open until the speaker is known: a refusal (a bad name) shows in it.
    form.addEventListener('submit', (e) => {
      if (e.submitter === cancel) return
      e.preventDefault()
      void (async () => {
        if (asking) { clearTimeout(asking); await suggest() }
        const id = await opts.resolveSpeaker(speaker.value.trim(), kind.value, known)
        if (typeof id === 'string') {
          problem.textContent = id
          problem.hidden = false
          return speaker.focus()
        }
        const values = Object.fromEntries(inputs.map(([name, input]) => [name, input.value.trim()])) as Record<string, string>
        const match = known.find((s) => s.id === id)
        el.close()
        el.remove()
        resolve({
          speaker: id, speakerName: match?.name ?? speaker.value.trim(), text: opts.text, role: values.role ?? '', organisation: values.organisation ?? '',
          said: values.said ?? '', place: values.place ?? '', event: values.event ?? '', source: values.source ?? '', language: values.language ?? '',
        })
      })()
    })
    el.addEventListener('close', () => {
      if (!el.isConnected) return
      el.remove()
      resolve(null)
    })
    el.showModal()
    speaker.select()
    if (speaker.value) void suggest()
  })
}
