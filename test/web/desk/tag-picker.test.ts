// Tags in the article form: a typo never becomes a topic; new tags only on an explicit choice; the picker's JSON (both engines).

import type { TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp } from '../../support/web.ts'
import { seedTaxonomy } from '../../support/seed.ts'
import { cookieHeader, csrfOf, postForm, setupOwner, userSession } from '../../support/desk.ts'
import { forEachEngine as eachEngine } from '../../support/databases.ts'
import type { TestApp } from '../../support/build-test-app.ts'

function forEachEngine(name: string, fn: (a: TestApp, t: TestContext) => Promise<void>): void {
  eachEngine(name, async (t, engine) => {
    const a = await buildSiteApp(t, { engine })
    await seedTaxonomy(a.store)
    await fn(a, t)
  })
}

const FORM = { title: 'Turnout rises', standfirst: 'Queues at noon.', body: '<p>Polls opened.</p>', section: 'news', genre: 'news' }
const get = (a: TestApp, url: string, cookies: Record<string, string>) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })

forEachEngine('an unknown tag name is refused with a "Create tag" choice; only the chosen names become topics', async (a) => {
  const owner = await setupOwner(a)
  const csrf = csrfOf((await get(a, '/desk/articles/new', owner)).body)
  const before = (await a.store.taxonomy.tags()).length

  // A typo of an existing tag and a truly new name: both unknown, the save changes nothing and says which.
  const refused = await postForm(a, '/desk/articles', { ...FORM, tags: 'Energy, Electoins, Water rights', _csrf: csrf }, owner)
  assert.equal(refused.statusCode, 400)
  assert.match(refused.body, /there are no tags &quot;Electoins&quot;, &quot;Water rights&quot;/)
  assert.match(refused.body, /name="new_tag:electoins" value="1"> Create tag “Electoins”/)
  assert.match(refused.body, /name="new_tag:water-rights" value="1"> Create tag “Water rights”/)
  assert.match(refused.body, /value="Energy, Electoins, Water rights"/, 'what was typed comes back')
  assert.equal((await a.store.taxonomy.tags()).length, before, 'no tag was made')
  assert.equal((await a.store.deskArticles.list({ page: 1, perPage: 10, text: 'Turnout' })).items.length, 0, 'no article was made')

  // Without JavaScript: correct the typo, tick "Create tag" for the new one.
  const created = await postForm(a, '/desk/articles', { ...FORM, tags: 'Energy, Elections, Water rights', 'new_tag:water-rights': '1', _csrf: csrf }, owner)
  assert.equal(created.statusCode, 303, created.body)
  assert.equal((await a.store.taxonomy.tagBySlug('water-rights'))?.name, 'Water rights')
  assert.equal(await a.store.taxonomy.tagBySlug('electoins'), undefined)
  const id = Number(/\/desk\/articles\/(\d+)\/edit/.exec(created.headers.location as string)![1])
  const tags = await Promise.all((await a.store.articles.get(id))!.tagIds.map((t) => a.store.taxonomy.tag(t)))
  assert.deepEqual(tags.map((t) => t!.slug), ['energy', 'elections', 'water-rights'])

  // With the picker: the names chosen through "Create tag" arrive in new_tags.
  const page = await get(a, `/desk/articles/${id}/edit`, owner)
  const version = /name="version" value="(\d+)"/.exec(page.body)![1]!
  const saved = await postForm(a, `/desk/articles/${id}`, { ...FORM, tags: 'Energy, Glaciers', new_tags: 'Glaciers, Never typed', version, _csrf: csrf }, owner)
  assert.equal(saved.statusCode, 303, saved.body)
  assert.ok(await a.store.taxonomy.tagBySlug('glaciers'))
  assert.equal(await a.store.taxonomy.tagBySlug('never-typed'), undefined, 'a name marked new but not among the tags is not made')
})

forEachEngine('an autosave skips unknown tag names without refusing or making them', async (a) => {
  const owner = await setupOwner(a)
  const csrf = csrfOf((await get(a, '/desk/articles/new', owner)).body)
  const created = await postForm(a, '/desk/articles', { ...FORM, tags: 'energy', _csrf: csrf }, owner)
  const id = Number(/\/desk\/articles\/(\d+)\/edit/.exec(created.headers.location as string)![1])
  const autosave = await a.app.inject({
    method: 'POST', url: `/desk/articles/${id}/autosave`, headers: { cookie: cookieHeader(owner) },
    payload: { _csrf: csrf, version: 1, fields: { ...FORM, tags: 'energy, Glacie' } },
  })
  assert.equal(autosave.statusCode, 200, autosave.body)
  assert.equal(await a.store.taxonomy.tagBySlug('glacie'), undefined)

  // The first autosave of a new article (the create endpoint answered in JSON) skips them the same way.
  const first = await a.app.inject({
    method: 'POST', url: '/desk/articles', headers: { cookie: cookieHeader(owner), accept: 'application/json' },
    payload: { _csrf: csrf, ...FORM, title: 'Glaciers retreat', tags: 'energy, Vote coun' },
  })
  assert.equal(first.statusCode, 201, first.body)
  const tags = await Promise.all((await a.store.articles.get(first.json().id))!.tagIds.map((t) => a.store.taxonomy.tag(t)))
  assert.deepEqual(tags.map((t) => t!.slug), ['energy'])
  assert.equal(await a.store.taxonomy.tagBySlug('vote-coun'), undefined)
})

forEachEngine('/desk/tags.json suggests tags by name, starting matches first, and says whether the name exists', async (a) => {
  const owner = await setupOwner(a)
  const contributor = await userSession(a, 'contributor')
  const json = async (q: string, who = owner) => {
    const res = await get(a, `/desk/tags.json?q=${encodeURIComponent(q)}`, who)
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.headers['cache-control'], 'private, no-store')
    return res.json() as { tags: { slug: string; name: string; kind: string }[]; exact: boolean }
  }
  assert.deepEqual((await json('el')).tags.map((t) => t.slug), ['elections'])
  assert.equal((await json('el')).exact, false)
  assert.equal((await json('Elections')).exact, true)
  // "kaz" finds the place; "a" finds names starting with it before names containing it.
  assert.deepEqual((await json('kaz', contributor.cookies)).tags, [{ slug: 'kazakhstan', name: 'Kazakhstan', kind: 'place' }])
  assert.deepEqual((await json('c')).tags.map((t) => t.slug).slice(0, 1), ['central-asia'])
  assert.deepEqual(await json(''), { tags: [], exact: false })
  assert.deepEqual(await json('100%_'), { tags: [], exact: false }, 'LIKE wildcards are taken literally')
  const long = await get(a, `/desk/tags.json?q=${'x'.repeat(101)}`, owner)
  assert.equal(long.statusCode, 400)
  assert.equal(long.json().field, 'q')
  const anonymous = await a.app.inject('/desk/tags.json?q=el')
  assert.equal(anonymous.statusCode, 303, 'the desk asks for a login')
})

forEachEngine('/desk/media.json pages the whole library and searches it by name, alt, caption and credit', async (a) => {
  const owner = await setupOwner(a)
  const { media } = a.services
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')
  for (let i = 0; i < 26; i++) {
    await media.upload({ data: png, filename: `photo-${i}.png`, alt: `Picture ${i}`, caption: i === 3 ? 'Steppe at dawn' : '', credit: i === 5 ? 'Ayan Photo' : '' })
  }
  await media.upload({ data: png, filename: 'glacier-tuyuksu.png', alt: '' })
  const first = await get(a, '/desk/media.json', owner)
  assert.equal(first.statusCode, 200, first.body)
  const p1 = first.json() as { items: { id: number; alt: string; thumb: string; path: string }[]; hasNext: boolean; page: number }
  assert.equal(p1.items.length, 24)
  assert.equal(p1.hasNext, true)
  assert.equal(p1.items[0]!.alt, '', 'newest first, images without alt text included')
  const p2 = (await get(a, '/desk/media.json?page=2', owner)).json() as typeof p1
  assert.equal(p2.items.length, 3)
  assert.equal(p2.hasNext, false)
  for (const [q, alt] of [['steppe', 'Picture 3'], ['ayan', 'Picture 5'], ['picture 12', 'Picture 12']] as const) {
    const found = (await get(a, `/desk/media.json?q=${encodeURIComponent(q)}`, owner)).json() as typeof p1
    assert.deepEqual(found.items.map((m) => m.alt), [alt], q)
  }
  const byName = (await get(a, '/desk/media.json?q=tuyuksu', owner)).json() as typeof p1
  assert.equal(byName.items.length, 1)
  assert.equal((await get(a, '/desk/media.json?page=0', owner)).statusCode, 400)
  assert.equal((await get(a, `/desk/media.json?q=${'x'.repeat(201)}`, owner)).statusCode, 400)
})
