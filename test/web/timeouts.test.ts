// Slow senders are cut: a body or headers sent a byte at a time get 408 and a closed connection within REQUEST_TIMEOUT_S.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { buildSiteApp } from '../support/web.ts'

interface SlowResult { readonly closedAfterMs: number; readonly response: string }

/**
 * Opens a raw connection, writes `head` at once, then `drip` one byte every `everyMs`; resolves when the server closes
 * the connection, or rejects after `giveUpMs` with the connection still open (the server never cut it).
 */
function slowSender(port: number, head: string, drip: string, everyMs: number, giveUpMs: number): Promise<SlowResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const socket = net.connect(port, '127.0.0.1')
    let response = ''
    let i = 0
    const timer = setInterval(() => {
      if (i < drip.length && socket.writable) socket.write(drip[i++]!)
    }, everyMs)
    const giveUp = setTimeout(() => {
      clearInterval(timer)
      socket.destroy()
      reject(new Error(`the connection was still open after ${giveUpMs} ms; ${i} bytes dripped`))
    }, giveUpMs)
    socket.on('data', (chunk) => { response += String(chunk) })
    socket.on('error', () => {})
    socket.on('close', () => {
      clearInterval(timer)
      clearTimeout(giveUp)
      resolve({ closedAfterMs: Date.now() - started, response })
    })
    socket.write(head)
  })
}

test('slow bodies and slow headers are answered 408 and closed within the request timeout; other requests still answer', async (t) => {
  const { app } = await buildSiteApp(t, { env: { REQUEST_TIMEOUT_S: '1' } })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const body = JSON.stringify({ path: '/news/election-results' }).padEnd(200, ' ')
  const bodyHead = `POST /api/v1/views HTTP/1.1\r\nHost: news.example\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`
  const slow = [
    ...Array.from({ length: 5 }, () => slowSender(port, bodyHead, body, 100, 6000)),
    slowSender(port, 'GET / HTTP/1.1\r\n', 'Host: news.example\r\nX-Slow: ' + 'a'.repeat(100), 100, 6000),
  ]
  // While they drip, an ordinary request is answered.
  const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
  assert.equal(ok.status, 200)
  for (const result of await Promise.all(slow)) {
    // 1 s allowed, checked every 250 ms: cut by about 1.25 s; 3 s leaves room for a loaded machine.
    assert.ok(result.closedAfterMs < 3000, `closed after ${result.closedAfterMs} ms`)
    assert.ok(result.closedAfterMs >= 900, `not before the timeout: ${result.closedAfterMs} ms`)
    assert.match(result.response, /^HTTP\/1\.1 408 /)
  }
  const after = await fetch(`http://127.0.0.1:${port}/healthz`)
  assert.equal(after.status, 200)
})

test('a request sent at ordinary speed is not cut by the timeout', async (t) => {
  const { app } = await buildSiteApp(t, { env: { REQUEST_TIMEOUT_S: '1' } })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/views`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '/news/x' }) })
  assert.ok(res.status < 500 && res.status !== 408, String(res.status))
})
