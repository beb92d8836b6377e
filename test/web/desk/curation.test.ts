// The desk's front page: who may curate, CSRF, the lead pin and the editor's choice, and that readers see each change at once.

import assert from 'node:assert/strict'
import { sectionWithClass } from '../../support/web.ts'
import { postForm } from '../../support/desk.ts'
import { deskNewsroom, forEachEngine, lastAction } from '../../support/desk-newsroom.ts'
import { seedArticle } from '../../support/seed.ts'
import { NOW } from '../../support/editing.ts'

const leadSlug = (body: string): string | undefined => /<article class="lead-story">[\s\S]*?href="\/[a-z-]+\/([a-z0-9-]+)"/.exec(body)?.[1]
const picksOrder = (body: string): string[] =>
  [...(sectionWithClass(body, 'block-picks') ?? '').matchAll(/href="\/(?!author\/|tag\/)[a-z-]+\/([a-z0-9-]+)"/g)].map((m) => m[1]!).filter((s, i, all) => all.indexOf(s) === i)

forEachEngine('the front-page desk is for editors and admins; contributors and authors get 403, visitors the login form', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  assert.equal((await d.get('/desk/front', d.contributor)).statusCode, 403)
  assert.equal((await d.get('/desk/front', d.author)).statusCode, 403)
  assert.equal((await d.get('/desk/front', d.editor)).statusCode, 200)
  assert.equal((await d.get('/desk/front', d.owner)).statusCode, 200)
  const anonymous = await d.get('/desk/front')
  assert.equal(anonymous.statusCode, 303)
  assert.match(String(anonymous.headers.location), /^\/desk\/login/)
  // An author posting with a valid token is still refused, and nothing changes.
  const page = await d.get('/desk', d.author)
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!
  const res = await postForm(d.a, '/desk/front/lead', { lead: String(d.news.related), _csrf: token }, d.author)
  assert.equal(res.statusCode, 403)
  assert.equal((await d.a.store.site.settings()).lead_article_id, undefined)
})

forEachEngine('a post without the CSRF field is refused with 403 and changes nothing', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const res = await postForm(d.a, '/desk/front/picks/add', { article: String(d.news.related) }, d.editor)
  assert.equal(res.statusCode, 403)
  assert.deepEqual((await d.a.store.articles.editorsChoice()).map((p) => p.id), [d.news.opinion])
})

forEachEngine('pinning the lead changes the front page at once; clearing the pin brings back the newest', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  // Read the front page first so the cache holds it.
  assert.equal(leadSlug((await d.a.app.inject('/')).body), 'election-results')
  assert.equal(leadSlug((await d.a.app.inject('/')).body), 'election-results')
  const res = await d.post('/desk/front/lead', { lead: String(d.news.related) })
  assert.equal(res.statusCode, 303)
  assert.equal(res.headers.location, '/desk/front?done=lead')
  const confirmation = await d.get(String(res.headers.location), d.editor)
  assert.match(confirmation.body, /role="status">The lead story is pinned\./)
  assert.match(confirmation.body, new RegExp(`<option value="${d.news.related}" selected>`))
  assert.equal(leadSlug((await d.a.app.inject('/')).body), 'gas-pipeline-talks')
  assert.equal(await lastAction(d), 'front.lead-pin')

  assert.equal((await d.post('/desk/front/lead', { lead: '' })).statusCode, 303)
  assert.equal(leadSlug((await d.a.app.inject('/')).body), 'election-results')
  assert.equal(await lastAction(d), 'front.lead-clear')
})

forEachEngine('pinning a draft or a malformed id answers 400 at the field and changes nothing', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const draft = await seedArticle(d.a.store, { title: 'Unfinished', draft: true })
  for (const lead of [String(draft), 'abc', '99999']) {
    const res = await d.post('/desk/front/lead', { lead })
    assert.equal(res.statusCode, 400, lead)
    assert.match(res.body, /class="field-error" id="lead-error"/)
    assert.match(res.body, /aria-invalid="true"/)
  }
  assert.equal((await d.a.store.site.settings()).lead_article_id, undefined)
  assert.equal((await d.a.store.audit.list({ limit: 10, action: 'front.lead-pin' })).length, 0)
})

forEachEngine('the editor\'s choice: add, reorder, expire and remove, each seen on the front page straight away', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  assert.deepEqual(picksOrder((await d.a.app.inject('/')).body), ['energy-deal-matters'])

  assert.equal((await d.post('/desk/front/picks/add', { article: String(d.news.related) })).statusCode, 303)
  assert.equal(await lastAction(d), 'front.pick-add')
  assert.deepEqual(picksOrder((await d.a.app.inject('/')).body), ['energy-deal-matters', 'gas-pipeline-talks'])

  const moved = await d.post('/desk/front/picks/move', { article: String(d.news.related), direction: 'up' })
  assert.equal(moved.statusCode, 303)
  assert.deepEqual(picksOrder((await d.a.app.inject('/')).body), ['gas-pipeline-talks', 'energy-deal-matters'])
  assert.deepEqual((await d.a.store.articles.editorsChoice()).map((p) => [p.id, p.rank]), [[d.news.related, 1], [d.news.opinion, 2]])
  // The article page's picks follow too.
  assert.match((await d.a.app.inject('/news/election-results')).body, /gas-pipeline-talks[\s\S]*energy-deal-matters/)

  // An expiry in the past is refused at its row; one in the future is kept; once it passes, readers no longer see the pick.
  const past = await d.post('/desk/front/picks/expiry', { article: String(d.news.related), until: '2026-11-01T10:00' })
  assert.equal(past.statusCode, 400)
  assert.match(past.body, new RegExp(`id="until-error${d.news.related}">the expiry must be in the future`))
  assert.equal((await d.post('/desk/front/picks/expiry', { article: String(d.news.related), until: 'tomorrow' })).statusCode, 400)
  assert.equal((await d.a.store.articles.editorsChoice())[0]!.until, null)
  assert.equal((await d.post('/desk/front/picks/expiry', { article: String(d.news.related), until: '2026-11-27T12:00' })).statusCode, 303)
  assert.equal((await d.a.store.articles.editorsChoice())[0]!.until, Date.UTC(2026, 10, 27, 12))
  assert.match((await d.get('/desk/front', d.editor)).body, /value="2026-11-27T12:00"/)
  d.a.clock.set(Date.UTC(2026, 10, 27, 12, 30))
  d.a.services.site.invalidate()
  await d.a.store.invalidations.record({ all: true })
  assert.deepEqual(picksOrder((await d.a.app.inject('/')).body), ['energy-deal-matters'])
  d.a.clock.set(NOW)

  assert.equal((await d.post('/desk/front/picks/remove', { article: String(d.news.related) })).statusCode, 303)
  assert.equal(await lastAction(d), 'front.pick-remove')
  assert.deepEqual((await d.a.store.articles.editorsChoice()).map((p) => [p.id, p.rank]), [[d.news.opinion, 1]])
  assert.deepEqual(picksOrder((await d.a.app.inject('/')).body), ['energy-deal-matters'])
})

forEachEngine('adding a pick by title search, and refusals: a draft, a duplicate, a bad id', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const found = await d.get('/desk/front?q=pipeline', d.editor)
  assert.equal(found.statusCode, 200)
  assert.match(found.body, /Gas pipeline talks resume/)
  assert.match(found.body, new RegExp(`name="article" value="${d.news.related}">\\s*<span>Gas pipeline talks resume`))
  const draft = await seedArticle(d.a.store, { title: 'Unfinished', draft: true })
  for (const [article, message] of [[String(draft), /is not published/], [String(d.news.opinion), /already in the editor/], ['12x', /whole number/], ['', /required/]] as const) {
    const res = await d.post('/desk/front/picks/add', { article })
    assert.equal(res.statusCode, 400, article)
    assert.match(res.body, message)
    assert.match(res.body, /id="article-error"/)
  }
  assert.deepEqual((await d.a.store.articles.editorsChoice()).map((p) => p.id), [d.news.opinion])
  const sideways = await d.post('/desk/front/picks/move', { article: String(d.news.opinion), direction: 'sideways' })
  assert.equal(sideways.statusCode, 400)
  assert.match(sideways.body, /class="alert" role="alert" id="front-error">move up or down/)
  assert.equal((await d.post('/desk/front/picks/remove', { article: String(d.news.related) })).statusCode, 404)
})
