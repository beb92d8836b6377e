// Known-item evaluation of search on a labelled JSON Lines corpus (the BBC set): MRR@10 and recall@10 of the engine,
// with and without stems, on SQLite and PostgreSQL, against a plain BM25 baseline computed here over the same texts.
//
//   npm run eval:search -- /work/shared/data/bbc-news/articles.jsonl [--queries 300] [--words 3] [--engines sqlite,postgres] [--seed 7]
//
// For each sampled article a query is built from its own words, never its title's: `--words` of its ten most
// distinctive body words (tf-idf), drawn at random. Two query sets: "as written" uses the words as the article writes
// them; "other forms" replaces each word by another form of it that the corpus uses (same stem, e.g. "elections" for
// "election"), as a reader who types a different form would. The article searched for should rank in the top ten.

import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { sanitizeBodyAsync } from '../src/content/sanitize.ts'
import { createDraft, publish } from '../src/editorial/publishing.ts'
import { parseQuery, toSearchExpression } from '../src/search/query.ts'
import { foldedWords } from '../src/store/search-analysis.ts'
import { openStore, type Store } from '../src/store/store.ts'
import { stemmerOf } from '../src/text/stem.ts'
import { stopwordsOf } from '../src/text/stopwords.ts'
import { createRandom } from './random.ts'
import { createScratch, postgresUnavailable, type Engine } from './scratch.ts'

interface Item { readonly title: string; readonly standfirst: string; readonly body: string }
interface Query { readonly target: number; readonly asWritten: string[]; readonly otherForms: string[] }

const USAGE = 'usage: npm run eval:search -- <file.jsonl> [--queries N] [--words N] [--engines sqlite,postgres] [--seed N]'
const K = 10
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const stem = stemmerOf('en')
const stop = stopwordsOf('en')

function readCorpus(text: string): Item[] {
  return text.split('\n').filter((l) => l.trim()).map((line) => {
    const o = JSON.parse(line) as { title: string; body: string }
    // The first paragraph stands in as the standfirst, as in eval-related.ts.
    const [first = '', ...rest] = o.body.split(/\n\s*\n/)
    return { title: o.title, standfirst: first, body: rest.join('\n\n') }
  })
}

const wordsOf = (it: Item) => foldedWords(`${it.title} ${it.standfirst} ${it.body}`, 'en')

/** Known-item queries: for sampled articles, words of the standfirst and body (not the title) by tf-idf. */
function buildQueries(items: readonly Item[], n: number, words: number, seed: number): Query[] {
  const df = new Map<string, number>()
  const forms = new Map<string, Map<string, number>>()
  for (const it of items) {
    for (const w of new Set(wordsOf(it))) {
      df.set(w, (df.get(w) ?? 0) + 1)
      const s = stem(w)
      let f = forms.get(s)
      if (!f) forms.set(s, (f = new Map()))
      f.set(w, (f.get(w) ?? 0) + 1)
    }
  }
  const random = createRandom(seed)
  const out: Query[] = []
  const step = items.length / n
  for (let q = 0; q < n; q++) {
    const target = Math.floor(q * step)
    const it = items[target]!
    const title = new Set(foldedWords(it.title, 'en'))
    const tf = new Map<string, number>()
    for (const w of foldedWords(`${it.standfirst} ${it.body}`, 'en')) {
      if (w.length < 4 || stop.has(w) || title.has(w) || /\d/.test(w)) continue
      tf.set(w, (tf.get(w) ?? 0) + 1)
    }
    const top = [...tf].map(([w, f]) => [w, (1 + Math.log(f)) * Math.log(items.length / df.get(w)!)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10).map(([w]) => w)
    const chosen: string[] = []
    while (chosen.length < Math.min(words, top.length)) {
      const w = top[random.int(top.length)]!
      if (!chosen.includes(w)) chosen.push(w)
    }
    // Another form with the same stem, the corpus's most frequent one other than the word itself; the word when none.
    const other = chosen.map((w) => [...(forms.get(stem(w)) ?? new Map<string, number>())].filter(([f]) => f !== w)
      .sort((a, b) => b[1] - a[1])[0]?.[0] ?? w)
    out.push({ target, asWritten: chosen, otherForms: other })
  }
  return out
}

/** Plain BM25 (k1 1.2, b 0.75) over title, standfirst and body as one field, any query word matching (OR). */
function bm25(items: readonly Item[], analyse: (w: string) => string) {
  const docs = items.map((it) => {
    const tf = new Map<string, number>()
    const words = wordsOf(it).map(analyse)
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1)
    return { tf, length: words.length }
  })
  const df = new Map<string, number>()
  for (const d of docs) for (const w of d.tf.keys()) df.set(w, (df.get(w) ?? 0) + 1)
  const avg = docs.reduce((s, d) => s + d.length, 0) / docs.length
  return (query: readonly string[]): number[] => {
    const terms = [...new Set(query.map(analyse))]
    const scored = docs.map((d, i) => {
      let score = 0
      for (const t of terms) {
        const f = d.tf.get(t)
        if (!f) continue
        const idf = Math.log(1 + (docs.length - df.get(t)! + 0.5) / (df.get(t)! + 0.5))
        score += idf * (f * 2.2) / (f + 1.2 * (0.25 + 0.75 * d.length / avg))
      }
      return [i, score] as const
    })
    return scored.filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, K).map(([i]) => i)
  }
}

interface Scores { mrr: number; recall: number }
function score(queries: readonly Query[], ranked: (q: Query) => Promise<number[]> | number[]): Promise<Scores> {
  return (async () => {
    let mrr = 0, found = 0
    for (const q of queries) {
      const rank = (await ranked(q)).indexOf(q.target)
      if (rank >= 0 && rank < K) {
        mrr += 1 / (rank + 1)
        found++
      }
    }
    return { mrr: mrr / queries.length, recall: found / queries.length }
  })()
}

async function load(store: Store, items: readonly Item[]): Promise<number[]> {
  const now = Date.UTC(2026, 0, 1)
  await store.transaction((tx) => tx.taxonomy.insertSection({ slug: 'news', name: 'News', description: '', position: 0 }).then(() => undefined))
  const ids: number[] = []
  for (const [i, it] of items.entries()) {
    const bodyHtml = await sanitizeBodyAsync(it.body.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'))
    ids.push(await store.transaction(async (tx) => {
      const id = await createDraft(tx, { title: it.title.slice(0, 300) || 'Untitled', slug: `article-${i + 1}`, section: 'news', standfirst: it.standfirst.slice(0, 1000), bodyHtml }, { now, siteLanguage: 'en' })
      await publish(tx, id, { now, siteLanguage: 'en', publishedAt: now, related: 'later' })
      return id
    }))
  }
  return ids
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {
    queries: { type: 'string', default: '300' }, words: { type: 'string', default: '3' }, engines: { type: 'string', default: 'sqlite,postgres' }, seed: { type: 'string', default: '7' },
  } })
  const file = positionals[0]
  const n = Number(values.queries), words = Number(values.words), seed = Number(values.seed)
  if (!file || ![n, words, seed].every((x) => Number.isInteger(x) && x > 0)) {
    console.error(USAGE)
    return 2
  }
  const items = readCorpus(await readFile(file, 'utf8'))
  const queries = buildQueries(items, Math.min(n, items.length), words, seed)
  const rows: Record<string, string | number>[] = []
  const row = (system: string, set: string, s: Scores) => rows.push({ system, queries: set, 'MRR@10': Number(s.mrr.toFixed(3)), 'recall@10': Number(s.recall.toFixed(3)) })
  for (const [name, analyse] of [['BM25 baseline (words)', (w: string) => w], ['BM25 baseline (stems)', stem]] as const) {
    const rank = bm25(items, analyse)
    row(name, 'as written', await score(queries, (q) => rank(q.asWritten)))
    row(name, 'other forms', await score(queries, (q) => rank(q.otherForms)))
  }
  for (const engine of values.engines.split(',') as Engine[]) {
    if (engine === 'postgres') {
      const why = await postgresUnavailable()
      if (why) { console.error(`postgres skipped: ${why}`); continue }
    }
    const scratch = await createScratch(engine)
    const store = await openStore(scratch.database)
    try {
      const ids = await load(store, items)
      const indexOf = new Map(ids.map((id, i) => [id, i]))
      for (const stems of [false, true]) {
        const search = async (w: readonly string[]) => (await store.search.query({
          expression: toSearchExpression(parseQuery(w.join(' ')), { language: 'en', stems }), sectionIds: [], tagId: null, fromMs: null, toMs: null, limit: K, offset: 0,
        })).map((m) => indexOf.get(m.articleId)!)
        const name = `${engine} ${stems ? 'with stems' : 'exact words (before)'}`
        row(name, 'as written', await score(queries, (q) => search(q.asWritten)))
        row(name, 'other forms', await score(queries, (q) => search(q.otherForms)))
      }
    } finally {
      await store.close()
      await scratch.drop()
    }
  }
  console.table(rows)
  console.log(`# ${items.length} articles, ${queries.length} known-item queries of ${words} words (seed ${seed}); engine queries AND their words, BM25 ORs them`)
  return 0
}

process.exitCode = await main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`eval-search: ${(err as Error).message}`)
  return 1
})
