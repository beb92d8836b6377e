// The related settle pass of an import alone, on a copy of a database an import left (`npm run bench:import -- --keep`):
// every live article is put back at the list stage with no list (or, with `--from count`, uncounted, with no terms and
// no frequencies), and settlePending does what the import did from there.
//
//   npm run bench:list-stage -- --db /tmp/broadsheet-bench-sqlite-…/broadsheet.db [--batch 250] [--from list|count]
//
// Prints the seconds of each stage, the CPU ms per article of the pass, the RSS (sampled every 200 ms: peak and at each
// progress line) and the V8 heap, so that a change to the settle pass can be measured in a minute instead of a whole
// import.

import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { settlePending } from '../src/related/settle.ts'
import { openStore } from '../src/store/store.ts'
import { growHeapSlowly } from '../src/cli/import-heap.ts'

const mib = (n: number) => +(n / 2 ** 20).toFixed(0)

/** Resident memory by kind of mapping: the brk heap (malloc's main arena), other anonymous mappings by size, files. */
function smaps(): string {
  const sums = new Map<string, number>()
  let kind = ''
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line)
    if (head) {
      const size = (parseInt(head[2]!, 16) - parseInt(head[1]!, 16)) / 1024
      const name = head[3]!
      kind = name === '[heap]' ? 'brk' : name.startsWith('/') ? 'file' : name ? name : size >= 65536 - 4 && size <= 65536 ? 'anon64M' : size <= 256 ? 'anon<=256K' : size < 8192 ? 'anon<8M' : 'anon>=8M'
      continue
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line)
    if (rss) sums.set(kind, (sums.get(kind) ?? 0) + Number(rss[1]))
  }
  return [...sums].filter(([, kb]) => kb > 1024).map(([k, kb]) => `${k} ${(kb / 1024).toFixed(0)}`).join(', ')
}

interface SampleNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
  readonly selfSize: number
  readonly children: readonly SampleNode[]
}

const post = (session: Session, method: string, params?: object) => new Promise<unknown>((resolve, reject) =>
  session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))))

/** The 25 allocation sites with the most bytes allocated (self), with their caller. */
function printAllocations(head: SampleNode): void {
  const sites = new Map<string, number>()
  let total = 0
  const walk = (n: SampleNode, caller: string) => {
    const f = n.callFrame
    const here = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`
    if (n.selfSize > 0) sites.set(`${here} <- ${caller}`, (sites.get(`${here} <- ${caller}`) ?? 0) + n.selfSize)
    total += n.selfSize
    for (const c of n.children) walk(c, here)
  }
  walk(head, '')
  console.error(`allocated ${mib(total)} MiB (sampled), by site:`)
  for (const [site, bytes] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.error(`${mib(bytes).toString().padStart(6)} MiB ${(100 * bytes / total).toFixed(1).padStart(5)}%  ${site}`)
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, batch: { type: 'string', default: '250' }, 'heap-sample': { type: 'string' }, promoted: { type: 'boolean' }, from: { type: 'string', default: 'list' } }, strict: true })
  if (!values.db) throw new Error('--db FILE: the SQLite file an import left (bench:import --keep)')
  if (values.from !== 'list' && values.from !== 'count') throw new Error('--from is list or count')
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-list-stage-'))
  const file = path.join(dir, 'broadsheet.db')
  await copyFile(values.db, file)
  try {
    // Back to where an import's list stage starts: every live article waits at stage 2 and has no list yet; or back to
    // where its count stage starts: nothing counted, weighed or listed.
    const raw = new Database(file)
    const stage = values.from === 'count' ? 0 : 2
    if (values.from === 'count') {
      raw.exec(`delete from related_terms; delete from related_df; delete from related_df_deltas;
        delete from related_state where key = 'documents';`)
    }
    raw.exec(`delete from related_lists; delete from related_pending;
      insert into related_pending (article_id, stage, queued_at) select article_id, ${stage}, 0 from article_live;`)
    raw.close()
    const store = await openStore({ engine: 'sqlite', file })
    const rssAtStart = process.memoryUsage.rss()
    let peakRss = rssAtStart
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage.rss()) }, 200)
    // --heap-sample FILE: where the pass allocates, garbage included (a .heapprofile for Chrome's DevTools or the summary below);
    // with --promoted, only what outlived the young generation (what fills the old space between its collections).
    const session = values['heap-sample'] ? new Session() : null
    if (session) {
      session.connect()
      await post(session, 'HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: !values.promoted })
    }
    const cpu = process.cpuUsage()
    const t = performance.now()
    let last = 0
    // A stage's seconds: from the last batch of the stage before it (or the start) to its own last batch.
    const stageEnds = new Map<string, number>()
    const report = await settlePending(store, Date.now(), undefined, {
      batch: Number(values.batch),
      onProgress: (stage, done) => {
        const now = performance.now()
        stageEnds.set(stage, now)
        if (now - last < 5_000) return
        last = now
        const m = process.memoryUsage()
        const spaces = v8.getHeapSpaceStatistics().filter((sp) => sp.space_size > 2 ** 20)
          .map((sp) => `${sp.space_name.replace('_space', '')} ${mib(sp.space_used_size)}/${mib(sp.space_size)}`).join(', ')
        console.error(`${stage} ${done}: ${smaps()}`)
        console.error(`${stage} ${done}: rss ${mib(m.rss)} MiB (heap ${mib(m.heapUsed)} of ${mib(m.heapTotal)}: ${spaces}; external ${mib(m.external)})`)
      },
    })
    const used = process.cpuUsage(cpu)
    const stageSeconds: Record<string, number> = {}
    let stageStart = t
    for (const [stage, end] of stageEnds) {
      stageSeconds[stage] = +((end - stageStart) / 1000).toFixed(1)
      stageStart = end
    }
    if (session) {
      const { profile } = await post(session, 'HeapProfiler.stopSampling') as { profile: { head: SampleNode } }
      writeFileSync(values['heap-sample']!, JSON.stringify(profile))
      printAllocations(profile.head)
      session.disconnect()
    }
    clearInterval(sampler)
    await store.close()
    const check = new Database(file, { readonly: true })
    const lists = (check.prepare('select count(*) as n from related_lists').get() as { n: number }).n
    // The lists themselves, hashed: a change that only saves memory must leave this the same.
    const hash = createHash('sha256')
    for (const r of check.prepare('select article_id, rank, related_id, score, pinned from related_lists order by article_id, rank').raw().iterate()) hash.update(`${(r as unknown[]).join(' ')}\n`)
    const digest = hash.digest('hex').slice(0, 12)
    check.close()
    console.table([{
      listed: report.listed, neighbours: report.neighbours, lists, digest, ...stageSeconds, seconds: +((performance.now() - t) / 1000).toFixed(1),
      cpuMsPerArticle: +((used.user + used.system) / 1e3 / Math.max(1, report.listed)).toFixed(3),
      rssAtStartMiB: mib(rssAtStart), peakRssMiB: mib(peakRss), maxRssMiB: mib(process.resourceUsage().maxRSS * 1024),
      loadAverage: +os.loadavg()[0]!.toFixed(1),
    }])
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

// The heap grows as it does in `broadsheet import`'s related pass (src/cli/import-heap.ts).
growHeapSlowly(process.env)
await main()
