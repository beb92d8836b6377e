// Ghost import benchmark: Mobiledoc rendering rate, the import of a generated Ghost 5 export, and images fetched from a
// loopback server into the media library.
//
//   node bench/ghost-import.ts [--posts 1000] [--images 200] [--engine sqlite|postgres] [--seed 42]
//
// A quarter of the generated posts carry only Mobiledoc (paragraph sections, a markdown card and an image card), the rest
// html. The import runs without media first (mapping, rendering, sanitizer, live copies, redirects, search, related),
// then `--images` posts with a feature image each are imported with media on, the images served by a node:http server on
// 127.0.0.1 (allowed as WEBHOOK_ALLOW_PRIVATE would), so the figure includes fetch, type checks, metadata stripping and the
// library's records. Figures only: nothing is asserted.

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import sharp from 'sharp'
import { createImporting } from '../src/editorial/importing.ts'
import { createPageImporting } from '../src/editorial/import-pages.ts'
import { createMediaImporting } from '../src/editorial/import-media.ts'
import { importGhost } from '../src/importers/ghost/import.ts'
import { renderMobiledoc } from '../src/importers/ghost/mobiledoc.ts'
import { createImageSource } from '../src/importers/media-fetch.ts'
import { createMediaLibrary } from '../src/media/library.ts'
import { openStore } from '../src/store/store.ts'
import { buildArticle } from './article-text.ts'
import { createRandom } from './random.ts'
import { createScratch, postgresUnavailable, type Engine } from './scratch.ts'

const DAY_MS = 86_400_000

/** A body as Ghost 4 stored it in Mobiledoc: one markup section per paragraph, a markdown card and an image card. */
function mobiledocOf(html: string, n: number): string {
  const paragraphs = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''))
  return JSON.stringify({
    version: '0.3.1', atoms: [], markups: [],
    cards: [['markdown', { markdown: `Key figures:\n\n- **${n}** units\n- _rising_` }], ['image', { src: `__GHOST_URL__/content/images/${n}.jpg`, alt: `Photo ${n}`, caption: 'A photo' }]],
    sections: [...paragraphs.map((p) => [1, 'p', [[0, [], 0, p]]]), [10, 0], [10, 1]],
  })
}

function generate(posts: number, seed: number, withImages: number): unknown {
  const r = createRandom(seed)
  const start = Date.UTC(2021, 0, 1)
  const tags = new Map<string, string>()
  const rows = [], postsTags = []
  for (let i = 0; i < posts; i++) {
    const at = start + Math.round(i * (3 * 365 * DAY_MS) / posts)
    const a = buildArticle(r, new Date(at).getUTCFullYear(), [])
    const id = `b${String(i).padStart(23, '0')}`
    for (const [k, t] of [a.section, ...a.tags].entries()) {
      if (!tags.has(t)) tags.set(t, `t${String(tags.size).padStart(23, '0')}`)
      postsTags.push({ post_id: id, tag_id: tags.get(t), sort_order: k })
    }
    const mobiledocOnly = i % 4 === 1
    rows.push({
      id, uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, title: a.title, slug: `post-${i}`, type: 'post', status: 'published', visibility: 'public',
      html: mobiledocOnly ? null : a.bodyHtml, mobiledoc: mobiledocOnly ? mobiledocOf(a.bodyHtml, i) : null, lexical: null,
      feature_image: i < withImages ? `__GHOST_URL__/content/images/hero-${i}.jpg` : null, featured: i % 50 === 0,
      custom_excerpt: a.standfirst, published_at: new Date(at).toISOString(), updated_at: new Date(at).toISOString(),
    })
  }
  return { db: [{ meta: { version: '5.80.0' }, data: {
    posts: rows, posts_tags: postsTags, tags: [...tags].map(([name, id]) => ({ id, name, slug: name, visibility: 'public' })), users: [], posts_authors: [],
  } }] }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { posts: { type: 'string', default: '1000' }, images: { type: 'string', default: '200' }, engine: { type: 'string', default: 'sqlite' }, seed: { type: 'string', default: '42' } }, strict: true })
  const posts = Number(values.posts), images = Number(values.images), seed = Number(values.seed)
  const engine = values.engine as Engine
  if (engine === 'postgres') {
    const reason = await postgresUnavailable()
    if (reason) throw new Error(reason)
  }
  const rows: Record<string, unknown>[] = []

  // Rendering alone: every Mobiledoc body of the export, several times over.
  const docs = (generate(400, seed, 0) as { db: [{ data: { posts: { mobiledoc: string | null }[] } }] }).db[0].data.posts.map((p) => p.mobiledoc).filter((m): m is string => m !== null)
  let t = performance.now(), rendered = 0
  while (performance.now() - t < 3000) for (const d of docs) {
    renderMobiledoc(d, { unknownCards: [] })
    rendered++
  }
  rows.push({ what: 'mobiledoc → html (kg-mobiledoc-html-renderer, 1 markdown + 1 image card)', count: rendered, seconds: +((performance.now() - t) / 1000).toFixed(1), perSecond: Math.round(rendered / ((performance.now() - t) / 1000)) })

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-ghost-bench-'))
  const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 90, g: 120, b: 150 } } }).jpeg({ quality: 80 }).toBuffer()
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': jpeg.length }).end(jpeg))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    for (const [label, count, media] of [['posts, no media', posts, false], ['posts with a 1200×800 JPEG hero, fetched', images, true]] as const) {
      const scratch = await createScratch(engine)
      const store = await openStore(scratch.database)
      try {
        const file = path.join(tmp, `export-${count}.json`)
        await writeFile(file, JSON.stringify(generate(count, seed, media ? count : 0)))
        const clock = { now: () => Date.now() }
        const siteLanguage = async () => 'en'
        const importing = createImporting({ store, clock, siteLanguage })
        const pages = createPageImporting({ store, clock, siteLanguage, authorize: importing.authorize })
        const library = createMediaLibrary({ store, clock, mediaDir: path.join(scratch.dataDir, 'media') })
        const setup = media ? { media: createMediaImporting({ store, clock, library, authorize: importing.authorize }), fetch: createImageSource({ mediaDir: null, allowPrivate: true }) } : undefined
        t = performance.now()
        const cpu = process.cpuUsage()
        const report = await importGhost({ importing, pages, ...(setup && { media: setup }) }, { file, actor: { kind: 'system', name: 'bench' }, dryRun: false, siteUrl })
        const seconds = (performance.now() - t) / 1000
        const used = process.cpuUsage(cpu)
        rows.push({
          what: `import of ${label} [${engine}]`, count: report.articles.imported, seconds: +seconds.toFixed(1), perSecond: Math.round(report.articles.imported / seconds),
          cpuSeconds: +((used.user + used.system) / 1e6).toFixed(1), images: media ? `${report.media.imported} stored, ${report.media.failed} failed` : '', loadAverage: +os.loadavg()[0]!.toFixed(1),
        })
      } finally {
        await store.close()
        await scratch.drop()
      }
    }
  } finally {
    server.close()
    await rm(tmp, { recursive: true, force: true })
  }
  console.table(rows)
  console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, engine, rows }))
}

await main()
