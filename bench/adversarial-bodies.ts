// Adversarial article bodies saved and published through the Admin API of an in-process app: time per KB and the longest stall of other requests.
//
// npm run bench:bodies [-- --sizes 64000,512000 --shapes deep-at-limit,long-words --runs 3]
//
// A probe asks /healthz every 5 ms during each save and each publish. Two figures per step: the longest a probe waited
// past its due time (wall clock: it includes the machine's other load), and the most main-thread CPU time spent between
// two probe turns (what our own code held the loop for, whatever else the machine runs). Several runs give medians.

import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../src/config.ts'
import { MAX_NESTING } from '../src/content/sanitize.ts'
import { systemClock } from '../src/domain/clock.ts'
import { createLogger } from '../src/log.ts'
import { createServices } from '../src/services.ts'
import { openStore } from '../src/store/store.ts'
import { buildApp } from '../src/web/app.ts'

/** Repeats `unit` until the body is `size` characters (cut at a unit boundary, never above). */
const fill = (unit: string, size: number, head = '', tail = ''): string =>
  head + unit.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / unit.length))) + tail

const nested = (depth: number): string => `${'<b>'.repeat(depth)}x${'</b>'.repeat(depth)}`

/** Each shape makes a body of about `size` characters. */
const SHAPES: Record<string, (size: number) => string> = {
  'deep-at-limit': (size) => fill(nested(MAX_NESTING), size),
  'deep-under-limit': (size) => fill(nested(MAX_NESTING - 1), size),
  'deep-over-limit (refused)': (size) => fill('<b>', size),
  'stray-end-tags': (size) => fill('<i></b>', size),
  'many-attributes': (size) => fill(`<p ${Array.from({ length: 200 }, (_, i) => `data-a${i}="v${i}"`).join(' ')} onclick="x()">text</p>`, size),
  'long-words': (size) => `<p>${'a'.repeat(size - 7)}</p>`,
  'many-entities': (size) => fill('&amp;&lt;&#x41;&#65;&nbsp;&eacute;&unknown;', size, '<p>', '</p>'),
  'small-paragraphs': (size) => fill('<p>w</p>', size),
  'refused-iframes': (size) => fill('<p>x</p><iframe src="http://evil.example/"></iframe>', size),
  'unclosed-paragraphs': (size) => fill('<p>word word ', size),
  'plain-text': (size) => fill('The minister said the gas pipeline through the Caspian would open next spring. ', size, '<p>', '</p>'),
  'long-text-paragraphs': (size) => fill(`<p>${'Observers from the mission reported queues at polling stations in Almaty and Astana. '.repeat(40)}</p>`, size),
}

interface Measure {
  status: number
  saveMs: number
  save: Stall
  publishMs: number
  publish: Stall
}

interface Stall {
  /** Longest wait of a request for a static asset (no database) past its due time, in ms of wall clock. */
  readonly waitMs: number
  /** Most main-thread CPU time between two turns of that probe, in ms. */
  readonly cpuMs: number
  /** Longest wait of /healthz, which pings the database and so waits for SQLite's one connection. */
  readonly healthMs: number
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: true, options: {
    sizes: { type: 'string', default: '64000,512000,1000000,1990000' },
    shapes: { type: 'string', default: Object.keys(SHAPES).join(',') },
    runs: { type: 'string', default: '3' },
  } })
  const sizes = values.sizes.split(',').map(Number)
  const shapes = values.shapes.split(',')
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number from 1')
  for (const shape of shapes) if (!SHAPES[shape]) throw new Error(`unknown shape ${shape}; known: ${Object.keys(SHAPES).join(', ')}`)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-bodies-'))
  // Shedding by event-loop delay or heap is off: on a busy machine it answered 503 to the very saves being measured.
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SITE_URL: 'https://news.example', SHED_EVENT_LOOP_DELAY_MS: '0', SHED_HEAP_MB: '0' })
  const log = createLogger(config)
  const store = await openStore(config.database)
  const services = createServices({ store, config, log, clock: systemClock })
  const app = await buildApp({ services, config, log })
  try {
    await store.taxonomy.insertSection({ slug: 'news', name: 'News', description: '', position: 0 })
    await services.accounts.createUser({ email: 'bench@news.example', name: 'Bench', role: 'admin', password: 'a long enough password' }, null)
    const { token } = await services.accounts.createToken('bench@news.example', 'bench')
    const headers = { authorization: `Bearer ${token}` }
    // The probe's request: the site's stylesheet, answered without the database, as readers' cached pages are.
    const asset = /href="(\/assets\/site\.[^"]+\.css)"/.exec((await app.inject('/')).body)?.[1]
    if (!asset) throw new Error('the front page names no stylesheet')
    // The first long body starts the sanitizer's worker: do it before measuring.
    await app.inject({ method: 'POST', url: '/api/v1/admin/articles', headers, payload: { title: 'Warm-up', section: 'news', body_html: fill('<p>w</p>', 100_000) } })
    const measures = new Map<string, Measure[]>()
    let n = 0
    for (let run = 0; run < runs; run++) {
      for (const shape of shapes) {
        for (const size of sizes) {
          const body = SHAPES[shape]!(size)
          await settle()
          const probe = startProbes(app, asset)
          const t0 = performance.now()
          const res = await app.inject({ method: 'POST', url: '/api/v1/admin/articles', headers, payload: { title: `Body ${++n}`, section: 'news', body_html: body } })
          const saveMs = performance.now() - t0
          const save = await probe.stop()
          if (res.statusCode >= 500) throw new Error(`saving answered ${res.statusCode}: ${res.body}`)
          let publishMs = 0
          let publish: Stall = { waitMs: 0, cpuMs: 0, healthMs: 0 }
          if (res.statusCode === 201) {
            await settle()
            const publishProbe = startProbes(app, asset)
            const t1 = performance.now()
            const published = await app.inject({ method: 'POST', url: `/api/v1/admin/articles/${res.json<{ id: number }>().id}/publish`, headers, payload: {} })
            publishMs = performance.now() - t1
            publish = await publishProbe.stop()
            if (published.statusCode >= 300) throw new Error(`publishing answered ${published.statusCode}: ${published.body}`)
          }
          const key = `${shape}\t${body.length}`
          measures.set(key, [...(measures.get(key) ?? []), { status: res.statusCode, saveMs, save, publishMs, publish }])
        }
      }
    }
    const rows = [...measures].map(([key, ms]) => {
      const [shape, length] = key.split('\t') as [string, string]
      const kb = Number(length) / 1000
      const med = (f: (m: Measure) => number, digits = 1) => round(median(ms.map(f)), digits)
      return {
        shape, kb: Math.round(kb), status: String(ms[0]!.status),
        'save ms': med((m) => m.saveMs), 'save ms/KB': med((m) => m.saveMs / kb, 3),
        'save: max wait ms': med((m) => m.save.waitMs), 'save: max CPU held ms': med((m) => m.save.cpuMs), 'save: max /healthz ms': med((m) => m.save.healthMs),
        'publish ms': med((m) => m.publishMs), 'publish: max wait ms': med((m) => m.publish.waitMs), 'publish: max CPU held ms': med((m) => m.publish.cpuMs),
        'publish: max /healthz ms': med((m) => m.publish.healthMs),
      }
    })
    const worst = (col: keyof (typeof rows)[number]) => Math.max(...rows.map((r) => Number(r[col])))
    console.log(`Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, SQLite, nesting limit ${MAX_NESTING}; `
      + `medians of ${runs} run(s); probes every 5 ms during each save and each publish: ${asset} (wait, CPU held) and /healthz`)
    console.table(rows)
    console.log(`worst median: save wait ${worst('save: max wait ms')} ms, CPU held ${worst('save: max CPU held ms')} ms, /healthz ${worst('save: max /healthz ms')} ms; `
      + `publish wait ${worst('publish: max wait ms')} ms, CPU held ${worst('publish: max CPU held ms')} ms, /healthz ${worst('publish: max /healthz ms')} ms`)
    return 0
  } finally {
    await app.close()
    await store.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

const round = (x: number, digits = 1): number => Number(x.toFixed(digits))
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
/** Lets the previous step's leftovers (timers, a collection) pass before the next measurement starts. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30))
const threadCpuMs = (): number => {
  const { user, system } = process.threadCpuUsage()
  return (user + system) / 1000
}

/**
 * Asks for `url` every 5 ms until stopped. A probe's wait counts from when it was due (5 ms after the previous answer),
 * so a stall that delays the timer itself counts too, including the last one, which stop() waits for. Between two
 * probe turns it also reads the main thread's CPU time: the longest such stretch is what our work held the loop for.
 */
function startProbe(app: Awaited<ReturnType<typeof buildApp>>, url: string) {
  const EVERY_MS = 5
  let waitMs = 0
  let cpuMs = 0
  let stopped = false
  const run = (async () => {
    let due = performance.now()
    let cpu = threadCpuMs()
    for (;;) {
      const ran = threadCpuMs()
      cpuMs = Math.max(cpuMs, ran - cpu)
      const res = await app.inject(url)
      if (res.statusCode !== 200) throw new Error(`the probe of ${url} answered ${res.statusCode}`)
      const answered = performance.now()
      waitMs = Math.max(waitMs, answered - due)
      if (stopped) break
      // The probe's own request is not the work being measured.
      cpu = threadCpuMs()
      await new Promise((resolve) => setTimeout(resolve, EVERY_MS))
      due = answered + EVERY_MS
    }
  })()
  return {
    async stop(): Promise<{ waitMs: number; cpuMs: number }> {
      stopped = true
      await run
      return { waitMs, cpuMs }
    },
  }
}

/** The loop probe (a static asset) and the database probe (/healthz), side by side. */
function startProbes(app: Awaited<ReturnType<typeof buildApp>>, asset: string) {
  const loop = startProbe(app, asset)
  const health = startProbe(app, '/healthz')
  return {
    async stop(): Promise<Stall> {
      const [l, h] = await Promise.all([loop.stop(), health.stop()])
      return { waitMs: l.waitMs, cpuMs: l.cpuMs, healthMs: h.waitMs }
    },
  }
}

process.exitCode = await main(process.argv.slice(2))
