// Adversarial article bodies saved and published through the Admin API of an in-process app: time per KB and the longest stall of other requests.
//
// npm run bench:bodies [-- --sizes 64000,256000 --shapes deep-at-limit,long-words]

import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
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
}

interface Row {
  shape: string
  kb: number
  status: string
  'save ms': number
  'save ms/KB': number
  'save: max /healthz ms': number
  'save: max loop delay ms': number
  'publish ms': number
  'publish: max /healthz ms': number
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: true, options: {
    sizes: { type: 'string', default: '64000,256000,1000000,1990000' },
    shapes: { type: 'string', default: Object.keys(SHAPES).join(',') },
  } })
  const sizes = values.sizes.split(',').map(Number)
  const shapes = values.shapes.split(',')
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-bodies-'))
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SITE_URL: 'https://news.example' })
  const log = createLogger(config)
  const store = await openStore(config.database)
  const services = createServices({ store, config, log, clock: systemClock })
  const app = await buildApp({ services, config, log })
  try {
    await store.taxonomy.insertSection({ slug: 'news', name: 'News', description: '', position: 0 })
    await services.accounts.createUser({ email: 'bench@news.example', name: 'Bench', role: 'admin', password: 'a long enough password' }, null)
    const { token } = await services.accounts.createToken('bench@news.example', 'bench')
    const headers = { authorization: `Bearer ${token}` }
    // The first long body starts the sanitizer's worker: do it before measuring.
    await app.inject({ method: 'POST', url: '/api/v1/admin/articles', headers, payload: { title: 'Warm-up', section: 'news', body_html: fill('<p>w</p>', 100_000) } })
    const rows: Row[] = []
    let n = 0
    for (const shape of shapes) {
      const make = SHAPES[shape]
      if (!make) throw new Error(`unknown shape ${shape}; known: ${Object.keys(SHAPES).join(', ')}`)
      for (const size of sizes) {
        const body = make(size)
        const probe = startProbe(app)
        const t0 = performance.now()
        const res = await app.inject({ method: 'POST', url: '/api/v1/admin/articles', headers, payload: { title: `Body ${++n}`, section: 'news', body_html: body } })
        const saveMs = performance.now() - t0
        const saveStall = await probe.stop()
        let publishMs = 0
        let publishStall = { maxProbeMs: 0, maxLoopDelayMs: 0 }
        if (res.statusCode === 201) {
          const publishProbe = startProbe(app)
          const t1 = performance.now()
          await app.inject({ method: 'POST', url: `/api/v1/admin/articles/${res.json<{ id: number }>().id}/publish`, headers, payload: {} })
          publishMs = performance.now() - t1
          publishStall = await publishProbe.stop()
        }
        rows.push({
          shape, kb: Math.round(body.length / 1000), status: String(res.statusCode), 'save ms': round(saveMs), 'save ms/KB': round(saveMs / (body.length / 1000), 3),
          'save: max /healthz ms': round(saveStall.maxProbeMs), 'save: max loop delay ms': round(saveStall.maxLoopDelayMs),
          'publish ms': round(publishMs), 'publish: max /healthz ms': round(publishStall.maxProbeMs),
        })
      }
    }
    console.log(`Node ${process.version}, ${os.cpus().length} CPUs, SQLite, nesting limit ${MAX_NESTING}; a /healthz probe every 10 ms during each save, during each save and each publish`)
    console.table(rows)
    return 0
  } finally {
    await app.close()
    await store.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

const round = (x: number, digits = 1): number => Number(x.toFixed(digits))

/**
 * Asks /healthz every 10 ms and watches the event loop's delay, until stopped. A probe's wait counts from when it was
 * due (10 ms after the previous answer), so a stall that delays the timer itself is counted too.
 */
function startProbe(app: Awaited<ReturnType<typeof buildApp>>) {
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  let maxProbeMs = 0
  let stopped = false
  const run = (async () => {
    let due = performance.now()
    while (!stopped) {
      await app.inject('/healthz')
      const answered = performance.now()
      maxProbeMs = Math.max(maxProbeMs, answered - due)
      await new Promise((resolve) => setTimeout(resolve, 10))
      due = answered + 10
    }
  })()
  return {
    async stop(): Promise<{ maxProbeMs: number; maxLoopDelayMs: number }> {
      stopped = true
      await run
      loop.disable()
      return { maxProbeMs, maxLoopDelayMs: loop.max / 1e6 }
    },
  }
}

process.exitCode = await main(process.argv.slice(2))
