// Reader queries over live copies on both engines: listings, archive, related ids, editor's choice (src/store/live.ts).

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { DAY, seedArticle, seedArticles, seedTaxonomy } from '../support/seed.ts'
import { authorId, HOUR, NOW, pick, sectionId, tagIds, takeDown } from '../support/editing.ts'

const at = (iso: string): number => Date.parse(iso)

forEachDatabase('a section lists 20 articles a page, newest first, with hasNext while more remain', async (store) => {
  await seedTaxonomy(store)
  await seedArticles(store, { section: 'news', count: 25 })
  const news = await sectionId(store, 'news')
  const first = await store.live.bySection(news, { page: 1, perPage: 20 })
  assert.equal(first.items.length, 20)
  assert.equal(first.hasNext, true)
  assert.deepEqual(first.items.map((i) => i.title).slice(0, 3), ['news story 1', 'news story 2', 'news story 3'])
  for (let i = 1; i < first.items.length; i++) assert.ok(first.items[i - 1]!.publishedAt > first.items[i]!.publishedAt)
  const second = await store.live.bySection(news, { page: 2, perPage: 20 })
  assert.deepEqual(second.items.map((i) => i.title), ['news story 21', 'news story 22', 'news story 23', 'news story 24', 'news story 25'])
  assert.equal(second.hasNext, false)
  assert.deepEqual(await store.live.bySection(news, { page: 3, perPage: 20 }), { items: [], hasNext: false })
})

forEachDatabase('a section with exactly one full page has no next page', async (store) => {
  await seedTaxonomy(store)
  await seedArticles(store, { section: 'opinion', count: 20 })
  const page = await store.live.bySection(await sectionId(store, 'opinion'), { page: 1, perPage: 20 })
  assert.equal(page.items.length, 20)
  assert.equal(page.hasNext, false)
})

forEachDatabase('a listing summary carries section, bylines in order and times', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Two bylines', section: 'analysis', authors: ['newsroom', 'aigerim-sadykova'], publishedAt: at('2026-11-01T10:00:00Z') })
  const [item] = (await store.live.bySection(await sectionId(store, 'analysis'), { page: 1, perPage: 20 })).items
  assert.equal(item?.id, id)
  assert.deepEqual(item?.section, { id: await sectionId(store, 'analysis'), slug: 'analysis', name: 'Analysis' })
  assert.deepEqual(item?.authors, [{ name: 'Newsroom', slug: 'newsroom' }, { name: 'Aigerim Sadykova', slug: 'aigerim-sadykova' }])
  assert.equal(item?.publishedAt, at('2026-11-01T10:00:00Z'))
  assert.equal(item?.slug, 'two-bylines')
  assert.equal(item?.hero, null)
})

forEachDatabase('articles published at the same instant are ordered by id, newest id first', async (store) => {
  await seedTaxonomy(store)
  const same = at('2026-11-10T12:00:00Z')
  const a = await seedArticle(store, { title: 'Tie A', publishedAt: same })
  const b = await seedArticle(store, { title: 'Tie B', publishedAt: same })
  const page = await store.live.bySection(await sectionId(store, 'news'), { page: 1, perPage: 1 })
  assert.deepEqual(page.items.map((i) => i.id), [b])
  assert.equal(page.hasNext, true)
  assert.deepEqual((await store.live.bySection(await sectionId(store, 'news'), { page: 2, perPage: 1 })).items.map((i) => i.id), [a])
})

forEachDatabase('byTag and byAuthor list only matching live articles, newest first, paged', async (store) => {
  await seedTaxonomy(store)
  const energy = await seedArticles(store, { section: 'news', count: 3, tags: ['energy'] })
  await seedArticle(store, { title: 'Untagged', authors: ['newsroom'] })
  const agency = await seedArticle(store, { title: 'Agency energy', tags: ['energy', 'kazakhstan'], authors: ['newsroom'], publishedAt: NOW - 10 * DAY })
  const [energyId, kzId] = await tagIds(store, 'energy', 'kazakhstan')
  const byEnergy = await store.live.byTag(energyId!, { page: 1, perPage: 20 })
  assert.deepEqual(byEnergy.items.map((i) => i.id), [...energy, agency])
  assert.equal(byEnergy.hasNext, false)
  const paged = await store.live.byTag(energyId!, { page: 2, perPage: 2 })
  assert.deepEqual(paged.items.map((i) => i.id), [energy[2], agency])
  assert.equal(paged.hasNext, false)
  assert.equal((await store.live.byTag(energyId!, { page: 1, perPage: 2 })).hasNext, true)
  assert.deepEqual((await store.live.byTag(kzId!, { page: 1, perPage: 20 })).items.map((i) => i.title), ['Agency energy'])
  const byNewsroom = await store.live.byAuthor(await authorId(store, 'newsroom'), { page: 1, perPage: 20 })
  assert.deepEqual(byNewsroom.items.map((i) => i.title), ['Untagged', 'Agency energy'])
  await takeDown(store, agency)
  assert.deepEqual((await store.live.byAuthor(await authorId(store, 'newsroom'), { page: 1, perPage: 20 })).items.map((i) => i.title), ['Untagged'])
  assert.equal((await store.live.byTag(kzId!, { page: 1, perPage: 20 })).items.length, 0)
})

forEachDatabase('the archive filters by several sections and a from-inclusive, to-exclusive time range', async (store) => {
  await seedTaxonomy(store)
  const t0 = at('2026-11-10T00:00:00Z')
  const news = await seedArticle(store, { title: 'News at t0', section: 'news', publishedAt: t0 })
  const opinion = await seedArticle(store, { title: 'Opinion at t0+1h', section: 'opinion', publishedAt: t0 + HOUR })
  const analysis = await seedArticle(store, { title: 'Analysis at t0+2h', section: 'analysis', publishedAt: t0 + 2 * HOUR })
  const late = await seedArticle(store, { title: 'News at t0+1d', section: 'news', publishedAt: t0 + DAY })
  const [newsId, opinionId] = [await sectionId(store, 'news'), await sectionId(store, 'opinion')]
  const archive = (q: { sectionIds?: number[]; fromMs?: number | null; toMs?: number | null }) =>
    store.live.archive({ page: 1, perPage: 20, sectionIds: q.sectionIds ?? [], fromMs: q.fromMs ?? null, toMs: q.toMs ?? null })
  const ids = async (q: Parameters<typeof archive>[0]) => (await archive(q)).items.map((i) => i.id)
  assert.deepEqual(await ids({}), [late, analysis, opinion, news])
  assert.deepEqual(await ids({ sectionIds: [newsId, opinionId] }), [late, opinion, news])
  assert.deepEqual(await ids({ fromMs: t0 + HOUR }), [late, analysis, opinion], 'from is inclusive')
  assert.deepEqual(await ids({ toMs: t0 + 2 * HOUR }), [opinion, news], 'to is exclusive')
  assert.deepEqual(await ids({ sectionIds: [newsId], fromMs: t0, toMs: t0 + DAY }), [news])
  assert.deepEqual(await ids({ fromMs: t0 + 3 * HOUR, toMs: t0 + 4 * HOUR }), [])
  // Each shape is one compiled statement filled with each call's values: the same shapes again, with other values.
  assert.deepEqual(await ids({ sectionIds: [opinionId] }), [opinion])
  assert.deepEqual(await ids({ sectionIds: [newsId], fromMs: t0 + HOUR, toMs: t0 + 2 * DAY }), [late])
  assert.deepEqual(await ids({ sectionIds: [newsId, newsId, opinionId] }), [late, opinion, news], 'a section named twice counts once')
})

forEachDatabase('the archive pages 20 at a time with hasNext', async (store) => {
  await seedTaxonomy(store)
  await seedArticles(store, { section: 'news', count: 21 })
  const q = { sectionIds: [], fromMs: null, toMs: null, perPage: 20 }
  assert.equal((await store.live.archive({ ...q, page: 1 })).hasNext, true)
  const second = await store.live.archive({ ...q, page: 2 })
  assert.deepEqual(second.items.map((i) => i.title), ['news story 21'])
  assert.equal(second.hasNext, false)
})

forEachDatabase('sharingTags never returns the article itself and ranks more shared tags first, then newest', async (store) => {
  await seedTaxonomy(store)
  const tags = await tagIds(store, 'energy', 'kazakhstan', 'elections')
  const self = await seedArticle(store, { title: 'Self', tags: ['energy', 'kazakhstan', 'elections'] })
  const one = await seedArticle(store, { title: 'One shared, newest', tags: ['energy'], publishedAt: NOW })
  const three = await seedArticle(store, { title: 'Three shared, oldest', tags: ['energy', 'kazakhstan', 'elections'], publishedAt: NOW - 30 * DAY })
  const two = await seedArticle(store, { title: 'Two shared', tags: ['kazakhstan', 'elections'], publishedAt: NOW - 20 * DAY })
  const oneOlder = await seedArticle(store, { title: 'One shared, older', tags: ['elections'], publishedAt: NOW - 5 * DAY })
  await seedArticle(store, { title: 'Nothing shared', tags: [] })
  const related = await store.live.sharingTags(self, tags, 10)
  assert.deepEqual(related, [three, two, one, oneOlder])
  assert.ok(!related.includes(self))
  assert.deepEqual(await store.live.sharingTags(self, tags, 2), [three, two])
  assert.deepEqual(await store.live.sharingTags(self, [], 5), [])
  await takeDown(store, three)
  assert.deepEqual(await store.live.sharingTags(self, tags, 10), [two, one, oneOlder], 'unpublished articles leave the related list')
})

forEachDatabase("editorsChoice orders by rank and leaves out expired and unpublished picks", async (store) => {
  await seedTaxonomy(store)
  const [a, b, c, d, e] = [
    await seedArticle(store, { title: 'Rank 3' }), await seedArticle(store, { title: 'Rank 1' }), await seedArticle(store, { title: 'Rank 2, expired' }),
    await seedArticle(store, { title: 'Rank 4, taken down' }), await seedArticle(store, { title: 'Rank 5, until later' }),
  ]
  await seedArticle(store, { title: 'Not a pick' })
  await pick(store, a!, 3)
  await pick(store, b!, 1)
  await pick(store, c!, 2, NOW)
  await pick(store, d!, 4)
  await pick(store, e!, 5, NOW + HOUR)
  await takeDown(store, d!)
  const ids = async (now: number, limit: number) => (await store.live.editorsChoice(now, limit)).map((p) => p.id)
  assert.deepEqual(await ids(NOW, 10), [b, a, e])
  assert.deepEqual(await ids(NOW - 1, 10), [b, c, a, e], 'a pick is shown until its end time')
  assert.deepEqual(await ids(NOW + 2 * HOUR, 10), [b, a])
  assert.deepEqual(await ids(NOW, 1), [b])
  assert.deepEqual((await store.live.editorsChoice(NOW, 10)).map((p) => p.until), [null, null, NOW + HOUR], 'each pick comes with its end time')
})

forEachDatabase('summariesByIds keeps the order given and leaves out ids that are not live', async (store) => {
  await seedTaxonomy(store)
  const a = await seedArticle(store, { title: 'A' })
  const b = await seedArticle(store, { title: 'B' })
  const draft = await seedArticle(store, { title: 'Draft', draft: true })
  const got = await store.live.summariesByIds([b, draft, 99999, a])
  assert.deepEqual(got.map((s) => s.title), ['B', 'A'])
  assert.deepEqual(await store.live.summariesByIds([]), [])
  assert.equal(await store.live.count(), 2)
})

forEachDatabase('findByPath finds a live article by language, section and slug, with its tags in order', async (store) => {
  await seedTaxonomy(store)
  const id = await seedArticle(store, { title: 'Gas deal', slug: 'gas-deal', tags: ['kazakhstan', 'energy'], bodyHtml: '<p>Hello</p>' })
  const found = await store.live.findByPath('en', 'news', 'gas-deal')
  assert.equal(found?.id, id)
  assert.equal(found?.bodyHtml, '<p>Hello</p>')
  assert.deepEqual(found?.tags.map((t) => [t.slug, t.kind]), [['kazakhstan', 'place'], ['energy', 'topic']])
  assert.equal(await store.live.findByPath('ru', 'news', 'gas-deal'), undefined)
  assert.equal(await store.live.findByPath('en', 'opinion', 'gas-deal'), undefined)
})

forEachDatabase('translations lists the other live articles of a translation group', async (store) => {
  await seedTaxonomy(store)
  const en = await seedArticle(store, { title: 'Original', slug: 'original' })
  const ru = await seedArticle(store, { title: 'Перевод', language: 'ru', translationOf: en })
  const kk = await seedArticle(store, { title: 'Аударма', language: 'kk', translationOf: en })
  const original = await store.live.findByPath('en', 'news', 'original')
  assert.equal(original?.translationGroup, en)
  assert.deepEqual((await store.live.translations(en, en)).map((t) => [t.id, t.language]), [[kk, 'kk'], [ru, 'ru']])
  assert.deepEqual((await store.live.translations(en, ru)).map((t) => t.id).sort(), [en, kk].sort())
})

forEachDatabase('the newest articles of several sections come in one call, newest first, a few of each', async (store) => {
  await seedTaxonomy(store)
  const news = await seedArticles(store, { section: 'news', count: 4 })
  const opinion = await seedArticles(store, { section: 'opinion', count: 1 })
  const newsId = await sectionId(store, 'news')
  const opinionId = await sectionId(store, 'opinion')
  const analysisId = await sectionId(store, 'analysis')
  const blocks = await store.live.newestBySections([newsId, opinionId, analysisId], 3)
  assert.deepEqual(blocks.get(newsId)!.map((s) => s.id), news.slice(0, 3), 'the three newest news articles, newest first')
  assert.deepEqual(blocks.get(opinionId)!.map((s) => s.id), opinion)
  assert.deepEqual(blocks.get(analysisId), [], 'a section without articles has an empty block')
  assert.equal(blocks.get(newsId)![0]!.language, 'en', 'each with its language, for the front page to choose')
  assert.deepEqual(await store.live.newestBySections([], 3), new Map())
})
