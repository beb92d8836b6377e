// Old Ghost addresses through the real web app on both engines: /slug/ and /p/<uuid>/ answer 301, pages answer at /<slug>.

import assert from 'node:assert/strict'
import { onBothEngines } from '../../support/both-engines.ts'
import { republish } from '../../support/editing.ts'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { jpegImage } from '../../support/images.ts'
import { ghostExport, ghostFile, id, SITE_URL, UUID } from './fixtures.ts'
import { articleOf, mediaSetup, runGhostImport } from './support.ts'

onBothEngines('old Ghost addresses answer 301 to the imported articles and page; a scheduled post\'s is 404 until it is live', async ({ app, store }, t) => {
  await runGhostImport(store, await ghostFile(t, 5))
  const follow = async (url: string) => {
    const res = await app.inject(url)
    return [res.statusCode, res.headers.location]
  }
  assert.deepEqual(await follow('/pipeline-deal/'), [301, '/pipeline-deal'])
  assert.deepEqual(await follow('/pipeline-deal'), [301, '/news/pipeline-deal'])
  assert.deepEqual(await follow(`/p/${UUID.pipeline}/`), [301, `/p/${UUID.pipeline}`])
  assert.deepEqual(await follow(`/p/${UUID.pipeline}`), [301, '/news/pipeline-deal'])
  assert.deepEqual(await follow(`/p/${UUID.about}`), [301, '/about'])
  const page = await app.inject('/news/pipeline-deal')
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /Pipeline deal signed/)
  assert.match(page.body, /2021-03-04T10:15/, 'the page shows the original publication time')
  const about = await app.inject('/about')
  assert.equal(about.statusCode, 200)
  assert.match(about.body, /We write about the steppe/)

  assert.equal((await app.inject('/coming-next-year')).statusCode, 404)
  await republish(store, (await articleOf(store, id(4)))!)
  assert.deepEqual(await follow('/coming-next-year'), [301, '/news/coming-next-year'])
})

onBothEngines('an imported article shows its fetched hero (even without alt text) and body image from /media/', async ({ app, store, config }, t) => {
  const jpeg = await jpegImage(120, 80)
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const text = JSON.stringify(ghostExport(3)).replaceAll(SITE_URL, url)
  const media = await mediaSetup(t, store, {}, path.join(config.dataDir, 'media'))
  const report = await runGhostImport(store, await ghostFile(t, text), { siteUrl: url, media })
  assert.equal(report.heroesWithoutAlt.length, 1)
  const page = await app.inject('/news/pipeline-deal')
  assert.equal(page.statusCode, 200)
  const srcs = [...page.body.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!)
  assert.ok(srcs.length >= 2 && srcs.every((s) => s.startsWith('/media/')), srcs.join(' '))
  const image = await app.inject(srcs[0]!)
  assert.equal(image.statusCode, 200)
  assert.equal(image.headers['content-type'], 'image/jpeg')
})
