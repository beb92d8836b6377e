// The copy of an unsaved article kept in this browser (localStorage), so a closed tab, a crash or a lost connection
// loses nothing: written on every change, offered back when the editor opens with different text, cleared once the
// desk has everything.

const PREFIX = 'broadsheet:unsaved:'

export interface LocalDraft {
  /** When it was written (ms). */
  readonly at: number
  readonly fields: Readonly<Record<string, string>>
}

export interface LocalDrafts {
  read(): LocalDraft | null
  write(fields: Record<string, string>): void
  clear(): void
  /** Files the copy under another key: a new article's copy follows it once the desk has created it. */
  rekey(key: string): void
}

/** The browser may refuse storage (private mode, quota): then nothing is kept and nothing breaks. */
function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

export function localDrafts(initialKey: string): LocalDrafts {
  let key = PREFIX + initialKey
  const store = storage()
  return {
    read() {
      try {
        const data = JSON.parse(store?.getItem(key) ?? 'null') as LocalDraft | null
        return data && typeof data.at === 'number' && data.fields && typeof data.fields === 'object' ? data : null
      } catch {
        return null
      }
    },
    write(fields) {
      try {
        store?.setItem(key, JSON.stringify({ at: Date.now(), fields }))
      } catch { /* full or refused: the desk copy is all there is */ }
    },
    clear() { store?.removeItem(key) },
    rekey(next) {
      const value = store?.getItem(key)
      store?.removeItem(key)
      key = PREFIX + next
      if (value) try { store?.setItem(key, value) } catch { /* as in write */ }
    },
  }
}

/** The same fields, whatever their order. */
export function sameFields(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a).filter((k) => a[k] !== ''), kb = Object.keys(b).filter((k) => b[k] !== '')
  return ka.length === kb.length && ka.every((k) => a[k] === b[k])
}

/** "14:05": the time of day a copy or a save is from. */
export const clockTime = (ms: number): string => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
