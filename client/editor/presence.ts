// Who else has the article open: a heartbeat every 20 seconds while the page is open (autosaves bring the same news),
// and a goodbye when the page goes away, so the others' list empties at once rather than after a minute.

import { clockTime } from './local-draft.ts'

const HEARTBEAT_MS = 20_000

export interface Present { readonly name: string; readonly since: string }

export interface PresenceView {
  /** Shows the list the server sent (after a heartbeat or an autosave). */
  show(others: readonly Present[] | undefined): void
}

export function startPresence(opts: { url: string; csrf: string; element: HTMLElement }): PresenceView {
  const show = (others: readonly Present[] | undefined) => {
    if (!others) return
    opts.element.hidden = others.length === 0
    opts.element.textContent = others.length === 0 ? '' : `Also open by ${others.map((o) => `${o.name} (since ${clockTime(Date.parse(o.since))})`).join(', ')}: saves may cross; the later one is kept as a revision.`
  }
  const beat = async () => {
    try {
      const res = await fetch(opts.url, {
        method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ _csrf: opts.csrf }),
      })
      if (res.ok && !res.redirected) show(((await res.json()) as { others?: Present[] }).others)
    } catch { /* offline: the next beat tries again */ }
  }
  void beat()
  setInterval(() => void beat(), HEARTBEAT_MS)
  window.addEventListener('pagehide', () => {
    void fetch(opts.url, {
      method: 'POST', credentials: 'same-origin', keepalive: true, headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ _csrf: opts.csrf, leaving: true }),
    }).catch(() => {})
  })
  return { show }
}
