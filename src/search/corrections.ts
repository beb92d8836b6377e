// "Did you mean …?": the query with its unknown or rare words replaced by close, frequent words of the index.

import type { SearchIndex } from '../store/search-index.ts'
import { editDistance } from './edit-distance.ts'
import type { ParsedQuery } from './query.ts'

/** How far a correction may be from what was typed: one edit for short words, three for long ones ("elecshun"). */
const maxEdits = (word: string): number => {
  const n = [...word].length
  return n <= 4 ? 1 : n <= 7 ? 2 : 3
}

/** A rare word is still replaced when a close word is this many times as frequent: the rare one is likely a typo too. */
const MUCH_MORE_FREQUENT = 20

/** The best correction of one word, or null: the fewest edits, then the most documents. */
async function correctWord(vocabulary: SearchIndex['vocabulary'], word: string, docs: number): Promise<string | null> {
  const max = maxEdits(word)
  if ([...word].length < 3) return null
  let best: { term: string; edits: number; docs: number } | null = null
  for (const c of await vocabulary.candidates(word, max)) {
    if (c.term === word || (docs > 0 && c.docs < MUCH_MORE_FREQUENT * docs)) continue
    const edits = editDistance(word, c.term, max)
    if (edits > max) continue
    if (!best || edits < best.edits || (edits === best.edits && c.docs > best.docs)) best = { term: c.term, edits, docs: c.docs }
  }
  return best?.term ?? null
}

/** Writes a parsed query back as a reader would type it: phrases quoted, exclusions with a minus. */
export function queryText(q: ParsedQuery): string {
  const part = (words: readonly string[]) => (words.length > 1 ? `"${words.join(' ')}"` : words[0]!)
  return [...q.include.map(part), ...q.exclude.map((w) => `-${part(w)}`)].join(' ')
}

/**
 * The query with every searched word that the index lacks (or holds rarely, beside a far more frequent close word)
 * replaced by its best correction; null when nothing needs or can be corrected. Excluded words stay as typed.
 */
export async function correctQuery(vocabulary: SearchIndex['vocabulary'], q: ParsedQuery): Promise<ParsedQuery | null> {
  const words = [...new Set(q.include.flat())]
  const frequencies = await vocabulary.frequencies(words)
  const replacements = new Map<string, string>()
  for (const word of words) {
    const docs = frequencies.get(word) ?? 0
    const better = await correctWord(vocabulary, word, docs)
    if (better) replacements.set(word, better)
  }
  if (replacements.size === 0) return null
  return { include: q.include.map((part) => part.map((w) => replacements.get(w) ?? w)), exclude: q.exclude }
}
