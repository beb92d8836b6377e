// Tokenizer throughput (MB/s of UTF-8 input) of src/text on a JSON Lines corpus, against Intl.Segmenter and the old split.
//
//   node bench/text.ts [file.jsonl] [--runs 5]      (default ../shared/data/bbc-news/articles.jsonl; lines with title and body)
//
// Prints figures, asserts nothing (CONVENTIONS.md #13). Each figure is the best of `runs` passes over the whole corpus.

import { readFile } from 'node:fs/promises'
import os from 'node:os'
import { parseArgs } from 'node:util'
import { analyze, searchWords } from '../src/text/analyze.ts'
import { segmentWords, wordRuns } from '../src/text/segment.ts'

const USAGE = 'usage: node bench/text.ts [file.jsonl] [--runs N]'

async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { runs: { type: 'string' } } })
  } catch (err) {
    console.error(`bench/text: ${(err as Error).message}\n${USAGE}`)
    return 2
  }
  const file = parsed.positionals[0] ?? new URL('../../shared/data/bbc-news/articles.jsonl', import.meta.url).pathname
  const runs = Number(parsed.values.runs ?? 5)
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`bench/text: --runs must be a whole number ≥ 1\n${USAGE}`)
    return 2
  }
  const texts = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim()).map((l) => {
    const o = JSON.parse(l) as { title?: unknown; body?: unknown }
    return `${String(o.title ?? '')}\n${String(o.body ?? '')}`
  })
  const mb = texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1e6
  const segmenter = new Intl.Segmenter('en', { granularity: 'word' })
  // The split related articles used before src/text: NFKD, every mark removed, split on anything but letters and digits.
  const oldSplit = (t: string) => t.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u)
  const cases: readonly (readonly [string, (t: string) => number])[] = [
    ['regex word runs (wordRuns)', (t) => wordRuns(t).length],
    ['Intl.Segmenter, word-like segments', (t) => { let n = 0; for (const s of segmenter.segment(t)) if (s.isWordLike) n++; return n }],
    ['segmentWords (regex + Segmenter for unspaced scripts)', (t) => segmentWords(t).length],
    ['searchWords (segment + fold)', (t) => searchWords(t).length],
    ['analyze en (segment + fold + stopwords + Porter2)', (t) => analyze(t, 'en').length],
    ['old related split (NFKD + strip marks + split)', (t) => oldSplit(t).length],
  ]
  const rows = cases.map(([name, fn]) => {
    let best = Infinity
    let first = 0
    let words = 0
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now()
      words = 0
      for (const t of texts) words += fn(t)
      const ms = performance.now() - t0
      if (r === 0) first = ms
      best = Math.min(best, ms)
    }
    // The first pass of analyze fills the stem cache: what indexing a new collection costs.
    return { tokenizer: name, words, 'MB/s': Number((mb / (best / 1000)).toFixed(1)), 'first pass MB/s': Number((mb / (first / 1000)).toFixed(1)) }
  })
  console.log(`# ${texts.length} texts, ${mb.toFixed(2)} MB UTF-8, best of ${runs}; Node ${process.version}, ${os.cpus().length} CPUs`)
  console.table(rows)
  return 0
}

process.exitCode = await main(process.argv.slice(2))
