// Hero images with variants: srcset on article pages and cards, the variants served with immutable caching, refusals as 413/415.

import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import { buildSiteApp } from '../../support/web.ts'
import { seedArticle, seedTaxonomy } from '../../support/seed.ts'
import { jpegImage, webpImage } from '../../support/images.ts'
import { makeDueVariants } from '../../../src/media/variant-queue.ts'
import { MediaError } from '../../../src/media/media-error.ts'
import { toProblem } from '../../../src/web/errors.ts'
import { AppError } from '../../../src/errors.ts'

/** Uploads made by the system (no desk account), as importers and seeds make them. */
const SYSTEM = { userId: null, role: 'admin' } as const

test('an article whose hero has variants renders a WebP srcset and sizes, once the job has made them', async (t) => {
  const { app, store, services, config, clock } = await buildSiteApp(t)
  await seedTaxonomy(store)
  const hero = await services.media.upload({ data: await jpegImage(2000, 1000), filename: 'hero.jpg', alt: 'Crowds at the polls', caption: 'Polling day' }, SYSTEM)
  await seedArticle(store, { title: 'Turnout is high', slug: 'turnout', heroMediaId: hero.id }, clock.now())
  const before = await app.inject('/news/turnout')
  assert.equal(before.statusCode, 200)
  assert.doesNotMatch(before.body, /srcset/)
  assert.match(before.body, new RegExp(`<img src="/media/${hero.path}" alt="Crowds at the polls" width="2000" height="1000" sizes="[^"]+" loading="eager"`))

  await makeDueVariants({ store, clock, mediaDir: path.join(config.dataDir, 'media') })
  const stem = `/media/${hero.path.replace(/\.jpg$/, '')}`
  const after = await app.inject('/news/turnout')
  const figure = /<figure class="hero">([\s\S]*?)<\/figure>/.exec(after.body)?.[1] ?? ''
  assert.match(figure, new RegExp(`^<picture><source type="image/webp" srcset="${stem}-480w.webp 480w, ${stem}-960w.webp 960w, ${stem}-1600w.webp 1600w" sizes="\\(min-width: 72rem\\) 72rem, 100vw">`))
  assert.match(figure, new RegExp(`<img src="/media/${hero.path}" srcset="${stem}-480w.jpg 480w, ${stem}-960w.jpg 960w, ${stem}-1600w.jpg 1600w, /media/${hero.path} 2000w" alt="Crowds at the polls" width="2000" height="1000"`))
  assert.match(figure, /<\/picture><figcaption>Polling day<\/figcaption>$/)

  const front = await app.inject('/')
  assert.match(front.body, new RegExp(`<source type="image/webp" srcset="${stem}-480w.webp 480w`))

  const variant = await app.inject(`${stem}-960w.webp`)
  assert.equal(variant.statusCode, 200)
  assert.equal(variant.headers['content-type'], 'image/webp')
  assert.equal(variant.headers['cache-control'], 'public, max-age=31536000, immutable')
  const jpeg = await app.inject(`${stem}-480w.jpg`)
  assert.deepEqual([jpeg.statusCode, jpeg.headers['content-type']], [200, 'image/jpeg'])
})

test('a WebP hero gets a plain srcset on its <img>, with no <picture>', async (t) => {
  const { app, store, services, config, clock } = await buildSiteApp(t)
  await seedTaxonomy(store)
  const hero = await services.media.upload({ data: await webpImage(1000, 500), filename: 'hero.webp', alt: 'A river' }, SYSTEM)
  await seedArticle(store, { title: 'River', slug: 'river', heroMediaId: hero.id }, clock.now())
  await makeDueVariants({ store, clock, mediaDir: path.join(config.dataDir, 'media') })
  const body = (await app.inject('/news/river')).body
  const stem = `/media/${hero.path.replace(/\.webp$/, '')}`
  assert.match(body, new RegExp(`<figure class="hero"><img src="/media/${hero.path}" srcset="${stem}-480w.webp 480w, ${stem}-960w.webp 960w, ${stem}-1000w.webp 1000w" alt="A river"`))
  assert.doesNotMatch(body, /<picture>/)
})

test('upload refusals map to 413 (bytes or pixels) and 415 (type), naming the file field; other media errors stay 400', () => {
  assert.deepEqual(toProblem(new MediaError('too-large', 'too big')), { status: 413, message: 'too big', field: 'file' })
  assert.equal(toProblem(new MediaError('too-many-pixels', 'too many')).status, 413)
  assert.equal(toProblem(new MediaError('unsupported-type', 'HEIC')).status, 415)
  assert.equal(toProblem(new AppError('Invalid', 'unreadable', 'file')).status, 400)
})

test('a missing variant under /media/ answers 404, and a path escaping the media root is refused', async (t) => {
  const { app } = await buildSiteApp(t)
  assert.equal((await app.inject('/media/2026/11/nothing-480w.webp')).statusCode, 404)
  assert.ok([400, 403, 404].includes((await app.inject('/media/..%2f..%2fbroadsheet.db')).statusCode))
})
