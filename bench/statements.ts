// `node bench/statements.ts`: how many SQL statements one uncached page and one publication cost, per engine, counted by
// the store's own meter (the figure /metrics exports as broadsheet_db_statement_duration_seconds_count). For the
// capacity model in docs/operations.md. It prints counts, never asserts them.
//
//   node bench/statements.ts [--articles 2000] [--engine sqlite|postgres|both] [--seed 42]
//
// Pages are asked of the real app (in this process, page cache off), each once to warm the site settings' own short
// cache, then once counted. A publication is the desk's: a new article created, then published through the editorial
// use-case (permission check, audit, invalidation and webhook outboxes); then the background work it causes (search
// index, related articles) is run once and counted apart. BEGIN and COMMIT are not counted (the drivers send them).

import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../src/config.ts'
import { systemClock } from '../src/domain/clock.ts'
import { createLogger } from '../src/log.ts'
import { createServices } from '../src/services.ts'
import { openStore } from '../src/store/store.ts'
import { buildApp } from '../src/web/app.ts'
import { createJobRunner } from '../src/jobs/runner.ts'
import { relatedRefresh } from '../src/jobs/related-refresh.ts'
import { searchReindex } from '../src/jobs/search-reindex.ts'
import { generate } from './generate.ts'
import { BROWSER_AGENT } from './load.ts'
import { createScratch, postgresUnavailable, vacuumAnalyze, type Engine } from './scratch.ts'

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '2000' }, engine: { type: 'string', default: 'both' }, seed: { type: 'string', default: '42' } },
  strict: true,
})
const articles = Number(values.articles)
if (!Number.isInteger(articles) || articles < 10) throw new Error(`--articles must be a whole number ≥ 10, got "${values.articles}"`)
if (!['sqlite', 'postgres', 'both'].includes(values.engine)) throw new Error(`--engine must be sqlite, postgres or both, got "${values.engine}"`)
const engines: Engine[] = values.engine === 'both' ? ['sqlite', 'postgres'] : [values.engine as Engine]

const DAY_MS = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

for (const engine of engines) {
  if (engine === 'postgres') {
    const reason = await postgresUnavailable()
    if (reason) {
      console.log(`postgres: skipped. ${reason}`)
      continue
    }
  }
  const scratch = await createScratch(engine)
  try {
    const seeded = await openStore(scratch.database)
    let articlePath: string
    try {
      articlePath = (await generate(seeded, { articles, seed: Number(values.seed), mediaDir: path.join(scratch.dataDir, 'media') })).newestNewsPath
    } finally {
      await seeded.close()
    }
    if (scratch.databaseUrl) await vacuumAnalyze(scratch.databaseUrl)

    const config = loadConfig({ DATA_DIR: scratch.dataDir, LOG_LEVEL: 'silent', PAGE_CACHE_MB: '0', SHED_TURN_MS: '0', SHED_EVENT_LOOP_DELAY_MS: '0',
      ...(scratch.databaseUrl && { DATABASE_URL: scratch.databaseUrl }) })
    const store = await openStore(config.database)
    const log = createLogger(config)
    const services = createServices({ store, config, log, clock: systemClock })
    const app = await buildApp({ services, config, log })
    const counted = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
      const before = store.meter.statements
      const result = await work()
      return [store.meter.statements - before, result]
    }
    try {
      const yearAgo = Date.now() - 365 * DAY_MS
      const pages: [string, string][] = [['front', '/'], ['article', articlePath], ['section', '/news'],
        ['archive', `/archive?section=news&from=${isoDay(yearAgo - 30 * DAY_MS)}&to=${isoDay(yearAgo)}`], ['search', '/search?q=energy']]
      console.log(`\n== ${engine}, ${articles} articles: statements per uncached page`)
      for (const [name, url] of pages) {
        const ask = () => app.inject({ url, headers: { 'user-agent': BROWSER_AGENT } })
        await ask()
        const [n, res] = await counted(ask)
        console.log(`  ${name.padEnd(8)} ${String(n).padStart(3)}  (${res.statusCode}, ${url})`)
      }

      const admin = await services.accounts.createUser({ email: 'bench@example.org', name: 'Bench', role: 'admin', password: 'a long enough password' }, null)
      const actor = { userId: admin.id, role: 'admin' as const }
      const byline = (await store.people.authors())[0]?.slug
      const input = { title: 'Counting statements on the way to the front page', section: 'news', tags: [], authors: byline ? [byline] : [],
        bodyHtml: '<p>One paragraph about energy policy and the pipeline, to be indexed and related.</p>' }
      const jobs = createJobRunner([searchReindex, relatedRefresh], { store, clock: systemClock, log })
      // What the generator left for the background jobs is done first, so that only this publication's share is counted.
      const [drained] = await counted(async () => {
        await jobs.runNow(searchReindex.name)
        await jobs.runNow(relatedRefresh.name)
      })
      console.log(`  (background work left by the generator, run first: ${drained} statements)`)
      const [created, draft] = await counted(() => services.editing.create(input, actor))
      const [published] = await counted(() => services.editing.transition(draft.id, 'published', actor))
      const [indexed] = await counted(() => jobs.runNow(searchReindex.name))
      const [related] = await counted(() => jobs.runNow(relatedRefresh.name))
      console.log(`== ${engine}: statements per publication`)
      console.log(`  create draft       ${created}`)
      console.log(`  publish            ${published}  (the transaction: checks, live copy, audit, invalidation, outboxes)`)
      console.log(`  search reindex job ${indexed}  (background, once after the publication)`)
      console.log(`  related refresh    ${related}  (background, its minutely run: neighbours of new articles plus the next 200 re-weighed)`)
    } finally {
      await app.close()
      await store.close()
    }
  } finally {
    await scratch.drop()
  }
}
