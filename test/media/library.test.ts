// The media library on both engines: uploads, variants made by the job, details, delete while in use, paging.

import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestContext } from 'node:test'
import sharp from 'sharp'
import { forEachDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { createMediaLibrary } from '../../src/media/library.ts'
import { makeDueVariants, MAX_ATTEMPTS } from '../../src/media/variant-queue.ts'
import { isMediaError } from '../../src/media/media-error.ts'
import { isAppError } from '../../src/errors.ts'
import type { Store } from '../../src/store/store.ts'
import { animatedGif, animatedWebp, avifImage, heicHeader, jpegImage, pngDeclaring, pngImage } from '../support/images.ts'

/** Uploads made by the system (no desk account), as importers and seeds make them. */
const SYSTEM = { userId: null, role: 'admin' } as const

async function setup(store: Store, t: TestContext) {
  const mediaDir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-media-'))
  t.after(() => rm(mediaDir, { recursive: true, force: true }))
  const clock = fixedClock()
  const library = createMediaLibrary({ store, clock, mediaDir })
  const runJob = () => makeDueVariants({ store, clock, mediaDir })
  return { mediaDir, clock, library, runJob, file: (p: string) => path.join(mediaDir, p) }
}

const count = async (store: Store) => (await store.media.list({ text: '', limit: 100, offset: 0 })).items.length

forEachDatabase('an upload stores the original under yyyy/mm with a safe name, records it and queues its variants', async (store, t) => {
  const { library, file } = await setup(store, t)
  const data = await jpegImage(64, 48)
  const m = await library.upload({ data, filename: '../../Élection Day (1).PNG', alt: ' Voters queue ' }, SYSTEM)
  assert.match(m.path, /^2026\/11\/[0-9a-f]{16}-election-day-1\.jpg$/)
  assert.deepEqual([m.mime, m.width, m.height, m.bytes, m.alt, m.variants.length], ['image/jpeg', 64, 48, data.length, 'Voters queue', 0])
  assert.deepEqual(await readFile(file(m.path)), data)
  assert.equal((await store.media.variantTask(m.id))?.status, 'pending')
})

forEachDatabase('refused uploads (too large, wrong type, HEIC, too many pixels) leave no record and no file', async (store, t) => {
  const { library, mediaDir } = await setup(store, t)
  const refused = async (data: Buffer, refusal: string) =>
    assert.rejects(library.upload({ data, filename: 'photo.jpg' }, SYSTEM), (err) => isMediaError(err) && err.refusal === refusal)
  await refused(Buffer.alloc(21 * 1024 * 1024, 0xff), 'too-large')
  await refused(Buffer.from('not an image at all'), 'unsupported-type')
  await refused(heicHeader(), 'unsupported-type')
  await refused(pngDeclaring(10_000, 10_000), 'too-many-pixels')
  await assert.rejects(library.upload({ data: Buffer.alloc(0), filename: 'x.jpg' }, SYSTEM), (err) => isAppError(err) && err.field === 'file')
  await assert.rejects(library.upload({ data: await pngImage(), filename: 'x.png', alt: 'a'.repeat(1001) }, SYSTEM), (err) => isAppError(err) && err.field === 'alt')
  assert.equal(await count(store), 0)
  assert.deepEqual((await readdir(mediaDir, { recursive: true })).filter((f) => f.includes('.')), [])
})

forEachDatabase('the job makes 480, 960 and 1600 px variants in WebP and JPEG and takes the image off the queue', async (store, t) => {
  const { library, runJob, file } = await setup(store, t)
  const m = await library.upload({ data: await jpegImage(2000, 1000), filename: 'wide.jpg', alt: 'Wide' }, SYSTEM)
  assert.deepEqual(await runJob(), { made: 1, failed: 0, files: 6 })
  const got = await library.get(m.id)
  assert.deepEqual(got.variants.map((v) => `${v.format} ${v.width}x${v.height}`), ['jpeg 480x240', 'jpeg 960x480', 'jpeg 1600x800', 'webp 480x240', 'webp 960x480', 'webp 1600x800'])
  for (const v of got.variants) {
    const meta = await sharp(await readFile(file(v.url.slice('/media/'.length)))).metadata()
    assert.deepEqual([meta.format, meta.width, v.bytes > 0], [v.format, v.width, true])
  }
  assert.match(got.variants[0]!.url, new RegExp(`^/media/${m.path.replace('.jpg', '')}-480w\\.jpg$`))
  assert.equal(await store.media.variantTask(m.id), undefined)
  assert.deepEqual(await runJob(), { made: 0, failed: 0, files: 0 })
})

forEachDatabase('variants never upscale: a 300 px PNG gets one WebP and one PNG at 300 px', async (store, t) => {
  const { library, runJob } = await setup(store, t)
  const m = await library.upload({ data: await pngImage(300, 200), filename: 'small.png' }, SYSTEM)
  await runJob()
  assert.deepEqual((await library.get(m.id)).variants.map((v) => `${v.format} ${v.width}`), ['png 300', 'webp 300'])
})

forEachDatabase('an animated GIF or WebP stays animated in its variants; an AVIF gets WebP variants only', async (store, t) => {
  const { library, runJob, file } = await setup(store, t)
  const gif = await library.upload({ data: await animatedGif(600, 300, 3), filename: 'anim.gif' }, SYSTEM)
  const avif = await library.upload({ data: await avifImage(1000, 500), filename: 'photo.avif' }, SYSTEM)
  assert.deepEqual(await runJob(), { made: 2, failed: 0, files: 7 })
  const g = await library.get(gif.id)
  assert.deepEqual(g.variants.map((v) => `${v.format} ${v.width}x${v.height}`), ['gif 480x240', 'gif 600x300', 'webp 480x240', 'webp 600x300'])
  for (const v of g.variants) assert.equal((await sharp(await readFile(file(v.url.slice(7)))).metadata()).pages, 3, v.url)
  assert.deepEqual((await library.get(avif.id)).variants.map((v) => `${v.format} ${v.width}`), ['webp 480', 'webp 960', 'webp 1000'])
  const webp = await library.upload({ data: await animatedWebp(500, 250, 4), filename: 'anim.webp' }, SYSTEM)
  await runJob()
  const w = await library.get(webp.id)
  assert.deepEqual(w.variants.map((v) => `${v.format} ${v.width}x${v.height}`), ['webp 480x240', 'webp 500x250'])
  for (const v of w.variants) assert.equal((await sharp(await readFile(file(v.url.slice(7)))).metadata()).pages, 4, v.url)
})

forEachDatabase('a variant that cannot be made is retried later, then given up on after five tries', async (store, t) => {
  const { library, runJob, file, clock } = await setup(store, t)
  const m = await library.upload({ data: await jpegImage(100, 100), filename: 'gone.jpg' }, SYSTEM)
  await rm(file(m.path))
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    assert.deepEqual(await runJob(), { made: 0, failed: 1, files: 0 })
    assert.equal((await runJob()).failed, 0, 'not due again at once')
    clock.set(clock.now() + 24 * 3_600_000)
  }
  const task = await store.media.variantTask(m.id)
  assert.deepEqual([task?.status, task?.attempts], ['failed', MAX_ATTEMPTS])
  assert.match(task?.lastError ?? '', /missing from the media store/)
})

forEachDatabase('an image used as a hero, in a body or as an author photo cannot be deleted; an unused one is, with its files', async (store, t) => {
  const { library, runJob, file } = await setup(store, t)
  await seedTaxonomy(store)
  const hero = await library.upload({ data: await jpegImage(600, 400), filename: 'hero.jpg', alt: 'A hero' }, SYSTEM)
  const inBody = await library.upload({ data: await jpegImage(600, 400), filename: 'figure.jpg', alt: 'A figure' }, SYSTEM)
  const byId = await library.upload({ data: await pngImage(), filename: 'by-id.png', alt: 'By id' }, SYSTEM)
  const photo = await library.upload({ data: await pngImage(), filename: 'face.png', alt: 'A face' }, SYSTEM)
  const unused = await library.upload({ data: await jpegImage(600, 400), filename: 'unused.jpg' }, SYSTEM)
  await runJob()
  await runJob()
  const variantUrl = (await library.get(inBody.id)).variants[0]!.url
  await seedArticle(store, { heroMediaId: hero.id })
  await seedArticle(store, { draft: true, bodyHtml: `<figure><img src="${variantUrl}" alt="A figure"></figure>` })
  await seedArticle(store, { bodyHtml: `<p><img src="/media/elsewhere.png" alt="x" data-media-id="${byId.id}"></p>` })
  await store.transaction((tx) => tx.people.insertAuthor({ slug: 'face', name: 'Face', bio: '', kind: 'staff', photoMediaId: photo.id }))
  for (const [m, what] of [[hero, /hero image of 1 article/], [inBody, /text of 1 article/], [byId, /text of 1 article/], [photo, /photo of 1 author/]] as const) {
    await assert.rejects(library.remove(m.id), (err) => isAppError(err) && err.kind === 'Conflict' && what.test(err.message))
  }
  const files = [unused.path, ...(await library.get(unused.id)).variants.map((v) => v.url.slice(7))]
  assert.equal(files.length, 5)
  await library.remove(unused.id)
  await assert.rejects(library.get(unused.id), (err) => isAppError(err) && err.kind === 'NotFound')
  for (const f of files) await assert.rejects(stat(file(f)), /ENOENT/)
  await assert.rejects(library.remove(unused.id), (err) => isAppError(err) && err.kind === 'NotFound')
  assert.equal(await count(store), 4)
})

forEachDatabase('alt, caption, credit and focal point are checked; alt cannot be cleared while the image is a hero', async (store, t) => {
  const { library } = await setup(store, t)
  await seedTaxonomy(store)
  const m = await library.upload({ data: await pngImage(), filename: 'p.png' }, SYSTEM)
  await assert.rejects(seedArticle(store, { heroMediaId: m.id }), /needs alt text/)
  const described = await library.describe(m.id, { alt: '  Protesters in Almaty ', caption: 'Square', credit: 'Photo: A. B.', focalX: '0.25', focalY: 1 }, { userId: null, role: 'editor' })
  assert.deepEqual([described.alt, described.caption, described.credit, described.focalX, described.focalY], ['Protesters in Almaty', 'Square', 'Photo: A. B.', 0.25, 1])
  await seedArticle(store, { heroMediaId: m.id })
  await assert.rejects(library.describe(m.id, { alt: ' ' }, { userId: null, role: 'editor' }), (err) => isAppError(err) && err.field === 'alt' && /required/.test(err.message))
  for (const [input, field] of [[{ focalX: 1.5 }, 'focal_x'], [{ focalY: 'left' }, 'focal_y'], [{ focalX: Number.NaN }, 'focal_x'], [{ caption: 42 }, 'caption'], [{ credit: 'c'.repeat(301) }, 'credit']] as const) {
    await assert.rejects(library.describe(m.id, input, { userId: null, role: 'editor' }), (err) => isAppError(err) && err.kind === 'Invalid' && err.field === field, field)
  }
  await assert.rejects(library.describe(999_999, { alt: 'x' }, { userId: null, role: 'editor' }), (err) => isAppError(err) && err.kind === 'NotFound')
})

forEachDatabase('the library lists newest first, a page at a time, filtered by text in alt, caption, credit or name', async (store, t) => {
  const { library, clock } = await setup(store, t)
  const png = await pngImage(8, 8)
  for (let i = 1; i <= 7; i++) {
    clock.set(clock.now() + 1000)
    await library.upload({ data: png, filename: `photo-${i}.png`, alt: i % 2 ? `Odd_%${i}` : `Even ${i}`, credit: i === 4 ? 'Reuters' : '' }, SYSTEM)
  }
  const first = await library.list({ perPage: 3 })
  assert.deepEqual(first.items.map((m) => m.alt), ['Odd_%7', 'Even 6', 'Odd_%5'])
  assert.equal(first.hasNext, true)
  const last = await library.list({ page: 3, perPage: 3 })
  assert.deepEqual([last.items.map((m) => m.alt), last.hasNext], [['Odd_%1'], false])
  assert.deepEqual((await library.list({ text: 'even' })).items.map((m) => m.alt), ['Even 6', 'Even 4', 'Even 2'])
  assert.deepEqual((await library.list({ text: '_%3' })).items.map((m) => m.alt), ['Odd_%3'])
  assert.deepEqual((await library.list({ text: 'REUTERS' })).items.map((m) => m.alt), ['Even 4'])
  assert.deepEqual((await library.list({ text: 'photo-5' })).items.map((m) => m.alt), ['Odd_%5'])
  assert.deepEqual((await library.list({ text: '%' })).items.length, 4)
  for (const [q, field] of [[{ page: 0 }, 'page'], [{ page: 1.5 }, 'page'], [{ perPage: 101 }, 'per_page'], [{ text: 'x'.repeat(201) }, 'q']] as const) {
    await assert.rejects(library.list(q), (err) => isAppError(err) && err.field === field)
  }
})
