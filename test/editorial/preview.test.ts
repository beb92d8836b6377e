// Signed preview links: valid, expired, tampered (src/editorial/preview.ts).

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { previewToken, verifyPreview } from '../../src/editorial/preview.ts'

const SECRET = 'ab'.repeat(32)
const NOW = Date.UTC(2026, 10, 27, 9)

const parse = (url: string) => {
  const u = new URL(url, 'https://news.example')
  return { id: u.pathname.split('/')[2], v: u.searchParams.get('v') ?? undefined, exp: u.searchParams.get('exp') ?? undefined, sig: u.searchParams.get('sig') ?? undefined }
}

test('a preview link names the article, version and expiry, and verifies until it expires', () => {
  const url = previewToken(42, 7, SECRET, NOW + 60_000)
  assert.match(url, /^\/preview\/42\?v=7&exp=\d+&sig=[0-9a-f]{64}$/)
  assert.deepEqual(verifyPreview(parse(url), SECRET, NOW), { articleId: 42, version: 7 })
  assert.equal(verifyPreview(parse(url), SECRET, NOW + 60_000), null, 'expired at its expiry time')
})

test('a tampered id, version, expiry or signature, or another secret, does not verify', () => {
  const q = parse(previewToken(42, 7, SECRET, NOW + 60_000))
  assert.equal(verifyPreview({ ...q, id: '43' }, SECRET, NOW), null)
  assert.equal(verifyPreview({ ...q, v: '8' }, SECRET, NOW), null)
  assert.equal(verifyPreview({ ...q, exp: String(NOW + 3_600_000) }, SECRET, NOW), null)
  assert.equal(verifyPreview({ ...q, sig: `${q.sig!.slice(0, 63)}${q.sig!.endsWith('0') ? '1' : '0'}` }, SECRET, NOW), null)
  assert.equal(verifyPreview(q, 'cd'.repeat(32), NOW), null)
})

test('malformed preview parameters are refused, never thrown on', () => {
  const q = parse(previewToken(42, 7, SECRET, NOW + 60_000))
  for (const bad of [
    { ...q, sig: undefined }, { ...q, sig: 'zz' }, { ...q, sig: q.sig!.toUpperCase() }, { ...q, sig: ['a', 'b'] }, { ...q, v: '-1' },
    { ...q, v: '1.5' }, { ...q, exp: 'tomorrow' }, { ...q, id: '0' }, { ...q, id: '99999999999999999999' }, { id: undefined, v: undefined, exp: undefined, sig: undefined },
  ]) assert.equal(verifyPreview(bad, SECRET, NOW), null, JSON.stringify(bad))
})
