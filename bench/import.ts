// WordPress import benchmark: writes a WXR of N generated posts, imports it into a fresh site, prints the rate and memory.
//
//   npm run bench:import -- --posts 10000 [--engine sqlite|postgres] [--batch 100] [--seed 42] [--keep] [--no-readers]
//
// Posts are the generator's articles as WordPress stores them (wxr.ts). The file is streamed out and
// the import streams it in, so the figures include parsing, wpautop, the sanitizer, the live copies, redirects, search
// and related articles. Peak RSS is the process's maxRSS over the whole run (generation included) and the highest RSS
// sampled while importing. On a shared machine read the CPU seconds beside the wall time: they are the import's own cost.
// Unless --no-readers, the real server runs on the same database while the import does, and a child process requests
// listing pages and imported articles 20 times a second (readers.ts): their p50, p99 and worst time are printed, with
// the server's CPU time over the import.

import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createImporting } from '../src/editorial/importing.ts'
import { createPageImporting } from '../src/editorial/import-pages.ts'
import { importWordPress } from '../src/importers/wordpress/import.ts'
import { openStore } from '../src/store/store.ts'
import { createScratch, postgresUnavailable, type Engine } from './scratch.ts'
import { startReaders } from './readers.ts'
import { startServer } from './server.ts'
import { SAMPLE_EVERY, writeWxr } from './wxr.ts'
import { growHeapSlowly } from '../src/cli/import-heap.ts'

/** Resident memory and what of it V8 holds (heap) or knows of outside it (external: buffers, native strings). */
function memory(): string {
  const m = process.memoryUsage()
  const mib = (n: number) => (n / 2 ** 20).toFixed(0)
  return `rss ${mib(m.rss)} MiB (heap ${mib(m.heapUsed)}, external ${mib(m.external)})`
}

/** Seconds of each settle stage, "count/weigh/list", from the end of the stage before (the batches, for the count). */
function stagesOf(start: number, ends: ReadonlyMap<string, number>): string {
  const count = ends.get('count') ?? start, weigh = ends.get('weigh') ?? count, list = ends.get('neighbour') ?? ends.get('list') ?? weigh
  return [count - start, weigh - count, list - weigh].map((ms) => (ms / 1000).toFixed(1)).join('/')
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      posts: { type: 'string', default: '1000' }, engine: { type: 'string', default: 'sqlite' }, batch: { type: 'string', default: '100' },
      seed: { type: 'string', default: '42' }, keep: { type: 'boolean' }, 'no-readers': { type: 'boolean' },
    },
    strict: true,
  })
  const posts = Number(values.posts), batch = Number(values.batch), seed = Number(values.seed)
  const engine = values.engine as Engine
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine is sqlite or postgres')
  if (engine === 'postgres') {
    const reason = await postgresUnavailable()
    if (reason) throw new Error(reason)
  }
  const scratch = await createScratch(engine)
  const file = path.join(scratch.dataDir, 'export.wxr')
  let t = performance.now()
  const { bytes, samples } = await writeWxr(file, posts, seed)
  const writeSeconds = (performance.now() - t) / 1000
  // The real server on the same database (it migrates it), read while the import runs, as a site stays up during one.
  const server = values['no-readers'] ? null : await startServer({ dataDir: scratch.dataDir, databaseUrl: scratch.databaseUrl })
  const readers = server ? startReaders(server.url, ['/', '/news', '/analysis', '/archive', '/search?q=energy', '/rss.xml']) : null
  let sampled = 0
  const serverCpuAtStart = server?.cpuMs() ?? 0
  const store = await openStore(scratch.database)
  // rss() alone: memoryUsage() also walks the V8 heap's spaces, which five times a second was 2% of the import's CPU.
  // The heap grows as `broadsheet import` lets it (src/cli/import-heap.ts): from the start into SQLite, else from the
  // related pass on.
  if (engine === 'sqlite') growHeapSlowly(process.env)
  let peakRss = process.memoryUsage.rss()
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage.rss()) }, 200)
  try {
    const importing = createImporting({ store, clock: { now: () => Date.now() }, siteLanguage: async () => 'en' })
    t = performance.now()
    const cpu = process.cpuUsage()
    let lastPrint = 0
    // When the last batch was written: what follows is the related-articles settle pass (related/settle.ts).
    let batchesEnd = { at: t, cpu: process.cpuUsage() }
    // When each of its stages last reported a batch done.
    const stageEnds = new Map<string, number>()
    const pages = createPageImporting({ store, clock: { now: () => Date.now() }, siteLanguage: async () => 'en', authorize: importing.authorize })
    const report = await importWordPress({ importing, pages }, {
      file, actor: { kind: 'system', name: 'bench' }, dryRun: false, timeZone: 'UTC', batchSize: batch,
      onProgress: (done) => {
        batchesEnd = { at: performance.now(), cpu: process.cpuUsage() }
        const now = performance.now()
        const known = Math.min(samples.length, Math.floor(done / SAMPLE_EVERY))
        if (readers && known > sampled) readers.add(samples.slice(sampled, known))
        sampled = Math.max(sampled, known)
        if (now - lastPrint < 10_000) return
        lastPrint = now
        console.error(`${done} posts, ${(done / ((now - t) / 1000)).toFixed(0)}/s, ${memory()}`)
      },
      onSettleProgress: (stage, done) => {
        growHeapSlowly(process.env)
        const now = performance.now()
        stageEnds.set(stage, now)
        if (now - lastPrint < 10_000) return
        lastPrint = now
        console.error(`related articles: ${stage} ${done}, ${memory()}`)
      },
    })
    const seconds = (performance.now() - t) / 1000
    const used = process.cpuUsage(cpu)
    const cpuSeconds = (used.user + used.system) / 1e6
    const cpuOf = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e3
    const batchCpuMs = cpuOf(batchesEnd.cpu) - cpuOf(cpu)
    clearInterval(sampler)
    // The readers' failure is a figure of the run like the others: the import's own summary is printed all the same.
    const read = readers ? await readers.stop().catch((err: unknown) => ({ failed: (err as Error).message })) : null
    const perArticle = (ms: number) => +(ms / Math.max(1, report.articles.imported)).toFixed(2)
    const rows = {
      engine, posts, batch, fileMiB: +(bytes / 2 ** 20).toFixed(1), writeWxrSeconds: +writeSeconds.toFixed(1),
      importSeconds: +seconds.toFixed(1), articlesPerSecond: +(report.articles.imported / seconds).toFixed(0),
      // On a shared machine the wall time includes waiting for the CPU: the import's own CPU time says what it costs.
      cpuSeconds: +cpuSeconds.toFixed(1), cpuMsPerArticle: perArticle(cpuSeconds * 1000),
      // The batches (parse, sanitize, write, search) and the related-articles pass after them, each with its CPU.
      batchSeconds: +((batchesEnd.at - t) / 1000).toFixed(1), batchCpuMsPerArticle: perArticle(batchCpuMs),
      relatedSeconds: +(seconds - (batchesEnd.at - t) / 1000).toFixed(1), relatedCpuMsPerArticle: perArticle(cpuSeconds * 1000 - batchCpuMs),
      // The settle pass by stage, from one stage's last batch to the next's (the list stage with its neighbours).
      relatedStagesSeconds: stagesOf(batchesEnd.at, stageEnds),
      loadAverage: +os.loadavg()[0]!.toFixed(1),
      imported: report.articles.imported, refused: report.articles.refused, live: await store.live.count(),
      peakRssDuringImportMiB: +(peakRss / 2 ** 20).toFixed(0), maxRssMiB: +(process.resourceUsage().maxRSS / 1024).toFixed(0),
      node: process.version, cpus: os.cpus().length,
    }
    console.table([rows])
    if (read && server) {
      const serverPeakRssMiB = +(server.memory().peakKiB / 1024).toFixed(0)
      const serverCpuSeconds = +((server.cpuMs() - serverCpuAtStart) / 1000).toFixed(1)
      console.table(['failed' in read
        ? { readersFailed: read.failed, serverPeakRssMiB, serverCpuSeconds }
        : { readerRequests: read.requests, errors: read.errors, pageP50Ms: read.p50Ms, pageP99Ms: read.p99Ms, pageMaxMs: read.maxMs, serverPeakRssMiB, serverCpuSeconds }])
    }
    // Refusals on a generated file mean the run was disturbed (a busy database, a timeout): say why.
    for (const r of report.refusals.slice(0, 5)) console.error(`refused: ${r.item}: ${r.reason}`)
    if (read && !('failed' in read) && read.errors > 0) console.error(`reader errors: ${JSON.stringify(read.errorKinds)}`)
    if (report.error) console.error(`the import stopped: ${report.error.message}`)
  } finally {
    clearInterval(sampler)
    await store.close()
    await server?.close()
    if (values.keep) console.log(`kept: ${scratch.where} (${file})`)
    else await scratch.drop()
  }
}

await main()
