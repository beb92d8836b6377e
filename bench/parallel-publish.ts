// Publishing side by side: N articles published one per transaction (as the Admin API does, related lists computed at
// once) by C concurrent writers on a generated site; prints articles/s, per-publish p50/p99 and sampled lock waits.
//
//   node bench/parallel-publish.ts [--engine postgres|sqlite] [--site 500] [--articles 200] [--concurrency 1,4,8]

import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { sanitizeBody } from '../src/content/sanitize.ts'
import { createDraft, publish } from '../src/editorial/publishing.ts'
import { openStore } from '../src/store/store.ts'
import { buildArticle } from './article-text.ts'
import { generate } from './generate.ts'
import { createRandom } from './random.ts'
import { createScratch, type Engine } from './scratch.ts'

const { values } = parseArgs({
  options: { engine: { type: 'string', default: 'postgres' }, site: { type: 'string', default: '500' }, articles: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '1,4,8' } },
  strict: true,
})
const engine = values.engine as Engine
if (engine !== 'postgres' && engine !== 'sqlite') throw new Error('--engine must be postgres or sqlite')
const site = Number(values.site), articles = Number(values.articles)
const levels = values.concurrency.split(',').map(Number)
if (![site, articles, ...levels].every((n) => Number.isInteger(n) && n > 0)) throw new Error('--site, --articles and --concurrency take whole numbers ≥ 1')

const scratch = await createScratch(engine)
const store = await openStore(scratch.database, { poolSize: Math.max(...levels) + 2 })
try {
  await generate(store, { articles: site, mediaDir: path.join(scratch.dataDir, 'media') })
  const r = createRandom(7)
  let serial = 0
  for (const c of levels) {
    const times: number[] = []
    let left = articles, lockWaits = 0, samples = 0, sampling = true
    // Sampled every 5 ms from a connection of its own: how many backends of this database wait for a lock.
    const sampler = scratch.databaseUrl ? (async () => {
      const client = new pg.Client({ connectionString: scratch.databaseUrl })
      await client.connect()
      while (sampling) {
        const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)
        lockWaits += rows[0]!.n
        samples++
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      await client.end()
    })() : Promise.resolve()
    const cpu = process.cpuUsage()
    const t0 = performance.now()
    await Promise.all(Array.from({ length: c }, async () => {
      while (left-- > 0) {
        const a = buildArticle(r, 2026, [])
        const slug = `parallel-${++serial}`
        const t = performance.now()
        await store.transaction(async (tx) => {
          const id = await createDraft(tx, { title: a.title, slug, standfirst: a.standfirst, bodyHtml: sanitizeBody(a.bodyHtml), section: a.section, genre: a.genre, language: 'en', tags: a.tags, authors: a.authors }, { now: Date.now(), siteLanguage: 'en' })
          await publish(tx, id, { now: Date.now(), siteLanguage: 'en' })
        })
        times.push(performance.now() - t)
      }
    }))
    const wall = performance.now() - t0
    sampling = false
    await sampler
    const { user, system } = process.cpuUsage(cpu)
    times.sort((a, b) => a - b)
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1)
    console.log(`${engine}, ${site}+ articles, ${articles} publications by ${c} writer(s): ${(articles / (wall / 1000)).toFixed(1)} articles/s, ` +
      `per publish p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, CPU ${((user + system) / 1000 / articles).toFixed(1)} ms/article` +
      (engine === 'postgres' ? `, backends waiting on a lock ${(lockWaits / Math.max(samples, 1)).toFixed(2)} on average (${samples} samples)` : ''))
  }
} finally {
  await store.close()
  await scratch.drop()
}
