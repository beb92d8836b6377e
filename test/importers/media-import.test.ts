// Imported images on both engines: fetched from a server on loopback (allowed here as WEBHOOK_ALLOW_PRIVATE would),
// read from --media-dir, refused when private, missing, oversized or not an image; re-runs reuse them.

import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test, type TestContext } from 'node:test'
import { forEachDatabase } from '../support/databases.ts'
import { seedTaxonomy } from '../support/seed.ts'
import { jpegImage, pngImage } from '../support/images.ts'
import type { Store } from '../../src/store/store.ts'
import { createEditing } from '../../src/editorial/editing.ts'
import { ghostExport, ghostFile, id, SITE_URL } from './ghost/fixtures.ts'
import { articleOf, mediaSetup, runGhostImport } from './ghost/support.ts'
import { fixtureText, tempFile } from './wordpress/fixtures.ts'
import { articleOf as wpArticleOf, runImport } from './wordpress/support.ts'
import { localFileOf } from '../../src/importers/media-fetch.ts'

/** A server on loopback answering `routes` (path → status and body), 404 elsewhere; closed after the test. */
async function imageServer(t: TestContext, routes: Record<string, { type: string; body: Buffer | (() => AsyncIterable<Buffer>) }>): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = []
  const server = http.createServer(async (req, res) => {
    hits.push(req.url ?? '')
    const r = routes[req.url ?? '']
    if (!r) return res.writeHead(404).end('not found')
    res.writeHead(200, { 'content-type': r.type })
    if (Buffer.isBuffer(r.body)) return res.end(r.body)
    try {
      for await (const chunk of r.body()) if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve))
      res.end()
    } catch {
      res.destroy()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.after(() => new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  }))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits }
}

const mediaCount = async (store: Store) => (await store.media.list({ text: '', limit: 100, offset: 0 })).items.length

forEachDatabase('Ghost images are fetched into the library: hero with alt and caption, body images repointed, a 404 reported and left', async (store, t) => {
  await seedTaxonomy(store)
  const server = await imageServer(t, {
    '/content/images/2021/03/pipeline.jpg': { type: 'image/jpeg', body: await jpegImage(80, 60) },
    '/content/images/2021/03/map.png': { type: 'image/png', body: await pngImage(40, 30) },
  })
  const media = await mediaSetup(t, store)
  const file = await ghostFile(t, 5)
  const report = await runGhostImport(store, file, { siteUrl: server.url, media })
  assert.deepEqual(report.articles, { imported: 5, updated: 0, skipped: 0, refused: 1 })
  assert.deepEqual(report.media, { imported: 2, reused: 0, failed: 1 })
  assert.deepEqual(report.mediaFailures.map((f) => [f.item, f.oldUrl, f.reason]), [['Grid report', `${server.url}/content/images/2021/04/grid.jpg`, 'the server answered 404']])
  assert.equal(report.altered.imagesLeftRemote, 1)

  const a = (await store.articles.get((await articleOf(store, id(1), server.url))!))!
  const hero = (await store.media.get(a.heroMediaId!))!
  assert.equal(hero.alt, 'Pipeline at dusk')
  assert.equal(hero.caption, 'Photo: <em>Steppe Notes</em>')
  assert.equal(hero.width, 80)
  assert.equal(hero.variants.length, 0, 'variants are queued for the job, as for an upload')
  const map = (await store.media.list({ text: 'Route map', limit: 5, offset: 0 })).items[0]!
  assert.match(a.bodyHtml, new RegExp(`<img src="/media/${map.path.replace(/[.]/g, '\\.')}" alt="Route map"`))
  const grid = (await store.articles.get((await articleOf(store, id(2), server.url))!))!
  assert.match(grid.bodyHtml, new RegExp(`<img src="${server.url}/content/images/2021/04/grid\\.jpg"`), 'an image that cannot be had keeps its address')

  const hits = server.hits.length
  const again = await runGhostImport(store, file, { siteUrl: server.url, media })
  assert.deepEqual(again.articles, { imported: 0, updated: 0, skipped: 5, refused: 1 })
  assert.deepEqual(again.media, { imported: 0, reused: 2, failed: 1 })
  assert.equal(await mediaCount(store), 2, 'no image twice')
  assert.deepEqual(server.hits.slice(hits), ['/content/images/2021/04/grid.jpg'], 'only the missing image is asked for again')
})

forEachDatabase('an imported hero without alt text is accepted and listed for editors (Ghost 3 had no alt)', async (store, t) => {
  await seedTaxonomy(store)
  const server = await imageServer(t, { '/content/images/2021/03/pipeline.jpg': { type: 'image/jpeg', body: await jpegImage() } })
  // Ghost 3 wrote the site's own absolute addresses: here, the server's.
  const text = JSON.stringify(ghostExport(3)).replaceAll(SITE_URL, server.url)
  const report = await runGhostImport(store, await ghostFile(t, text), { siteUrl: server.url, media: await mediaSetup(t, store) })
  const a = (await store.articles.get((await articleOf(store, id(1), server.url))!))!
  assert.notEqual(a.heroMediaId, null)
  assert.equal(a.status, 'published')
  assert.deepEqual(report.heroesWithoutAlt.map((h) => h.item), ['Pipeline deal signed'])
  // The exception is the import's alone: an editor's next save asks for the alt text like any other.
  const editing = createEditing({ store, clock: { now: () => Date.UTC(2026, 10, 28) }, siteLanguage: async () => 'en' })
  const input = { title: a.title, section: 'news', heroMediaId: a.heroMediaId }
  await assert.rejects(editing.save({ articleId: a.id, version: a.version, input, actor: { userId: 0, role: 'admin' }, kind: 'save' }), /hero image needs alt text/)
})

forEachDatabase('loopback and private addresses are refused unless allowed; so are an oversized file and one that is not an image', async (store, t) => {
  await seedTaxonomy(store)
  const big = () => (async function* () {
    const chunk = Buffer.alloc(1024 * 1024, 1)
    for (let i = 0; i < 21; i++) yield chunk
  })()
  const server = await imageServer(t, {
    '/content/images/2021/03/pipeline.jpg': { type: 'image/jpeg', body: big },
    '/content/images/2021/03/map.png': { type: 'text/html', body: Buffer.from('<html>not an image</html>') },
  })
  const guarded = await runGhostImport(store, await ghostFile(t, 5), { siteUrl: server.url, dryRun: true, media: await mediaSetup(t, store, { allowPrivate: false }) })
  assert.equal(guarded.media.failed, 3)
  assert.ok(guarded.mediaFailures.every((f) => /refused: 127\.0\.0\.1 is a private or loopback address/.test(f.reason)), JSON.stringify(guarded.mediaFailures))
  assert.equal(server.hits.length, 0, 'nothing was asked of the loopback server')

  const report = await runGhostImport(store, await ghostFile(t, 5), { siteUrl: server.url, media: await mediaSetup(t, store) })
  const reasons = new Map(report.mediaFailures.map((f) => [f.oldUrl.slice(server.url.length), f.reason]))
  assert.match(reasons.get('/content/images/2021/03/pipeline.jpg') ?? '', /larger than the limit of 20 MiB/)
  assert.match(reasons.get('/content/images/2021/03/map.png') ?? '', /JPEG, PNG, WebP, GIF or AVIF|not an image|type/i)
  assert.equal(await mediaCount(store), 0)
  const a = (await store.articles.get((await articleOf(store, id(1), server.url))!))!
  assert.equal(a.heroMediaId, null)
})

forEachDatabase('with --media-dir, images are read from a copy of wp-content/uploads: attachments and body images of a WordPress export', async (store, t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-uploads-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  await mkdir(path.join(dir, '2019', '03'), { recursive: true })
  await writeFile(path.join(dir, '2019', '03', 'photo-1.jpg'), await jpegImage(50, 40))
  const media = await mediaSetup(t, store, { mediaDir: dir })
  // WordPress 4.4+ writes the resized copies beside the image: they name the old site and must go with it.
  const text = fixtureText().replace('alt="Voters queue" width="300"', 'alt="Voters queue" srcset="https://old.example.org/wp-content/uploads/2019/03/photo-1-300x200.jpg 300w" sizes="(max-width: 300px) 100vw, 300px" width="300"')
  const report = await runImport(store, await tempFile(t, 'srcset.wxr', text), { media })
  assert.deepEqual(report.media, { imported: 1, reused: 0, failed: 0 })
  assert.equal(report.notImported['attachments (left remote)'], undefined, 'the attachment went into the library')
  const image = (await store.media.list({ text: '', limit: 5, offset: 0 })).items
  assert.equal(image.length, 1)
  const a = (await store.articles.get((await wpArticleOf(store, '10'))!))!
  assert.match(a.bodyHtml, new RegExp(`<img src="/media/${image[0]!.path.replace(/[.]/g, '\\.')}" alt="Voters queue"`))
  assert.doesNotMatch(a.bodyHtml, /old\.example\.org\/wp-content|srcset|sizes/)
})

test('an image address maps to its file under --media-dir, never outside it; Ghost\'s resized copies map to the original', () => {
  assert.equal(localFileOf('https://x.example/wp-content/uploads/2019/03/a%20b.jpg', '/m'), '/m/2019/03/a b.jpg')
  assert.equal(localFileOf('/content/images/size/w600/2021/03/x.jpg', '/m'), '/m/2021/03/x.jpg')
  assert.equal(localFileOf('https://x.example/wp-content/uploads/..%2F..%2Fetc/passwd', '/m'), null)
  assert.equal(localFileOf('https://x.example/images/x.jpg', '/m'), null)
})

/** The Ghost 5 export with `n` more published posts, each with a feature image of its own. */
function withManyImages(n: number, image: (i: number) => string): string {
  const data = (ghostExport(5) as { db: [{ data: { posts: Record<string, unknown>[] } }] }).db[0].data
  for (let i = 0; i < n; i++) {
    data.posts.push({ id: id(900 + i), uuid: `uuid-${i}`, title: `Extra ${i}`, slug: `extra-${i}`, html: '<p>x</p>', type: 'post', status: 'published',
      visibility: 'public', published_at: '2022-01-01T00:00:00.000Z', updated_at: '2022-01-01T00:00:00.000Z', feature_image: image(i) })
  }
  return JSON.stringify({ db: [{ meta: { version: '5.0.0' }, data }] })
}

forEachDatabase('images are fetched four at a time across articles, and one that never answers times out', async (store, t) => {
  let active = 0, most = 0
  const png = await pngImage(8, 8)
  const server = http.createServer((req, res) => {
    if (req.url === '/content/images/silent.png') return // never answers: the read timeout ends it
    active++
    most = Math.max(most, active)
    setTimeout(() => {
      active--
      res.writeHead(200, { 'content-type': 'image/png' }).end(png)
    }, 60)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.after(() => new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  }))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const text = withManyImages(12, (i) => (i === 5 ? '__GHOST_URL__/content/images/silent.png' : `__GHOST_URL__/content/images/extra-${i}.png`))
  const report = await runGhostImport(store, await ghostFile(t, text), { siteUrl: url, media: await mediaSetup(t, store, { readTimeoutMs: 1500 }) })
  assert.equal(report.articles.imported, 17)
  assert.equal(most, 4, 'never more than four at once, and as many as that')
  assert.deepEqual(report.mediaFailures.filter((f) => f.oldUrl.endsWith('silent.png')).map((f) => f.reason), ['no answer for 1500 ms'])
  assert.equal(report.media.imported, 11 + 3, JSON.stringify(report.mediaFailures))
})
