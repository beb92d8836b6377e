// The redirects table on both engines: exact paths with queries, replacement, removal (src/store/redirects.ts).

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'

forEachDatabase('a redirect is found by its exact path including the query string', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Target' })
  await store.redirects.put({ fromPath: '/index.php?m=23&news_id=5477', status: 301, toArticleId: id, toUrl: null, kind: 'legacy', createdAt: 1 })
  assert.deepEqual(await store.redirects.find('/index.php?m=23&news_id=5477'), { fromPath: '/index.php?m=23&news_id=5477', status: 301, toArticleId: id, toUrl: null })
  assert.equal(await store.redirects.find('/index.php'), undefined)
  assert.equal(await store.redirects.find('/index.php?m=23&news_id=547'), undefined)
})

forEachDatabase('putting a path again replaces its redirect, and remove deletes it', async (store) => {
  await store.redirects.put({ fromPath: '/old', status: 301, toArticleId: null, toUrl: 'https://example.org/new', kind: 'manual', createdAt: 1 })
  await store.redirects.put({ fromPath: '/old', status: 410, toArticleId: null, toUrl: null, kind: 'manual', createdAt: 2 })
  assert.deepEqual(await store.redirects.find('/old'), { fromPath: '/old', status: 410, toArticleId: null, toUrl: null })
  await store.redirects.remove('/old')
  assert.equal(await store.redirects.find('/old'), undefined)
})

forEachDatabase('a status outside 301, 302, 307, 308 and 410 is refused by the database', async (store) => {
  await assert.rejects(store.redirects.put({ fromPath: '/x', status: 200, toArticleId: null, toUrl: '/y', kind: 'manual', createdAt: 1 }))
  assert.equal(await store.redirects.find('/x'), undefined)
})

forEachDatabase('a path is found however its percent-escapes are spelled, and kept in one spelling', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Greek' })
  await store.redirects.put({ fromPath: '/2019/05/%ce%b5%ce%bb%ce%bb%ce%b7%ce%bd%ce%b9%ce%ba%ce%ac', status: 301, toArticleId: id, toUrl: null, kind: 'legacy', createdAt: 1 })
  const key = '/2019/05/%CE%B5%CE%BB%CE%BB%CE%B7%CE%BD%CE%B9%CE%BA%CE%AC'
  for (const asked of [key, key.toLowerCase(), '/2019/05/ελληνικά']) assert.equal((await store.redirects.find(asked))?.toArticleId, id, asked)
  assert.equal((await store.redirects.list({ limit: 10, offset: 0 })).items[0]?.fromPath, key)
  await store.redirects.remove('/2019/05/ελληνικά')
  assert.equal(await store.redirects.find(key), undefined)
})
