// How PostgreSQL finds a query's newest matches: from the GIN index, or by walking the newest documents, chosen from the vocabulary's counts.

import { prefixEnd, type VocabularyTerm } from './search-vocabulary.ts'
import type { PlanPart } from './search-index.ts'

/**
 * `index`: the GIN index lists every document holding the parts' words and word pairs (no document read), the newest
 * are kept, and only phrases of three words or more are checked on them, newest first. `walk`: documents are read newest first, each one's
 * tsvector checked, until enough match. The planner's own choice between them rests on its estimate of how many
 * documents match, which for two or more words can be off by a hundred times: a walk through 97,000 documents for a
 * query that matches a few hundred took seconds at 100,000 articles.
 */
export type SearchPath = 'index' | 'walk'

/*
 * Costs are in heap rows visited by a bitmap scan of search_keys (migration 0044), some 60 bytes each. Measured at
 * 100,000 generated articles on PostgreSQL 15 (128 MB of shared buffers, quiet 2-core machine): a bitmap visits a row
 * in about 0.14 µs; a walk reads and checks a document of search_vectors (its tsvector in the row, migration 0043) in
 * about 1.2 µs; the index path's ranking of its candidates (a head or a vector found by key, then ts_rank) took some
 * 5 ms for 1,000.
 */
/** What reading and checking one document's tsvector costs, in bitmap rows. */
const DOCUMENT_READ_COST = 8
/** What ranking one candidate from the index costs, in bitmap rows: a lookup by key besides the read. */
const RANK_COST = 35
/**
 * The share of the documents holding a phrase's words that hold them side by side: a guess, since neither phrases nor
 * the search keys' word pairs are counted (measured: "central bank" 0.12 of its rarer word's documents, "the
 * government" 0.7). Applied once to a phrase's pairs (which the index answers), and once more to the documents holding
 * every pair of a longer phrase, which are checked. Too low a guess costs little: the index's worst case, a bitmap of
 * every row, is bounded; a walk to a rare phrase reads every document.
 */
const PHRASE_SHARE = 0.2
/** The share assumed for a word the vocabulary does not hold (short, long or with digits): rare enough to drive the index. */
const UNKNOWN_SHARE = 0.05

/** The stem ranges of the vocabulary that hold every form of the parts' words: [from, to) on the term. */
export function vocabularyRanges(parts: readonly PlanPart[]): [string, string][] {
  const prefixes = new Set<string>()
  for (const p of parts) {
    if ('phrase' in p) for (const w of p.phrase.filter(inVocabulary)) prefixes.add(w)
    else if (!inVocabulary(p.word)) continue
    // A stem can end differently from its words (Snowball turns a final y into i): one letter less covers them.
    else prefixes.add(p.stem === null ? p.word : [...p.stem].slice(0, Math.max(3, [...p.stem].length - 1)).join(''))
  }
  return [...prefixes].map((p) => [p, prefixEnd(p)])
}

/** Whether the vocabulary counts a word (search-analysis.ts vocabularyWords): 3 to 30 characters, no digit. */
const inVocabulary = (w: string): boolean => w.length >= 3 && w.length <= 30 && !/\p{N}/u.test(w)

/**
 * The share of `total` documents that each part's keys are found in, from the vocabulary's per-word document counts: a
 * word counts the documents of every form with its stem (summed, so an upper bound); a phrase, whose keys are the pairs
 * of its neighbouring words (migration 0044), PHRASE_SHARE of those of its rarest word.
 */
export function partShares(parts: readonly PlanPart[], terms: readonly VocabularyTerm[], total: number, stem: (word: string) => string): number[] {
  const docs = new Map(terms.map((t) => [t.term, t.docs]))
  const share = (n: number) => Math.min(1, n / total)
  return parts.map((p) => {
    if ('phrase' in p) {
      const words = p.phrase.filter(inVocabulary)
      return words.length === 0 ? UNKNOWN_SHARE : Math.min(...words.map((w) => share(docs.get(w) ?? 0))) * PHRASE_SHARE
    }
    if (!inVocabulary(p.word)) return UNKNOWN_SHARE
    if (p.stem === null) return share(docs.get(p.word) ?? 0)
    let n = 0
    for (const t of terms) if (t.term === p.word || stem(t.term) === p.stem) n += t.docs
    return share(n)
  })
}

/**
 * The cheaper way to a query's newest `wanted` matches among `total` documents, given each wanted part's share: the
 * walk reads about wanted ÷ (share of matches) documents, ranking each match as it goes; the index visits every
 * document holding all the parts' keys, reads only those it must check for a longer phrase, and ranks the newest
 * `wanted`. Parts are taken as independent.
 */
export function choosePath(shares: readonly number[], total: number, wanted: number, checked: boolean): SearchPath {
  if (shares.length === 0 || !(total > 0)) return 'index'
  const holding = shares.reduce((a, s) => a * s, 1)
  const matching = checked ? holding * PHRASE_SHARE : holding
  if (matching <= 0) return 'index'
  const walk = Math.min(total, wanted / matching) * DOCUMENT_READ_COST
  const candidates = holding * total
  const checks = checked ? Math.min(candidates, wanted / PHRASE_SHARE) * DOCUMENT_READ_COST : 0
  const index = candidates + checks + Math.min(matching * total, wanted) * RANK_COST
  return walk < index ? 'walk' : 'index'
}

/**
 * Whether ts_rank scores a tsquery word by word (its calc_rank_or), not by how near its words are to each other
 * (calc_rank_and, for a query whose top operator is AND or a phrase): only then is a document's score bounded by its
 * title and standfirst alone (search-postgres.ts). `|` binds loosest, so one outside every bracket makes the top an OR;
 * otherwise a `&` or a phrase operator `<…>` there makes it an AND. Anything it cannot read counts as an AND.
 */
export function ranksWordByWord(tsquery: string): boolean {
  let text = tsquery.trim()
  // Brackets around the whole query, as in "('a' | 'b')", say nothing of its top operator.
  while (text.startsWith('(') && text.endsWith(')') && outsideBrackets(text.slice(1, -1)) !== null) text = text.slice(1, -1).trim()
  const top = outsideBrackets(text)
  if (top === null) return false
  return top.includes('|') || !(top.includes('&') || top.includes('<'))
}

/** The characters of a tsquery outside every bracket and quoted lexeme, or null when its brackets do not pair. */
function outsideBrackets(s: string): string | null {
  let depth = 0
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!
    if (ch === "'") {
      // A lexeme: a quote inside it is doubled, and a backslash escapes the character after it.
      i++
      while (i < s.length && !(s[i] === "'" && s[i + 1] !== "'")) i += s[i] === "'" || s[i] === '\\' ? 2 : 1
    } else if (ch === '(') depth++
    else if (ch === ')') {
      if (--depth < 0) return null
    } else if (depth === 0) out += ch
  }
  return depth === 0 ? out : null
}
