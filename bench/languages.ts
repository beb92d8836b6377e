// Listing queries per language on a generated site, without the page cache or HTTP: the time each reader listing of
// the large language and of a small one takes in the store, so an index change shows as a ratio between the two.
//
//   node bench/generate.ts --articles 20000 --russian 0.05 --data-dir DIR [--database-url postgres://…]
//   node bench/languages.ts --data-dir DIR [--database-url postgres://…] [--runs 30] [--languages en,ru]
//
// Each listing runs `runs` times after one warm-up call; it prints the median and worst wall time and the process CPU
// per call (on PostgreSQL the server's CPU is not in it: compare wall times there).

import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../src/config.ts'
import { openStore, type Store } from '../src/store/store.ts'

const YEAR_MS = 365 * 86_400_000

interface Figure { readonly language: string; readonly listing: string; readonly medianMs: number; readonly maxMs: number; readonly cpuUsPerCall: number }

/** Times `call` `runs` times after a warm-up; several calls per run (e.g. one per tag) count as one run. */
async function time(runs: number, call: () => Promise<unknown>): Promise<{ medianMs: number; maxMs: number; cpuUs: number }> {
  await call()
  const walls: number[] = []
  const cpu0 = process.cpuUsage()
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await call()
    walls.push(performance.now() - t0)
  }
  const cpu = process.cpuUsage(cpu0)
  walls.sort((a, b) => a - b)
  return { medianMs: walls[Math.floor(runs / 2)]!, maxMs: walls[runs - 1]!, cpuUs: (cpu.user + cpu.system) / runs }
}

async function measure(store: Store, language: string, runs: number): Promise<Figure[]> {
  const sections = await store.taxonomy.sections()
  const tags = await store.taxonomy.tags()
  const authors = await store.people.authors()
  const news = sections.find((s) => s.slug === 'news') ?? sections[0]!
  const now = Date.now()
  const w = (page: number) => ({ page, perPage: 20, language })
  const listings: [string, () => Promise<unknown>][] = [
    ['front (newest per section)', () => store.live.newestBySections(sections.map((s) => s.id), 12, language)],
    ['latest 50 (site feed)', () => store.live.latest(50, language)],
    ['section news p1', () => store.live.bySection(news.id, w(1))],
    ['section news p5', () => store.live.bySection(news.id, w(5))],
    [`tag pages p1 (all ${tags.length})`, async () => { for (const t of tags) await store.live.byTag(t.id, w(1)) }],
    [`author pages p1 (all ${authors.length})`, async () => { for (const a of authors) await store.live.byAuthor(a.id, w(1)) }],
    ['archive, last year', () => store.live.archive({ sectionIds: [], fromMs: now - YEAR_MS, toMs: null, ...w(1) })],
    ['archive news, last year', () => store.live.archive({ sectionIds: [news.id], fromMs: now - YEAR_MS, toMs: null, ...w(1) })],
  ]
  const out: Figure[] = []
  for (const [listing, call] of listings) {
    const t = await time(runs, call)
    out.push({ language, listing, medianMs: +t.medianMs.toFixed(2), maxMs: +t.maxMs.toFixed(2), cpuUsPerCall: Math.round(t.cpuUs) })
  }
  return out
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, runs: { type: 'string', default: '30' }, languages: { type: 'string', default: 'en,ru' } },
    strict: true,
  })
  if (!values['data-dir']) throw new Error('--data-dir is required (a site bench/generate.ts wrote)')
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1')
  const dataDir = path.resolve(values['data-dir'])
  const config = loadConfig({ DATA_DIR: dataDir, ...(values['database-url'] && { DATABASE_URL: values['database-url'] }) })
  const store = await openStore(config.database)
  try {
    console.log(`${config.database.engine}, ${await store.live.count()} live articles, Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
    const rows: Figure[] = []
    for (const language of values.languages.split(',')) rows.push(...await measure(store, language.trim(), runs))
    console.table(rows)
  } finally {
    await store.close()
  }
}

try {
  await main()
} catch (err) {
  console.error(`bench/languages: ${(err as Error).message}`)
  process.exitCode = (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1
}
