// WordPress import benchmark: writes a WXR of N generated posts, imports it into a fresh site, prints the rate and memory.
//
//   npm run bench:import -- --posts 10000 [--engine sqlite|postgres] [--batch 100] [--seed 42] [--keep] [--no-readers]
//
// Posts are the generator's articles (article-text.ts) written as WordPress stores them: paragraphs as blank lines, no
// <p>, one in ten with a [caption] shortcode and one in twenty with a bare YouTube address. The file is streamed out and
// the import streams it in, so the figures include parsing, wpautop, the sanitizer, the live copies, redirects, search
// and related articles. Peak RSS is the process's maxRSS over the whole run (generation included) and the highest RSS
// sampled while importing. On a shared machine read the CPU seconds beside the wall time: they are the import's own cost.
// Unless --no-readers, the real server runs on the same database while the import does, and a worker thread requests
// listing pages and imported articles 20 times a second (readers.ts): their p50, p99 and worst time are printed.

import { createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { once } from 'node:events'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createImporting } from '../src/editorial/importing.ts'
import { importWordPress } from '../src/importers/wordpress/import.ts'
import { openStore } from '../src/store/store.ts'
import { buildArticle } from './article-text.ts'
import { createRandom } from './random.ts'
import { createScratch, postgresUnavailable, type Engine } from './scratch.ts'
import { startReaders } from './readers.ts'
import { startServer } from './server.ts'

const SITE = 'https://wp.example.org'
const YEARS = 5
const DAY_MS = 86_400_000

const cdata = (s: string): string => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`
const wpDate = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ')

/** An article body as WordPress keeps a classic post: blank lines between paragraphs, block elements left as they are. */
function classicBody(bodyHtml: string, n: number): string {
  let body = bodyHtml.replace(/<p>/g, '').replace(/<\/p>/g, '\n\n')
  if (n % 10 === 3) body = `[caption id="attachment_${n}" align="aligncenter" width="640"]<img src="${SITE}/wp-content/uploads/${n}.jpg" alt="Photo ${n}" width="640" height="400" class="size-large wp-image-${n}" /> A photo of the day[/caption]\n\n${body}`
  if (n % 20 === 7) body += '\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n'
  return body
}

/** Every this many posts, one article path is kept for the readers to request once it is imported. */
const SAMPLE_EVERY = 25

/**
 * Writes the WXR file of `posts` generated posts, a stream at a time; returns its size in bytes and the site paths of
 * every SAMPLE_EVERY-th post (`/section/slug`, as the import will publish them).
 */
async function writeWxr(file: string, posts: number, seed: number): Promise<{ bytes: number; samples: string[] }> {
  const samples: string[] = []
  const out = createWriteStream(file)
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain')
  }
  const r = createRandom(seed)
  const start = Date.UTC(2021, 0, 1)
  const step = (YEARS * 365 * DAY_MS) / posts
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Generated</title><link>${SITE}</link><language>en-US</language><wp:wxr_version>1.2</wp:wxr_version>\n`)
  for (let i = 0; i < posts; i++) {
    const at = Math.round(start + i * step)
    const a = buildArticle(r, new Date(at).getUTCFullYear(), [])
    const id = 1000 + i
    const slug = `${a.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80)}-${id}`
    const date = new Date(at).toISOString().slice(0, 10).replace(/-/g, '/')
    if (i % SAMPLE_EVERY === 0) samples.push(`/${a.section}/${slug}`)
    const terms = [`<category domain="category" nicename="${a.section}">${cdata(a.section)}</category>`,
      ...a.tags.map((t) => `<category domain="post_tag" nicename="${t}">${cdata(t)}</category>`)].join('')
    await write(`<item><title>${cdata(a.title)}</title><link>${SITE}/${date}/${slug}/</link><dc:creator>${cdata(a.authors[0] ?? 'newsroom')}</dc:creator>
<guid isPermaLink="false">${SITE}/?p=${id}</guid><content:encoded>${cdata(classicBody(a.bodyHtml, i))}</content:encoded><excerpt:encoded>${cdata(a.standfirst)}</excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date>${cdata(wpDate(at))}</wp:post_date><wp:post_date_gmt>${cdata(wpDate(at))}</wp:post_date_gmt>
<wp:post_name>${cdata(slug)}</wp:post_name><wp:status>${cdata('publish')}</wp:status><wp:post_type>${cdata('post')}</wp:post_type><wp:post_password>${cdata('')}</wp:post_password><wp:is_sticky>0</wp:is_sticky>${terms}</item>\n`)
  }
  await write('</channel></rss>\n')
  out.end()
  await once(out, 'finish')
  return { bytes: (await stat(file)).size, samples }
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
  const store = await openStore(scratch.database)
  let peakRss = process.memoryUsage().rss
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss) }, 200)
  try {
    const importing = createImporting({ store, clock: { now: () => Date.now() }, siteLanguage: async () => 'en' })
    t = performance.now()
    const cpu = process.cpuUsage()
    let lastPrint = 0
    // When the last batch was written: what follows is the related-articles settle pass (related/settle.ts).
    let batchesEnd = { at: t, cpu: process.cpuUsage() }
    const report = await importWordPress(importing, {
      file, actor: { kind: 'system', name: 'bench' }, dryRun: false, timeZone: 'UTC', batchSize: batch,
      onProgress: (done) => {
        batchesEnd = { at: performance.now(), cpu: process.cpuUsage() }
        const now = performance.now()
        const known = Math.min(samples.length, Math.floor(done / SAMPLE_EVERY))
        if (readers && known > sampled) readers.add(samples.slice(sampled, known))
        sampled = Math.max(sampled, known)
        if (now - lastPrint < 10_000) return
        lastPrint = now
        console.error(`${done} posts, ${(done / ((now - t) / 1000)).toFixed(0)}/s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`)
      },
      onSettleProgress: (stage, done) => {
        const now = performance.now()
        if (now - lastPrint < 10_000) return
        lastPrint = now
        console.error(`related articles: ${stage} ${done}, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`)
      },
    })
    const seconds = (performance.now() - t) / 1000
    const used = process.cpuUsage(cpu)
    const cpuSeconds = (used.user + used.system) / 1e6
    const cpuOf = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e3
    const batchCpuMs = cpuOf(batchesEnd.cpu) - cpuOf(cpu)
    clearInterval(sampler)
    const read = readers ? await readers.stop() : null
    const perArticle = (ms: number) => +(ms / Math.max(1, report.articles.imported)).toFixed(2)
    const rows = {
      engine, posts, batch, fileMiB: +(bytes / 2 ** 20).toFixed(1), writeWxrSeconds: +writeSeconds.toFixed(1),
      importSeconds: +seconds.toFixed(1), articlesPerSecond: +(report.articles.imported / seconds).toFixed(0),
      // On a shared machine the wall time includes waiting for the CPU: the import's own CPU time says what it costs.
      cpuSeconds: +cpuSeconds.toFixed(1), cpuMsPerArticle: perArticle(cpuSeconds * 1000),
      // The batches (parse, sanitize, write, search) and the related-articles pass after them, each with its CPU.
      batchSeconds: +((batchesEnd.at - t) / 1000).toFixed(1), batchCpuMsPerArticle: perArticle(batchCpuMs),
      relatedSeconds: +(seconds - (batchesEnd.at - t) / 1000).toFixed(1), relatedCpuMsPerArticle: perArticle(cpuSeconds * 1000 - batchCpuMs),
      loadAverage: +os.loadavg()[0]!.toFixed(1),
      imported: report.articles.imported, refused: report.articles.refused, live: await store.live.count(),
      peakRssDuringImportMiB: +(peakRss / 2 ** 20).toFixed(0), maxRssMiB: +(process.resourceUsage().maxRSS / 1024).toFixed(0),
      node: process.version, cpus: os.cpus().length,
    }
    console.table([rows])
    if (read && server) {
      console.table([{ readerRequests: read.requests, errors: read.errors, pageP50Ms: read.p50Ms, pageP99Ms: read.p99Ms, pageMaxMs: read.maxMs, serverPeakRssMiB: +(server.memory().peakKiB / 1024).toFixed(0) }])
    }
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
