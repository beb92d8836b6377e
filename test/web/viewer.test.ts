// Bearer tokens for the Admin API: a valid token sets the viewer, a missing, malformed or revoked one gets 401 JSON.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp } from '../support/build-test-app.ts'
import { authenticateBearer, decorateViewer, parseCookies, viewerOf } from '../../src/web/viewer.ts'

test('authenticateBearer accepts a token until it is revoked, and answers 401 JSON otherwise', async (t) => {
  const a = await buildTestApp(t)
  await a.app.register(async (api) => {
    decorateViewer(api)
    api.get('/api/v1/admin/whoami', async (req, reply) => {
      if (!(await authenticateBearer(a.services.accounts, req, reply))) return reply
      return { email: viewerOf(req)!.user.email, role: viewerOf(req)!.user.role }
    })
  })
  await a.services.accounts.createUser({ email: 'Editor@News.Example', name: 'Ed', role: 'editor', password: 'a long enough password' }, null)
  const { token, id } = await a.services.accounts.createToken('editor@news.example', 'scripts')
  assert.match(token, /^bsk_[A-Za-z0-9_-]{43}$/)
  const ok = await a.app.inject({ url: '/api/v1/admin/whoami', headers: { authorization: `Bearer ${token}` } })
  assert.equal(ok.statusCode, 200)
  assert.deepEqual(ok.json(), { email: 'editor@news.example', role: 'editor' })
  for (const authorization of [undefined, 'Bearer', 'Basic abc', `Bearer ${token}x`, 'Bearer bsk_' + 'A'.repeat(43)]) {
    const res = await a.app.inject({ url: '/api/v1/admin/whoami', headers: authorization ? { authorization } : {} })
    assert.equal(res.statusCode, 401, String(authorization))
    assert.equal(res.headers['www-authenticate'], 'Bearer realm="broadsheet"')
    assert.equal(res.json().error.code, 401)
  }
  await a.services.accounts.revokeToken(id, null)
  assert.equal((await a.app.inject({ url: '/api/v1/admin/whoami', headers: { authorization: `Bearer ${token}` } })).statusCode, 401)
  await assert.rejects(a.services.accounts.revokeToken(id, null), /no active API token/)
})

test('parseCookies reads pairs, keeps the first of a name, and skips malformed values', () => {
  assert.deepEqual(parseCookies('a=1; b=two%20words; a=3; bad; c=%E0%A4%A; d="q"'), { a: '1', b: 'two words', d: 'q' })
  assert.deepEqual(parseCookies(undefined), {})
})
