// Snippets of search results: the passage of a text with most of the wanted words, those words marked.

import type { SnippetPart } from '../domain/read-models.ts'
import { foldChars, foldWord } from '../text/fold.ts'

/** A word as the engines compare it: lower case, diacritics removed ("Zürich" and "zurich" are the same); see src/text. */
export { foldWord }

export interface Snippet {
  readonly parts: readonly SnippetPart[]
  /** How many words in the passage are marked. */
  readonly hits: number
}

export interface Hit { readonly start: number; readonly end: number; readonly word: string }

/**
 * About `maxChars` characters of `text` around the densest run of distinct wanted words, cut at word boundaries and
 * split into plain and marked parts. Parts are raw text: the renderer escapes every part before wrapping marked ones in `<mark>`.
 * One native regex pass over the text, so a page of twenty long bodies costs well under a millisecond.
 */
export function snippet(text: string, matcher: WordMatcher, maxChars = 220): Snippet {
  if (!text) return { parts: [], hits: 0 }
  const hits = matcher(text)
  const anchor = bestAnchor(hits, maxChars)
  // Start a few words before the first hit, at a word boundary.
  let start = anchor === null ? 0 : Math.max(0, anchor - 40)
  if (start > 0) start = boundaryAfter(text, start)
  let end = Math.min(text.length, start + maxChars)
  if (end < text.length) end = Math.max(boundaryBefore(text, end), (hits.find((h) => h.start >= start)?.end ?? start))
  const parts: SnippetPart[] = []
  const push = (t: string, mark: boolean) => { if (t) parts.push({ text: t, mark }) }
  if (start > 0) push('… ', false)
  let at = start
  let marked = 0
  for (const h of hits) {
    if (h.start < start || h.end > end) continue
    push(text.slice(at, h.start), false)
    push(text.slice(h.start, h.end), true)
    marked++
    at = h.end
  }
  push(text.slice(at, end).trimEnd(), false)
  if (end < text.length) push(' …', false)
  return { parts, hits: marked }
}

/** Finds every whole-word occurrence of the wanted words in a text. */
export type WordMatcher = (text: string) => readonly Hit[]

/** A matcher for `wanted` (diacritics and case folded), compiled once for all the snippets of a page. */
export function wordMatcher(wanted: Iterable<string>): WordMatcher {
  const words = [...new Set([...wanted].map((w) => foldWord(w)))].filter((w) => w.length > 0)
  if (words.length === 0) return () => []
  const alternation = words.sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  const re = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${alternation})(?![\\p{L}\\p{N}\\p{M}])`, 'gu')
  return (text) => [...foldChars(text).matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }))
}

/** Where the window of `size` characters holding the most distinct hit words begins (earliest on ties); null without hits. */
function bestAnchor(hits: readonly Hit[], size: number): number | null {
  if (hits.length === 0) return null
  let best = hits[0]!.start
  let bestCount = 0
  const counts = new Map<string, number>()
  let j = 0
  for (let i = 0; i < hits.length; i++) {
    while (j < hits.length && hits[j]!.end <= hits[i]!.start + size - 40) {
      counts.set(hits[j]!.word, (counts.get(hits[j]!.word) ?? 0) + 1)
      j++
    }
    if (counts.size > bestCount) {
      bestCount = counts.size
      best = hits[i]!.start
    }
    const w = hits[i]!.word
    const n = (counts.get(w) ?? 1) - 1
    if (n <= 0) counts.delete(w)
    else counts.set(w, n)
  }
  return best
}

/** The first word start at or after `i`. */
function boundaryAfter(text: string, i: number): number {
  const space = text.slice(i).search(/\s/)
  return space === -1 ? i : i + space + 1
}

/** The end of the last whole word before `i`. */
function boundaryBefore(text: string, i: number): number {
  const space = text.lastIndexOf(' ', i)
  return space <= 0 ? i : space
}

const WORD_RUN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu
/** Stems rarely keep less of a word than its first letters: only words starting like some stem are stemmed to check. */
const STEM_HEAD = 3

/**
 * A matcher for `wanted` and every other form of it: a word matches when folded it is wanted, or its stem (by `stem`) is
 * a wanted word's stem, so "agents" marks "agent" and "выборах" marks "выборы". Forms of one word count as one word
 * when the densest passage is chosen.
 */
export function formMatcher(wanted: Iterable<string>, stem: (word: string) => string): WordMatcher {
  const words = new Set([...wanted].map((w) => foldWord(w)).filter((w) => w.length > 0))
  if (words.size === 0) return () => []
  const stems = new Set([...words].map(stem))
  const heads = new Set([...stems].map((s) => s.slice(0, STEM_HEAD)))
  return (text) => {
    const hits: Hit[] = []
    for (const m of foldChars(text).matchAll(WORD_RUN)) {
      const w = m[0]
      if (!words.has(w) && !heads.has(w.slice(0, STEM_HEAD))) continue
      const s = stem(w)
      if (words.has(w) || stems.has(s)) hits.push({ start: m.index, end: m.index + w.length, word: s })
    }
    return hits
  }
}
