// Search benchmark: indexing throughput and query latency (p50/p99) over realistic queries, on SQLite and PostgreSQL.
//
//   node bench/search.ts [--articles 10000] [--engines sqlite,postgres] [--runs 5] [--seed 42] [--keep] [--index-only]
//   node bench/search.ts --data-dir DIR [--database-url URL] [--runs 5]      # a site generated earlier (bench/generate.ts)
//
// --index-only (SQLite only) skips the site: generated texts go straight into the index, so 100,000 articles load in
// minutes, and only the index-level latency is measured (the page level needs live articles).
//
// Generates N articles through the real publish use-case (bench/generate.ts), which indexes each in its transaction,
// then re-indexes every article in batches of 500 per transaction, then times each query `runs` times after a warm-up,
// both at the index alone and through the whole search use-case (filters, summaries, snippets of the page shown).

import os from 'node:os'
import { parseArgs } from 'node:util'
import { loadConfig } from '../src/config.ts'
import { createLogger } from '../src/log.ts'
import { parseQuery, toSearchExpression } from '../src/search/query.ts'
import { createServices } from '../src/services.ts'
import { openStore, type Store } from '../src/store/store.ts'
import type { SearchDocument } from '../src/store/search-index.ts'
import { plainText } from '../src/content/excerpt.ts'
import { buildArticle } from './article-text.ts'
import { generate } from './generate.ts'
import { createRandom } from './random.ts'
import { allLiveIds } from '../src/related/refresh.ts'
import { createScratch, postgresUnavailable, vacuumAnalyze, type Engine } from './scratch.ts'

/** About thirty queries a reader of a regional news site might type, by kind. */
export const QUERIES: readonly (readonly [kind: string, q: string])[] = [
  ['common word', 'government'], ['common word', 'parliament'], ['common word', 'energy'], ['common word', 'elections'],
  ['common word', 'talks'], ['rare word', 'Karakol'], ['rare word', 'uranium'], ['rare word', 'tuberculosis'],
  ['rare word', 'Müller'], ['rare word', 'Khorog'], ['diacritics', 'Muller'], ['two words', 'gas pipeline'],
  ['two words', 'Kazakhstan elections'], ['two words', 'Georgia protest'], ['two words', 'Tashkent cotton'],
  ['two words', 'inflation forecast'], ['two words', 'border commission'], ['phrase', '"black sea"'],
  ['phrase', '"central bank"'], ['phrase', '"free trade agreement"'], ['phrase', '"Middle Corridor"'],
  ['phrase', '"peace talks" Armenia'], ['phrase', '"the government"'], ['common word', 'minister'], ['exclusion', 'sanctions -Russia'], ['exclusion', 'election -parliamentary'],
  ['exclusion', 'pipeline -gas'], ['mixed', 'OSCE observers report'], ['mixed', 'Venice Commission judicial reform'],
  ['no match', 'volcano eruption'], ['odd input', 'NEAR( "OR * -'], ['odd input', "'; drop table articles; --"],
]

interface Timing { readonly kind: string; readonly level: 'index' | 'page'; readonly ms: number }

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN

/** Re-indexes every live article, 500 per transaction; returns documents per second (reading them is not timed). */
async function reindex(store: Store): Promise<{ docs: number; perSecond: number }> {
  const ids = await allLiveIds(store)
  let ms = 0
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500)
    const [summaries, texts] = await Promise.all([store.live.summariesByIds(batch), store.search.texts(batch)])
    const t0 = performance.now()
    await store.transaction(async (tx) => {
      for (const s of summaries) {
        const t = texts.get(s.id)!
        await tx.search.index(s.id, { title: s.title, standfirst: t.standfirst, body: t.body, language: s.language, sectionId: s.section.id, publishedAt: s.publishedAt })
      }
    })
    ms += performance.now() - t0
  }
  return { docs: ids.length, perSecond: ids.length / (ms / 1000) }
}

/** Indexes `n` generated articles directly, 500 per transaction; returns documents per second (building text not timed). */
async function indexGenerated(store: Store, n: number, seed: number): Promise<number> {
  const r = createRandom(seed)
  const now = Date.now()
  let ms = 0
  for (let from = 0; from < n; from += 500) {
    const docs: { id: number; doc: SearchDocument }[] = []
    for (let i = from; i < Math.min(n, from + 500); i++) {
      const publishedAt = now - Math.floor(((n - i) / n) * 5 * 365 * 86_400_000)
      const a = buildArticle(r, new Date(publishedAt).getUTCFullYear(), [])
      docs.push({ id: i + 1, doc: { title: a.title, standfirst: a.standfirst, body: plainText(a.bodyHtml), language: 'en', sectionId: 1 + r.int(4), publishedAt } })
    }
    const t0 = performance.now()
    await store.transaction(async (tx) => { for (const d of docs) await tx.search.index(d.id, d.doc) })
    ms += performance.now() - t0
  }
  return n / (ms / 1000)
}

async function timeQueries(store: Store, runs: number, levels: readonly ('index' | 'page')[]): Promise<Timing[]> {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir() })
  const services = createServices({ store, config, log: createLogger(config), clock: { now: () => Date.now() } })
  const out: Timing[] = []
  const filter = (q: string) => ({ q, sections: [], tag: null, from: null, to: null, page: 1 })
  for (const [kind, q] of QUERIES) {
    const expression = toSearchExpression(parseQuery(q))
    const indexOnly = () => store.search.query({ expression, sectionIds: [], tagId: null, fromMs: null, toMs: null, limit: 21, offset: 0 })
    const run = { index: indexOnly, page: () => services.search.search(filter(q)) }
    for (const level of levels) await run[level]()
    for (let r = 0; r < runs; r++) {
      for (const level of levels) {
        const t0 = performance.now()
        await run[level]()
        out.push({ kind, level, ms: performance.now() - t0 })
      }
    }
  }
  return out
}

async function benchIndexOnly(articles: number, seed: number, runs: number) {
  const scratch = await createScratch('sqlite')
  const store = await openStore(scratch.database)
  try {
    const perSecond = await indexGenerated(store, articles, seed)
    return { indexing: { engine: 'sqlite', articles, 'index-only docs/s': Math.round(perSecond) }, rows: summarize('sqlite', articles, await timeQueries(store, runs, ['index'])) }
  } finally {
    await store.close()
    await scratch.drop()
  }
}

function summarize(engine: Engine, articles: number, timings: readonly Timing[]) {
  const rows = []
  for (const level of ['index', 'page'] as const) {
    for (const kind of ['all', ...new Set(QUERIES.map(([k]) => k))]) {
      const ms = timings.filter((t) => t.level === level && (kind === 'all' || t.kind === kind)).map((t) => t.ms).sort((a, b) => a - b)
      if (ms.length) rows.push({ engine, articles, level, kind, samples: ms.length, p50: +percentile(ms, 50).toFixed(2), p99: +percentile(ms, 99).toFixed(2), max: +ms.at(-1)!.toFixed(2) })
    }
  }
  return rows
}

async function benchEngine(engine: Engine, articles: number, seed: number, runs: number, keep: boolean) {
  const scratch = await createScratch(engine)
  const store = await openStore(scratch.database, { poolSize: 4 })
  try {
    const report = await generate(store, { articles, seed, mediaDir: `${scratch.dataDir}/media` })
    const inPublish = report.breakdown.find((r) => r.name === 'store search.index')
    if (scratch.databaseUrl) await vacuumAnalyze(scratch.databaseUrl)
    const re = await reindex(store)
    const rows = summarize(engine, articles, await timeQueries(store, runs, ['index', 'page']))
    return {
      rows,
      indexing: {
        engine, articles, 'publish articles/s': Math.round(report.articlesPerSecond),
        'index in publish docs/s': inPublish ? Math.round(inPublish.calls / (inPublish.ms / 1000)) : null,
        'index ms/doc in publish': inPublish ? +(inPublish.ms / inPublish.calls).toFixed(3) : null,
        'reindex docs/s': Math.round(re.perSecond),
      },
    }
  } finally {
    await store.close()
    if (keep) console.log(`kept ${scratch.where}`)
    else await scratch.drop()
  }
}

/** A site generated earlier: re-indexes it (the indexing throughput) and times the queries. */
async function benchExisting(dataDir: string, databaseUrl: string | undefined, runs: number) {
  const config = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl && { DATABASE_URL: databaseUrl }) })
  const engine = config.database.engine
  const store = await openStore(config.database, { poolSize: 4 })
  try {
    const articles = await store.live.count()
    const re = await reindex(store)
    if (databaseUrl) await vacuumAnalyze(databaseUrl)
    return { rows: summarize(engine, articles, await timeQueries(store, runs, ['index', 'page'])), indexing: { engine, articles, 'reindex docs/s': Math.round(re.perSecond) } }
  } finally {
    await store.close()
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' }, engines: { type: 'string', default: 'sqlite,postgres' },
      runs: { type: 'string', default: '5' }, seed: { type: 'string', default: '42' }, keep: { type: 'boolean', default: false },
      'index-only': { type: 'boolean', default: false }, 'data-dir': { type: 'string' }, 'database-url': { type: 'string' },
    },
    strict: true,
  })
  const articles = Number(values.articles)
  const runs = Number(values.runs)
  if (!Number.isInteger(articles) || articles < 1) throw new Error('--articles must be a whole number from 1')
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number from 1')
  const engines = values.engines.split(',').map((e) => e.trim())
  const indexing: Record<string, unknown>[] = []
  const rows = []
  if (values['data-dir']) {
    const r = await benchExisting(values['data-dir'], values['database-url'], runs)
    indexing.push(r.indexing)
    rows.push(...r.rows)
    engines.length = 0
  }
  if (values['index-only']) {
    console.log(`sqlite: indexing ${articles} generated articles directly…`)
    const r = await benchIndexOnly(articles, Number(values.seed), runs)
    indexing.push(r.indexing)
    rows.push(...r.rows)
    engines.length = 0
  }
  for (const engine of engines) {
    if (engine !== 'sqlite' && engine !== 'postgres') throw new Error(`unknown engine "${engine}"`)
    if (engine === 'postgres') {
      const reason = await postgresUnavailable()
      if (reason) {
        console.log(`skipping postgres: ${reason}`)
        continue
      }
    }
    console.log(`${engine}: generating ${articles} articles…`)
    const r = await benchEngine(engine, articles, Number(values.seed), runs, values.keep)
    indexing.push(r.indexing)
    rows.push(...r.rows)
  }
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, ${QUERIES.length} queries × ${runs} runs after a warm-up`)
  console.table(indexing)
  console.table(rows)
  return 0
}

main().then((code) => { process.exitCode = code }, (err: unknown) => {
  console.error((err as Error).message)
  process.exitCode = 2
})
