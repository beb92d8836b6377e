// Store queries behind feeds and sitemaps, on both engines: contents, keyset paths, id pages, scope lastmods (src/store/live.ts).

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { takeDown } from '../support/editing.ts'

forEachDatabase('contents gives the body, description and ordered tags of live articles only', async (store) => {
  await seedTaxonomy(store)
  const a = await seedArticle(store, { bodyHtml: '<p>Alpha</p>', tags: ['kazakhstan', 'energy'] })
  const b = await seedArticle(store, { bodyHtml: '<p>Beta</p>' })
  const draft = await seedArticle(store, { draft: true })
  const map = await store.live.contents([a, b, draft])
  assert.equal(map.get(a)?.bodyHtml, '<p>Alpha</p>')
  assert.deepEqual(map.get(a)?.tags.map((t) => t.slug), ['kazakhstan', 'energy'])
  assert.deepEqual(map.get(b)?.tags, [])
  assert.equal(map.has(draft), false)
  assert.equal((await store.live.contents([])).size, 0)
})

forEachDatabase('pathsFrom pages live articles by id with a keyset cursor, and idPages splits them into pages', async (store) => {
  await seedTaxonomy(store)
  const ids: number[] = []
  for (let i = 0; i < 7; i++) ids.push(await seedArticle(store, { section: i % 2 ? 'opinion' : 'news', slug: `s-${i}`, publishedAt: Date.UTC(2026, 0, 1 + i) }))
  await takeDown(store, ids[2]!)
  const live = ids.filter((_, i) => i !== 2)
  const first = await store.live.pathsFrom(0, 4)
  assert.deepEqual(first.map((r) => r.id), live.slice(0, 4))
  assert.deepEqual(first[1], { id: live[1], language: 'en', sectionSlug: 'opinion', slug: 's-1', updatedAt: Date.UTC(2026, 0, 2) })
  const rest = await store.live.pathsFrom(first[3]!.id + 1, 4)
  assert.deepEqual(rest.map((r) => r.id), live.slice(4))
  const pages = await store.live.idPages(4)
  assert.deepEqual(pages.map((p) => p.firstId), [live[0], live[4]])
  assert.deepEqual(pages.map((p) => p.lastmod), [Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 7)])
  assert.deepEqual(await store.live.idPages(100), [{ firstId: live[0], lastmod: Date.UTC(2026, 0, 7) }])
})

forEachDatabase('scopeLastmods names only sections, tags and authors with live articles, with their newest time', async (store) => {
  await seedTaxonomy(store)
  await seedArticle(store, { section: 'news', tags: ['energy'], authors: ['newsroom'], publishedAt: Date.UTC(2026, 0, 1) })
  await seedArticle(store, { section: 'news', tags: ['energy', 'kazakhstan'], publishedAt: Date.UTC(2026, 0, 3) })
  const gone = await seedArticle(store, { section: 'opinion', tags: ['elections'], publishedAt: Date.UTC(2026, 0, 5) })
  await takeDown(store, gone)
  const s = await store.live.scopeLastmods()
  assert.deepEqual(s.sections, [{ slug: 'news', lastmod: Date.UTC(2026, 0, 3) }])
  assert.deepEqual(s.tags, [{ slug: 'energy', lastmod: Date.UTC(2026, 0, 3) }, { slug: 'kazakhstan', lastmod: Date.UTC(2026, 0, 3) }])
  assert.deepEqual(s.authors, [{ slug: 'aigerim-sadykova', lastmod: Date.UTC(2026, 0, 3) }, { slug: 'newsroom', lastmod: Date.UTC(2026, 0, 1) }])
})
