// Search-as-you-type over names (tags, authors): what was typed matches the start of a name or of a word in it, folded
// the way search folds words, so "выб" finds "Выборы" and "cafe" finds "Café" on both engines.

import { searchWords } from '../text/analyze.ts'

/** A name a reader may be looking for, and the folded words of every name it answers to. */
export interface NameCandidate {
  readonly id: number
  readonly slug: string
  /** The name shown. */
  readonly name: string
  /** Other names it answers to (a tag's name in the default language when `name` is its translation). */
  readonly aliases?: readonly string[]
}

/** Folded words by name: the same few thousand names are looked through at every keystroke of every reader. */
const folded = new Map<string, readonly string[]>()
/** Bounds the memo; a site with more names than this just folds some of them again. */
const FOLDED_MAX = 50_000

function wordsOfName(name: string): readonly string[] {
  let words = folded.get(name)
  if (!words) {
    if (folded.size >= FOLDED_MAX) folded.clear()
    words = searchWords(name.normalize('NFC'))
    folded.set(name, words)
  }
  return words
}

/**
 * The candidates with a word starting with `typed` (one folded word, as search/query.ts wordsOf gives it). Matching
 * word by word covers a name's start too; a typed word longer than every word of a name never matches it.
 */
export function namesStartingWith<T extends NameCandidate>(candidates: readonly T[], typed: string): T[] {
  if (!typed) return []
  const starts = (text: string) => wordsOfName(text).some((w) => w.startsWith(typed))
  return candidates.filter((c) => starts(c.name) || (c.aliases ?? []).some(starts))
}

/** The `limit` most used of `matches` (uses by id; unused ones are left out), then by name, the same on both engines. */
export function mostUsed<T extends NameCandidate>(matches: readonly T[], uses: ReadonlyMap<number, number>, limit: number): T[] {
  return matches.filter((m) => (uses.get(m.id) ?? 0) > 0)
    .sort((a, b) => (uses.get(b.id) ?? 0) - (uses.get(a.id) ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit)
}
