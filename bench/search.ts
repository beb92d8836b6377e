// Search benchmark: indexing throughput and query latency (p50/p99) over realistic queries, on SQLite and PostgreSQL.
//
//   node bench/search.ts [--articles 10000] [--engines sqlite,postgres] [--runs 5] [--seed 42] [--keep] [--index-only]
//   node bench/search.ts --data-dir DIR [--database-url URL] [--runs 5]      # a site generated earlier (bench/generate.ts)
//   node bench/search.ts --index-only --database-url URL [--articles N]     # index into URL's database, or time the index it holds
//
// --index-only skips the site: generated texts go straight into the index, so 100,000 articles load in minutes, and only
// the index-level latency is measured (the page level needs live articles). On PostgreSQL the index's foreign keys to
// articles are dropped in the benchmark's own database first, since no article rows exist. With --database-url the
// database is kept: an empty index is filled, one already filled is timed as it is (before/after runs on the same data).
//
// Generates N articles through the real publish use-case (bench/generate.ts), which indexes each in its transaction,
// then re-indexes every article in batches of 500 per transaction, then times each query `runs` times after a warm-up,
// both at the index alone and through the whole search use-case (filters, summaries, snippets of the page shown).

import os from 'node:os'
import Database from 'better-sqlite3'
import pg from 'pg'
import { parseArgs } from 'node:util'
import { loadConfig } from '../src/config.ts'
import { createLogger } from '../src/log.ts'
import { parseQuery, toSearchExpression } from '../src/search/query.ts'
import { createServices } from '../src/services.ts'
import { openStore, type Store } from '../src/store/store.ts'
import type { SearchDocument } from '../src/store/search-index.ts'
import { tsvectorLiteral, vocabularyWords } from '../src/store/search-analysis.ts'
import { plainText } from '../src/content/excerpt.ts'
import { buildArticle } from './article-text.ts'
import { generate } from './generate.ts'
import { createRandom } from './random.ts'
import { allLiveIds } from '../src/related/refresh.ts'
import { cpuDelta, createScratch, databaseCpu, postgresUnavailable, vacuumAnalyze, type Engine } from './scratch.ts'

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
/** CPU the database's backends used for one kind's index-level calls (PostgreSQL only): less moved by other work than wall time. */
interface CpuUse { readonly kind: string; readonly ms: number; readonly calls: number }

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

/** The generated documents, 500 at a time: ids 1…n, oldest first, text a function of the seed. */
function* generatedDocuments(n: number, seed: number): Generator<{ id: number; doc: SearchDocument }[]> {
  const r = createRandom(seed)
  const now = Date.now()
  for (let from = 0; from < n; from += 500) {
    const docs: { id: number; doc: SearchDocument }[] = []
    for (let i = from; i < Math.min(n, from + 500); i++) {
      const publishedAt = now - Math.floor(((n - i) / n) * 5 * 365 * 86_400_000)
      const a = buildArticle(r, new Date(publishedAt).getUTCFullYear(), [])
      docs.push({ id: i + 1, doc: { title: a.title, standfirst: a.standfirst, body: plainText(a.bodyHtml), language: 'en', sectionId: 1 + r.int(4), publishedAt } })
    }
    yield docs
  }
}

/** Indexes `n` generated articles directly, 500 per transaction; returns documents per second (building text not timed). */
async function indexGenerated(store: Store, n: number, seed: number): Promise<number> {
  let ms = 0
  for (const docs of generatedDocuments(n, seed)) {
    const t0 = performance.now()
    await store.transaction(async (tx) => { for (const d of docs) await tx.search.index(d.id, d.doc) })
    ms += performance.now() - t0
  }
  return n / (ms / 1000)
}

/**
 * Loads the same documents into PostgreSQL's index as `search.index` would leave them (the tsvector of words and stems,
 * its copies in search_vectors and search_heads, its keys in search_keys, the vocabulary's document counts), 500 rows a statement and the vocabulary once at the end: a row-at-a-time index with
 * its per-document vocabulary upserts takes hours for 100,000 articles on a loaded 2-core machine. Title suggestions,
 * which search does not read, are left out. Returns documents per second.
 */
async function bulkIndexPostgres(databaseUrl: string, n: number, seed: number): Promise<number> {
  const c = new pg.Client({ connectionString: databaseUrl })
  await c.connect()
  const t0 = performance.now()
  try {
    const vocabulary = new Map<string, number>()
    for (const docs of generatedDocuments(n, seed)) {
      const values: unknown[] = []
      const rows = docs.map(({ id, doc }, k) => {
        const [title, standfirst, body] = [doc.title, doc.standfirst, doc.body].map((t) => t.normalize('NFC')) as [string, string, string]
        for (const w of vocabularyWords([doc.title, doc.standfirst, doc.body], doc.language)) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1)
        values.push(id, doc.language, doc.sectionId, doc.publishedAt, title, standfirst, body,
          tsvectorLiteral([[title, 'A'], [standfirst, 'B'], [body, 'C']], doc.language))
        const b = k * 8
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}::tsvector)`
      })
      await c.query(`insert into search_documents (article_id, language, section_id, published_at, title, standfirst, body, terms)
        values ${rows.join(', ')}`, values)
    }
    // The narrow copies that checks and ranks read (migration 0043), as search.index writes them beside each document.
    await c.query(`insert into search_vectors (article_id, language, section_id, published_at, terms)
      select article_id, language, section_id, published_at, terms from search_documents`)
    await c.query(`insert into search_heads (article_id, head) select article_id, ts_filter(terms, '{a,b}') from search_vectors`)
    // The keys the GIN index finds documents by (migration 0044).
    await c.query(`insert into search_keys (article_id, language, section_id, published_at, terms)
      select article_id, language, section_id, published_at, broadsheet_search_keys(terms) from search_documents`)
    const terms = [...vocabulary]
    for (let i = 0; i < terms.length; i += 5000) {
      const chunk = terms.slice(i, i + 5000)
      await c.query('insert into search_terms (term, docs) select * from unnest($1::text[], $2::int[])', [chunk.map(([t]) => t), chunk.map(([, d]) => d)])
    }
    return n / ((performance.now() - t0) / 1000)
  } finally {
    await c.end()
  }
}

async function timeQueries(store: Store, runs: number, levels: readonly ('index' | 'page')[], databaseUrl?: string, cpu: CpuUse[] = []): Promise<Timing[]> {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir() })
  const services = createServices({ store, config, log: createLogger(config), clock: { now: () => Date.now() } })
  const out: Timing[] = []
  const filter = (q: string) => ({ q, sections: [], tag: null, from: null, to: null, page: 1 })
  for (const [kind, q] of QUERIES) {
    const expression = toSearchExpression(parseQuery(q))
    const indexOnly = () => store.search.query({ expression, sectionIds: [], tagId: null, fromMs: null, toMs: null, limit: 21, offset: 0 })
    const run = { index: indexOnly, page: () => services.search.search(filter(q)) }
    for (const level of levels) await run[level]()
    if (databaseUrl) {
      const before = await databaseCpu(databaseUrl)
      for (let r = 0; r < runs; r++) await indexOnly()
      cpu.push({ kind, ms: cpuDelta(before, await databaseCpu(databaseUrl)), calls: runs })
    }
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

/**
 * The index's foreign keys to articles, dropped so that generated texts can be indexed without article rows: only ever
 * in a benchmark's own database. SQLite cannot drop a constraint, so its one such table is rebuilt without it.
 */
function dropSqliteIndexForeignKeys(file: string): void {
  const db = new Database(file)
  try {
    const row = db.prepare(`select sql from sqlite_master where type = 'table' and name = 'search_suggest'`).get() as { sql: string }
    const free = row.sql.replace(/\s+references\s+"?articles"?\s*\("?id"?\)(\s+on delete cascade)?/i, '')
      .replace(/create table "?search_suggest"?/i, 'create table search_suggest_free')
    db.exec(`begin; ${free}; drop table search_suggest; alter table search_suggest_free rename to search_suggest;
      create index search_suggest_article on search_suggest (article_id); commit`)
  } finally {
    db.close()
  }
}

async function dropPostgresIndexForeignKeys(databaseUrl: string): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl })
  await c.connect()
  try {
    const { rows } = await c.query<{ table: string; name: string }>(`select conrelid::regclass::text as table, conname as name
      from pg_constraint where contype = 'f' and confrelid = 'articles'::regclass
        and conrelid in ('search_documents'::regclass, 'search_suggest'::regclass)`)
    for (const r of rows) await c.query(`alter table ${r.table} drop constraint ${r.name}`)
  } finally {
    await c.end()
  }
}

/** Documents in the PostgreSQL index at `databaseUrl` (0 before its migrations); a SQLite scratch store starts empty. */
async function indexedCount(databaseUrl: string | undefined): Promise<number> {
  if (!databaseUrl) return 0
  const c = new pg.Client({ connectionString: databaseUrl })
  await c.connect()
  try {
    const { rows } = await c.query<{ exists: boolean }>(`select to_regclass('search_documents') is not null as exists`)
    if (!rows[0]!.exists) return 0
    return Number((await c.query<{ n: string }>('select count(*) as n from search_documents')).rows[0]!.n)
  } finally {
    await c.end()
  }
}

/** Generated texts straight into the index of a scratch store, or of `databaseUrl`'s (kept), then the index level timed. */
async function benchIndexOnly(engine: Engine, articles: number, seed: number, runs: number, keep: boolean, databaseUrl?: string) {
  const scratch = databaseUrl ? undefined : await createScratch(engine)
  const url = databaseUrl ?? scratch!.databaseUrl
  const database = scratch?.database ?? { engine: 'postgres', url: databaseUrl! }
  const before = await indexedCount(url)
  if (before === 0 && database.engine === 'sqlite') {
    await (await openStore(database)).close()
    dropSqliteIndexForeignKeys(database.file)
  }
  const store = await openStore(database, { poolSize: 4 })
  try {
    let perSecond: number | null = null
    if (before === 0) {
      if (url) await dropPostgresIndexForeignKeys(url)
      console.log(`${engine}: indexing ${articles} generated articles directly…`)
      perSecond = url ? await bulkIndexPostgres(url, articles, seed) : await indexGenerated(store, articles, seed)
      if (url) await vacuumAnalyze(url)
    } else console.log(`${engine}: timing the ${before} documents already indexed`)
    const count = before || articles
    const indexing = { engine, articles: count, 'index-only docs/s': perSecond === null ? null : Math.round(perSecond) }
    const cpu: CpuUse[] = []
    const timings = await timeQueries(store, runs, ['index'], url, cpu)
    return { indexing, rows: summarize(engine, count, timings, cpu) }
  } finally {
    await store.close()
    if (scratch && keep) console.log(`kept ${scratch.where}`)
    else if (scratch) await scratch.drop()
  }
}

function summarize(engine: Engine, articles: number, timings: readonly Timing[], cpu: readonly CpuUse[] = []) {
  const rows = []
  for (const level of ['index', 'page'] as const) {
    for (const kind of ['all', ...new Set(QUERIES.map(([k]) => k))]) {
      const ms = timings.filter((t) => t.level === level && (kind === 'all' || t.kind === kind)).map((t) => t.ms).sort((a, b) => a - b)
      const used = cpu.filter((c) => level === 'index' && (kind === 'all' || c.kind === kind))
      const dbCpu = used.length ? { 'db CPU ms/query': +(used.reduce((a, c) => a + c.ms, 0) / used.reduce((a, c) => a + c.calls, 0)).toFixed(1) } : {}
      if (ms.length) rows.push({ engine, articles, level, kind, samples: ms.length, p50: +percentile(ms, 50).toFixed(2), p95: +percentile(ms, 95).toFixed(2), p99: +percentile(ms, 99).toFixed(2), max: +ms.at(-1)!.toFixed(2), ...dbCpu })
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
    const targets = values['database-url'] ? ['postgres'] : engines
    for (const engine of targets) {
      if (engine !== 'sqlite' && engine !== 'postgres') throw new Error(`unknown engine "${engine}"`)
      const r = await benchIndexOnly(engine, articles, Number(values.seed), runs, values.keep, values['database-url'])
      indexing.push(r.indexing)
      rows.push(...r.rows)
    }
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
