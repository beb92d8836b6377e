// The desk's media library: roles, uploads through multipart with the CSRF token, refusals, details, delete, metadata stripped.

import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { onBothEngines } from '../../support/both-engines.ts'
import { cookieHeader, csrfOf, postForm, setupOwner, userSession } from '../../support/desk.ts'
import { heicHeader, jpegImage, pngImage } from '../../support/images.ts'
import { seedArticle, seedTaxonomy } from '../../support/seed.ts'
import type { TestApp } from '../../support/build-test-app.ts'

/** Uploads made by the system (no desk account), as importers and seeds make them. */
const SYSTEM = { userId: null, role: 'admin' } as const

/** A multipart/form-data body of text fields and one file. */
function multipart(fields: Record<string, string>, file: { name: string; data: Buffer; type?: string } | null): { body: Buffer; type: string } {
  const boundary = '----broadsheet' + Math.random().toString(16).slice(2)
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`))
    parts.push(file.data, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` }
}

const get = (a: TestApp, url: string, cookies: Record<string, string>) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })

async function upload(a: TestApp, cookies: Record<string, string>, csrf: string | null, file: { name: string; data: Buffer } | null, fields: Record<string, string> = {}) {
  const { body, type } = multipart(fields, file)
  return a.app.inject({ method: 'POST', url: csrf === null ? '/desk/media' : `/desk/media?_csrf=${encodeURIComponent(csrf)}`, payload: body, headers: { 'content-type': type, cookie: cookieHeader(cookies) } })
}

const count = async (a: TestApp) => (await a.services.media.list({ perPage: 100 })).items.length

onBothEngines('an upload from the media page stores the image and lists it with a needs-alt-text badge', async (a) => {
  const owner = await setupOwner(a)
  const page = await get(a, '/desk/media', owner)
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /enctype="multipart\/form-data"/)
  const csrf = csrfOf(page.body)
  assert.ok(page.body.includes(`action="/desk/media?_csrf=${encodeURIComponent(csrf)}"`), 'the token travels in the action')
  const res = await upload(a, owner, csrf, { name: 'Vote count.jpg', data: await jpegImage(640, 480) }, { caption: 'Counting in Almaty', credit: 'A. Photographer' })
  assert.equal(res.statusCode, 303, res.body)
  assert.equal(res.headers.location, '/desk/media?done=uploaded')
  const after = await get(a, res.headers.location, owner)
  assert.match(after.body, /role="status">The image was uploaded/)
  assert.match(after.body, /Needs alt text/)
  const [m] = (await a.services.media.list()).items
  assert.equal(m?.caption, 'Counting in Almaty')
  assert.equal(m?.uploadedBy, (await a.store.users.byEmail('owner@news.example'))?.id, 'the uploader is recorded')
  assert.match(after.body, new RegExp(`data-media="${m!.id}"`))
  // With a header instead of the query string, too.
  const { body, type } = multipart({ alt: 'Ballot box' }, { name: 'b.png', data: await pngImage() })
  const viaHeader = await a.app.inject({ method: 'POST', url: '/desk/media', payload: body, headers: { 'content-type': type, 'x-csrf-token': csrf, cookie: cookieHeader(owner) } })
  assert.equal(viaHeader.statusCode, 303, viaHeader.body)
  assert.equal(await count(a), 2)
})

onBothEngines('an upload without a valid CSRF token is refused (403) and stores nothing', async (a) => {
  const owner = await setupOwner(a)
  const data = await jpegImage()
  assert.equal((await upload(a, owner, null, { name: 'x.jpg', data })).statusCode, 403)
  assert.equal((await upload(a, owner, 'forged-token', { name: 'x.jpg', data })).statusCode, 403)
  // A _csrf field inside the multipart body is not read before the check.
  const csrf = csrfOf((await get(a, '/desk/media', owner)).body)
  const { body, type } = multipart({ _csrf: csrf }, { name: 'x.jpg', data })
  const res = await a.app.inject({ method: 'POST', url: '/desk/media', payload: body, headers: { 'content-type': type, cookie: cookieHeader(owner) } })
  assert.equal(res.statusCode, 403)
  assert.equal(await count(a), 0)
})

onBothEngines('refused uploads: HEIC and text are 415, over 20 MiB is 413, no file is 400; nothing is stored', async (a) => {
  const owner = await setupOwner(a)
  const csrf = csrfOf((await get(a, '/desk/media', owner)).body)
  const heic = await upload(a, owner, csrf, { name: 'IMG_0001.HEIC', data: heicHeader() }, { alt: 'Kept alt' })
  assert.equal(heic.statusCode, 415)
  assert.match(heic.body, /HEIC/)
  assert.match(heic.body, /aria-invalid="true"/)
  assert.match(heic.body, /value="Kept alt"/, 'the text fields are filled back in')
  assert.equal((await upload(a, owner, csrf, { name: 'notes.txt', data: Buffer.from('plain text, not an image') })).statusCode, 415)
  const big = await upload(a, owner, csrf, { name: 'huge.jpg', data: Buffer.alloc(20 * 1024 * 1024 + 10, 0xff) })
  assert.equal(big.statusCode, 413)
  assert.match(big.body, /desk/i)
  assert.equal((await upload(a, owner, csrf, null, { alt: 'No file' })).statusCode, 400)
  assert.equal(await count(a), 0)
})

onBothEngines('media pages check roles: contributors upload but may not delete; logged-out visitors go to the login form', async (a) => {
  await setupOwner(a)
  const contributor = await userSession(a, 'contributor')
  const m = await a.services.media.upload({ data: await jpegImage(), filename: 'a.jpg', alt: 'A' }, SYSTEM)
  assert.equal((await get(a, '/desk/media', contributor.cookies)).statusCode, 200)
  const detail = await get(a, `/desk/media/${m.id}`, contributor.cookies)
  assert.equal(detail.statusCode, 200)
  assert.doesNotMatch(detail.body, /Delete image/)
  const csrf = csrfOf(detail.body)
  assert.equal((await postForm(a, `/desk/media/${m.id}/delete`, { _csrf: csrf }, contributor.cookies)).statusCode, 403)
  assert.equal(await count(a), 1)
  assert.equal((await a.app.inject(`/desk/media`)).statusCode, 303)
  assert.equal((await get(a, '/desk/media/999999', contributor.cookies)).statusCode, 404)
  assert.equal((await get(a, '/desk/media/abc', contributor.cookies)).statusCode, 400)
})

onBothEngines('editing details saves alt, caption, credit and focal point; a bad focal point is 400 at the field and changes nothing', async (a) => {
  const owner = await setupOwner(a)
  const m = await a.services.media.upload({ data: await jpegImage(), filename: 'a.jpg' }, SYSTEM)
  const csrf = csrfOf((await get(a, `/desk/media/${m.id}`, owner)).body)
  const form = { _csrf: csrf, alt: 'Observers at a polling station', caption: 'Election day', credit: 'Staff', focal_x: '0.25', focal_y: '0.75' }
  const ok = await postForm(a, `/desk/media/${m.id}`, form, owner)
  assert.equal(ok.statusCode, 303)
  assert.equal(ok.headers.location, `/desk/media/${m.id}?done=saved`)
  const saved = await a.services.media.get(m.id)
  assert.deepEqual([saved.alt, saved.caption, saved.credit, saved.focalX, saved.focalY], ['Observers at a polling station', 'Election day', 'Staff', 0.25, 0.75])
  const bad = await postForm(a, `/desk/media/${m.id}`, { ...form, alt: 'Changed', focal_x: '2' }, owner)
  assert.equal(bad.statusCode, 400)
  assert.match(bad.body, /id="media-focal_x-error"/)
  assert.equal((await a.services.media.get(m.id)).alt, 'Observers at a polling station')
  const noCsrf = await postForm(a, `/desk/media/${m.id}`, { ...form, _csrf: '' }, owner)
  assert.equal(noCsrf.statusCode, 403)
})

onBothEngines('deleting an image in use answers 409 with where it is used; an unused one is deleted', async (a) => {
  await seedTaxonomy(a.store)
  const owner = await setupOwner(a)
  const used = await a.services.media.upload({ data: await jpegImage(600, 400), filename: 'hero.jpg', alt: 'Hero' }, SYSTEM)
  await seedArticle(a.store, { title: 'With a hero', heroMediaId: used.id })
  const unused = await a.services.media.upload({ data: await jpegImage(), filename: 'b.jpg', alt: 'B' }, SYSTEM)
  const csrf = csrfOf((await get(a, `/desk/media/${used.id}`, owner)).body)
  const refused = await postForm(a, `/desk/media/${used.id}/delete`, { _csrf: csrf }, owner)
  assert.equal(refused.statusCode, 409)
  assert.match(refused.body, /in use \(the hero image of 1 article\)/)
  assert.equal(await count(a), 2)
  const gone = await postForm(a, `/desk/media/${unused.id}/delete`, { _csrf: csrf }, owner)
  assert.equal(gone.statusCode, 303)
  assert.equal((await a.store.media.get(unused.id)), undefined)
})

onBothEngines('uploaded photos lose their EXIF: the stored original and the served file carry none', async (a) => {
  const owner = await setupOwner(a)
  const data = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#456' } })
    .withExif({ IFD0: { Copyright: 'Photographer', Make: 'Camera' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 15/1 0/1' } }).jpeg().toBuffer()
  assert.ok((await sharp(data).metadata()).exif, 'the test photo has EXIF')
  const csrf = csrfOf((await get(a, '/desk/media', owner)).body)
  assert.equal((await upload(a, owner, csrf, { name: 'gps.jpg', data }, { alt: 'Square' })).statusCode, 303)
  const [m] = (await a.services.media.list()).items
  const stored = await readFile(path.join(a.config.dataDir, 'media', ...m!.path.split('/')))
  const meta = await sharp(stored).metadata()
  assert.equal(meta.format, 'jpeg')
  assert.equal(meta.exif, undefined)
  assert.equal(stored.includes(Buffer.from('Photographer')), false)
  assert.equal(m!.bytes, stored.length)
  const served = await a.app.inject(`/media/${m!.path}`)
  assert.equal(served.statusCode, 200)
  assert.equal((await sharp(served.rawPayload).metadata()).exif, undefined)
})
