// The Admin API's articles: bearer tokens only, the role matrix on every endpoint, conflicts, validation, and what readers see after.

import assert from 'node:assert/strict'
import type { LightMyRequestResponse } from 'fastify'
import { OPENAPI } from '../../../src/web/api/openapi.ts'
import { documentValidator } from '../../support/openapi.ts'
import { api, apiNewsroom, createViaApi, forEachEngine, ROLES, type ApiUser } from '../../support/admin-api.ts'
import { userSession } from '../../support/desk.ts'
import { seedArticle } from '../../support/seed.ts'
import type { TestApp } from '../../support/build-test-app.ts'

const ARTICLES = '/api/v1/admin/articles'
const json = (res: { body: string }) => JSON.parse(res.body) as Record<string, any>
const pathOf = (url: unknown): string => new URL(String(url)).pathname

/** Status of `method` on article `id` as `user`. */
const statusOf = async (a: TestApp, user: ApiUser, method: 'GET' | 'PATCH' | 'DELETE' | 'POST', url: string, payload?: object) =>
  (await api(a, user, { method, url, ...(payload && { payload }) })).statusCode

forEachEngine('without a valid bearer token every endpoint answers 401 JSON with WWW-Authenticate; a session cookie is not enough', async (a) => {
  const n = await apiNewsroom(a)
  const article = await createViaApi(a, n.users.editor)
  const desk = await userSession(a, 'admin', 'desk-admin@news.example')
  await a.services.accounts.revokeToken(n.users.admin.tokenId, null)
  const attempts = [
    {}, { authorization: 'Bearer bsk_not-a-real-token' }, { authorization: 'Basic dXNlcjpwYXNz' }, { authorization: `Bearer ${n.users.admin.token}` },
    { cookie: `bs_session=${desk.cookies.bs_session}` },
  ]
  for (const headers of attempts) {
    for (const [method, url] of [['GET', ARTICLES], ['POST', ARTICLES], ['GET', `${ARTICLES}/${article.id}`], ['DELETE', `${ARTICLES}/${article.id}`], ['POST', '/api/v1/admin/media']] as const) {
      const res = await a.app.inject({ method, url, headers, ...(method === 'POST' && url === ARTICLES && { payload: { title: 'x', section: 'news' } }) })
      assert.equal(res.statusCode, 401, `${method} ${url} with ${JSON.stringify(headers)}`)
      assert.match(String(res.headers['www-authenticate']), /^Bearer/)
      assert.equal(res.headers['cache-control'], 'no-store')
      assert.equal(res.headers['set-cookie'], undefined)
      assert.equal(json(res).error.code, 401)
    }
  }
  assert.equal((await a.store.articles.get(article.id))?.status, 'draft', 'nothing changed')
  // The admin plugin, not the Content API's catch-all, answers unknown admin paths: a token is asked for first.
  assert.equal((await api(a, null, { url: '/api/v1/admin/nothing-here' })).statusCode, 401)
  const unknown = await api(a, n.users.editor, { url: '/api/v1/admin/nothing-here' })
  assert.equal(unknown.statusCode, 404)
  assert.equal(json(unknown).error.code, 404)
  assert.match(String(unknown.headers['content-type']), /application\/json/)
})

forEachEngine('POST creates a draft for every role: 201, Location, the article JSON with slugs, and an audit entry', async (a) => {
  const n = await apiNewsroom(a)
  for (const role of ROLES) {
    // Editor's choice is curation: only roles that curate the front page may send it.
    const curates = role === 'editor' || role === 'admin'
    const res = await api(a, n.users[role], {
      method: 'POST', url: ARTICLES, payload: {
        title: `Gas deal signed (${role})`, standfirst: 'Talks ended.', body_html: '<p>Text<script>alert(1)</script></p>', section: 'opinion',
        genre: 'opinion', tags: ['energy', 'kazakhstan'], authors: ['aigerim-sadykova'], language: 'en', ...(curates && { editors_choice: 2 }),
        seo_title: 'Gas deal', seo_description: 'The deal.',
      },
    })
    assert.equal(res.statusCode, 201, res.body)
    const body = json(res)
    assert.equal(res.headers.location, `${ARTICLES}/${body.id}`)
    assert.equal(res.headers['cache-control'], 'no-store')
    assert.deepEqual({ ...body, id: 0 }, {
      id: 0, version: 1, status: 'draft', title: `Gas deal signed (${role})`, slug: `gas-deal-signed-${role}`, standfirst: 'Talks ended.',
      body_html: '<p>Text</p>', section: 'opinion', genre: 'opinion', tags: ['energy', 'kazakhstan'], authors: ['aigerim-sadykova'],
      // Ranks are places in the list: the editor's, the first pick, takes place 1 though it asked for 2; the admin's is 2.
      language: 'en', editors_choice: role === 'editor' ? 1 : role === 'admin' ? 2 : null, hero_media: null, hero_caption: null, hero_credit: null, seo_title: 'Gas deal', seo_description: 'The deal.', scheduled_at: null,
      published_at: null, updated_at: null, url: null, translation_group: null, translations: [],
    })
    assert.equal(await a.store.deskArticles.createdBy(body.id), n.users[role].id)
    const audit = await a.store.audit.list({ limit: 5, userId: n.users[role].id })
    assert.ok(audit.some((e) => e.action === 'article.create' && e.subjectId === String(body.id)))
  }
})

forEachEngine('bad article input answers 400 naming the field and creates nothing', async (a) => {
  const n = await apiNewsroom(a)
  const cases: [unknown, string][] = [
    [{ section: 'news' }, 'title'],
    [{ title: 'A' }, 'section'],
    [{ title: '   ', section: 'news' }, 'title'],
    [{ title: 'A', section: 'nowhere' }, 'section'],
    [{ title: 'A', section: 'news', tags: 'energy' }, 'tags'],
    [{ title: 'A', section: 'news', tags: ['no-such-tag'] }, 'tags'],
    [{ title: 'A', section: 'news', authors: ['nobody'] }, 'authors'],
    [{ title: 'A', section: 'news', genre: 'gossip' }, 'genre'],
    [{ title: 'A', section: 'news', language: 'english!' }, 'language'],
    [{ title: 'A', section: 'news', editors_choice: '3' }, 'editors_choice'],
    [{ title: 'A', section: 'news', editors_choice: 5000 }, 'editors_choice'],
    [{ title: 'A', section: 'news', hero_media: 99 }, 'hero_media'],
    [{ title: 42, section: 'news' }, 'title'],
    [{ title: 'A', section: 'news', colour: 'red' }, 'colour'],
    [{ title: 'A', section: 'news', slug: 'Not A Slug' }, 'slug'],
  ]
  for (const [payload, field] of cases) {
    const res = await api(a, n.users.editor, { method: 'POST', url: ARTICLES, payload: payload as object })
    assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`)
    assert.equal(json(res).error.field, field, JSON.stringify(payload))
    assert.equal(typeof json(res).error.message, 'string')
  }
  const notJson = await api(a, n.users.editor, { method: 'POST', url: ARTICLES, payload: '{"title":', headers: { 'content-type': 'application/json' } })
  assert.equal(notJson.statusCode, 400)
  const list = json(await api(a, n.users.editor, { url: ARTICLES }))
  assert.deepEqual(list.items, [])
})

forEachEngine('reading and changing: own articles for contributors and authors, every article for editors and admins', async (a) => {
  const n = await apiNewsroom(a)
  const own = {} as Record<string, number>
  for (const role of ROLES) own[role] = (await createViaApi(a, n.users[role], { title: `By the ${role}` })).id
  const others = { contributor: (await createViaApi(a, n.otherContributor)).id, author: (await createViaApi(a, n.otherAuthor)).id }
  for (const role of ROLES) {
    const user = n.users[role]
    const mayAll = role === 'editor' || role === 'admin'
    for (const target of [own[role]!, others.contributor, others.author, own.editor!]) {
      const allowed = mayAll || target === own[role]
      const version = (await a.store.articles.get(target))!.version
      assert.equal(await statusOf(a, user, 'GET', `${ARTICLES}/${target}`), allowed ? 200 : 403, `${role} reads ${target}`)
      assert.equal(await statusOf(a, user, 'PATCH', `${ARTICLES}/${target}`, { version, standfirst: `Changed by the ${role}` }), allowed ? 200 : 403, `${role} changes ${target}`)
    }
    const listed = json(await api(a, user, { url: `${ARTICLES}?per_page=100` })).items.map((i: { id: number }) => i.id).sort()
    assert.deepEqual(listed, mayAll ? [...Object.values(own), ...Object.values(others)].sort() : [own[role]], `${role} lists`)
  }
  assert.equal(await statusOf(a, n.users.admin, 'GET', `${ARTICLES}/99999`), 404)
  assert.equal(await statusOf(a, n.users.admin, 'PATCH', `${ARTICLES}/99999`, { version: 1 }), 404)
  // A contributor's own article is theirs to change only until it is published.
  await api(a, n.users.editor, { method: 'POST', url: `${ARTICLES}/${own.contributor}/publish` })
  const version = (await a.store.articles.get(own.contributor!))!.version
  assert.equal(await statusOf(a, n.users.contributor, 'PATCH', `${ARTICLES}/${own.contributor}`, { version, title: 'Late change' }), 403)
})

forEachEngine('the list filters by status, section, author and text, and names a bad filter', async (a) => {
  const n = await apiNewsroom(a)
  const energy = await createViaApi(a, n.users.editor, { title: 'Energy prices rise', section: 'analysis', authors: ['newsroom'] })
  const other = await createViaApi(a, n.users.editor, { title: 'Election day' })
  await api(a, n.users.editor, { method: 'POST', url: `${ARTICLES}/${other.id}/publish` })
  const ids = async (q: string) => json(await api(a, n.users.editor, { url: `${ARTICLES}?${q}` })).items.map((i: { id: number }) => i.id)
  assert.deepEqual(await ids('status=published'), [other.id])
  assert.deepEqual(await ids('section=analysis'), [energy.id])
  assert.deepEqual(await ids('author=newsroom'), [energy.id])
  assert.deepEqual(await ids('q=ENERGY'), [energy.id])
  const page = json(await api(a, n.users.editor, { url: `${ARTICLES}?per_page=1` }))
  assert.equal(page.items.length, 1)
  assert.equal(page.has_next, true)
  for (const [q, field] of [['section=nowhere', 'section'], ['author=nobody', 'author'], ['status=lost', 'status'], ['page=0', 'page'], ['per_page=500', 'per_page']]) {
    const res = await api(a, n.users.editor, { url: `${ARTICLES}?${q}` })
    assert.equal(res.statusCode, 400, q)
    assert.equal(json(res).error.field, field, q)
  }
})

forEachEngine('PATCH changes only the fields sent; a stale version answers 409 and the losing text is kept as a conflict revision', async (a) => {
  const n = await apiNewsroom(a)
  const article = await createViaApi(a, n.users.author, { title: 'First title', standfirst: 'First standfirst', tags: ['energy'] })
  const first = await api(a, n.users.author, { method: 'PATCH', url: `${ARTICLES}/${article.id}`, payload: { version: 1, title: 'Second title' } })
  assert.equal(first.statusCode, 200, first.body)
  assert.deepEqual([json(first).version, json(first).title, json(first).standfirst, json(first).tags, json(first).slug], [2, 'Second title', 'First standfirst', ['energy'], 'first-title'])
  const stale = await api(a, n.users.editor, { method: 'PATCH', url: `${ARTICLES}/${article.id}`, payload: { version: 1, body_html: '<p>The losing text</p>' } })
  assert.equal(stale.statusCode, 409)
  assert.equal(json(stale).error.field, 'version')
  assert.match(json(stale).error.message, /saved/i)
  const revisions = await a.services.editing.revisions(article.id)
  const conflict = revisions.items.find((r) => r.kind === 'conflict')
  assert.ok(conflict, 'a conflict revision is kept')
  assert.match((await a.services.editing.revision(article.id, conflict.id)).snapshot.bodyHtml, /The losing text/)
  assert.equal((await a.store.articles.get(article.id))?.title, 'Second title')
  for (const [payload, field] of [[{ title: 'No version' }, 'version'], [{ version: 'two' }, 'version'], [{ version: 2, section: 'nowhere' }, 'section'], [{ version: 2, secret: 1 }, 'secret']] as const) {
    const res = await api(a, n.users.author, { method: 'PATCH', url: `${ARTICLES}/${article.id}`, payload })
    assert.equal(res.statusCode, 400, JSON.stringify(payload))
    assert.equal(json(res).error.field, field)
  }
})

forEachEngine('publishing by role: authors their own, editors and admins any, contributors none; the public page then answers 200', async (a) => {
  const n = await apiNewsroom(a)
  const publish = (user: ApiUser, id: number, payload?: object) => api(a, user, { method: 'POST', url: `${ARTICLES}/${id}/publish`, ...(payload && { payload }) })
  const contributors = await createViaApi(a, n.users.contributor)
  assert.equal((await publish(n.users.contributor, contributors.id)).statusCode, 403)
  const othersByAuthor = await createViaApi(a, n.otherAuthor)
  assert.equal((await publish(n.users.author, othersByAuthor.id)).statusCode, 403)
  assert.equal((await a.store.articles.get(othersByAuthor.id))?.status, 'draft')
  assert.equal((await publish(n.users.author, 99999)).statusCode, 404)
  const authors = await createViaApi(a, n.users.author, { title: 'Author publishes' })
  for (const [user, id] of [[n.users.author, authors.id], [n.users.editor, contributors.id], [n.users.admin, othersByAuthor.id]] as const) {
    const res = await publish(user, id)
    assert.equal(res.statusCode, 200, res.body)
    const body = json(res)
    assert.equal(body.status, 'published')
    assert.match(body.published_at, /^\d{4}-\d{2}-\d{2}T/)
    assert.equal((await a.app.inject(pathOf(body.url))).statusCode, 200, body.url)
  }
  assert.equal(json(await publish(n.users.author, authors.id)).url, 'https://news.example/news/author-publishes')
  const audit = await a.store.audit.list({ limit: 10, userId: n.users.author.id })
  assert.ok(audit.some((e) => e.action === 'article.publish' && e.subjectId === String(authors.id)))
})

forEachEngine('publish with `at` schedules instead; a past or malformed time answers 400 naming at', async (a) => {
  const n = await apiNewsroom(a)
  const article = await createViaApi(a, n.users.author)
  const at = new Date(a.clock.now() + 3_600_000).toISOString()
  for (const bad of ['2020-01-01T00:00:00Z', 'tomorrow', '2026-12-01', 12345]) {
    const res = await api(a, n.users.author, { method: 'POST', url: `${ARTICLES}/${article.id}/publish`, payload: { at: bad } })
    assert.equal(res.statusCode, 400, String(bad))
    assert.equal(json(res).error.field, 'at')
  }
  const contributors = await createViaApi(a, n.users.contributor)
  assert.equal((await api(a, n.users.contributor, { method: 'POST', url: `${ARTICLES}/${contributors.id}/publish`, payload: { at } })).statusCode, 403)
  const res = await api(a, n.users.author, { method: 'POST', url: `${ARTICLES}/${article.id}/publish`, payload: { at } })
  assert.equal(res.statusCode, 200, res.body)
  assert.deepEqual([json(res).status, json(res).scheduled_at, json(res).url], ['scheduled', at, null])
})

forEachEngine('unpublishing by role takes the page off the site; an article that is not published answers 409', async (a) => {
  const n = await apiNewsroom(a)
  const unpublish = (user: ApiUser, id: number) => api(a, user, { method: 'POST', url: `${ARTICLES}/${id}/unpublish` })
  const draft = await createViaApi(a, n.users.author)
  assert.equal((await unpublish(n.users.author, draft.id)).statusCode, 409)
  const ids: number[] = []
  for (const user of [n.users.contributor, n.users.author, n.otherAuthor, n.users.editor]) {
    const { id } = await createViaApi(a, user)
    await api(a, n.users.admin, { method: 'POST', url: `${ARTICLES}/${id}/publish` })
    ids.push(id)
  }
  const [byContributor, byAuthor, byOtherAuthor, byEditor] = ids as [number, number, number, number]
  assert.equal((await unpublish(n.users.contributor, byContributor)).statusCode, 403)
  assert.equal((await unpublish(n.users.author, byOtherAuthor)).statusCode, 403)
  for (const [user, id] of [[n.users.author, byAuthor], [n.users.editor, byContributor], [n.users.admin, byEditor]] as const) {
    const path = new URL(json(await api(a, user, { url: `${ARTICLES}/${id}` })).url).pathname
    assert.equal((await a.app.inject(path)).statusCode, 200)
    const res = await unpublish(user, id)
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual([json(res).status, json(res).url], ['unpublished', null])
    assert.equal((await a.app.inject(path)).statusCode, 410, `${path} is gone for readers`)
  }
})

forEachEngine('deleting by role: contributors their own drafts and articles in review, authors their own, editors and admins any', async (a) => {
  const n = await apiNewsroom(a)
  const del = (user: ApiUser, id: number) => api(a, user, { method: 'DELETE', url: `${ARTICLES}/${id}` })
  const draft = await createViaApi(a, n.users.contributor)
  const inReview = await createViaApi(a, n.users.contributor)
  await a.services.editing.transition(inReview.id, 'in_review', { userId: n.users.contributor.id, role: 'contributor' })
  const published = await createViaApi(a, n.users.contributor)
  await api(a, n.users.editor, { method: 'POST', url: `${ARTICLES}/${published.id}/publish` })
  const others = await createViaApi(a, n.otherContributor)
  assert.equal((await del(n.users.contributor, published.id)).statusCode, 403)
  assert.equal((await del(n.users.contributor, others.id)).statusCode, 403)
  assert.equal((await del(n.users.author, others.id)).statusCode, 403)
  for (const id of [draft.id, inReview.id]) {
    const res = await del(n.users.contributor, id)
    assert.equal(res.statusCode, 204, res.body)
    assert.equal(res.body, '')
    assert.notEqual((await a.store.articles.get(id))?.deletedAt, null, 'in the trash')
  }
  const authors = await createViaApi(a, n.users.author)
  assert.equal((await del(n.users.author, authors.id)).statusCode, 204)
  assert.equal((await del(n.users.editor, others.id)).statusCode, 204)
  assert.equal((await del(n.users.admin, published.id)).statusCode, 204)
  assert.equal((await del(n.users.admin, published.id)).statusCode, 404)
  const audit = await a.store.audit.list({ limit: 20 })
  assert.ok(audit.some((e) => e.action === 'article.delete' && e.subjectId === String(published.id) && e.userId === n.users.admin.id))
})

forEachEngine('deleting a published article unpublishes it and leaves its URL, and its old URLs, answering 410 Gone', async (a) => {
  const n = await apiNewsroom(a)
  const article = await createViaApi(a, n.users.author, { title: 'Soon gone' })
  await api(a, n.users.author, { method: 'POST', url: `${ARTICLES}/${article.id}/publish` })
  // A changed slug leaves a 301 from the old path behind.
  await api(a, n.users.author, { method: 'PATCH', url: `${ARTICLES}/${article.id}`, payload: { version: (await a.store.articles.get(article.id))!.version, slug: 'soon-gone-renamed' } })
  const live = json(await api(a, n.users.author, { method: 'POST', url: `${ARTICLES}/${article.id}/publish` }))
  assert.equal((await a.app.inject('/news/soon-gone')).statusCode, 301)
  assert.equal((await a.app.inject(pathOf(live.url))).statusCode, 200)
  assert.equal((await api(a, n.users.author, { method: 'DELETE', url: `${ARTICLES}/${article.id}` })).statusCode, 204)
  assert.equal((await a.app.inject(pathOf(live.url))).statusCode, 410)
  assert.equal((await a.app.inject('/news/soon-gone')).statusCode, 410)
  assert.equal((await a.app.inject('/api/v1/articles/news/soon-gone-renamed')).statusCode, 404)
})

forEachEngine('deleting the first article of a translation group keeps the others linked, or unlinks the last one', async (a) => {
  const n = await apiNewsroom(a)
  const original = await seedArticle(a.store, { title: 'Original', slug: 'original' })
  const ru = await seedArticle(a.store, { title: 'Перевод', slug: 'perevod', language: 'ru', translationOf: original })
  const kk = await seedArticle(a.store, { title: 'Аударма', slug: 'audarma', language: 'kk', translationOf: original })
  const forever = async (id: number) => {
    const before = (await a.store.articles.get(ru))?.translationGroup
    assert.equal((await api(a, n.users.editor, { method: 'DELETE', url: `${ARTICLES}/${id}` })).statusCode, 204)
    assert.equal((await a.store.articles.get(ru))?.translationGroup, before, 'the trash keeps the group as it was')
    assert.equal((await api(a, n.users.editor, { method: 'DELETE', url: `${ARTICLES}/${id}/forever` })).statusCode, 204)
  }
  await forever(original)
  assert.equal((await a.store.articles.get(ru))?.translationGroup, ru)
  assert.equal((await a.store.articles.get(kk))?.translationGroup, ru)
  await forever(kk)
  assert.equal((await a.store.articles.get(ru))?.translationGroup, null)
  assert.equal((await a.app.inject('/ru/news/perevod')).statusCode, 200)
})

forEachEngine('every answer, success or error, is one the OpenAPI document describes', async (a) => {
  const n = await apiNewsroom(a)
  const check = documentValidator(OPENAPI) as (path: string, method: string, res: LightMyRequestResponse) => void
  const one = `${ARTICLES}/{id}`
  const created = await api(a, n.users.author, { method: 'POST', url: ARTICLES, payload: { title: 'Documented', section: 'news' } })
  check(ARTICLES, 'post', created)
  check(ARTICLES, 'post', await api(a, n.users.author, { method: 'POST', url: ARTICLES, payload: { title: 'Curated', section: 'news', editors_choice: 3 } }))
  const id = created.json().id as number
  check(ARTICLES, 'post', await api(a, n.users.author, { method: 'POST', url: ARTICLES, payload: { title: 'No section' } }))
  check(ARTICLES, 'get', await api(a, n.users.author, { url: ARTICLES }))
  check(ARTICLES, 'get', await api(a, null, { url: ARTICLES }))
  check(one, 'get', await api(a, n.users.author, { url: `${ARTICLES}/${id}` }))
  check(one, 'get', await api(a, n.users.contributor, { url: `${ARTICLES}/${id}` }))
  check(one, 'get', await api(a, n.users.author, { url: `${ARTICLES}/99999` }))
  check(one, 'patch', await api(a, n.users.author, { method: 'PATCH', url: `${ARTICLES}/${id}`, payload: { version: 1, tags: ['energy'] } }))
  check(one, 'patch', await api(a, n.users.author, { method: 'PATCH', url: `${ARTICLES}/${id}`, payload: { version: 1, tags: [] } }))
  check(`${one}/publish`, 'post', await api(a, n.users.author, { method: 'POST', url: `${ARTICLES}/${id}/publish`, payload: { at: 'soon' } }))
  const published = await api(a, n.users.author, { method: 'POST', url: `${ARTICLES}/${id}/publish` })
  check(`${one}/publish`, 'post', published)
  assert.equal(published.json().url, 'https://news.example/news/documented')
  check(`${one}/unpublish`, 'post', await api(a, n.users.author, { method: 'POST', url: `${ARTICLES}/${id}/unpublish` }))
  check(`${one}/unpublish`, 'post', await api(a, n.users.author, { method: 'POST', url: `${ARTICLES}/${id}/unpublish` }))
  check(one, 'delete', await api(a, n.users.contributor, { method: 'DELETE', url: `${ARTICLES}/${id}` }))
  check(one, 'delete', await api(a, n.users.author, { method: 'DELETE', url: `${ARTICLES}/${id}` }))
})
