// Related-articles time on a site generated earlier: recomputes the lists of the newest articles, as publishing and
// the refresh job do, and prints the time and CPU per article.
//
//   node bench/related.ts --data-dir DIR [--database-url URL] [--articles 1000] [--workers 1]
//   node bench/related.ts --data-dir DIR [--database-url URL] --rebuild [--workers 1]   a full rebuild (rebuildRelated), timed by pass
//   node bench/related.ts --data-dir DIR [--database-url URL] --settle     the related pass of an import of the whole site
//
// --settle leaves every live article as an import leaves it (not counted, no kept terms: related_pending stage 0) and
// runs the settle pass (related/settle.ts), printing each stage's wall time, CPU and the highest RSS sampled in it. It
// rewrites the site's related data, as --rebuild does; the lists come out the same.
//
// With --workers > 1 the lists are computed on that many connections at once (PostgreSQL), as rebuildRelated does.

import { parseArgs } from 'node:util'
import { loadConfig } from '../src/config.ts'
import { computeList } from '../src/related/engine.ts'
import { allLiveIds, rebuildRelated } from '../src/related/refresh.ts'
import { settlePending, STAGE } from '../src/related/settle.ts'
import { openStore } from '../src/store/store.ts'

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, articles: { type: 'string', default: '1000' }, workers: { type: 'string', default: '1' }, rebuild: { type: 'boolean', default: false }, settle: { type: 'boolean', default: false } },
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
    if (values.settle) return await timeSettle(store)
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
    `count ${s(r.countMs)} CPU ${s(r.cpuMs.count)}, re-weigh ${s(r.reweighMs)} CPU ${s(r.cpuMs.reweigh)}, lists ${s(r.listMs)} CPU ${s(r.cpuMs.list)}; terms written for ${r.termsWritten}, lists for ${r.listsWritten}; ` +
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`)
  return 0
}

/** Times the settle pass over the whole site, stage by stage: wall, CPU and the highest RSS sampled every 100 ms. */
async function timeSettle(store: Awaited<ReturnType<typeof openStore>>): Promise<number> {
  const ids = await allLiveIds(store)
  const now = Date.now()
  await store.transaction(async (tx) => {
    await tx.related.replaceFrequencies(new Map(), 0)
    await tx.relatedPending.clear(ids)
    await tx.relatedPending.mark(ids, STAGE.count, now)
  })
  // In parts: on PostgreSQL each article's key is locked, and 100,000 locks in one transaction exhaust the lock table.
  for (let i = 0; i < ids.length; i += 1000) {
    await store.transaction((tx) => tx.related.replaceTerms(ids.slice(i, i + 1000).map((id) => ({ articleId: id, terms: [] }))))
  }
  const mib = (n: number) => (n / 2 ** 20).toFixed(0)
  const rows: Record<string, { wallS: number; cpuS: number; msPerArticle: number; peakRssMiB: string; heapMiB: string; externalMiB: string }> = {}
  let stage = 'start', peak = 0, since = performance.now(), cpu = process.cpuUsage()
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()) }, 100)
  const close = (next: string) => {
    const m = process.memoryUsage()
    const used = process.cpuUsage(cpu)
    if (stage !== 'start') {
      const wall = performance.now() - since
      rows[stage] = { wallS: +(wall / 1000).toFixed(1), cpuS: +((used.user + used.system) / 1e6).toFixed(1), msPerArticle: +(wall / ids.length).toFixed(2), peakRssMiB: mib(Math.max(peak, m.rss)), heapMiB: mib(m.heapUsed), externalMiB: mib(m.external) }
    }
    stage = next
    peak = m.rss
    since = performance.now()
    cpu = process.cpuUsage()
  }
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  close('count')
  try {
    // A stage's first batch is reported when it ends: its time is counted in the stage before (one batch in 400).
    await settlePending(store, now, undefined, { onProgress: (s) => { if (s !== stage) close(s) } })
    close('end')
  } finally {
    clearInterval(sampler)
  }
  const used = process.cpuUsage(cpu0)
  console.log(`${store.dialect.name}, settle pass over ${ids.length} articles: wall ${((performance.now() - t0) / 1000).toFixed(1)} s, CPU ${((used.user + used.system) / 1e6).toFixed(1)} s, ` +
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`)
  console.table(rows)
  return 0
}

main().then((code) => { process.exitCode = code }, (err: unknown) => {
  console.error(`bench/related: ${(err as Error).message}`)
  process.exitCode = 2
})
