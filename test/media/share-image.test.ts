// Share images on both engines: an article's og:image is a 1200×630 JPEG of its hero, cut around the focal point,
// for SVG heroes too; made once and kept; pages without a hero share the site's card; an unknown or undrawable image
// is a 404, never a 500.

import assert from 'node:assert/strict'
import { writeFile, mkdir, stat } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { forEachEngine } from '../support/databases.ts'
import { buildSiteApp, seedNewsroom } from '../support/web.ts'
import { jpegImage } from '../support/images.ts'
import { editArticle, republish } from '../support/editing.ts'
import { shareImagePath } from '../../src/media/share-image.ts'

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300"><rect width="200" height="300" fill="#0a7"/><rect x="200" width="200" height="300" fill="#e33"/></svg>'
const ogOf = (body: string, property: string) => new RegExp(`<meta property="${property}" content="([^"]*)">`).exec(body)?.[1]

forEachEngine('an article\'s og:image is a 1200×630 JPEG of its hero, raster or SVG, cut around the focal point and made once', async (t, engine) => {
  const a = await buildSiteApp(t, { engine })
  const news = await seedNewsroom(a.store)
  const mediaDir = path.join(a.config.dataDir, 'media')

  // A wide photo whose focal point is at its right edge.
  const photo = await a.services.media.upload({ data: await jpegImage(3000, 1000), filename: 'wide.jpg', alt: 'A wide steppe' }, { userId: null, role: 'admin' })
  await editArticle(a.store, news.lead, { heroMediaId: photo.id })
  await republish(a.store, news.lead)
  const page = (await a.app.inject('/news/election-results')).body
  assert.equal(ogOf(page, 'og:image'), `https://news.example/share/${photo.id}.jpg`)
  assert.deepEqual([ogOf(page, 'og:image:width'), ogOf(page, 'og:image:height'), ogOf(page, 'og:image:alt')], ['1200', '630', 'A wide steppe'])
  const first = await a.app.inject(`/share/${photo.id}.jpg`)
  assert.equal(first.statusCode, 200)
  assert.equal(first.headers['content-type'], 'image/jpeg')
  const meta = await sharp(first.rawPayload).metadata()
  assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1200, 630])
  const kept = await stat(path.join(mediaDir, shareImagePath(photo.path)))
  assert.equal((await a.app.inject(`/share/${photo.id}.jpg`)).rawPayload.equals(first.rawPayload), true, 'the kept file is served again')
  assert.equal((await stat(path.join(mediaDir, shareImagePath(photo.path)))).mtimeMs, kept.mtimeMs, 'not drawn twice')

  // An SVG illustration (4:3, green left half, red right half), drawn at the card's width: both halves show, undistorted.
  await mkdir(path.join(mediaDir, 'demo'), { recursive: true })
  await writeFile(path.join(mediaDir, 'demo', 'halves.svg'), SVG)
  const svg = await a.store.media.insert({ path: 'demo/halves.svg', mime: 'image/svg+xml', width: 400, height: 300, bytes: SVG.length, alt: 'Two halves', caption: '', credit: '', focalX: 1, focalY: 0.5, createdAt: 0, uploadedBy: null })
  const card = await a.app.inject(`/share/${svg}.jpg`)
  assert.equal(card.statusCode, 200)
  const { data, info } = await sharp(card.rawPayload).raw().toBuffer({ resolveWithObject: true })
  assert.deepEqual([info.width, info.height], [1200, 630])
  const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)]
  const [r, g] = pixel(1190, 315)
  assert.ok(r! > 180 && g! < 90, `the right edge is red, got ${pixel(1190, 315).join(',')}`)
  const [r2, g2] = pixel(5, 315)
  assert.ok(g2! > 100 && r2! < 60, `the left edge is green, got ${pixel(5, 315).join(',')}`)

  // A page without a hero of its own shares the site's card: the name on a 1200×630 JPEG, at a fingerprinted address.
  for (const url of ['/', '/news/gas-pipeline-talks', '/news']) {
    const body = (await a.app.inject(url)).body
    assert.match(ogOf(body, 'og:image') ?? '', /^https:\/\/news\.example\/share\/site\.[0-9a-f]{8}\.jpg$/, url)
    assert.equal(ogOf(body, 'og:image:width'), '1200', url)
  }
  const cardUrl = new URL(ogOf((await a.app.inject('/')).body, 'og:image')!).pathname
  const siteCard = await a.app.inject(cardUrl)
  assert.equal(siteCard.statusCode, 200)
  assert.deepEqual(await sharp(siteCard.rawPayload).metadata().then((m) => [m.format, m.width, m.height]), ['jpeg', 1200, 630])
  assert.equal((await a.app.inject('/share/site.00000000.jpg')).statusCode, 404, 'an outdated card is gone')

  // Nothing there, or nothing drawable: 404.
  assert.equal((await a.app.inject('/share/99999.jpg')).statusCode, 404)
  await writeFile(path.join(mediaDir, 'demo', 'broken.svg'), 'not an image')
  const broken = await a.store.media.insert({ path: 'demo/broken.svg', mime: 'image/svg+xml', width: 10, height: 10, bytes: 12, alt: 'x', caption: '', credit: '', focalX: 0.5, focalY: 0.5, createdAt: 0, uploadedBy: null })
  assert.equal((await a.app.inject(`/share/${broken}.jpg`)).statusCode, 404)
  assert.equal((await a.app.inject('/share/abc.jpg')).statusCode < 500, true)
})
