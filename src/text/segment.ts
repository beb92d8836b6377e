// Word segmentation: one regex pass over letters, digits and marks; scripts written without spaces go to Intl.Segmenter.

/**
 * A word is a run of letters, digits, combining marks and private-use characters: what FTS5's unicode61 tokenizer keeps,
 * so search and the engines split text alike. Georgian, Armenian, Cyrillic and Greek words stay whole (they are letters).
 * Measured on the BBC corpus (bench/text.ts): this regex splits about 100 MB/s, Intl.Segmenter about 22 MB/s, so the
 * regex does the work and the segmenter sees only the runs that need a dictionary.
 */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu

/** Scripts written without spaces between words: a run of them is one "word" to the regex, many to a reader. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u

/**
 * A cheap first test by code ranges (Thai to Myanmar, Khmer, CJK, kana, compatibility ideographs, and the surrogates of
 * the supplementary ideographs): script property classes are several times slower to test over a whole text.
 */
const MAYBE_UNSPACED = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u9fff\uf900-\ufaff\ud840-\ud87f]/

// Intl objects are expensive to build (TRAPS.md): one for the process.
let segmenter: Intl.Segmenter | undefined

function segmentUnspaced(run: string, out: string[]): void {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' })
  for (const s of segmenter.segment(run)) if (s.isWordLike) out.push(s.segment)
}

/**
 * Runs of word characters in order, as written, without dictionary segmentation: how FTS5's unicode61 and PostgreSQL's
 * `simple` parser split text, so what search sends to the engines is what they indexed.
 */
export const wordRuns = (text: string): string[] => text.match(WORD) ?? []

/** The words of `text` in order, as written (no case or diacritics folding); unspaced scripts split by dictionary. */
export function segmentWords(text: string): string[] {
  const runs = text.match(WORD)
  if (runs === null) return []
  // Nearly all text has no unspaced script: one test of the whole text spares a test per word.
  if (!MAYBE_UNSPACED.test(text) || !UNSPACED.test(text)) return runs
  const out: string[] = []
  for (const run of runs) {
    if (UNSPACED.test(run)) segmentUnspaced(run, out)
    else out.push(run)
  }
  return out
}
