// Too long is refused, never cut: the desk and the Admin API answer 400 naming the field and its limit, from one table
// of limits (editorial/article-input.ts ARTICLE_LIMITS), and change nothing. Both engines.

import assert from 'node:assert/strict'
import { forEachEngine } from '../../support/databases.ts'
import { deskNewsroom } from '../../support/desk-newsroom.ts'
import { api } from '../../support/admin-api.ts'
import { ARTICLE_LIMITS } from '../../../src/editorial/article-input.ts'

forEachEngine('an article title one character too long is refused by the desk and the Admin API alike, naming title and its limit', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const { token } = await d.a.services.accounts.createToken('editor@news.example', 'limits')
  const before = (await d.a.store.deskArticles.list({ page: 1, perPage: 100 })).items.length
  const title = 'T'.repeat(ARTICLE_LIMITS.title + 1)
  const desk = await d.post('/desk/articles', { title, standfirst: '', body: '<p>x</p>', section: 'news', genre: 'news', tags: '' })
  const viaApi = await api(d.a, { id: 0, token, tokenId: 0 }, { method: 'POST', url: '/api/v1/admin/articles', payload: { title, section: 'news' } })
  for (const [door, res] of [['desk', desk], ['api', viaApi]] as const) {
    assert.equal(res.statusCode, 400, `${door}: ${res.body.slice(0, 200)}`)
    assert.match(res.body, /title/, `${door} names the field`)
    assert.match(res.body, new RegExp(String(ARTICLE_LIMITS.title)), `${door} names the limit`)
  }
  assert.equal(viaApi.json().error.field, 'title')
  assert.equal((await d.a.store.deskArticles.list({ page: 1, perPage: 100 })).items.length, before, 'nothing was created')
  // At the limit it is accepted by both.
  const ok = await api(d.a, { id: 0, token, tokenId: 0 }, { method: 'POST', url: '/api/v1/admin/articles', payload: { title: 'T'.repeat(ARTICLE_LIMITS.title), section: 'news' } })
  assert.equal(ok.statusCode, 201, ok.body.slice(0, 200))
})

forEachEngine('desk forms refuse an overlong field with 400 naming it, where they used to cut it silently', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const sections = (await d.a.store.taxonomy.sections()).length
  const long = await d.post('/desk/sections', { name: 'N'.repeat(5000), slug: 'long-name', description: '' })
  assert.equal(long.statusCode, 400)
  assert.match(long.body, /name/)
  assert.match(long.body, /at most \d+ characters/)
  assert.equal((await d.a.store.taxonomy.sections()).length, sections, 'no section was made from a cut name')
  const redirect = await d.post('/desk/redirects', { from: `/old/${'p'.repeat(3000)}`, to: '/news', status: '301' })
  assert.equal(redirect.statusCode, 400)
  assert.match(redirect.body, /from/)
  assert.equal((await d.a.store.redirects.list({ limit: 10, offset: 0 })).items.length, 0)
})
