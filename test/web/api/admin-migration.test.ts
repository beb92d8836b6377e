// The Admin API for migration scripts: articles created with their origin, old URLs and original publication times.

import assert from 'node:assert/strict'
import { OPENAPI } from '../../../src/web/api/openapi.ts'
import { documentValidator } from '../../support/openapi.ts'
import { api, apiNewsroom, forEachEngine } from '../../support/admin-api.ts'

const check = documentValidator(OPENAPI)
const ARTICLES = '/api/v1/admin/articles'

forEachEngine('an archive article is created published with its original times, its origin and its old URLs answering 301', async (a) => {
  const { users } = await apiNewsroom(a)
  const res = await api(a, users.editor, {
    method: 'POST', url: ARTICLES, payload: {
      title: 'Harvest report 2019', section: 'news', body_html: '<p>The harvest was good.</p>', authors: ['aigerim-sadykova'],
      status: 'published', published_at: '2019-09-01T08:00:00Z', updated_at: '2019-09-02T10:30:00+02:00',
      origin: 'wordpress:https://old.example.org:812',
      old_urls: ['https://old.example.org/2019/09/01/harvest-report/', '/?p=812', '/2019/09/01/harvest-report/amp'],
    },
  })
  assert.equal(res.statusCode, 201, res.body)
  check(ARTICLES, 'post', res)
  const body = res.json()
  assert.deepEqual([body.status, body.published_at, body.updated_at], ['published', '2019-09-01T08:00:00.000Z', '2019-09-02T08:30:00.000Z'])
  for (const old of ['/2019/09/01/harvest-report', '/2019/09/01/harvest-report/', '/?p=812', '/2019/09/01/harvest-report/amp']) {
    const r = await a.app.inject(old)
    assert.equal(r.statusCode, 301, old)
  }
  assert.equal((await a.app.inject('/2019/09/01/harvest-report')).headers.location, '/news/harvest-report-2019')
  const page = await a.app.inject('/news/harvest-report-2019')
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /2019-09-01T08:00/, 'readers see the original date')
  const found = await api(a, users.editor, { url: `${ARTICLES}/lookup?origin=${encodeURIComponent('wordpress:https://old.example.org:812')}` })
  assert.deepEqual(found.json().items.map((x: { id: number }) => x.id), [body.id])
  // A second script run that forgets to look first is told where the article is.
  const twice = await api(a, users.editor, { method: 'POST', url: ARTICLES, payload: { title: 'Harvest again', section: 'news', origin: 'wordpress:https://old.example.org:812' } })
  assert.equal(twice.statusCode, 409)
  assert.match(twice.json().error.message, new RegExp(`article ${body.id} already has the origin`))
})

forEachEngine('a draft with old URLs answers 404 there until it is published with its original time, then 301', async (a) => {
  const { users } = await apiNewsroom(a)
  const res = await api(a, users.editor, { method: 'POST', url: ARTICLES, payload: { title: 'Old interview', section: 'news', old_urls: ['/interviews/old'] } })
  assert.equal(res.statusCode, 201, res.body)
  const id = res.json().id
  assert.equal((await a.app.inject('/interviews/old')).statusCode, 404)
  const published = await api(a, users.editor, { method: 'POST', url: `${ARTICLES}/${id}/publish`, payload: { published_at: '2015-05-05T05:05:00Z' } })
  assert.equal(published.statusCode, 200, published.body)
  check(`${ARTICLES}/{id}/publish`, 'post', published)
  assert.deepEqual([published.json().published_at, published.json().updated_at], ['2015-05-05T05:05:00.000Z', '2015-05-05T05:05:00.000Z'])
  assert.equal((await a.app.inject('/interviews/old')).statusCode, 301)
  // Once published, its first publication time is history: it cannot be rewritten.
  await api(a, users.editor, { method: 'POST', url: `${ARTICLES}/${id}/unpublish` })
  const again = await api(a, users.editor, { method: 'POST', url: `${ARTICLES}/${id}/publish`, payload: { published_at: '2014-01-01T00:00:00Z' } })
  assert.deepEqual([again.statusCode, again.json().error.field], [409, 'published_at'])
})

forEachEngine('bad migration fields answer 400 or 409 naming the field, and nothing is created', async (a) => {
  const { users } = await apiNewsroom(a)
  const count = async () => (await api(a, users.admin, { url: ARTICLES })).json().items.length
  const before = await count()
  await api(a, users.editor, { method: 'POST', url: '/api/v1/admin/redirects', payload: { from: '/taken', to: '/news' } })
  const cases: [object, number, string][] = [
    [{ status: 'published', published_at: '2999-01-01T00:00:00Z' }, 400, 'published_at'],
    [{ status: 'published', published_at: '2019-01-02T00:00:00Z', updated_at: '2019-01-01T00:00:00Z' }, 400, 'updated_at'],
    [{ published_at: '2019-01-02T00:00:00Z' }, 400, 'published_at'],
    [{ status: 'live' }, 400, 'status'],
    [{ origin: 'no-colons' }, 400, 'origin'],
    [{ old_urls: '/one' }, 400, 'old_urls'],
    [{ old_urls: ['no-slash'] }, 400, 'old_urls'],
    [{ old_urls: Array.from({ length: 51 }, (_, i) => `/p/${i}`) }, 400, 'old_urls'],
    [{ old_urls: ['/news'] }, 409, 'old_urls'],
    [{ old_urls: ['/taken'] }, 409, 'old_urls'],
  ]
  for (const [extra, status, field] of cases) {
    const res = await api(a, users.editor, { method: 'POST', url: ARTICLES, payload: { title: 'Bad', section: 'news', ...extra } })
    assert.deepEqual([res.statusCode, res.json().error.field], [status, field], JSON.stringify(extra))
  }
  // Old URLs are redirects: an author, who may not manage those, is refused and nothing is written.
  const author = await api(a, users.author, { method: 'POST', url: ARTICLES, payload: { title: 'Mine', section: 'news', old_urls: ['/mine-old'] } })
  assert.equal(author.statusCode, 403)
  assert.equal(await count(), before)
  assert.equal((await a.app.inject('/mine-old')).statusCode, 404)
})
