// Search-as-you-type benchmark: GET /api/v1/search/suggest's use-case (titles, tags, authors) over prefixes a reader
// types, p50/p99 per language, on a generated site.
//
//   node bench/suggest.ts [--articles 10000] [--engine sqlite|postgres] [--extra-tags 0] [--runs 20] [--keep]
//   node bench/suggest.ts --data-dir DIR [--database-url URL] [--runs 20]      # a site generated earlier (bench/generate.ts)
//
// Tags and authors are matched in code after folding (src/search/name-match.ts), so their number is what could make
// it slow: --extra-tags adds that many tags, each on a live article and a third with a Russian name, as a large
// WordPress archive brings.

import os from 'node:os'
import { parseArgs } from 'node:util'
import { loadConfig } from '../src/config.ts'
import { createLogger } from '../src/log.ts'
import { createServices } from '../src/services.ts'
import { sql } from 'kysely'
import type { DatabaseConfig } from '../src/config.ts'
import { openPostgres } from '../src/store/postgres.ts'
import { openSqlite } from '../src/store/sqlite.ts'
import { openStore, type Store } from '../src/store/store.ts'
import { generate } from './generate.ts'
import { createScratch, postgresUnavailable, vacuumAnalyze, type Engine } from './scratch.ts'

/** What readers type, two letters up to a word and a half, in English and Russian. */
const PREFIXES: readonly (readonly [language: string | null, typed: string])[] = [
  [null, 'ka'], [null, 'kaz'], [null, 'kazakh'], [null, 'el'], [null, 'elect'], [null, 'ge'], [null, 'georgia pr'], [null, 'pi'],
  [null, 'pipeline'], [null, 'ce'], [null, 'central as'], [null, 'mü'], [null, 'tash'], [null, 'zz'], [null, 'the gov'],
  ['ru', 'ка'], ['ru', 'каз'], ['ru', 'выб'], ['ru', 'kaz'], ['ru', 'эн'], ['ru', 'грузия'], ['ru', 'ЦЕНТР'],
]

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN

/** `count` tags on live articles (one each, round robin), a third named in Russian too. */
async function addTags(store: Store, database: DatabaseConfig, count: number): Promise<void> {
  const live = (await store.live.latest(Math.min(count, 5000))).map((a) => a.id)
  if (live.length === 0 || count === 0) return
  const ids: number[] = []
  await store.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const id = await tx.taxonomy.insertTag({ slug: `bench-topic-${i}`, name: `Topic ${i} of the archive`, kind: 'topic', parentId: null, isoCode: null, description: '' })
      if (i % 3 === 0) await tx.taxonomy.setTagNames(id, { ru: `Тема ${i} архива` })
      ids.push(id)
    }
  })
  // Linked straight in the live table: publishing each article again would take far longer than the measurement.
  const db = database.engine === 'sqlite' ? openSqlite(database.file) : openPostgres(database.url, 2)
  try {
    for (const [i, tagId] of ids.entries()) {
      await sql`insert into live_tags (article_id, tag_id, position, published_at, primary_subtag)
        select article_id, ${tagId}, ${100 + i}, published_at, primary_subtag from live_tags where article_id = ${live[i % live.length]!} limit 1`.execute(db)
    }
  } finally {
    await db.destroy()
  }
}

async function time(store: Store, runs: number) {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir() })
  const services = createServices({ store, config, log: createLogger(config), clock: { now: () => Date.now() } })
  const byLanguage = new Map<string, { ms: number[]; cpuMicros: number }>()
  for (const [language, typed] of PREFIXES) {
    await services.search.suggest(typed, language)
    const entry = byLanguage.get(language ?? 'default') ?? { ms: [], cpuMicros: 0 }
    for (let r = 0; r < runs; r++) {
      // CPU time as well as wall: on a busy 2-core machine the wall clock mostly measures the neighbours.
      const cpu = process.cpuUsage()
      const t0 = performance.now()
      await services.search.suggest(typed, language)
      entry.ms.push(performance.now() - t0)
      const used = process.cpuUsage(cpu)
      entry.cpuMicros += used.user + used.system
    }
    byLanguage.set(language ?? 'default', entry)
  }
  return [...byLanguage].map(([language, { ms, cpuMicros }]) => {
    const sorted = [...ms].sort((a, b) => a - b)
    return {
      language, requests: sorted.length, 'p50 ms': +percentile(sorted, 50).toFixed(2), 'p99 ms': +percentile(sorted, 99).toFixed(2),
      'max ms': +sorted.at(-1)!.toFixed(2), 'CPU ms/request': +(cpuMicros / 1000 / sorted.length).toFixed(2),
    }
  })
}

async function main() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' }, engine: { type: 'string', default: 'sqlite' }, 'extra-tags': { type: 'string', default: '0' },
      runs: { type: 'string', default: '20' }, keep: { type: 'boolean', default: false }, 'data-dir': { type: 'string' }, 'database-url': { type: 'string' },
    },
  })
  const runs = Number(values.runs)
  if (values['data-dir']) {
    const config = loadConfig({ DATA_DIR: values['data-dir'], ...(values['database-url'] && { DATABASE_URL: values['database-url'] }) })
    const store = await openStore(config.database, { poolSize: 4 })
    try {
      console.table(await time(store, runs))
    } finally {
      await store.close()
    }
    return
  }
  const engine = values.engine as Engine
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine is sqlite or postgres')
  if (engine === 'postgres') {
    const why = await postgresUnavailable()
    if (why) throw new Error(why)
  }
  const scratch = await createScratch(engine)
  const store = await openStore(scratch.database, { poolSize: 4 })
  try {
    await generate(store, { articles: Number(values.articles), mediaDir: `${scratch.dataDir}/media` })
    await addTags(store, scratch.database, Number(values['extra-tags']))
    if (scratch.databaseUrl) await vacuumAnalyze(scratch.databaseUrl)
    console.log(`${engine}, ${values.articles} articles, ${values['extra-tags']} extra tags, ${runs} runs of ${PREFIXES.length} prefixes; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
    console.table(await time(store, runs))
  } finally {
    await store.close()
    if (values.keep) console.log(`kept: ${scratch.where}`)
    else await scratch.drop()
  }
}

await main()
