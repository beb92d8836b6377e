// Autosave: the form's fields as JSON every few seconds while something changed; a conflict stops it and says who saved.

/** How often a changed article is saved in the background. */
const EVERY_MS = 5000

export interface Autosaver {
  /** Marks the article changed. */
  changed(): void
  /** Saves now if anything changed; resolves true when the server has everything. */
  flush(): Promise<boolean>
}

/** The fields of the form as the autosave endpoint takes them: every named field but the token and the version. */
function fieldsOf(form: HTMLFormElement): Record<string, string> {
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

export function startAutosave(form: HTMLFormElement, opts: { url: string; csrf: string; beforeSave(): void; status: HTMLElement }): Autosaver {
  const version = form.elements.namedItem('version') as HTMLInputElement
  let dirty = false, saving: Promise<boolean> | null = null, stopped = false

  const show = (text: string, problem = false, link: { href: string; text: string } | null = null) => {
    opts.status.textContent = text
    opts.status.classList.toggle('problem', problem)
    if (problem) alertAbove(form, text, link)
  }

  async function save(): Promise<boolean> {
    if (stopped) return false
    opts.beforeSave()
    dirty = false
    show('Saving…')
    try {
      const res = await fetch(opts.url, {
        method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ _csrf: opts.csrf, version: Number(version.value), fields: fieldsOf(form) }),
      })
      if (res.redirected) {
        // Sent to the login form: the session ended. The text is still here; nothing more is sent.
        stopped = true
        dirty = true
        show('Not saved: your session has ended. Log in again in another tab, then save.', true)
        return false
      }
      const body = await res.json().catch(() => ({})) as { version?: number; error?: string }
      if (res.ok && typeof body.version === 'number') {
        version.value = String(body.version)
        show(`Saved at ${new Date().toLocaleTimeString()}`)
        return true
      }
      dirty = true
      if (res.status === 409) {
        // The text stays in the editor and the server kept it as a revision: nothing more is sent until the writer acts.
        stopped = true
        show(body.error ?? 'Someone else saved this article in the meantime.', true,
          { href: opts.url.replace(/\/autosave$/, '/revisions'), text: 'Open the revisions (new tab)' })
      } else if (res.status === 403) {
        stopped = true
        show(body.error ?? 'Your session has ended or the page has expired: copy your text, reload and log in again.', true)
      } else {
        show(`Not saved: ${body.error ?? `the server answered ${res.status}`}`, true)
      }
      return false
    } catch {
      dirty = true
      show('Not saved: the desk cannot be reached. Retrying.', true)
      return false
    }
  }

  const run = (): Promise<boolean> => (saving ??= save().finally(() => { saving = null }))

  setInterval(() => {
    if (dirty && !saving) void run()
  }, EVERY_MS)

  return {
    changed() { dirty = true },
    async flush() {
      if (saving) await saving
      return dirty ? run() : true
    },
  }
}
