// Redirects: Location is ASCII and never points at another host, whatever made it (src/web/location.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { buildSiteApp, seedNewsroom } from '../support/web.ts'
import { onBothEngines } from '../support/both-engines.ts'
import { cookieHeader, setupOwner } from '../support/desk.ts'
import { NOW } from '../support/editing.ts'
import { safeLocation } from '../../src/web/location.ts'

test('safeLocation percent-encodes what is not printable ASCII and collapses a leading run of slashes', () => {
  assert.equal(safeLocation('/desk/新闻'), '/desk/%E6%96%B0%E9%97%BB')
  assert.equal(safeLocation('/café?q=ü'), '/caf%C3%A9?q=%C3%BC')
  assert.equal(safeLocation('/a b\tc\n'), '/a%20b%09c%0A')
  assert.equal(safeLocation('/\ud800x'), '/%EF%BF%BDx', 'a lone surrogate')
  assert.equal(safeLocation('/%E6%96%B0?x=%20'), '/%E6%96%B0?x=%20', 'encoded targets are kept')
  for (const evil of ['//evil.example', '/\\evil.example', '\\\\evil.example', '///\\evil.example', '\\/evil.example']) {
    assert.equal(safeLocation(evil), '/evil.example', evil)
  }
  assert.equal(safeLocation('/\t/evil.example'), '/%09/evil.example', 'a tab browsers would drop cannot join two slashes')
  assert.equal(safeLocation('https://partner.example/página'), 'https://partner.example/p%C3%A1gina')
})

/** Sends one raw request line (no URL normalisation on the way) and returns the status line and Location. */
async function rawGet(port: number, target: string): Promise<{ status: number; location: string | undefined }> {
  const socket = net.connect(port, '127.0.0.1')
  socket.write(`GET ${target} HTTP/1.1\r\nHost: news.example\r\nConnection: close\r\n\r\n`)
  let text = ''
  for await (const chunk of socket) text += String(chunk)
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1])
  return { status, location: /\r\nlocation: ([^\r]*)/i.exec(text)?.[1] }
}

test('a path starting with a backslash or slashes never redirects to another host', async (t) => {
  const { app } = await buildSiteApp(t)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  for (const target of ['/\\evil.example/', '/\\\\evil.example/', '//\\evil.example//', '/\\/evil.example/?a=1', '//evil.example/']) {
    const res = await rawGet(port, target)
    if (res.status >= 300 && res.status < 400) {
      assert.ok(res.location, target)
      assert.doesNotMatch(res.location, /^[/\\]{2}|^\\/, `${target} → ${res.location}`)
    } else {
      assert.ok(res.status >= 400 && res.status < 500, `${target} answered ${res.status}`)
    }
  }
  assert.equal((await rawGet(port, '/\\evil.example/')).location, '/evil.example')
})

onBothEngines('redirects to non-ASCII targets are percent-encoded: desk next, the redirects table, trailing slashes', async (a) => {
  await seedNewsroom(a.store)
  const owner = cookieHeader(await setupOwner(a))
  const next = await a.app.inject({ url: `/desk/login?next=${encodeURIComponent('/desk/新闻')}`, headers: { cookie: owner } })
  assert.equal(next.statusCode, 303)
  assert.equal(next.headers.location, '/desk/%E6%96%B0%E9%97%BB')
  await a.store.redirects.put({ fromPath: '/old-news', status: 301, toArticleId: null, toUrl: '/新闻/статья', kind: 'manual', createdAt: NOW })
  for (let visit = 0; visit < 2; visit++) {
    const res = await a.app.inject('/old-news')
    assert.equal(res.statusCode, 301)
    assert.equal(res.headers.location, '/%E6%96%B0%E9%97%BB/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F')
  }
  const slash = await a.app.inject('/%E6%96%B0%E9%97%BB/')
  assert.equal(slash.statusCode, 301)
  assert.equal(slash.headers.location, '/%E6%96%B0%E9%97%BB')
})
