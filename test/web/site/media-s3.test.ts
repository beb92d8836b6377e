// Media in an S3-compatible bucket (s3rver, an emulator) shared by two instances on one database: an upload through one
// is served by the other, variants are made once, and /media/ answers ranges, ETags and 304s from the bucket.

import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { test, type TestContext } from 'node:test'
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { loadConfig } from '../../../src/config.ts'
import { makeDueVariants } from '../../../src/media/variant-queue.ts'
import { openMediaStore } from '../../../src/media/storage/open.ts'
import { openStore } from '../../../src/store/store.ts'
import { apiUser, api } from '../../support/admin-api.ts'
import { buildTestApp, siteInstance, type TestApp } from '../../support/build-test-app.ts'
import { databaseOf, forEachEngine, scratchStore, type Engine } from '../../support/databases.ts'
import { jpegImage } from '../../support/images.ts'
import { tempDir } from '../../support/processes.ts'
import { startS3Emulator, type S3Emulator } from '../../support/s3.ts'

/** Two instances on one scratch database of `engine` and one emulated bucket. */
async function twoInstances(t: TestContext, engine: Engine): Promise<{ a: TestApp; b: TestApp; s3: S3Emulator; bucket: S3Client }> {
  const s3 = await startS3Emulator()
  t.after(() => s3.stop())
  const first = await scratchStore(t, engine)
  const second = await openStore(databaseOf(first), { poolSize: 4 })
  t.after(() => second.close())
  const bucket = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } })
  t.after(() => bucket.destroy())
  return { a: await siteInstance(t, first, s3.env), b: await siteInstance(t, second, s3.env), s3, bucket }
}

const BOUNDARY = '----broadsheet-s3'
const multipart = (data: Buffer, filename: string): Buffer => Buffer.concat([
  Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="alt"\r\n\r\nA harbour\r\n`),
  Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="${filename}"\r\ncontent-type: image/jpeg\r\n\r\n`),
  data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
])

const filesIn = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).map((e) => e.name)

forEachEngine('an image uploaded through one instance is stored in the bucket and served by the other, its variants made once', async (t, engine) => {
  const { a, b, s3, bucket } = await twoInstances(t, engine)
  const editor = await apiUser(a, 'editor')
  const res = await api(a, editor, {
    method: 'POST', url: '/api/v1/admin/media', payload: multipart(await jpegImage(1200, 800), 'Harbour at dawn.jpg'),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  })
  assert.equal(res.statusCode, 201, res.body)
  const { path: key, bytes } = (await a.services.media.list()).items[0]!
  // The path carries a hash of the bytes: a URL never serves other bytes.
  assert.match(key, /^\d{4}\/\d{2}\/[0-9a-f]{16}-harbour-at-dawn\.jpg$/)
  // In the bucket, under the prefix; nothing in either instance's DATA_DIR.
  const head = await bucket.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `media/${key}` }))
  assert.equal(head.ContentLength, bytes)
  assert.equal(head.ContentType, 'image/jpeg')
  assert.deepEqual([...await filesIn(a.config.dataDir), ...await filesIn(b.config.dataDir)].filter((f) => f.endsWith('.jpg')), [])

  const served = await b.app.inject(`/media/${key}`)
  assert.equal(served.statusCode, 200)
  assert.equal(served.headers['content-type'], 'image/jpeg')
  assert.equal(served.headers['cache-control'], 'public, max-age=31536000, immutable')
  assert.equal(served.headers['accept-ranges'], 'bytes')
  assert.equal(served.headers.etag, head.ETag)
  const stored = Buffer.from(await (await bucket.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `media/${key}` }))).Body!.transformToByteArray())
  assert.deepEqual(served.rawPayload, stored)

  // Both instances run the variants job at once: the database hands the image to one of them.
  const stores = [a, b].map((i) => openMediaStore(i.config.media.storage))
  t.after(() => stores.forEach((m) => m.close()))
  const runs = await Promise.all([a, b].map((i, n) => makeDueVariants({ store: i.store, clock: i.clock, mediaStore: stores[n]! })))
  assert.equal(runs[0]!.made + runs[1]!.made, 1)
  assert.equal(runs[0]!.failed + runs[1]!.failed, 0)
  const media = await b.services.media.get((await b.services.media.list()).items[0]!.id)
  assert.deepEqual(media.variants.map((v) => v.width).sort((x, y) => x - y), [480, 480, 960, 960, 1200, 1200])
  const webp = media.variants.find((v) => v.format === 'webp' && v.width === 960)!
  const variant = await a.app.inject(webp.url)
  assert.deepEqual([variant.statusCode, variant.headers['content-type'], variant.headers['cache-control']], [200, 'image/webp', 'public, max-age=31536000, immutable'])
  assert.equal(variant.rawPayload.length, webp.bytes)

  // Deleted through one instance: gone from the bucket, so the other answers 404.
  await a.services.media.remove(media.id)
  assert.equal((await b.app.inject(`/media/${key}`)).statusCode, 404)
  assert.equal((await b.app.inject(webp.url)).statusCode, 404)
})

/** Uploads through `a` and checks what `b` answers for it: ranges, ETags and 304s, HEAD, and 404s for what is no media path. */
async function checkServing(a: TestApp, b: TestApp): Promise<void> {
  const media = await a.services.media.upload({ data: await jpegImage(300, 200), filename: 'pier.jpg', alt: 'A pier' })
  const url = `/media/${media.path}`
  const whole = await b.app.inject(url)
  const etag = String(whole.headers.etag)
  assert.match(etag, /^"[^"]+"$/)

  const part = await b.app.inject({ url, headers: { range: 'bytes=10-109' } })
  assert.equal(part.statusCode, 206)
  assert.equal(part.headers['content-range'], `bytes 10-109/${media.bytes}`)
  assert.equal(part.headers['content-length'], '100')
  assert.deepEqual(part.rawPayload, whole.rawPayload.subarray(10, 110))
  const tail = await b.app.inject({ url, headers: { range: 'bytes=-16' } })
  assert.equal(tail.statusCode, 206)
  assert.deepEqual(tail.rawPayload, whole.rawPayload.subarray(media.bytes - 16))
  const past = await b.app.inject({ url, headers: { range: `bytes=${media.bytes}-` } })
  assert.deepEqual([past.statusCode, past.headers['content-range']], [416, `bytes */${media.bytes}`])
  // A range for other bytes than the client holds (If-Range names another ETag): the whole object.
  const stale = await b.app.inject({ url, headers: { range: 'bytes=0-9', 'if-range': '"other"' } })
  assert.deepEqual([stale.statusCode, stale.rawPayload.length], [200, media.bytes])

  const again = await b.app.inject({ url, headers: { 'if-none-match': etag } })
  assert.equal(again.statusCode, 304)
  assert.equal(again.body, '')
  assert.equal(again.headers.etag, etag)
  assert.equal((await b.app.inject({ url, headers: { 'if-none-match': '"something-else"' } })).statusCode, 200)

  const head = await b.app.inject({ method: 'HEAD', url })
  assert.deepEqual([head.statusCode, head.headers['content-length'], head.body], [200, String(media.bytes), ''])

  for (const bad of ['/media/..%2f..%2fbroadsheet.db', '/media/.readiness-probe-1', '/media/2026/11/nothing.jpg', '/media/a/../b.jpg']) {
    assert.equal((await b.app.inject(bad)).statusCode, 404, bad)
  }
  const ready = await b.app.inject('/readyz')
  assert.equal(ready.statusCode, 200, ready.body)
}

forEachEngine('/media/ from the bucket answers ranges, 304 for a known ETag, HEAD without a body, and 404 for what is no media path', async (t, engine) => {
  const { a, b } = await twoInstances(t, engine)
  await checkServing(a, b)
})

test('/media/ from the local folder (the default) answers the same way', async (t) => {
  const app = await buildTestApp(t)
  assert.equal(app.config.media.storage.kind, 'fs')
  await checkServing(app, app)
})

test('with MEDIA_PUBLIC_URL, /media/ redirects to the same key there, for good', async (t) => {
  const app = await buildTestApp(t, { env: { MEDIA_PUBLIC_URL: 'https://media.news.example/site/' } })
  const media = await app.services.media.upload({ data: await jpegImage(64, 48), filename: 'cat.jpg', alt: 'A cat' })
  const res = await app.app.inject(`/media/${media.path}`)
  assert.equal(res.statusCode, 301)
  assert.equal(res.headers.location, `https://media.news.example/site/${media.path}`)
  assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable')
  assert.equal((await app.app.inject('/media/../broadsheet.db')).statusCode, 404)
})

test('a bucket that cannot be reached makes an upload answer 503 and /readyz fail, and stores nothing', async (t) => {
  const s3 = await startS3Emulator()
  const app = await buildTestApp(t, { env: s3.env })
  await s3.stop()
  const editor = await apiUser(app, 'editor')
  const res = await api(app, editor, {
    method: 'POST', url: '/api/v1/admin/media', payload: multipart(await jpegImage(64, 48), 'x.jpg'),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  })
  assert.equal(res.statusCode, 503, res.body)
  assert.equal((await app.services.media.list()).items.length, 0)
  const ready = await app.app.inject('/readyz')
  assert.equal(ready.statusCode, 503)
  assert.match(ready.body, /"media":"the media storage cannot be reached just now/)
})

test('a streamed put larger than one part goes up in parts and reads back whole; a failed one leaves no object', async (t) => {
  const s3 = await startS3Emulator()
  t.after(() => s3.stop())
  const store = openMediaStore(loadConfig({ DATA_DIR: await tempDir(t), ...s3.env }).media.storage)
  t.after(() => store.close())
  const data = Buffer.alloc(12 * 1024 * 1024 + 5)
  for (let i = 0; i < data.length; i += 4096) data[i] = i % 251
  await store.put('2026/12/big.jpg', Readable.from([data.subarray(0, 7_000_000), data.subarray(7_000_000)]), { contentType: 'image/jpeg', size: data.length })
  assert.equal((await store.head('2026/12/big.jpg'))?.size, data.length)
  assert.ok((await store.read('2026/12/big.jpg'))!.equals(data))
  const failing = Readable.from((async function* () {
    yield data.subarray(0, 6 * 1024 * 1024)
    throw new Error('the upload was cut short')
  })())
  // s3rver refuses the abort of a multipart upload (MethodNotAllowed), and that error is the one that comes back.
  await assert.rejects(store.put('2026/12/cut.jpg', failing, { contentType: 'image/jpeg', size: data.length }))
  assert.equal(await store.head('2026/12/cut.jpg'), null)
})
