// Numbers in paths and queries: Infinity and its spellings are not integers, on either engine (src/web/input-guard.ts).

import assert from 'node:assert/strict'
import { onBothEngines } from '../support/both-engines.ts'
import { seedNewsroom } from '../support/web.ts'
import { cookieHeader, setupOwner } from '../support/desk.ts'
import { apiUser } from '../support/admin-api.ts'

onBothEngines('an id or number written as Infinity, 1e400 or NaN answers 400 or 404, never reaching the database', async (a) => {
  await seedNewsroom(a.store)
  const cookie = cookieHeader(await setupOwner(a))
  const admin = await apiUser(a, 'admin')
  for (const n of ['Infinity', '1e400', '-Infinity', 'NaN']) {
    for (const url of [`/desk/tags/${n}`, `/desk/sections/${n}`, `/desk/articles/${n}/edit`, `/desk/media/${n}`, `/desk/authors/${n}`, `/desk/media?page=${n}`]) {
      const res = await a.app.inject({ url, headers: { cookie } })
      assert.ok([400, 404].includes(res.statusCode), `${url}: ${res.statusCode}`)
    }
    for (const url of [`/api/v1/admin/media/${n}`, `/api/v1/admin/articles/${n}`, `/api/v1/admin/articles?page=${n}`]) {
      const res = await a.app.inject({ url, headers: { authorization: `Bearer ${admin.token}` } })
      assert.ok([400, 404].includes(res.statusCode), `${url}: ${res.statusCode}`)
    }
  }
  // A JSON body's 1e400 is Infinity to JSON.parse.
  const res = await a.app.inject({ method: 'POST', url: '/api/v1/admin/articles/1/publish', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' }, payload: '{"version":1e400}' })
  assert.equal(res.statusCode, 400)
})
