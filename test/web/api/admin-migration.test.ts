// The Admin API for migration scripts: articles created with their origin, old URLs and original publication times.

import assert from 'node:assert/strict'
import { OPENAPI } from '../../../src/web/api/openapi.ts'
import { documentValidator } from '../../support/openapi.ts'
import { api, apiNewsroom, createViaApi, forEachEngine } from '../../support/admin-api.ts'

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

forEachEngine('PATCH attaches an origin to an article, then corrects it: lookup finds it by the new one only, and each change is audited', async (a) => {
  const { users } = await apiNewsroom(a)
  const created = await createViaApi(a, users.editor, { title: 'Moved in by hand' })
  const lookup = async (origin: string) =>
    (await api(a, users.editor, { url: `${ARTICLES}/lookup?origin=${encodeURIComponent(origin)}` })).json().items.map((x: { id: number }) => x.id)
  const patch = (version: number, payload: object) => api(a, users.editor, { method: 'PATCH', url: `${ARTICLES}/${created.id}`, payload: { version, ...payload } })

  const set = await patch(created.version, { origin: 'wordpress:https://old.example.org:77' })
  assert.equal(set.statusCode, 200, set.body)
  check(`${ARTICLES}/{id}`, 'patch', set)
  assert.equal(set.json().title, 'Moved in by hand', 'the fields not sent keep their values')
  assert.deepEqual(await lookup('wordpress:https://old.example.org:77'), [created.id])

  const changed = await patch(set.json().version, { origin: 'wordpress:https://old.example.org:78', title: 'Moved in, corrected' })
  assert.equal(changed.statusCode, 200, changed.body)
  assert.equal(changed.json().title, 'Moved in, corrected')
  assert.deepEqual(await lookup('wordpress:https://old.example.org:78'), [created.id])
  assert.deepEqual(await lookup('wordpress:https://old.example.org:77'), [], 'the old origin is forgotten')
  // The freed origin may now go to a new article, as the uniqueness rule of POST allows.
  const other = await api(a, users.editor, { method: 'POST', url: ARTICLES, payload: { title: 'The real 77', section: 'news', origin: 'wordpress:https://old.example.org:77' } })
  assert.equal(other.statusCode, 201, other.body)

  const same = await patch(changed.json().version, { origin: 'wordpress:https://old.example.org:78' })
  assert.equal(same.statusCode, 200, 'sending the origin the article has changes nothing about it')
  const audit = (await a.store.audit.list({ limit: 20, action: 'article.origin' })).filter((e) => e.subjectId === String(created.id))
  assert.deepEqual(audit.map((e) => [e.userId, e.details]).reverse(), [
    [users.editor.id, { origin: 'wordpress:https://old.example.org:77', previous: null }],
    [users.editor.id, { origin: 'wordpress:https://old.example.org:78', previous: 'wordpress:https://old.example.org:77' }],
  ])
})

forEachEngine('PATCH with an origin another article has answers 409 naming it, a bad one 400, and neither changes the article', async (a) => {
  const { users, otherAuthor } = await apiNewsroom(a)
  const holder = await createViaApi(a, users.editor, { origin: 'ghost:https://steppe.example:abc' })
  const imported = await createViaApi(a, users.editor, { origin: 'ghost:https://steppe.example:def' })
  const mine = await createViaApi(a, users.author, { title: 'Mine' })
  // An origin an import recorded counts as much as one the API gave.
  await a.store.origins.put({ system: 'wordpress', site: 'https://old.example.org', kind: 'article', sourceId: '9' }, { targetId: imported.id, contentHash: 'x' }, 0)
  const patch = (payload: object, user = users.editor, id = mine.id) => api(a, user, { method: 'PATCH', url: `${ARTICLES}/${id}`, payload: { version: mine.version, ...payload } })

  for (const origin of ['ghost:https://steppe.example:abc', 'wordpress:https://old.example.org:9']) {
    const taken = await patch({ origin, title: 'Renamed' })
    assert.equal(taken.statusCode, 409, origin)
    assert.equal(taken.json().error.field, 'origin')
    assert.match(taken.json().error.message, new RegExp(`article ${origin.startsWith('ghost') ? holder.id : imported.id} already has the origin`))
  }
  for (const origin of ['no-colons', 'a:b', 'wordpress:https://old.example.org:', ':site:1', 42, null, 'x'.repeat(1001)]) {
    const bad = await patch({ origin, title: 'Renamed' })
    assert.deepEqual([bad.statusCode, bad.json().error.field], [400, 'origin'], JSON.stringify(origin))
  }
  // Someone who may not change the article learns nothing about who holds an origin.
  assert.equal((await patch({ origin: 'ghost:https://steppe.example:abc' }, otherAuthor)).statusCode, 403)
  const after = (await api(a, users.author, { url: `${ARTICLES}/${mine.id}` })).json()
  assert.deepEqual([after.title, after.version], ['Mine', mine.version], 'nothing was saved')
  assert.deepEqual((await api(a, users.editor, { url: `${ARTICLES}/lookup?origin=${encodeURIComponent('ghost:https://steppe.example:abc')}` })).json().items.map((x: { id: number }) => x.id), [holder.id])
  assert.equal((await a.store.audit.list({ limit: 50, action: 'article.origin' })).length, 0)
})
