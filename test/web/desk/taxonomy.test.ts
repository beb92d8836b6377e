// The desk's sections and tags: roles, CSRF, validation, and each change as readers see it (menu, addresses, 301s after a merge).

import assert from 'node:assert/strict'
import { postForm } from '../../support/desk.ts'
import { deskNewsroom, forEachEngine, lastAction } from '../../support/desk-newsroom.ts'

const nav = (body: string): string[] => [...(/<nav class="primary-nav"[\s\S]*?<\/nav>/.exec(body)?.[0] ?? '').matchAll(/href="\/([a-z0-9-]+)"/g)].map((m) => m[1]!)
const tagLinks = (body: string): string[] => [...(/<footer class="article-tags">[\s\S]*?<\/footer>/.exec(body)?.[0] ?? '').matchAll(/href="\/tag\/([a-z0-9-]+)"/g)].map((m) => m[1]!)

forEachEngine('sections and tags are for editors and admins; posts need the CSRF field', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  for (const url of ['/desk/sections', '/desk/tags', '/desk/sections/1', '/desk/tags/1']) {
    assert.equal((await d.get(url, d.contributor)).statusCode, 403, url)
    assert.equal((await d.get(url, d.author)).statusCode, 403, url)
    assert.equal((await d.get(url, d.editor)).statusCode, 200, url)
    assert.equal((await d.get(url, d.owner)).statusCode, 200, url)
  }
  assert.equal((await d.post('/desk/sections', { name: 'Features', slug: 'features' }, d.author)).statusCode, 403)
  assert.equal((await postForm(d.a, '/desk/sections', { name: 'Features', slug: 'features' }, d.editor)).statusCode, 403)
  assert.equal((await postForm(d.a, '/desk/tags', { name: 'Oil', slug: 'oil', kind: 'topic' }, d.editor)).statusCode, 403)
  assert.equal(await d.a.store.taxonomy.sectionBySlug('features'), undefined)
  assert.equal(await d.a.store.taxonomy.tagBySlug('oil'), undefined)
})

forEachEngine('a new section needs a free, well-formed slug that is no reserved address or language code', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ name: 'Tags', slug: 'tag' }, 'slug', /reserved address/],
    [{ name: 'Russian', slug: 'ru' }, 'slug', /reserved address/],
    [{ name: 'Desk', slug: 'desk' }, 'slug', /reserved address/],
    [{ name: 'Bad', slug: 'Bad Slug!' }, 'slug', /lower-case letters/],
    [{ name: 'Again', slug: 'news' }, 'slug', /already has the slug &quot;news&quot;/],
    [{ name: '  ', slug: 'blank' }, 'name', /name is required/],
  ]
  for (const [form, field, message] of cases) {
    const res = await d.post('/desk/sections', form)
    assert.equal(res.statusCode, 400, form.slug)
    assert.match(res.body, message)
    assert.match(res.body, new RegExp(`id="new-${field}-error"`))
    assert.match(res.body, new RegExp(`value="${form.slug!.replace(/[!]/g, '\\$&')}"`), 'the form keeps what was typed')
  }
  assert.equal((await d.a.store.taxonomy.sections()).length, 4)

  const ok = await d.post('/desk/sections', { name: 'Features', slug: 'features', description: 'Long reads' })
  assert.equal(ok.statusCode, 303)
  assert.equal(ok.headers.location, '/desk/sections?done=created')
  assert.match((await d.get('/desk/sections?done=created', d.editor)).body, /role="status">The section was added\./)
  assert.equal((await d.a.app.inject('/features')).statusCode, 200)
  assert.equal(await lastAction(d), 'section.create')
})

forEachEngine('renaming a section moves its pages and leaves 301s from the old addresses; the menu follows at once', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const news = (await d.a.store.taxonomy.sectionBySlug('news'))!
  assert.deepEqual(nav((await d.a.app.inject('/')).body).slice(0, 2), ['news', 'opinion'])
  // The newsroom's sections publish unsigned pieces (desk-newsroom.ts): the form keeps the box ticked.
  const res = await d.post(`/desk/sections/${news.id}`, { name: 'World', slug: 'world', description: 'The world', allow_unsigned: '1' })
  assert.equal(res.statusCode, 303)
  const front = await d.a.app.inject('/')
  assert.deepEqual(nav(front.body).slice(0, 2), ['world', 'opinion'])
  assert.match(front.body, />World</)
  assert.equal((await d.a.app.inject('/world/election-results')).statusCode, 200)
  const old = await d.a.app.inject('/news/election-results')
  assert.equal(old.statusCode, 301)
  assert.equal(old.headers.location, '/world/election-results')
  const listing = await d.a.app.inject('/news')
  assert.equal(listing.statusCode, 301)
  assert.equal(listing.headers.location, '/world')
  const entry = (await d.a.store.audit.list({ limit: 1 }))[0]!
  assert.equal(entry.action, 'section.update')
  assert.equal(entry.userId, d.editorId)
  assert.deepEqual(entry.details, { from: { slug: 'news', name: 'News' }, to: { slug: 'world', name: 'World' } })

  // Renaming back frees the old addresses again: the article answers there, and the rows pointing away are gone.
  assert.equal((await d.post(`/desk/sections/${news.id}`, { name: 'News', slug: 'news' })).statusCode, 303)
  assert.equal((await d.a.app.inject('/news/election-results')).statusCode, 200)
  assert.equal(await d.a.store.redirects.find('/news/election-results'), undefined)
  assert.equal(await d.a.store.redirects.find('/news'), undefined)
  assert.equal((await d.a.app.inject('/world/election-results')).headers.location, '/news/election-results')
  await d.post(`/desk/sections/${news.id}`, { name: 'World', slug: 'world' })

  const bad = await d.post(`/desk/sections/${news.id}`, { name: 'World', slug: 'archive' })
  assert.equal(bad.statusCode, 400)
  assert.match(bad.body, /id="edit-slug-error"/)
  assert.equal((await d.a.store.taxonomy.section(news.id))!.slug, 'world')
})

forEachEngine('sections move up and down in the menu; only an empty section can be deleted (409 otherwise)', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const opinion = (await d.a.store.taxonomy.sectionBySlug('opinion'))!
  assert.equal((await d.post(`/desk/sections/${opinion.id}/move`, { direction: 'up' })).statusCode, 303)
  assert.deepEqual((await d.a.store.taxonomy.sections()).map((s) => s.slug), ['opinion', 'news', 'analysis', 'monday-commentary'])
  assert.deepEqual(nav((await d.a.app.inject('/')).body).slice(0, 2), ['opinion', 'news'])
  assert.equal((await d.post(`/desk/sections/${opinion.id}/move`, { direction: 'left' })).statusCode, 400)

  const busy = await d.post(`/desk/sections/${opinion.id}/delete`, {})
  assert.equal(busy.statusCode, 409)
  assert.match(busy.body, /&quot;Opinion&quot; still holds 2 articles/)
  assert.ok(await d.a.store.taxonomy.sectionBySlug('opinion'))
  const empty = (await d.a.store.taxonomy.sectionBySlug('monday-commentary'))!
  assert.equal((await d.post(`/desk/sections/${empty.id}/delete`, {})).statusCode, 303)
  assert.equal(await d.a.store.taxonomy.sectionBySlug('monday-commentary'), undefined)
  assert.equal((await d.a.app.inject('/monday-commentary')).statusCode, 404)
  assert.equal(await lastAction(d), 'section.delete')
  assert.equal((await d.post('/desk/sections/99999/delete', {})).statusCode, 404)
})

forEachEngine('the tag list filters by kind and text and pages; new tags are checked (kind, parent, ISO code)', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const places = await d.get('/desk/tags?kind=place', d.editor)
  assert.match(places.body, /Kazakhstan/)
  assert.doesNotMatch(places.body, />Energy</)
  const text = await d.get('/desk/tags?q=ENER', d.editor)
  assert.match(text.body, />Energy</)
  assert.doesNotMatch(text.body, />Kazakhstan</)
  assert.equal((await d.get('/desk/tags?kind=person', d.editor)).statusCode, 400)
  for (let i = 0; i < 50; i++) await d.a.store.taxonomy.insertTag({ slug: `topic-${i}`, name: `Topic ${String(i).padStart(2, '0')}`, kind: 'topic', parentId: null, isoCode: null, description: '' })
  const first = await d.get('/desk/tags', d.editor)
  assert.match(first.body, /rel="next" href="\/desk\/tags\?page=2"/)
  assert.match((await d.get('/desk/tags?page=2', d.editor)).body, /rel="prev"/)

  const refused: [Record<string, string>, string][] = [
    [{ name: 'Oil', slug: 'oil', kind: 'topic', isoCode: 'KZ' }, 'isoCode'],
    [{ name: 'Georgia', slug: 'georgia', kind: 'place', isoCode: 'Georgia' }, 'isoCode'],
    [{ name: 'Oil', slug: 'oil', kind: 'mood' }, 'kind'],
    [{ name: 'Oil', slug: 'oil', kind: 'topic', parent: 'nowhere' }, 'parent'],
    [{ name: 'Energy again', slug: 'energy', kind: 'topic' }, 'slug'],
  ]
  for (const [form, field] of refused) {
    const res = await d.post('/desk/tags', form)
    assert.equal(res.statusCode, 400, JSON.stringify(form))
    assert.match(res.body, new RegExp(`name="${field}"[^>]*aria-invalid="true"`), field)
  }
  assert.equal(await d.a.store.taxonomy.tagBySlug('oil'), undefined)
  assert.equal((await d.post('/desk/tags', { name: 'Georgia', slug: 'georgia', kind: 'place', isoCode: 'ge', parent: 'central-asia' })).statusCode, 303)
  const georgia = (await d.a.store.taxonomy.tagBySlug('georgia'))!
  assert.equal(georgia.isoCode, 'GE')
  assert.equal(georgia.parentId, (await d.a.store.taxonomy.tagBySlug('central-asia'))!.id)
  assert.equal(await lastAction(d), 'tag.create')
  // A tag cannot sit below its own child.
  const region = (await d.a.store.taxonomy.tagBySlug('central-asia'))!
  const cycle = await d.post(`/desk/tags/${region.id}`, { name: 'Central Asia', slug: 'central-asia', kind: 'place', parent: 'georgia' })
  assert.equal(cycle.statusCode, 400)
  assert.match(cycle.body, /cannot sit below itself/)
})

forEachEngine('editing a tag renames it on article pages; a new slug leaves a 301', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const energy = (await d.a.store.taxonomy.tagBySlug('energy'))!
  assert.match((await d.a.app.inject('/opinion/energy-deal-matters')).body, />Energy</)
  const res = await d.post(`/desk/tags/${energy.id}`, { name: 'Energy policy', slug: 'energy-policy', kind: 'topic' })
  assert.equal(res.statusCode, 303)
  assert.equal(res.headers.location, `/desk/tags/${energy.id}?done=saved`)
  assert.match((await d.a.app.inject('/opinion/energy-deal-matters')).body, />Energy policy</)
  const old = await d.a.app.inject('/tag/energy')
  assert.equal(old.statusCode, 301)
  assert.equal(old.headers.location, '/tag/energy-policy')
  assert.equal(await lastAction(d), 'tag.update')
})

forEachEngine('merging a tag moves its articles (working and live), deletes it, and /tag/<old> answers 301', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const energy = (await d.a.store.taxonomy.tagBySlug('energy'))!
  const elections = (await d.a.store.taxonomy.tagBySlug('elections'))!
  // Warm the cache with the pages that must change.
  assert.deepEqual(tagLinks((await d.a.app.inject('/opinion/energy-deal-matters')).body), ['energy', 'kazakhstan'])
  assert.doesNotMatch((await d.a.app.inject('/tag/elections')).body, /energy-deal-matters/)

  const self = await d.post(`/desk/tags/${energy.id}/merge`, { into: 'energy' })
  assert.equal(self.statusCode, 400)
  assert.match(self.body, /cannot be merged into itself/)
  const missing = await d.post(`/desk/tags/${energy.id}/merge`, { into: 'nowhere' })
  assert.equal(missing.statusCode, 400)
  assert.match(missing.body, /id="merge-into-error">there is no tag &quot;nowhere&quot;/)
  assert.ok(await d.a.store.taxonomy.tag(energy.id))

  const res = await d.post(`/desk/tags/${energy.id}/merge`, { into: 'elections' })
  assert.equal(res.statusCode, 303)
  assert.equal(await d.a.store.taxonomy.tag(energy.id), undefined)
  assert.deepEqual(tagLinks((await d.a.app.inject('/opinion/energy-deal-matters')).body), ['elections', 'kazakhstan'])
  assert.match((await d.a.app.inject('/tag/elections')).body, /energy-deal-matters/)
  assert.ok((await d.a.store.articles.get(d.news.related))!.tagIds.includes(elections.id))
  const old = await d.a.app.inject('/tag/energy')
  assert.equal(old.statusCode, 301)
  assert.equal(old.headers.location, '/tag/elections')
  const entry = (await d.a.store.audit.list({ limit: 1 }))[0]!
  assert.equal(entry.action, 'tag.merge')
  assert.equal(entry.details.into, 'elections')
})

forEachEngine('deleting a tag takes it off its articles', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const kz = (await d.a.store.taxonomy.tagBySlug('kazakhstan'))!
  assert.deepEqual(tagLinks((await d.a.app.inject('/opinion/energy-deal-matters')).body), ['energy', 'kazakhstan'])
  assert.equal((await d.post(`/desk/tags/${kz.id}/delete`, {})).statusCode, 303)
  assert.deepEqual(tagLinks((await d.a.app.inject('/opinion/energy-deal-matters')).body), ['energy'])
  assert.equal((await d.a.app.inject('/tag/kazakhstan')).statusCode, 404)
  assert.equal(await lastAction(d), 'tag.delete')
})
