// Feeds and sitemaps come from the page cache and follow publications at once (src/web/site/feeds.ts, sitemaps.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp, seedNewsroom } from '../../support/web.ts'
import { seedArticle } from '../../support/seed.ts'
import { takeDown } from '../../support/editing.ts'

for (const url of ['/rss.xml', '/news/atom.xml', '/tag/energy/feed.json', '/sitemap.xml', '/news-sitemap.xml', '/sitemaps/pages.xml']) {
  test(`${url} is served from memory on the second request`, async (t) => {
    const { app, store } = await buildSiteApp(t)
    await seedNewsroom(store)
    const first = await app.inject(url)
    assert.equal(first.statusCode, 200)
    assert.equal(first.headers['x-cache'], 'miss')
    const second = await app.inject(url)
    assert.equal(second.headers['x-cache'], 'hit')
    assert.equal(second.body, first.body)
  })
}

test('a new article appears in the cached site feed and news sitemap at once, and leaves them when unpublished', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  await app.inject('/rss.xml')
  await app.inject('/news-sitemap.xml')
  const id = await seedArticle(store, { title: 'Breaking: a brand new story', slug: 'brand-new-story', tags: ['energy'] })
  assert.match((await app.inject('/rss.xml')).body, /brand new story/)
  assert.match((await app.inject('/news-sitemap.xml')).body, /brand-new-story/)
  assert.match((await app.inject('/tag/energy/feed.json')).body, /brand new story/)
  await takeDown(store, id)
  assert.doesNotMatch((await app.inject('/rss.xml')).body, /brand new story/)
  assert.doesNotMatch((await app.inject('/news-sitemap.xml')).body, /brand-new-story/)
})
