// Malformed uploads answer 400 on the desk and the Admin API and store nothing (src/web/multipart.ts).

import assert from 'node:assert/strict'
import { onBothEngines } from '../support/both-engines.ts'
import { cookieHeader, csrfOf, setupOwner } from '../support/desk.ts'
import { apiUser } from '../support/admin-api.ts'
import { pngImage } from '../support/images.ts'

const B = 'broadsheetBoundary'
const part = (disposition: string, body: string | Buffer, type = '') =>
  Buffer.concat([Buffer.from(`--${B}\r\nContent-Disposition: form-data; ${disposition}\r\n${type && `Content-Type: ${type}\r\n`}\r\n`), Buffer.from(body), Buffer.from('\r\n')])
const end = Buffer.from(`--${B}--\r\n`)

onBothEngines('a cut-short, boundless, nameless or NUL-holding upload answers 400 and stores nothing', async (a) => {
  const png = await pngImage()
  const owner = await setupOwner(a)
  const csrf = csrfOf((await a.app.inject({ url: '/desk/media', headers: { cookie: cookieHeader(owner) } })).body)
  const admin = await apiUser(a, 'admin')
  const bodies: Record<string, Buffer> = {
    'cut short in the file': Buffer.concat([part('name="file"; filename="a.png"', png, 'image/png')]).subarray(0, 60),
    'cut short after a field': Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nabc`),
    'no boundary at all': Buffer.from('not multipart at all'),
    'a file part without a name': Buffer.concat([part('filename="a.png"', png, 'image/png'), end]),
    'a NUL in the alt text': Buffer.concat([part('name="alt"', 'a\u0000b'), part('name="file"; filename="a.png"', png, 'image/png'), end]),
    'a NUL in the file name': Buffer.concat([part('name="file"; filename="a\u0000.png"', png, 'image/png'), end]),
    'a file part without a filename': Buffer.concat([part('name="file"', 'abc'), end]),
  }
  for (const [what, payload] of Object.entries(bodies)) {
    const headers = { 'content-type': `multipart/form-data; boundary=${B}` }
    const desk = await a.app.inject({ method: 'POST', url: `/desk/media?_csrf=${encodeURIComponent(csrf)}`, payload, headers: { ...headers, cookie: cookieHeader(owner) } })
    assert.equal(desk.statusCode, 400, `desk: ${what}: ${desk.body.slice(0, 200)}`)
    const viaApi = await a.app.inject({ method: 'POST', url: '/api/v1/admin/media', payload, headers: { ...headers, authorization: `Bearer ${admin.token}` } })
    assert.equal(viaApi.statusCode, 400, `api: ${what}: ${viaApi.body}`)
  }
  assert.equal((await a.services.media.list()).items.length, 0)
})
