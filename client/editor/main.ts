// The desk's editor island: TipTap over the body textarea of the article form, its toolbar, pickers, autosave and save-before-move; on the media page, the focal point picker.

import { Editor, type Content } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import StarterKit from '@tiptap/starter-kit'
import { startAutosave, type Autosaver } from './autosave.ts'
import { askFields, askText } from './dialogs.ts'
import { pickFromLibrary, startHeroPicker } from './media-picker.ts'
import { fieldsOf } from './autosave.ts'
import { fillForm, guardLeaving, offerRestore } from './keeping.ts'
import { localDrafts } from './local-draft.ts'
import { startPresence } from './presence.ts'
import { LinkCard, VideoEmbed } from './embed.ts'
import { embedFor, isAllowedLink } from './embed-url.ts'
import { Figure, figureOf } from './figure.ts'
import { PullQuote } from './pull-quote.ts'
import { QuoteMark } from './quote-mark.ts'
import { askQuote, type QuoteData } from './quote-dialog.ts'
import { MAX_QUOTE_LENGTH, STATEMENT_ANCHOR } from '../../src/domain/quotes.ts'
import { startTagPicker } from './tag-picker.ts'
import { startFocalPickers } from './focal-point.ts'
import { startWordCount } from './word-count.ts'


const textarea = document.getElementById('f-body') as HTMLTextAreaElement | null
// The article and page forms, or the form the body field sits in (a newsletter issue's introduction).
const form = (document.getElementById('article-form') as HTMLFormElement | null) ?? textarea?.form ?? null
const toolbar = document.querySelector<HTMLElement>('.editor-toolbar')

/** The library's JSON pages, searched by the figure and hero pickers. */
const LIBRARY_URL = '/desk/media.json'

function mount(form: HTMLFormElement, textarea: HTMLTextAreaElement, toolbar: HTMLElement): void {
  const surface = document.createElement('div')
  surface.className = 'editor-frame'
  // Quotes beside the body, by the anchor their mark carries; the form's hidden field holds them as JSON.
  const quotesField = document.getElementById('f-quotes') as HTMLInputElement | null
  const quotes = new Map<string, QuoteData>()
  try {
    for (const q of JSON.parse(quotesField?.value || '[]') as QuoteData[]) quotes.set(q.anchor, q)
  } catch { /* a field the desk did not write: start with none */ }
  let openQuote: () => void = () => {}
  let quoteChanged: () => void = () => {}
  textarea.after(surface)
  const editor = new Editor({
    element: surface,
    // The CSP allows no inline <style>: the editor's few rules live in desk.css.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        link: {
          openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['mailto'],
          // The sanitizer sets rel itself and drops target.
          HTMLAttributes: { target: null, rel: null },
          isAllowedUri: (url) => isAllowedLink(url),
        },
      }),
      Figure, PullQuote, VideoEmbed, LinkCard, QuoteMark.configure({ onShortcut: () => openQuote() }),
    ],
    content: textarea.value,
    editorProps: {
      attributes: {
        id: 'editor-surface', class: 'editor-surface', role: 'textbox', 'aria-multiline': 'true',
        'aria-labelledby': 'f-body-label', 'aria-describedby': 'f-body-hint',
      },
    },
  })
  textarea.hidden = true
  textarea.setAttribute('aria-hidden', 'true')
  toolbar.hidden = false
  // A field with fewer tools says so itself (data-editor-hint); the article body's hint names them all.
  document.getElementById('f-body-hint')!.textContent = textarea.dataset.editorHint ?? 'Ctrl+B bold, Ctrl+I italic, Ctrl+Alt+Q marks who said the selected words; the toolbar above has headings, lists, quotes, figures and embeds.'
  document.getElementById('f-body-label')!.addEventListener('click', (e) => {
    e.preventDefault()
    editor.commands.focus()
  })

  const chain = () => editor.chain().focus()
  /** Inserts a figure or embed, then puts the cursor in the paragraph after it, so typing goes on rather than replacing it. */
  const insertBlock = (content: Content) => {
    chain().insertContent(content).run()
    const { selection } = editor.state
    if (selection instanceof NodeSelection) editor.commands.setTextSelection(selection.to + 1)
  }
  /** The caption and credit of one figure, starting from `caption` and `credit`; null when cancelled. */
  const askCaption = (caption: string, credit: string) => askFields('Caption and credit of this figure', [
    { name: 'caption', label: 'Caption', value: caption, maxLength: 2000, hint: 'For this article only; the media library keeps its own.' },
    { name: 'credit', label: 'Credit', value: credit, maxLength: 300 },
  ]) as Promise<{ caption: string; credit: string } | null>
  const commands: Record<string, () => void | Promise<void>> = {
    h2: () => { chain().toggleHeading({ level: 2 }).run() },
    h3: () => { chain().toggleHeading({ level: 3 }).run() },
    bold: () => { chain().toggleBold().run() },
    italic: () => { chain().toggleItalic().run() },
    bulletList: () => { chain().toggleBulletList().run() },
    orderedList: () => { chain().toggleOrderedList().run() },
    blockquote: () => { chain().toggleBlockquote().run() },
    pullQuote: () => { chain().togglePullQuote().run() },
    rule: () => { chain().setHorizontalRule().run() },
    async link() {
      const current = editor.getAttributes('link').href as string | undefined
      const href = await askText({ title: 'Link', label: 'Address', value: current ?? 'https://', hint: 'An http(s) address, or mailto: for email. Leave empty to remove the link.' })
      if (href === null) return void editor.commands.focus()
      if (!href || href === 'https://') return void chain().extendMarkRange('link').unsetLink().run()
      if (!isAllowedLink(href)) return void status(`“${href}” is not an http(s) or mailto address; the link was not set.`, true)
      chain().extendMarkRange('link').setLink({ href }).run()
    },
    async figure() {
      const image = await pickFromLibrary(LIBRARY_URL, 'Insert a figure from the media library')
      if (!image) return void editor.commands.focus()
      // This use of the image may say something else than the library's caption: it starts from it.
      const text = await askCaption(image.caption, image.credit)
      if (!text) return void editor.commands.focus()
      insertBlock({ type: 'figure', attrs: { ...figureOf(image), ...text } })
    },
    async caption() {
      const { selection } = editor.state
      const node = selection instanceof NodeSelection ? selection.node : null
      if (node?.type.name !== 'figure') return void status('Select a figure first (click it), then edit its caption.', true)
      const text = await askCaption(String(node.attrs.caption ?? ''), String(node.attrs.credit ?? ''))
      if (!text) return void editor.commands.focus()
      chain().updateAttributes('figure', text).run()
    },
    async quote() {
      if (!quotesField) return
      const current = editor.getAttributes('quoteMark').anchor as string | undefined
      const { from, to, empty } = editor.state.selection
      if (empty && !current) return void status('Select the words that were said, then mark them as a quote (Ctrl+Alt+Q).', true)
      if (current) editor.commands.extendMarkRange('quoteMark')
      const range = editor.state.selection
      const text = editor.state.doc.textBetween(current ? range.from : from, current ? range.to : to, ' ').trim()
      const result = await askQuote({ text, start: current ? quotes.get(current) ?? {} : {}, suggestUrl: quotesField.dataset.suggest ?? '', resolveSpeaker })
      if (!result) return void editor.commands.focus()
      const anchor = current ?? newAnchor()
      quotes.set(anchor, { anchor, ...result })
      if (current) { syncQuotes(); quoteChanged(); editor.commands.focus() } else chain().setQuote(anchor).run()
      status(`Quote of ${result.speakerName} marked.`)
    },
    async embed() {
      const address = await askText({ title: 'Embed', label: 'Address of the video or post', hint: 'YouTube, Vimeo, PeerTube (framatube.org, peertube.tv) or an X post.', type: 'url' })
      if (address === null) return void editor.commands.focus()
      const target = embedFor(address)
      if (!target) return void status('That address is not one the site can embed: YouTube, Vimeo, PeerTube or X only.', true)
      insertBlock(target.kind === 'video'
        ? { type: 'videoEmbed', attrs: { src: target.src, title: target.title } }
        : { type: 'linkCard', attrs: { href: target.href, text: target.text } })
    },
  }
  openQuote = () => void commands.quote?.()
  const active: Record<string, () => boolean> = {
    h2: () => editor.isActive('heading', { level: 2 }), h3: () => editor.isActive('heading', { level: 3 }),
    bold: () => editor.isActive('bold'), italic: () => editor.isActive('italic'), bulletList: () => editor.isActive('bulletList'),
    orderedList: () => editor.isActive('orderedList'), blockquote: () => editor.isActive('blockquote'), pullQuote: () => editor.isActive('pullQuote'),
  }
  const buttons = Array.from(toolbar.querySelectorAll<HTMLButtonElement>('button[data-command]'))
  for (const b of buttons) {
    b.addEventListener('click', () => void commands[b.dataset.command ?? '']?.())
    // A click on the toolbar leaves the caret in the text: a button that took the focus would get the next keys typed
    // (a space would press it again) until the editor took the focus back. Keyboard users still Tab to the buttons.
    b.addEventListener('mousedown', (e) => e.preventDefault())
  }
  const refresh = () => {
    for (const b of buttons) {
      const is = active[b.dataset.command ?? '']
      if (is) b.setAttribute('aria-pressed', String(is()))
    }
  }
  surface.addEventListener('dblclick', (e) => {
    if ((e.target as HTMLElement | null)?.closest('figure.image')) void commands.caption?.()
  })
  editor.on('transaction', refresh)
  refresh()

  const statusEl = form.querySelector<HTMLElement>('.save-status')!
  function status(text: string, problem = false): void {
    statusEl.textContent = text
    statusEl.classList.toggle('problem', problem)
  }
  /** A fresh anchor for a new quote mark. */
  const newAnchor = (): string => {
    for (;;) {
      const anchor = `q${Math.random().toString(36).slice(2, 8)}`
      if (!quotes.has(anchor)) return anchor
    }
  }
  /** The id of the speaker named `name`: one the desk suggested, or one it adds now; a string says why not. */
  async function resolveSpeaker(name: string, kind: string, known: readonly { id: number; name: string }[]): Promise<number | string> {
    if (!name) return 'Name the speaker.'
    const found = known.find((s) => s.name.toLowerCase() === name.toLowerCase())
    if (found) return found.id
    const res = await fetch(quotesField?.dataset.create ?? '', {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ _csrf: form.dataset.csrf ?? '', name, kind }),
    }).catch(() => null)
    if (!res) return 'The desk could not be reached; try again.'
    const body = (await res.json().catch(() => ({}))) as { id?: number; error?: string }
    return res.ok && typeof body.id === 'number' ? body.id : body.error ?? 'The speaker could not be added.'
  }
  /** Writes the quotes still marked in the body, in body order and with their text as it reads now, to the form. */
  const syncQuotes = () => {
    if (!quotesField) return
    const texts = new Map<string, string>()
    editor.state.doc.descendants((node) => {
      for (const m of node.marks) {
        if (m.type.name !== 'quoteMark' || typeof m.attrs.anchor !== 'string') continue
        texts.set(m.attrs.anchor, (texts.get(m.attrs.anchor) ?? '') + (node.text ?? ''))
      }
    })
    const list = [...texts].flatMap(([anchor, text]) => {
      const q = quotes.get(anchor)
      return q ? [{ ...q, text: text.trim() }] : []
    })
    // A statement's issuer has no mark: it goes along while the genre is statement (the desk drops it otherwise).
    const issuer = quotes.get(STATEMENT_ANCHOR)
    if (issuer && genreSelect?.value === 'statement') list.unshift(issuer)
    quotesField.value = JSON.stringify(list)
  }
  // The issuing organisation of a statement article: the quote dialog, for the whole statement, from a side button.
  const genreSelect = document.getElementById('f-genre') as HTMLSelectElement | null
  const issuerField = document.getElementById('f-issuer-field')
  const issuerButton = document.getElementById('f-issuer') as HTMLButtonElement | null
  genreSelect?.addEventListener('change', () => {
    if (issuerField) issuerField.hidden = genreSelect.value !== 'statement'
    syncQuotes()
  })
  issuerButton?.addEventListener('click', () => void (async () => {
    if (!quotesField) return
    const current = quotes.get(STATEMENT_ANCHOR)
    const standfirst = (document.getElementById('f-standfirst') as HTMLTextAreaElement | HTMLInputElement | null)?.value.trim() ?? ''
    // The quote is the statement itself: kept as it was, or its opening paragraph (the words issued), or the standfirst.
    const text = (current?.text || editor.state.doc.firstChild?.textContent.trim() || standfirst).slice(0, MAX_QUOTE_LENGTH)
    if (!text) return void status('Write the statement first, then name who issued it.', true)
    const result = await askQuote({
      text, start: current ?? {}, suggestUrl: quotesField.dataset.suggest ?? '', resolveSpeaker, kind: 'organisation',
      title: 'Who issued this statement', action: 'Name as issuer',
    })
    issuerButton.focus()
    if (!result) return
    quotes.set(STATEMENT_ANCHOR, { anchor: STATEMENT_ANCHOR, ...result })
    document.getElementById('f-issuer-name')!.textContent = result.speakerName
    issuerButton.textContent = 'Change issuer'
    syncQuotes()
    quoteChanged()
    status(`Statement issued by ${result.speakerName}.`)
  })())
  const sync = () => { textarea.value = editor.isEmpty ? '' : editor.getHTML(); syncQuotes() }
  const counter = startWordCount(surface, editor.getHTML())
  editor.on('update', () => counter.update(editor.getHTML()))
  form.addEventListener('submit', sync)

  let autosaver: Autosaver | null = null
  const leave = { leaving: () => {} }
  if (form.dataset.autosave || form.dataset.create) {
    const csrf = form.dataset.csrf ?? ''
    const copies = localDrafts(form.dataset.draftKey ?? 'new')
    const fields = () => { sync(); return fieldsOf(form) }
    const presenceEl = document.getElementById('presence')
    const startBeat = (url: string) => presenceEl ? startPresence({ url, csrf, element: presenceEl }) : null
    let presence = form.dataset.presence ? startBeat(form.dataset.presence) : null
    let writing: ReturnType<typeof setTimeout> | null = null
    // Once the desk has everything, a copy still waiting to be written would only be stale.
    const forget = () => {
      if (writing) clearTimeout(writing)
      writing = null
      copies.clear()
    }
    autosaver = startAutosave(form, {
      url: form.dataset.autosave ?? null, create: form.dataset.create ?? null, csrf, beforeSave: sync,
      status: [document.getElementById('autosave-state'), statusEl].filter((el) => el !== null),
      saved: forget,
      created: ({ id, action }) => { copies.rekey(String(id)); presence = startBeat(`${action}/presence`) },
      others: (list) => presence?.show(list),
    })
    const changed = () => {
      autosaver!.changed()
      // The browser's copy follows every change within a moment, before any round trip to the desk.
      writing ??= setTimeout(() => { writing = null; copies.write(fields()) }, 300)
    }
    editor.on('update', changed)
    quoteChanged = changed
    // Side fields belong to the form by their form attribute, outside its element: listen on the document.
    const ours = (e: Event) => { if ((e.target as HTMLInputElement | null)?.form === form) changed() }
    document.addEventListener('input', ours)
    document.addEventListener('change', ours)
    offerRestore(form, copies.read(), fields(), {
      restore() {
        fillForm(form, copies.read()?.fields ?? {}, (body) => editor.commands.setContent(body, { emitUpdate: false }))
        changed()
      },
      discard: forget,
    })
    const saver = autosaver
    Object.assign(leave, guardLeaving({ unsaved: () => saver.unsaved(), flush: () => saver.flush() }))
    // A submitted form comes back with what was sent, saved or with the reason it was not: the copy has done its work.
    // An autosave answered after the form was sent would carry the version the form had, and the desk would refuse
    // the writer's own save as a conflict (keeping it as a conflict revision): the form waits for the one under way.
    form.addEventListener('submit', (e: SubmitEvent) => {
      const pending = saver.submitting()
      if (pending) {
        e.preventDefault()
        void pending.finally(() => form.requestSubmit(e.submitter))
        return
      }
      leave.leaving()
      forget()
    })
  }

  // A workflow move acts on the saved working copy: unsaved changes are saved first, and a failed save stops the move.
  for (const move of Array.from(document.querySelectorAll<HTMLFormElement>('form.move'))) {
    move.addEventListener('submit', (e: SubmitEvent) => {
      if (!autosaver) return
      e.preventDefault()
      void autosaver.flush().then((ok) => { if (ok) { leave.leaving(); move.submit() } })
    })
  }
  document.documentElement.dataset.editor = 'ready'
}

if (form && textarea && toolbar) mount(form, textarea, toolbar)
// The tags field is a side field of the same form; it works (as plain text) when the editor cannot start.
if (form) {
  startTagPicker()
  startHeroPicker()
}
// The media page loads this bundle for its focal point picker.
startFocalPickers()
