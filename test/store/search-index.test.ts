// The search index on both engines: folding, ranking, phrases, exclusions, filters, and following publication.

import assert from 'node:assert/strict'
import { publish, unpublish } from '../../src/editorial/publishing.ts'
import { parseQuery, toSearchExpression } from '../../src/search/query.ts'
import type { SearchQuery } from '../../src/store/search-index.ts'
import type { Store } from '../../src/store/store.ts'
import { forEachDatabase } from '../support/databases.ts'
import { DAY, seedArticle, seedTaxonomy } from '../support/seed.ts'

const NOW = Date.UTC(2026, 10, 27, 9)

/** Ids of the articles a reader's input finds, best first. */
async function find(store: Store, input: string, filters: Partial<SearchQuery> = {}): Promise<number[]> {
  const matches = await store.search.query({
    expression: toSearchExpression(parseQuery(input)), sectionIds: [], tagId: null, fromMs: null, toMs: null, limit: 20, offset: 0, ...filters,
  })
  return matches.map((m) => m.articleId)
}

forEachDatabase('a search without diacritics finds words written with them, and the other way round', async (store) => {
  await seedTaxonomy(store)
  const zurich = await seedArticle(store, { title: 'Talks in Zürich end without a deal', bodyHtml: '<p>Delegates met for two days.</p>' })
  const sao = await seedArticle(store, { title: 'Trade fair opens', bodyHtml: '<p>Buyers from Sao Paulo and Kraków arrived early.</p>' })
  assert.deepEqual(await find(store, 'Zurich'), [zurich])
  assert.deepEqual(await find(store, 'ZÜRICH'), [zurich])
  assert.deepEqual(await find(store, 'São Paulo'), [sao])
  assert.deepEqual(await find(store, 'krakow'), [sao])
})

forEachDatabase('a word in the title outranks the same word in the body, and the standfirst sits between', async (store) => {
  await seedTaxonomy(store)
  const inBody = await seedArticle(store, { title: 'Budget passes', standfirst: 'Deputies voted late.', bodyHtml: '<p>The pipeline was mentioned once in the debate on spending.</p>' })
  const inTitle = await seedArticle(store, { title: 'Pipeline deal signed', standfirst: 'Ministers met.', bodyHtml: '<p>The agreement covers twenty years of supply.</p>' })
  const inStandfirst = await seedArticle(store, { title: 'Ministers meet', standfirst: 'A pipeline is on the agenda.', bodyHtml: '<p>They will meet again in spring.</p>' })
  assert.deepEqual(await find(store, 'pipeline'), [inTitle, inStandfirst, inBody])
})

forEachDatabase('a quoted phrase matches only the words side by side, and -word leaves articles out', async (store) => {
  await seedTaxonomy(store)
  const port = await seedArticle(store, { title: 'Ports of the Black Sea', bodyHtml: '<p>Grain leaves from Odesa.</p>' })
  const apart = await seedArticle(store, { title: 'Black cars by the sea', bodyHtml: '<p>A motor show in Batumi.</p>' })
  assert.deepEqual((await find(store, 'black sea')).sort(), [port, apart].sort())
  assert.deepEqual(await find(store, '"black sea"'), [port])
  assert.deepEqual(await find(store, 'black -cars'), [port])
  assert.deepEqual(await find(store, 'sea -"motor show"'), [port])
})

forEachDatabase('the index is plain text: markup and attributes are not searchable, entities are', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Court ruling', bodyHtml: '<p class="lead">Judges &amp; lawyers <strong>disagreed</strong>.</p>' })
  assert.deepEqual(await find(store, 'disagreed'), [id])
  assert.deepEqual(await find(store, 'strong'), [])
  assert.deepEqual(await find(store, 'lead'), [])
  const [text] = (await store.search.texts([id])).values()
  assert.equal(text?.body, 'Judges & lawyers disagreed.')
})

forEachDatabase('unpublishing removes an article from the index in the same transaction', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Referendum called' })
  assert.deepEqual(await find(store, 'referendum'), [id])
  await store.transaction((tx) => unpublish(tx, id))
  assert.deepEqual(await find(store, 'referendum'), [])
  await store.transaction((tx) => publish(tx, id, { now: NOW, siteLanguage: 'en' }))
  assert.deepEqual(await find(store, 'referendum'), [id])
})

forEachDatabase('republishing an edited article replaces its indexed text', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Parliament debates tariffs' })
  await store.transaction(async (tx) => {
    const a = (await tx.articles.get(id))!
    await tx.articles.update(id, a.version, { ...a, title: 'Parliament approves subsidies' }, NOW)
    await publish(tx, id, { now: NOW, siteLanguage: 'en' })
  })
  assert.deepEqual(await find(store, 'tariffs'), [])
  assert.deepEqual(await find(store, 'subsidies'), [id])
})

forEachDatabase('a failed publication leaves the index as it was', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Harvest report' })
  await assert.rejects(store.transaction(async (tx) => {
    await tx.search.remove(id)
    throw new Error('something later in the use-case failed')
  }))
  assert.deepEqual(await find(store, 'harvest'), [id])
})

forEachDatabase('filters narrow results by section, tag and published time', async (store) => {
  await seedTaxonomy(store)
  const news = await seedArticle(store, { title: 'Gas prices rise', section: 'news', tags: ['energy'], publishedAt: NOW - 10 * DAY })
  const opinion = await seedArticle(store, { title: 'Gas prices and the poor', section: 'opinion', publishedAt: NOW - DAY })
  const { id: newsId } = (await store.taxonomy.sections()).find((s) => s.slug === 'news')!
  const energy = (await store.taxonomy.tagBySlug('energy'))!
  assert.deepEqual(await find(store, 'gas', { sectionIds: [newsId] }), [news])
  assert.deepEqual(await find(store, 'gas', { tagId: energy.id }), [news])
  assert.deepEqual(await find(store, 'gas', { fromMs: NOW - 2 * DAY }), [opinion])
  assert.deepEqual(await find(store, 'gas', { toMs: NOW - 2 * DAY }), [news])
  assert.deepEqual(await find(store, 'gas', { limit: 1, offset: 1 }).then((r) => r.length), 1)
})

forEachDatabase('a language filter keeps only articles in that language (its regional forms included), and ё finds е', async (store) => {
  await seedTaxonomy(store)
  const en = await seedArticle(store, { title: 'Astana summit opens', language: 'en' })
  const ru = await seedArticle(store, { title: 'Astana: саммит открылся, ёлки зелёные', language: 'ru' })
  const pt = await seedArticle(store, { title: 'Astana recebe cúpula', language: 'pt-BR' })
  assert.deepEqual(new Set(await find(store, 'astana')), new Set([en, ru, pt]))
  assert.deepEqual(await find(store, 'astana', { language: 'ru' }), [ru])
  assert.deepEqual(await find(store, 'astana', { language: 'en' }), [en])
  assert.deepEqual(await find(store, 'astana', { language: 'pt' }), [pt])
  assert.deepEqual(await find(store, 'astana', { language: 'kk' }), [])
  assert.deepEqual(await find(store, 'елки зеленые', { language: 'ru' }), [ru])
})

forEachDatabase('odd queries never throw', async (store) => {
  await seedTaxonomy(store)
  await seedArticle(store, { title: 'Or and near not', bodyHtml: '<p>NEAR the end, OR else.</p>' })
  for (const input of ['"', '""', '*', 'a*', 'OR', 'AND', 'NOT', 'NEAR(', 'NEAR(a b, 2)', '-', '- "', 'title:x', "'; drop table articles; --",
    '\\', '^', '(', ')', '{', '}', ':', 'x'.repeat(500), 'é'.repeat(200), '🙂 emoji', '中文 搜索', '\u0000', '%', '_', '$1', 'or -or']) {
    const q = parseQuery(input)
    await assert.doesNotReject(find(store, input), input)
    if (q.include.length === 0) assert.deepEqual(await find(store, input), [], input)
  }
  assert.equal((await find(store, 'or near')).length, 1)
})
