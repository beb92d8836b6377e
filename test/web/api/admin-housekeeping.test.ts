// Admin API sections, tags, bylines and redirects: what a migration script creates, through the desk's use-cases.

import assert from 'node:assert/strict'
import { OPENAPI } from '../../../src/web/api/openapi.ts'
import { documentValidator } from '../../support/openapi.ts'
import { api, apiNewsroom, createViaApi, forEachEngine } from '../../support/admin-api.ts'

const check = documentValidator(OPENAPI)

forEachEngine('an editor creates and lists sections, tags and bylines; the answers are the documented ones', async (a) => {
  const { users } = await apiNewsroom(a)
  const post = (url: string, payload: object) => api(a, users.editor, { method: 'POST', url, payload })

  const section = await post('/api/v1/admin/sections', { name: 'Features', slug: 'features', description: 'Long reads' })
  assert.equal(section.statusCode, 201, section.body)
  check('/api/v1/admin/sections', 'post', section)
  assert.equal(section.json().slug, 'features')
  assert.match(section.headers.location as string, /^\/api\/v1\/admin\/sections\/\d+$/)
  const sections = await api(a, users.editor, { url: '/api/v1/admin/sections' })
  check('/api/v1/admin/sections', 'get', sections)
  assert.ok(sections.json().items.some((s: { slug: string }) => s.slug === 'features'))
  assert.equal((await a.app.inject('/features')).statusCode, 200, 'the new section has its page at once')

  const parent = await post('/api/v1/admin/tags', { name: 'Steppe', slug: 'steppe', kind: 'place' })
  assert.equal(parent.statusCode, 201, parent.body)
  const tag = await post('/api/v1/admin/tags', { name: 'Uzbekistan', slug: 'uzbekistan', kind: 'place', parent: 'steppe', iso_code: 'uz' })
  assert.equal(tag.statusCode, 201, tag.body)
  check('/api/v1/admin/tags', 'post', tag)
  assert.deepEqual({ parent: tag.json().parent, iso: tag.json().iso_code }, { parent: 'steppe', iso: 'UZ' })
  const tags = await api(a, users.editor, { url: '/api/v1/admin/tags' })
  check('/api/v1/admin/tags', 'get', tags)
  assert.ok(tags.json().items.some((t: { slug: string; parent: string | null }) => t.slug === 'uzbekistan' && t.parent === 'steppe'))

  const byline = await post('/api/v1/admin/bylines', { name: 'Reuters', slug: 'reuters', kind: 'agency' })
  assert.equal(byline.statusCode, 201, byline.body)
  check('/api/v1/admin/bylines', 'post', byline)
  const bylines = await api(a, users.editor, { url: '/api/v1/admin/bylines' })
  check('/api/v1/admin/bylines', 'get', bylines)
  assert.ok(bylines.json().items.some((b: { slug: string; kind: string }) => b.slug === 'reuters' && b.kind === 'agency'))
  // The new terms are usable by an article at once.
  const draft = await createViaApi(a, users.editor, { section: 'features', tags: ['uzbekistan'], authors: ['reuters'] })
  assert.equal(draft.section, 'features')

  const audit = await a.store.audit.list({ limit: 50, action: 'tag.create' })
  assert.equal(audit.length, 2, 'the use-case wrote its audit records')
})

forEachEngine('bad input names the field and changes nothing; contributors and authors may not create terms', async (a) => {
  const { users } = await apiNewsroom(a)
  const before = (await a.store.taxonomy.sections()).length
  const taken = await api(a, users.editor, { method: 'POST', url: '/api/v1/admin/sections', payload: { name: 'News again', slug: 'news' } })
  assert.equal(taken.statusCode, 400, taken.body)
  check('/api/v1/admin/sections', 'post', taken)
  assert.equal(taken.json().error.field, 'slug')
  const reserved = await api(a, users.editor, { method: 'POST', url: '/api/v1/admin/sections', payload: { name: 'Tags', slug: 'tag' } })
  assert.equal(reserved.statusCode, 400)
  assert.match(reserved.json().error.message, /reserved/)
  const missing = await api(a, users.editor, { method: 'POST', url: '/api/v1/admin/tags', payload: { slug: 'x' } })
  assert.equal(missing.statusCode, 400)
  assert.equal(missing.json().error.field, 'name')
  const badKind = await api(a, users.editor, { method: 'POST', url: '/api/v1/admin/bylines', payload: { name: 'X', slug: 'x', kind: 'robot' } })
  assert.equal(badKind.statusCode, 400)
  assert.equal(badKind.json().error.field, 'kind')
  const badParent = await api(a, users.editor, { method: 'POST', url: '/api/v1/admin/tags', payload: { name: 'X', slug: 'x', parent: 'no-such-tag' } })
  assert.equal(badParent.statusCode, 400)
  assert.equal(badParent.json().error.field, 'parent')
  for (const role of ['contributor', 'author'] as const) {
    const res = await api(a, users[role], { method: 'POST', url: '/api/v1/admin/sections', payload: { name: 'Sport', slug: 'sport' } })
    assert.equal(res.statusCode, 403, `${role}: ${res.body}`)
    check('/api/v1/admin/sections', 'post', res)
    assert.equal((await api(a, users[role], { method: 'POST', url: '/api/v1/admin/redirects', payload: { from: '/old', to: '/news' } })).statusCode, 403)
  }
  assert.equal((await api(a, null, { url: '/api/v1/admin/sections' })).statusCode, 401)
  assert.equal((await a.store.taxonomy.sections()).length, before)
})

forEachEngine('a migration script adds redirects from old paths; readers get 301, and 410 for what is gone', async (a) => {
  const { users } = await apiNewsroom(a)
  const moved = await api(a, users.editor, { method: 'POST', url: '/api/v1/admin/redirects', payload: { from: '/2019/03/old-story', to: '/news' } })
  assert.equal(moved.statusCode, 201, moved.body)
  check('/api/v1/admin/redirects', 'post', moved)
  assert.deepEqual(moved.json(), { from: '/2019/03/old-story', status: 301, to_article: null, to_url: '/news' })
  const old = await a.app.inject('/2019/03/old-story')
  assert.equal(old.statusCode, 301)
  const gone = await api(a, users.admin, { method: 'POST', url: '/api/v1/admin/redirects', payload: { from: '/retired', status: 410 } })
  assert.equal(gone.statusCode, 201, gone.body)
  assert.equal((await a.app.inject('/retired')).statusCode, 410)
  const again = await api(a, users.editor, { method: 'POST', url: '/api/v1/admin/redirects', payload: { from: '/retired', to: '/news' } })
  assert.equal(again.statusCode, 400)
  assert.equal(again.json().error.field, 'from')
  const noTarget = await api(a, users.editor, { method: 'POST', url: '/api/v1/admin/redirects', payload: { from: '/elsewhere' } })
  assert.equal(noTarget.statusCode, 400)
  assert.equal(noTarget.json().error.field, 'to')
})

forEachEngine('a migration script finds its articles again by slug or by the origin an import recorded', async (a) => {
  const { users, otherAuthor } = await apiNewsroom(a)
  const mine = await createViaApi(a, users.editor, { title: 'Steppe harvest', slug: 'steppe-harvest' })
  const bySlug = await api(a, users.editor, { url: '/api/v1/admin/articles/lookup?slug=steppe-harvest' })
  assert.equal(bySlug.statusCode, 200, bySlug.body)
  check('/api/v1/admin/articles/lookup', 'get', bySlug)
  assert.deepEqual(bySlug.json().items.map((x: { id: number }) => x.id), [mine.id])
  // An author sees only their own articles, as in the list.
  assert.deepEqual((await api(a, otherAuthor, { url: '/api/v1/admin/articles/lookup?slug=steppe-harvest' })).json().items, [])
  await a.store.origins.put({ system: 'wordpress', site: 'https://old.example.org', kind: 'article', sourceId: '42' }, { targetId: mine.id, contentHash: 'x' }, 0)
  const byOrigin = await api(a, users.editor, { url: `/api/v1/admin/articles/lookup?origin=${encodeURIComponent('wordpress:https://old.example.org:42')}` })
  assert.equal(byOrigin.statusCode, 200)
  assert.deepEqual(byOrigin.json().items.map((x: { id: number }) => x.id), [mine.id])
  assert.deepEqual((await api(a, users.editor, { url: '/api/v1/admin/articles/lookup?origin=wordpress:https://old.example.org:43' })).json().items, [])
  const both = await api(a, users.editor, { url: '/api/v1/admin/articles/lookup?slug=x&origin=a:b:c' })
  assert.equal(both.statusCode, 400)
  check('/api/v1/admin/articles/lookup', 'get', both)
  assert.equal((await api(a, users.editor, { url: '/api/v1/admin/articles/lookup?origin=nocolons' })).json().error.field, 'origin')
})
