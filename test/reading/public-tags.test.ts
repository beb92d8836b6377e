// A tag is public only once a live article carries it: drafts' tags answer nowhere on the site, and autosave makes none.

import assert from 'node:assert/strict'
import type { TestContext } from 'node:test'
import { forEachEngine, type Engine } from '../support/databases.ts'
import { cookieHeader, csrfOf, postForm, setupOwner } from '../support/desk.ts'
import { buildSiteApp } from '../support/web.ts'
import { allowUnsigned, seedTaxonomy } from '../support/seed.ts'
import type { TestApp } from '../support/build-test-app.ts'

const FORM = { title: 'Zqelection night', standfirst: 'Counting went on.', body: '<p>Polls closed.</p>', section: 'news', genre: 'news' }

/** Every public place a tag could show up, answered for `slug`. */
async function publicFaces(a: TestApp, slug: string) {
  const tags = (await a.app.inject('/api/v1/tags')).json() as { items: { slug: string }[] }
  const sitemaps = await Promise.all(['pages', 'tags'].map((n) => a.app.inject(`/sitemaps/${n}.xml`)))
  return {
    page: (await a.app.inject(`/tag/${slug}`)).statusCode,
    feed: (await a.app.inject(`/tag/${slug}/rss.xml`)).statusCode,
    inApi: tags.items.some((t) => t.slug === slug),
    apiFilter: (await a.app.inject(`/api/v1/articles?tag=${slug}`)).statusCode,
    inSitemap: sitemaps.some((r) => r.body.includes(`/tag/${slug}<`)),
  }
}

async function writer(t: TestContext, engine: Engine) {
  const a = await buildSiteApp(t, { engine })
  await seedTaxonomy(a.store)
  // The articles here are unsigned: what is tested is when their tags become public.
  await allowUnsigned(a.store, 'news')
  const owner = await setupOwner(a)
  const csrf = csrfOf((await a.app.inject({ url: '/desk/articles/new', headers: { cookie: cookieHeader(owner) } })).body)
  const created = await postForm(a, '/desk/articles', { ...FORM, tags: 'energy', _csrf: csrf }, owner)
  assert.equal(created.statusCode, 303, created.body)
  const id = Number(/\/desk\/articles\/(\d+)\/edit/.exec(created.headers.location as string)![1])
  return { a, owner, csrf, id }
}

forEachEngine('autosaves make no tag of each prefix typed; the explicit save makes the tag', async (t, engine) => {
  const { a, owner, csrf, id } = await writer(t, engine)
  let version = 1
  for (const typed of ['zq', 'zqel', 'zqelec', 'zqelection']) {
    const res = await a.app.inject({
      method: 'POST', url: `/desk/articles/${id}/autosave`, headers: { cookie: cookieHeader(owner) },
      payload: { _csrf: csrf, version, fields: { ...FORM, tags: `energy, ${typed}` } },
    })
    assert.equal(res.statusCode, 200, res.body)
    version = res.json().version
    assert.equal(await a.store.taxonomy.tagBySlug(typed), undefined, `autosave made no tag "${typed}"`)
  }
  assert.deepEqual((await a.services.editing.revision(id, (await a.services.editing.revisions(id)).items[0]!.id)).snapshot.tags, ['energy'])
  const saved = await postForm(a, `/desk/articles/${id}`, { ...FORM, tags: 'energy, Zqelection', new_tags: 'Zqelection', version: String(version), _csrf: csrf }, owner)
  assert.equal(saved.statusCode, 303, saved.body)
  assert.equal((await a.store.taxonomy.tagBySlug('zqelection'))?.name, 'Zqelection')
  for (const prefix of ['zq', 'zqel', 'zqelec']) assert.equal(await a.store.taxonomy.tagBySlug(prefix), undefined)
})

forEachEngine("a draft's new tag is nowhere public until the article is published: tag page and feed 404, not in the API or sitemaps", async (t, engine) => {
  const { a, owner, csrf, id } = await writer(t, engine)
  const saved = await postForm(a, `/desk/articles/${id}`, { ...FORM, tags: 'energy, Zqelection', new_tags: 'Zqelection', version: '1', _csrf: csrf }, owner)
  assert.equal(saved.statusCode, 303, saved.body)
  assert.ok(await a.store.taxonomy.tagBySlug('zqelection'), 'the tag exists for the desk')
  assert.deepEqual(await publicFaces(a, 'zqelection'), { page: 404, feed: 404, inApi: false, apiFilter: 400, inSitemap: false })
  assert.equal((await a.app.inject('/search?q=zqelection&tag=zqelection')).statusCode, 400, 'search knows no such tag')

  const moved = await postForm(a, `/desk/articles/${id}/status`, { to: 'published', _csrf: csrf }, owner)
  assert.equal(moved.statusCode, 303, moved.body)
  assert.deepEqual(await publicFaces(a, 'zqelection'), { page: 200, feed: 200, inApi: true, apiFilter: 200, inSitemap: true })

  // Taken down again, the tag goes private with it.
  assert.equal((await postForm(a, `/desk/articles/${id}/status`, { to: 'unpublished', confirm: 'yes', _csrf: csrf }, owner)).statusCode, 303)
  assert.deepEqual(await publicFaces(a, 'zqelection'), { page: 404, feed: 404, inApi: false, apiFilter: 400, inSitemap: false })
})
