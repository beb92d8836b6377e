// Sending one webhook: the DNS guard against private addresses, and errors reported rather than thrown (src/jobs/webhook-sender.ts).

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { guardedLookup, postWebhook } from '../../src/jobs/webhook-sender.ts'

test('the lookup guard refuses a name that resolves to a loopback address', async () => {
  const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => guardedLookup('localhost', {}, (e) => resolve(e)))
  assert.equal(err?.code, 'EPRIVATEADDRESS')
  assert.match(err?.message ?? '', /^localhost resolves to the private address (127\.0\.0\.1|::1)$/)
})

test('literal private addresses and non-http URLs are refused without a connection', async () => {
  for (const [url, error] of [
    ['http://10.1.2.3/hook', 'refused: 10.1.2.3 is a private address'],
    ['http://169.254.169.254/latest/meta-data', 'refused: 169.254.169.254 is a private address'],
    ['http://[::1]:8080/hook', 'refused: [::1] is a private address'],
    ['ftp://files.example/hook', 'refused: ftp: is not http(s)'],
    ['not a url', 'the receiver URL is not valid'],
  ] as const) {
    const res = await postWebhook(url, '{}', {}, { timeoutMs: 1000, allowPrivate: false })
    assert.deepEqual(res, { statusCode: null, error, durationMs: 0 }, url)
  }
})

test('a refused connection is reported as an error with its code, not thrown', async () => {
  // Port 9 (discard) is closed on a test machine; with private addresses allowed the attempt is made and fails.
  const res = await postWebhook('http://127.0.0.1:9/hook', '{}', {}, { timeoutMs: 2000, allowPrivate: true })
  assert.equal(res.statusCode, null)
  assert.match(res.error ?? '', /^ECONNREFUSED/)
})
