// Related-articles time on a site generated earlier: recomputes the lists of the newest articles, as publishing and
// the refresh job do, and prints the time and CPU per article.
//
//   node bench/related.ts --data-dir DIR [--database-url URL] [--articles 1000] [--workers 1]
//   node bench/related.ts --data-dir DIR [--database-url URL] --rebuild [--workers 1]   a full rebuild (rebuildRelated), timed by pass
//
// With --workers > 1 the lists are computed on that many connections at once (PostgreSQL), as rebuildRelated does.

import { parseArgs } from 'node:util'
import { loadConfig } from '../src/config.ts'
import { computeList } from '../src/related/engine.ts'
import { rebuildRelated } from '../src/related/refresh.ts'
import { openStore } from '../src/store/store.ts'

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, articles: { type: 'string', default: '1000' }, workers: { type: 'string', default: '1' }, rebuild: { type: 'boolean', default: false } },
    strict: true,
  })
  const articles = Number(values.articles)
  const workers = Number(values.workers)
  if (!values['data-dir']) throw new Error('--data-dir is required')
  if (!Number.isInteger(articles) || articles < 1) throw new Error('--articles must be a whole number from 1')
  if (!Number.isInteger(workers) || workers < 1 || workers > 32) throw new Error('--workers must be a whole number from 1 to 32')
  const config = loadConfig({ DATA_DIR: values['data-dir'], ...(values['database-url'] && { DATABASE_URL: values['database-url'] }) })
  const store = await openStore(config.database, { poolSize: workers + 1 })
  try {
    if (values.rebuild) return await timeRebuild(store, workers)
    const ids = (await store.live.latest(articles)).map((a) => a.id)
    const now = Date.now()
    const times: number[] = []
    let next = 0
    const cpu = process.cpuUsage()
    const t0 = performance.now()
    await Promise.all(Array.from({ length: workers }, async () => {
      while (next < ids.length) {
        const id = ids[next++]!
        const t = performance.now()
        await store.transaction((tx) => computeList(tx, id, now))
        times.push(performance.now() - t)
      }
    }))
    const wall = performance.now() - t0
    const { user, system } = process.cpuUsage(cpu)
    times.sort((a, b) => a - b)
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(2)
    const total = await store.live.count()
    console.log(`${config.database.engine}, ${total} live articles; lists of the newest ${ids.length} on ${workers} connection(s):`)
    console.log(`  wall ${(wall / ids.length).toFixed(2)} ms/article (${(ids.length / (wall / 1000)).toFixed(0)} articles/s); ` +
      `per list p50 ${at(50)} ms, p99 ${at(99)} ms; server CPU ${((user + system) / 1000 / ids.length).toFixed(2)} ms/article (database CPU not included on PostgreSQL)`)
    console.log(`  a full refresh of ${total} articles at this rate: ${((total * wall) / ids.length / 60_000).toFixed(1)} min`)
    return 0
  } finally {
    await store.close()
  }
}

/** Times a full rebuild: wall time of each pass, and the CPU of this process (PostgreSQL's own CPU not included). */
async function timeRebuild(store: Awaited<ReturnType<typeof openStore>>, workers: number): Promise<number> {
  const cpu = process.cpuUsage()
  const t0 = performance.now()
  const r = await rebuildRelated(store, Date.now(), undefined, { workers })
  const wall = performance.now() - t0
  const { user, system } = process.cpuUsage(cpu)
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s (${(ms / r.articles).toFixed(2)} ms/article)`
  console.log(`${store.dialect.name}, rebuild of ${r.articles} articles on ${workers} connection(s): wall ${s(wall)}, CPU ${s((user + system) / 1000)}; ` +
    `count ${s(r.countMs)}, re-weigh ${s(r.reweighMs)}, lists ${s(r.listMs)}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`)
  return 0
}

main().then((code) => { process.exitCode = code }, (err: unknown) => {
  console.error(`bench/related: ${(err as Error).message}`)
  process.exitCode = 2
})
