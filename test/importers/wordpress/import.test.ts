// `importWordPress` end to end on both engines: what lands, original times, redirects, re-runs, interruptions, dry runs.

import assert from 'node:assert/strict'
import { forEachDatabase, forEachEngine, scratchStore } from '../../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../../support/seed.ts'
import { firstItems, FIXTURE, fixtureText, tempFile, wxr11 } from './fixtures.ts'
import { articleOf, POSTS, runImport, SITE, snapshot } from './support.ts'

forEachDatabase('a WordPress export lands as articles with sections, topics, bylines, statuses and original times', async (store) => {
  const report = await runImport(store, FIXTURE)
  assert.equal(report.error, null)
  assert.deepEqual(report.articles, { imported: 11, updated: 0, skipped: 0, refused: 0 })
  assert.equal(report.source.site, SITE)
  assert.deepEqual(report.notImported, { 'attachments (left remote)': 1, comments: 1, 'event (custom post type)': 1, 'menu items': 1 })
  assert.deepEqual(report.pages, { imported: 1, updated: 0, skipped: 0, refused: 0 })

  const id = (await articleOf(store, '10'))!
  const a = (await store.articles.get(id))!
  assert.equal(a.status, 'published')
  assert.equal(a.publishedAt, Date.UTC(2019, 2, 4, 10, 15), 'published at the WXR GMT date, not now')
  assert.equal(a.updatedAt, Date.UTC(2019, 2, 5, 8, 0))
  assert.deepEqual(await store.articles.livePath(id), { language: 'en', sectionSlug: 'europe', slug: 'election-results' })
  assert.deepEqual((await Promise.all(a.tagIds.map((t) => store.taxonomy.tag(t)))).map((t) => t?.slug), ['news', 'elections'])
  assert.deepEqual((await Promise.all(a.authorIds.map((x) => store.people.author(x)))).map((x) => x?.name), ['Anna Petrova'])
  assert.equal(a.editorsChoice, true)
  assert.equal(a.standfirst, 'Turnout was high & the vote calm.')
  assert.equal(a.seoTitle, 'Election results: what they mean')
  assert.match(a.bodyHtml, /<figure class="image"><img src="https:\/\/old\.example\.org\/wp-content\/uploads\/2019\/03\/photo-1\.jpg" alt="Voters queue"[^>]*\/><figcaption>Voters queue in the capital<\/figcaption><\/figure>/)
  assert.match(a.bodyHtml, /<figure class="embed embed-video"><iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ"/)
  assert.doesNotMatch(a.bodyHtml, /script|<!--/)
  assert.equal(await store.related.hasTerms(id), true, 'related articles were indexed with the batch')

  const status = async (post: string) => {
    const x = (await store.articles.get((await articleOf(store, post))!))!
    return [x.status, x.scheduledAt]
  }
  assert.deepEqual(await status('16'), ['draft', null])
  assert.deepEqual(await status('17'), ['scheduled', Date.UTC(2030, 0, 1, 8)])
  assert.deepEqual(await status('18'), ['draft', null])
  assert.deepEqual(await status('19'), ['in_review', null])
  assert.deepEqual(await status('20'), ['draft', null])
  assert.equal(await store.live.count(), 6)
  assert.deepEqual(report.drafted.map((d) => d.reason), ['private in WordPress', 'password-protected in WordPress'])

  const greek = (await store.articles.get((await articleOf(store, '12'))!))!
  assert.equal(greek.slug, 'ellinika-nea')
  const europe = (await store.taxonomy.tagBySlug('europe'))!
  assert.equal((await store.taxonomy.tag(europe.parentId!))?.slug, 'world', 'a nested category keeps its parent as a topic')
  assert.equal((await store.redirects.find('/2019/03/04/election-results'))?.toArticleId, id)
  assert.equal((await store.redirects.find('/?p=10'))?.toArticleId, id)
  assert.equal((await store.redirects.find('/2019/05/01/%CE%B5%CE%BB%CE%BB%CE%B7%CE%BD%CE%B9%CE%BA%CE%AC-%CE%BD%CE%AD%CE%B1'))?.toArticleId, greek.id)
  assert.deepEqual(report.altered.removedMarkup, { 'img[class]': 1, script: 1, div: 1 })
  assert.deepEqual(report.altered.shortcodesKept, { 'contact-form-7': 1 })
  assert.deepEqual(report.altered.galleryIdsUnresolved, ['51'])
})

forEachDatabase('running the same import again doubles nothing, and a post changed since is updated', async (store, t) => {
  await runImport(store, FIXTURE)
  const before = await snapshot(store, POSTS)
  const again = await runImport(store, FIXTURE)
  assert.deepEqual(again.articles, { imported: 0, updated: 0, skipped: 11, refused: 0 })
  assert.deepEqual(await snapshot(store, POSTS), before)

  const changed = fixtureText().replace('<![CDATA[<em>Gas</em> &amp; oil: the deal]]>', '<![CDATA[Gas and oil: the deal, revised]]>')
  const third = await runImport(store, await tempFile(t, 'changed.wxr', changed))
  assert.deepEqual(third.articles, { imported: 0, updated: 1, skipped: 10, refused: 0 })
  const id = (await articleOf(store, '11'))!
  assert.equal((await store.articles.get(id))?.title, 'Gas and oil: the deal, revised')
  assert.equal((await store.live.findByPath('en', 'opinion', 'gas-oil-deal'))?.title, 'Gas and oil: the deal, revised', 'the live copy follows')
  assert.equal(await store.origins.count('wordpress', SITE, 'article'), 11)
  assert.equal(await store.live.count(), 6)
})

forEachEngine('an import stopped after some items and run again ends as one that was never stopped', async (t, engine) => {
  const whole = await scratchStore(t, engine)
  await runImport(whole, FIXTURE)
  for (const k of [3, 8]) {
    const resumed = await scratchStore(t, engine)
    const part = await runImport(resumed, await tempFile(t, `first-${k}.wxr`, firstItems(fixtureText(), k)))
    assert.equal(part.error, null)
    assert.ok(part.articles.imported > 0 && part.articles.imported < 11)
    await runImport(resumed, FIXTURE)
    assert.deepEqual(await snapshot(resumed, POSTS), await snapshot(whole, POSTS), `stopped after ${k} items`)
  }
})

forEachDatabase('a dry run reports what would be imported and writes nothing', async (store) => {
  const report = await runImport(store, FIXTURE, { dryRun: true })
  assert.equal(report.dryRun, true)
  assert.deepEqual(report.articles, { imported: 11, updated: 0, skipped: 0, refused: 0 })
  assert.deepEqual(report.altered.removedMarkup, { 'img[class]': 1, script: 1, div: 1 })
  assert.equal(await store.live.count(), 0)
  assert.deepEqual(await store.taxonomy.sections(), [])
  assert.deepEqual(await store.taxonomy.tags(), [])
  assert.deepEqual(await store.people.authors(), [])
  assert.deepEqual((await store.redirects.list({ limit: 10, offset: 0 })).items, [])
  assert.equal(await store.origins.count('wordpress', SITE, 'article'), 0)
  assert.deepEqual(await store.audit.list({ limit: 10 }), [])
})

forEachDatabase('a malformed file imports the items before the fault, reports line and column, and the fixed file completes it', async (store, t) => {
  const text = fixtureText()
  const broken = text.replace('<title><![CDATA[Staff only memo]]></title>', '<title><![CDATA[Staff only memo]]></title></oops>')
  const report = await runImport(store, await tempFile(t, 'broken.wxr', broken))
  const line = broken.split('\n').findIndex((l) => l.includes('</oops>')) + 1
  assert.equal(report.error?.line, line)
  assert.ok((report.error?.column ?? 0) > 1)
  assert.deepEqual(report.articles, { imported: 6, updated: 0, skipped: 0, refused: 0 })
  assert.equal(await store.live.count(), 6)
  const fixed = await runImport(store, FIXTURE)
  assert.deepEqual(fixed.articles, { imported: 5, updated: 0, skipped: 6, refused: 0 })
})

forEachDatabase('an import never takes over a live path: a taken slug gets the post id, live and redirected paths are left alone', async (store, t) => {
  await seedTaxonomy(store)
  const mine = await seedArticle(store, { title: 'Our own Greek story', slug: 'ellinika-nea' })
  const ours = await seedArticle(store, { title: 'Our own story', slug: 'existing' })
  await store.redirects.put({ fromPath: '/?p=10', status: 302, toArticleId: null, toUrl: 'https://donate.example', kind: 'manual', createdAt: 1 })
  const text = fixtureText().replace('https://old.example.org/2019/05/02/%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8-%d0%b4%d0%bd%d1%8f/', 'https://old.example.org/news/existing/')
  const report = await runImport(store, await tempFile(t, 'clash.wxr', text))
  assert.equal(report.articles.imported, 11)
  const greek = (await store.articles.get((await articleOf(store, '12'))!))!
  assert.equal(greek.slug, 'ellinika-nea-12')
  assert.equal((await store.live.findByPath('en', 'news', 'ellinika-nea'))?.id, mine)
  assert.equal((await store.redirects.find('/?p=10'))?.toUrl, 'https://donate.example')
  assert.equal(await store.redirects.find('/news/existing'), undefined)
  assert.equal((await store.live.findByPath('en', 'news', 'existing'))?.id, ours)
  const notes = report.notes.map((n) => n.reason).join('\n')
  assert.match(notes, /slug ellinika-nea is taken in \/news; imported as ellinika-nea-12/)
  assert.match(notes, /the old path \/\?p=10 already redirects elsewhere/)
  assert.match(notes, /the old path \/news\/existing is live on this site/)
})

forEachDatabase('only a role with publishing, taxonomy, byline and redirect rights may import', async (store) => {
  await assert.rejects(runImport(store, FIXTURE, { actor: { kind: 'user', userId: 1, role: 'author' } }), /author role may not import/)
  assert.equal(await store.live.count(), 0)
})

forEachEngine('a WXR 1.1 export with the http namespace imports exactly as its 1.2 twin', async (t, engine) => {
  const [a, b] = [await scratchStore(t, engine), await scratchStore(t, engine)]
  await runImport(a, FIXTURE)
  const report = await runImport(b, await tempFile(t, 'site-1.1.wxr', wxr11()))
  assert.deepEqual(report.articles, { imported: 11, updated: 0, skipped: 0, refused: 0 })
  assert.deepEqual(await snapshot(b, POSTS), await snapshot(a, POSTS))
})
