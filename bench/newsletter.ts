// `node bench/newsletter.ts`: queue an issue for 100,000 subscribers, then deliver part of it to a local SMTP server in
// another process, on each engine; prints queueing time, messages a second and memory. It never asserts a time.
//
//   node bench/newsletter.ts [--subscribers 100000] [--deliver 20000] [--engine sqlite|postgres|both] [--connections 8]

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import os from 'node:os'
import { parseArgs } from 'node:util'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openStore } from '../src/store/store.ts'
import { loadConfig } from '../src/config.ts'
import { createLogger } from '../src/log.ts'
import { createMailer } from '../src/mail/transport.ts'
import { createNewsletterDelivery } from '../src/jobs/newsletter-delivery.ts'
import { createNewsletterLinks } from '../src/newsletters/links.ts'
import { renderIssue } from '../src/render/mail/newsletter-issue.ts'
import { storedSanitizedHtml } from '../src/content/sanitize.ts'
import { systemClock } from '../src/domain/clock.ts'
import { createScratch, postgresUnavailable, type Engine } from './scratch.ts'

const { values } = parseArgs({ options: {
  subscribers: { type: 'string', default: '100000' }, deliver: { type: 'string', default: '20000' },
  engine: { type: 'string', default: 'both' }, connections: { type: 'string', default: '8' },
} })
const SUBSCRIBERS = Number(values.subscribers)
const DELIVER = Number(values.deliver)
const engines: Engine[] = values.engine === 'both' ? ['sqlite', 'postgres'] : [values.engine as Engine]
const mb = (n: number) => Math.round(n / 1048576)

async function startSink(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.join(path.dirname(fileURLToPath(import.meta.url)), 'smtp-sink.ts')], { stdio: ['ignore', 'pipe', 'inherit'] })
  const [chunk] = await once(child.stdout!, 'data') as [Buffer]
  return { url: `smtp://127.0.0.1:${chunk.toString().trim()}`, async stop() { child.kill('SIGTERM'); await once(child, 'exit') } }
}

const rows: Record<string, unknown>[] = []
for (const engine of engines) {
  if (engine === 'postgres' && await postgresUnavailable()) { console.log(`postgres skipped: ${await postgresUnavailable()}`); continue }
  const scratch = await createScratch(engine)
  const store = await openStore(scratch.database, { poolSize: 10 })
  try {
    const now = systemClock.now()
    const newsletterId = await store.newsletters.insert({ slug: 'bench', name: 'Bench Weekly', description: '', language: 'en', senderName: 'Bench', senderAddress: 'bench@news.example',
      replyTo: null, cadence: 'manual', sendTime: null, sendWeekday: null, autoSend: false, sections: [] }, now)
    const t0 = performance.now()
    const emails = Array.from({ length: SUBSCRIBERS }, (_, i) => `reader${i}@example.org`)
    await store.transaction((tx) => tx.newsletters.importActive(emails, newsletterId, 'import', 'bench', now))
    const loadMs = performance.now() - t0
    const items = Array.from({ length: 10 }, (_, i) => ({ articleId: i + 1, title: `Story number ${i + 1} of the week`, url: `https://news.example/news/story-${i + 1}`,
      standfirst: 'A standfirst of a sentence or two that says what the story is about.', imageUrl: i % 2 ? null : `https://news.example/media/${i}.jpg`, imageAlt: 'A photo', note: '' }))
    const issueId = await store.newsletterIssues.insert({ newsletterId, status: 'draft', subject: 'This week', introHtml: storedSanitizedHtml('<p>Hello.</p>'), items, createdBy: null }, now)

    const q0 = performance.now()
    const queued = await store.transaction((tx) => tx.newsletterIssues.queue(issueId, newsletterId, systemClock.now()))
    const queueMs = performance.now() - q0

    const sink = await startSink()
    const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir(), SMTP_URL: sink.url, MAIL_FROM: 'bench@news.example' })
    const mailer = createMailer(config.mail!, { maxConnections: Number(values.connections) })
    const job = createNewsletterDelivery({ mailer, render: renderIssue, links: createNewsletterLinks(store), siteUrl: 'https://news.example', siteName: async () => 'Bench',
      ratePerSecond: 1_000_000, batchSize: 100, maxRunMs: 2_000 })
    const log = createLogger(config)
    const rss: number[] = []
    const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 500)
    const d0 = performance.now()
    let sent = 0
    while (sent < DELIVER) {
      await job.run({ store, clock: systemClock, log })
      sent = (await store.newsletterIssues.progress(issueId)).sent
    }
    const deliverMs = performance.now() - d0
    clearInterval(sampler)
    mailer.close()
    await sink.stop()
    const row = {
      engine, subscribers: SUBSCRIBERS, loadS: +(loadMs / 1000).toFixed(1), queued, queueS: +(queueMs / 1000).toFixed(2),
      delivered: sent, msgPerS: Math.round(sent / (deliverMs / 1000)), rssMbFirst: mb(rss[0] ?? 0), rssMbMax: mb(Math.max(...rss)), rssMbLast: mb(rss.at(-1) ?? 0),
    }
    console.log(row)
    rows.push(row)
  } finally {
    await store.close()
    await scratch.drop()
  }
}
console.table(rows)
console.log(`node ${process.version}, ${os.cpus().length} CPUs`)
