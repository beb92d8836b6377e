// Autosave: the form's fields as JSON every few seconds while something changed; a conflict stops it and says who saved.
// A new article is created by its first autosave (the form's own endpoint, answered in JSON), then saved like any other.

import { clockTime } from './local-draft.ts'
import type { Present } from './presence.ts'

/** How often a changed article is saved in the background. */
const EVERY_MS = 5000
/** The first save of a new article comes sooner: until then it exists only in this browser. */
const FIRST_MS = 1500

export interface Autosaver {
  /** Marks the article changed. */
  changed(): void
  /** Saves now if anything changed; resolves true when the server has everything. */
  flush(): Promise<boolean>
  /** Whether something is not on the server yet. */
  unsaved(): boolean
  /**
   * The form itself is going to the desk: no autosave starts from now on. Returns the autosave under way, if any, which
   * the submission must wait for: it moves the form's version on (or creates the article the form must go to).
   */
  submitting(): Promise<boolean> | null
}

export interface AutosaveOptions {
  /** The autosave endpoint of an existing article, or null for a new one (created at `create` first). */
  readonly url: string | null
  readonly create: string | null
  readonly csrf: string
  beforeSave(): void
  /** Where the state is shown (beside the title and beside the Save button). */
  readonly status: readonly HTMLElement[]
  /** The server has everything that was typed. */
  saved(): void
  /** The desk created the article: its id and edit address. */
  created(article: { id: number; edit: string; action: string }): void
  /** Others with the article open, as an autosave answer says. */
  others(list: readonly Present[] | undefined): void
}

/** The fields of the form as the autosave endpoint takes them: every named field but the token and the version. */
export function fieldsOf(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {}
  new FormData(form).forEach((value, name) => {
    if (name !== '_csrf' && name !== 'version' && typeof value === 'string') out[name] = value
  })
  return out
}

/** A problem also shows above the form, where the writer looks, not only beside the Save button at the end. */
function alertAbove(form: HTMLFormElement, text: string, link: { href: string; text: string } | null): void {
  let alert = document.getElementById('autosave-alert')
  if (!alert) {
    alert = document.createElement('p')
    alert.id = 'autosave-alert'
    alert.className = 'alert'
    alert.setAttribute('role', 'alert')
    ;(form.closest('.editor-columns') ?? form).before(alert)
  }
  alert.textContent = text
  if (link) {
    const a = document.createElement('a')
    a.href = link.href
    a.target = '_blank'
    a.rel = 'noopener'
    a.textContent = link.text
    alert.append(' ', a)
  }
}

/** A hidden field added to the form once the article exists. */
function hidden(form: HTMLFormElement, name: string, value: string): HTMLInputElement {
  const field = document.createElement('input')
  Object.assign(field, { type: 'hidden', name, value })
  form.prepend(field)
  return field
}

export function startAutosave(form: HTMLFormElement, opts: AutosaveOptions): Autosaver {
  let version = form.elements.namedItem('version') as HTMLInputElement | null
  let url = opts.url
  let dirty = false, saving: Promise<boolean> | null = null, stopped = false

  const show = (text: string, problem = false, link: { href: string; text: string } | null = null) => {
    for (const el of opts.status) {
      el.textContent = text
      el.classList.toggle('problem', problem)
    }
    if (problem) alertAbove(form, text, link)
  }

  /** The first save of a new article: the form's create endpoint, in JSON. False while it cannot be created yet. */
  async function create(endpoint: string): Promise<boolean> {
    const fields = fieldsOf(form)
    if (!fields.title?.trim()) {
      dirty = true
      show('Kept in this browser: give the article a title to save it to the desk.')
      return false
    }
    show('Saving…')
    const res = await fetch(endpoint, {
      method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ _csrf: opts.csrf, ...fields }),
    })
    const body = await res.json().catch(() => ({})) as { id?: number; version?: number; edit?: string; autosave?: string; action?: string; error?: string }
    if (res.status === 201 && body.id && body.version && body.edit && body.autosave && body.action) {
      url = body.autosave
      version = hidden(form, 'version', String(body.version))
      hidden(form, 'editors_choice_rank_was', fields.editors_choice_rank ?? '')
      form.action = body.action
      delete form.dataset.create
      form.dataset.autosave = body.autosave
      const save = form.querySelector<HTMLButtonElement>('button.save')
      if (save) save.textContent = 'Save'
      history.replaceState(null, '', body.edit)
      opts.created({ id: body.id, edit: body.edit, action: body.action })
      if (!dirty) opts.saved()
      show(`Draft created · Saved ${clockTime(Date.now())}`)
      return true
    }
    dirty = true
    show(`Not saved (kept in this browser): ${body.error ?? `the server answered ${res.status}`}`, true)
    return false
  }

  async function save(): Promise<boolean> {
    if (stopped) return false
    opts.beforeSave()
    dirty = false
    if (url === null) {
      try {
        return opts.create ? await create(opts.create) : false
      } catch {
        dirty = true
        show('Not saved — offline, kept in this browser', true)
        return false
      }
    }
    show('Saving…')
    try {
      const res = await fetch(url, {
        method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ _csrf: opts.csrf, version: Number(version?.value), fields: fieldsOf(form) }),
      })
      if (res.redirected) {
        // Sent to the login form: the session ended. The text is still here; nothing more is sent.
        stopped = true
        dirty = true
        show('Not saved: your session has ended. Log in again in another tab, then save.', true)
        return false
      }
      const body = await res.json().catch(() => ({})) as { version?: number; error?: string; others?: Present[] }
      if (res.ok && typeof body.version === 'number') {
        if (version) version.value = String(body.version)
        show(`Saved ${clockTime(Date.now())}`)
        opts.others(body.others)
        if (!dirty) opts.saved()
        return true
      }
      dirty = true
      if (res.status === 409) {
        // The text stays in the editor and the server kept it as a revision: nothing more is sent until the writer acts.
        stopped = true
        show(body.error ?? 'Someone else saved this article in the meantime.', true,
          { href: url.replace(/\/autosave$/, '/revisions'), text: 'Open the revisions (new tab)' })
      } else if (res.status === 403) {
        stopped = true
        show(body.error ?? 'Your session has ended or the page has expired: copy your text, reload and log in again.', true)
      } else {
        show(`Not saved: ${body.error ?? `the server answered ${res.status}`}`, true)
      }
      return false
    } catch {
      dirty = true
      show(navigator.onLine ? 'Not saved — the desk cannot be reached, kept in this browser. Retrying.' : 'Not saved — offline, kept in this browser', true)
      return false
    }
  }

  const run = (): Promise<boolean> => (saving ??= save().finally(() => { saving = null }))

  setInterval(() => {
    if (dirty && !saving) void run()
  }, EVERY_MS)

  let first: ReturnType<typeof setTimeout> | null = null
  return {
    changed() {
      dirty = true
      // A new article is created soon after its first keystroke, not only at the next tick.
      if (url === null && first === null) first = setTimeout(() => { if (!saving) void run() }, FIRST_MS)
    },
    unsaved: () => dirty || saving !== null,
    submitting() {
      stopped = true
      return saving
    },
    async flush() {
      if (saving) await saving
      return dirty ? run() : true
    },
  }
}
