// GET /preview/:id: the working copy behind a signed link, never cached, never indexed (src/web/site/preview.ts).

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildTestApp } from '../../support/build-test-app.ts'
import { seedArticle, seedTaxonomy } from '../../support/seed.ts'
import { NOW } from '../../support/editing.ts'
import { PREVIEW_SECRET_KEY, previewToken } from '../../../src/editorial/preview.ts'

test('a signed preview shows the working copy under a Preview banner, not the live copy, with noindex and no caching', async (t) => {
  const { app, store, services } = await buildTestApp(t)
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Live headline', slug: 'live-headline' })
  await services.editing.save({ articleId: id, version: 1, input: { title: 'Working headline', slug: 'live-headline', section: 'news', bodyHtml: '<p>Unpublished paragraph.</p>', authors: ['newsroom'] }, actor: { userId: null, role: 'admin' }, kind: 'autosave' })
  const { url } = await services.editing.previewUrl(id)
  const res = await app.inject(url)
  assert.equal(res.statusCode, 200)
  assert.equal(res.headers['cache-control'], 'private, no-store')
  assert.equal(res.headers['x-robots-tag'], 'noindex')
  assert.equal(res.headers.etag, undefined)
  assert.match(res.body, /<meta name="robots" content="noindex">/)
  assert.doesNotMatch(res.body, /rel="canonical"/)
  assert.doesNotMatch(res.body, /beacon/, 'a preview counts no views')
  assert.match(res.body, /Working headline/)
  assert.match(res.body, /Unpublished paragraph/)
  assert.match(res.body, /<div class="preview-banner" role="note"><strong>Preview<\/strong> · This is the saved working copy, not what readers see/)
  const live = await app.inject('/news/live-headline')
  assert.match(live.body, /Live headline/)
  assert.doesNotMatch(live.body, /preview-banner/, 'the published page has no banner')
  assert.doesNotMatch(live.body, /Unpublished paragraph/)
})

test('a draft can be previewed; the secret is made once and kept in the settings', async (t) => {
  const { app, store, services } = await buildTestApp(t)
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Only a draft', draft: true })
  const res = await app.inject((await services.editing.previewUrl(id)).url)
  assert.equal(res.statusCode, 200)
  assert.match(res.body, /Only a draft/)
  const secret = (await store.site.settings())[PREVIEW_SECRET_KEY]
  assert.match(String(secret), /^[0-9a-f]{64}$/)
  await services.editing.previewUrl(id)
  assert.equal((await store.site.settings())[PREVIEW_SECRET_KEY], secret)
})

test('an expired, tampered or malformed preview link is a 404 that is not cached', async (t) => {
  const { app, store, services, clock } = await buildTestApp(t)
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Secret draft', draft: true })
  const { url, expiresAt } = await services.editing.previewUrl(id, 60_000)
  assert.equal(expiresAt, NOW + 60_000)
  const other = await seedArticle(store, { title: 'Other draft', draft: true })
  for (const bad of [
    url.replace(/sig=([0-9a-f])/, (_m, c: string) => `sig=${c === 'a' ? 'b' : 'a'}`), url.replace(`/preview/${id}?`, `/preview/${other}?`),
    url.replace(/&sig=.*$/, ''), `/preview/${id}`, '/preview/abc?v=1&exp=1&sig=00', `/preview/${id}?v=1&exp=${'9'.repeat(40)}&sig=${'0'.repeat(64)}`,
  ]) {
    const res = await app.inject(bad)
    assert.equal(res.statusCode, 404, bad)
    assert.equal(res.headers['cache-control'], 'private, no-store', bad)
    assert.doesNotMatch(res.body, /Secret draft/)
  }
  clock.set(NOW + 60_000)
  assert.equal((await app.inject(url)).statusCode, 404, 'expired')
  clock.set(NOW + 59_000)
  assert.equal((await app.inject(url)).statusCode, 200, 'still valid a second before')
})

test('a correctly signed link to an article that does not exist is a 404', async (t) => {
  const { app, store, services, clock } = await buildTestApp(t)
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Exists', draft: true })
  await services.editing.previewUrl(id)
  const secret = String((await store.site.settings())[PREVIEW_SECRET_KEY])
  const res = await app.inject(previewToken(999_999, 1, secret, clock.now() + 60_000))
  assert.equal(res.statusCode, 404)
  await assert.rejects(services.editing.previewUrl(999_999), /no such article/)
})

test('a link made for one version shows a notice, not the newer text, once the working copy has moved on', async (t) => {
  const { app, store, services } = await buildTestApp(t)
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'First draft', slug: 'first-draft', draft: true })
  const { url } = await services.editing.previewUrl(id)
  assert.match((await app.inject(url)).body, /First draft/)
  const input = { title: 'Rewritten headline', slug: 'first-draft', section: 'news', bodyHtml: '<p>Text added after the link was sent.</p>', authors: ['newsroom'] }
  await services.editing.save({ articleId: id, version: (await store.articles.get(id))!.version, input, actor: { userId: null, role: 'admin' }, kind: 'save' })
  const old = await app.inject(url)
  assert.equal(old.statusCode, 410)
  assert.equal(old.headers['cache-control'], 'private, no-store')
  assert.equal(old.headers['x-robots-tag'], 'noindex')
  assert.match(old.body, /This preview is of an earlier version/)
  assert.match(old.body, /Ask the person who sent it for a new link/)
  assert.doesNotMatch(old.body, /Rewritten headline|Text added after|First draft/)
  const fresh = await app.inject((await services.editing.previewUrl(id)).url)
  assert.equal(fresh.statusCode, 200)
  assert.match(fresh.body, /Rewritten headline/)
})
