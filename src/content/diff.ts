// Readable differences between two revisions: words added and removed in the texts, whole-value changes of the rest.

import type { DiffSegment, FieldChange, RevisionComparison, RevisionSnapshot } from '../domain/revision.ts'
import { plainText } from './excerpt.ts'

/**
 * The largest table (words before × words after, once the common start and end are set aside) diffed word by word:
 * about 8 MB and tens of milliseconds. A larger middle is shown as wholly removed and added.
 */
export const MAX_DIFF_CELLS = 4_000_000

/**
 * Words with the whitespace before each; a word compares by its letters only. Leading whitespace keeps both texts whole
 * where they differ at the end, which is where edits usually are (text appended or cut).
 */
const words = (text: string): string[] => text.trimEnd().match(/\s*\S+/g) ?? []
const key = (token: string): string => token.trimStart()

function push(out: DiffSegment[], op: DiffSegment['op'], text: string): void {
  if (!text) return
  const last = out[out.length - 1]
  if (last && last.op === op) out[out.length - 1] = { op, text: last.text + text }
  else out.push({ op, text })
}

/**
 * A word-level diff of `before` and `after` (longest common subsequence of words): runs of same, removed and added
 * text, removed before added where a passage was replaced. `truncated` when the changed middle was too large to align.
 *
 * @example wordDiff('the vote was held', 'the vote was postponed') →
 *   [{ op: 'same', text: 'the vote was' }, { op: 'removed', text: ' held' }, { op: 'added', text: ' postponed' }]
 */
export function wordDiff(before: string, after: string): { segments: DiffSegment[]; truncated: boolean } {
  const a = words(before), b = words(after)
  let start = 0
  while (start < a.length && start < b.length && key(a[start]!) === key(b[start]!)) start++
  let endA = a.length, endB = b.length
  while (endA > start && endB > start && key(a[endA - 1]!) === key(b[endB - 1]!)) { endA--; endB-- }
  const out: DiffSegment[] = []
  push(out, 'same', b.slice(0, start).join(''))
  const n = endA - start, m = endB - start
  let truncated = false
  if (n * m > MAX_DIFF_CELLS) {
    truncated = true
    push(out, 'removed', a.slice(start, endA).join(''))
    push(out, 'added', b.slice(start, endB).join(''))
  } else if (n > 0 || m > 0) {
    // lcs[i * w + j]: length of the longest common subsequence of a[start+i..endA) and b[start+j..endB).
    // It never exceeds min(n, m) <= sqrt(MAX_DIFF_CELLS), so 16 bits suffice.
    const w = m + 1
    const lcs = new Uint16Array((n + 1) * w)
    // Words as small integers: the inner loop compares numbers, not strings.
    const ids = new Map<string, number>()
    const intern = (t: string): number => { const k = key(t); let v = ids.get(k); if (v === undefined) ids.set(k, v = ids.size); return v }
    const ka = Int32Array.from(a.slice(start, endA), intern), kb = Int32Array.from(b.slice(start, endB), intern)
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = ka[i] === kb[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!)
      }
    }
    let i = 0, j = 0
    while (i < n || j < m) {
      if (i < n && j < m && ka[i] === kb[j]) {
        push(out, 'same', b[start + j]!); i++; j++
      } else if (j >= m || (i < n && lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
        push(out, 'removed', a[start + i]!); i++
      } else {
        push(out, 'added', b[start + j]!); j++
      }
    }
  }
  push(out, 'same', b.slice(endB).join(''))
  return { segments: out, truncated }
}

/** The plain text of a body with a blank line between blocks, so a diff keeps its paragraphs. */
export function bodyText(html: string): string {
  return html.split(/<\/(?:p|h\d|li|blockquote|figcaption|figure|pre|aside)\s*>|<br\s*\/?>/i)
    .map(plainText).filter(Boolean).join('\n\n')
}

const list = (values: readonly string[]): string => values.join(', ')
const orNone = (v: number | null): string => (v === null ? '' : String(v))

/** How snapshot `to` differs from `from`: word diffs of title, standfirst and body, and every other field that changed. */
export function compareSnapshots(from: RevisionSnapshot, to: RevisionSnapshot): Omit<RevisionComparison, 'from' | 'to'> {
  const title = wordDiff(from.title, to.title)
  const standfirst = wordDiff(from.standfirst, to.standfirst)
  const body = wordDiff(bodyText(from.bodyHtml), bodyText(to.bodyHtml))
  const pairs: [string, string, string][] = [
    ['slug', from.slug, to.slug],
    ['section', from.section, to.section],
    ['genre', from.genre, to.genre],
    ['language', from.language, to.language],
    ['tags', list(from.tags), list(to.tags)],
    ['authors', list(from.authors), list(to.authors)],
    ['hero_media', orNone(from.heroMediaId), orNone(to.heroMediaId)],
    ['hero_caption', from.heroCaption ?? '', to.heroCaption ?? ''],
    ['hero_credit', from.heroCredit ?? '', to.heroCredit ?? ''],
    ['seo_title', from.seoTitle, to.seoTitle],
    ['seo_description', from.seoDescription, to.seoDescription],
    ['editors_choice', orNone(from.editorsChoiceRank), orNone(to.editorsChoiceRank)],
  ]
  const fields: FieldChange[] = pairs.filter(([, a, b]) => a !== b).map(([field, before, after]) => ({ field, before, after }))
  return {
    title: title.segments, standfirst: standfirst.segments, body: body.segments, fields,
    truncated: title.truncated || standfirst.truncated || body.truncated,
  }
}
