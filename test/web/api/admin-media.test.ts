// The Admin API's media: multipart uploads checked from the bytes (201, 415, 413), alt text and credits, the list, and hero images.

import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { OPENAPI } from '../../../src/web/api/openapi.ts'
import { documentValidator } from '../../support/openapi.ts'
import { api, apiNewsroom, createViaApi, forEachEngine, ROLES, type ApiUser } from '../../support/admin-api.ts'
import { pngImage } from '../../support/images.ts'
import type { TestApp } from '../../support/build-test-app.ts'

const MEDIA = '/api/v1/admin/media'
const BOUNDARY = '----broadsheet-test-boundary'

/** A multipart/form-data body: text fields, then (optionally) one file. */
function multipart(fields: Record<string, string>, file?: { name?: string; filename: string; type: string; data: Buffer }): Buffer {
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  }
  if (file) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file.name ?? 'file'}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`))
    parts.push(file.data, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`))
  return Buffer.concat(parts)
}

const check = documentValidator(OPENAPI)

const upload = (a: TestApp, user: ApiUser | null, body: Buffer) =>
  api(a, user, { method: 'POST', url: MEDIA, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } })

forEachEngine('every role uploads a PNG: 201 with Location and the image JSON; the list shows it, newest first', async (a) => {
  const n = await apiNewsroom(a)
  const png = await pngImage(120, 80)
  const ids: number[] = []
  for (const role of ROLES) {
    const res = await upload(a, n.users[role], multipart({ alt: `Map drawn by the ${role}`, caption: 'The pipeline route', credit: 'Newsroom' }, { filename: 'Pipeline Map.png', type: 'image/png', data: png }))
    assert.equal(res.statusCode, 201, res.body)
    check(MEDIA, 'post', res)
    const body = res.json()
    assert.equal(res.headers.location, `${MEDIA}/${body.id}`)
    assert.equal(res.headers['cache-control'], 'no-store')
    assert.deepEqual([body.mime, body.width, body.height, body.bytes, body.alt, body.caption, body.credit], ['image/png', 120, 80, png.length, `Map drawn by the ${role}`, 'The pipeline route', 'Newsroom'])
    assert.match(body.url, /^https:\/\/news\.example\/media\/\d{4}\/\d{2}\/[0-9a-f]{16}(?:-[0-9a-f]+)?-pipeline-map\.png$/)
    const file = await a.app.inject(new URL(body.url).pathname)
    assert.equal(file.statusCode, 200)
    assert.equal(file.rawPayload.length, png.length)
    ids.push(body.id)
    assert.equal((await a.services.media.get(body.id)).uploadedBy, n.users[role].id, 'the uploader is recorded')
  }
  const list = await api(a, n.users.contributor, { url: `${MEDIA}?per_page=3` })
  assert.equal(list.statusCode, 200)
  check(MEDIA, 'get', list)
  assert.deepEqual(list.json().items.map((m: { id: number }) => m.id), ids.slice(1).reverse())
  assert.equal(list.json().has_next, true)
  assert.deepEqual((await api(a, n.users.contributor, { url: `${MEDIA}?page=2&per_page=3` })).json().items.map((m: { id: number }) => m.id), [ids[0]])
  assert.equal((await api(a, n.users.editor, { url: `${MEDIA}/${ids[0]}` })).json().alt, 'Map drawn by the contributor')
  assert.equal((await api(a, n.users.editor, { url: `${MEDIA}/99999` })).statusCode, 404)
  const bad = await api(a, n.users.editor, { url: `${MEDIA}?per_page=0` })
  assert.deepEqual([bad.statusCode, bad.json().error.field], [400, 'per_page'])
})

forEachEngine('a text file answers 415, more than 20 MiB answers 413, no file or an unknown field 400, and nothing is stored', async (a) => {
  const n = await apiNewsroom(a)
  const text = await upload(a, n.users.author, multipart({ alt: 'Not an image' }, { filename: 'notes.png', type: 'image/png', data: Buffer.from('just some text, not an image at all\n') }))
  assert.equal(text.statusCode, 415, text.body)
  assert.equal(text.json().error.field, 'file')
  check(MEDIA, 'post', text)
  const big = Buffer.concat([await pngImage(), Buffer.alloc(20 * 1024 * 1024 + 10)])
  const tooLarge = await upload(a, n.users.author, multipart({}, { filename: 'huge.png', type: 'image/png', data: big }))
  assert.equal(tooLarge.statusCode, 413, tooLarge.body)
  check(MEDIA, 'post', tooLarge)
  const none = await upload(a, n.users.author, multipart({ alt: 'Nothing attached' }))
  assert.deepEqual([none.statusCode, none.json().error.field], [400, 'file'])
  const unknown = await upload(a, n.users.author, multipart({ colour: 'red' }, { filename: 'a.png', type: 'image/png', data: await pngImage() }))
  assert.deepEqual([unknown.statusCode, unknown.json().error.field], [400, 'colour'])
  const asJson = await api(a, n.users.author, { method: 'POST', url: MEDIA, payload: { file: 'aGVsbG8=' } })
  assert.equal(asJson.statusCode, 415)
  assert.equal(asJson.headers['cache-control'], 'no-store')
  assert.deepEqual((await api(a, n.users.author, { url: MEDIA })).json().items, [])
  assert.equal((await upload(a, null, multipart({}, { filename: 'a.png', type: 'image/png', data: await pngImage() }))).statusCode, 401)
})

forEachEngine('an uploaded image with alt text becomes an article\'s hero_media', async (a) => {
  const n = await apiNewsroom(a)
  const withAlt = (await upload(a, n.users.author, multipart({ alt: 'A pipeline' }, { filename: 'p.png', type: 'image/png', data: await pngImage() }))).json()
  const noAlt = (await upload(a, n.users.author, multipart({}, { filename: 'q.png', type: 'image/png', data: await pngImage() }))).json()
  const article = await createViaApi(a, n.users.author, { hero_media: withAlt.id })
  assert.equal(article.hero_media, withAlt.id)
  const res = await api(a, n.users.author, { method: 'POST', url: '/api/v1/admin/articles', payload: { title: 'No alt', section: 'news', hero_media: noAlt.id } })
  assert.deepEqual([res.statusCode, res.json().error.field], [400, 'hero_media'])
  assert.match(res.json().error.message, new RegExp(`needs alt text.*image ${noAlt.id} in the media library`))
  // An imported article (it names its origin) may use it, as the importers' may; the answer says what to fix.
  const imported = await api(a, n.users.author, { method: 'POST', url: '/api/v1/admin/articles', payload: { title: 'Imported', section: 'news', hero_media: noAlt.id, origin: 'ghost:https://steppe.example:abc' } })
  assert.equal(imported.statusCode, 201, imported.body)
  check('/api/v1/admin/articles', 'post', imported)
  assert.equal(imported.json().hero_media, noAlt.id)
  assert.deepEqual(imported.json().notes, [`the hero image (media ${noAlt.id}) has no alt text; add it (PATCH /api/v1/admin/media/${noAlt.id})`])
  assert.equal(article.notes, undefined, 'a hero with alt text leaves nothing to note')
})

/** What uploads left in DATA_DIR/tmp, where they pass through on their way to the media store. */
const leftInTmp = async (a: TestApp): Promise<string[]> => readdir(path.join(a.config.dataDir, 'tmp'))

forEachEngine('uploads leave nothing in DATA_DIR/tmp: stored, refused (413, 415), or cut short mid-file (400)', async (a) => {
  const n = await apiNewsroom(a)
  const photo = await sharp(await pngImage(64, 48)).withExif({ IFD0: { Make: 'Camera' } }).jpeg().toBuffer()
  const stored = await upload(a, n.users.author, multipart({ alt: 'After the file' }, { filename: 'camera.jpg', type: 'image/jpeg', data: photo }))
  assert.equal(stored.statusCode, 201, stored.body)
  assert.equal(stored.json().width, 64)
  assert.equal((await sharp((await a.app.inject(new URL(stored.json().url).pathname)).rawPayload).metadata()).exif, undefined, 'stored without its EXIF')
  const big = Buffer.concat([await pngImage(), Buffer.alloc(20 * 1024 * 1024 + 10)])
  const tooLarge = await upload(a, n.users.author, multipart({}, { filename: 'huge.png', type: 'image/png', data: big }))
  assert.deepEqual([tooLarge.statusCode, tooLarge.json().error.field], [413, 'file'])
  const text = await upload(a, n.users.author, multipart({}, { filename: 'notes.png', type: 'image/png', data: Buffer.from('not an image') }))
  assert.equal(text.statusCode, 415)
  // The request ends inside the file: no closing boundary ever comes.
  const whole = multipart({ alt: 'Cut short' }, { filename: 'cut.png', type: 'image/png', data: Buffer.alloc(2 * 1024 * 1024, 7) })
  const cut = await upload(a, n.users.author, whole.subarray(0, 1024 * 1024))
  assert.equal(cut.statusCode, 400, cut.body)
  assert.deepEqual(await leftInTmp(a), [])
  assert.equal((await api(a, n.users.author, { url: MEDIA })).json().items.length, 1)
})
