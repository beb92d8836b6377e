// Related articles stay within a language and never list an article's own translations, on both databases.

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import type { Store } from '../../src/store/store.ts'
import { computeList } from '../../src/related/engine.ts'
import { pinRelated } from '../../src/editorial/related.ts'

const NOW = Date.UTC(2026, 10, 27, 9)
const body = (text: string) => ({ standfirst: '', bodyHtml: `<p>${text}</p>` })
const listOf = async (store: Store, id: number) => (await store.related.list(id)).map((r) => r.relatedId)

/**
 * English oil stories (the site's language), a Russian translation of the first, another Russian oil story and a
 * German one. The Russian and German texts carry the English names (Caspian, Kazakhstan, pipeline, oil), so every one
 * of them shares terms with every other: only the language and translation rules keep them apart.
 */
async function corpus(store: Store) {
  await seedTaxonomy(store)
  const seed = (title: string, text: string, extra: { language?: string; translationOf?: number } = {}) =>
    seedArticle(store, { title, ...body(text), ...extra }, NOW)
  const original = await seed('Kazakhstan oil exports climb through the Caspian pipeline', 'Crude oil shipments through the Caspian pipeline reached a record as Kazakhstan raised output.')
  const en2 = await seed('Caspian pipeline consortium expands crude oil capacity', 'The pipeline consortium will pump more crude oil from Kazakhstan to the Black Sea.')
  const en3 = await seed('Oil output in Kazakhstan hits record', 'Kazakhstan pumped record volumes of crude oil through the Caspian pipeline.')
  const translation = await seed('Экспорт нефти Kazakhstan через Caspian pipeline растёт', 'Поставки oil через Caspian pipeline достигли рекорда, Kazakhstan нарастил добычу.', { language: 'ru', translationOf: original })
  const ru2 = await seed('Caspian pipeline: Kazakhstan увеличит прокачку oil', 'Консорциум Caspian pipeline прокачает больше oil из Kazakhstan.', { language: 'ru' })
  const de = await seed('Kazakhstan Caspian pipeline oil Rekord', 'Kazakhstan exportiert Rekordmengen oil durch die Caspian pipeline.', { language: 'de' })
  // Lists of articles published earlier were computed before the later ones existed.
  await store.transaction(async (tx) => { for (const id of [original, en2, en3, translation, ru2, de]) await computeList(tx, id, NOW) })
  return { original, en2, en3, translation, ru2, de }
}

forEachDatabase('a related list never holds the article’s own translations, in either direction', async (store) => {
  const a = await corpus(store)
  assert.ok(!(await listOf(store, a.original)).includes(a.translation))
  assert.ok(!(await listOf(store, a.translation)).includes(a.original))
})

forEachDatabase('related articles come from the article’s language, then the site’s default language, never a third', async (store) => {
  const a = await corpus(store)
  assert.deepEqual(new Set(await listOf(store, a.original)), new Set([a.en2, a.en3]), 'English: only English')
  const ru = await listOf(store, a.translation)
  // One Russian candidate is fewer than five: English ones follow it, after it.
  assert.equal(ru[0], a.ru2)
  assert.deepEqual(new Set(ru.slice(1)), new Set([a.en2, a.en3]))
  assert.ok(!ru.includes(a.de))
  assert.ok(!(await listOf(store, a.de)).includes(a.ru2), 'German falls back to English, not Russian')
})

forEachDatabase('an editor’s pin of a translation is not shown in the list', async (store) => {
  const a = await corpus(store)
  await store.transaction((tx) => pinRelated(tx, a.original, a.translation, { now: NOW }))
  assert.ok(!(await listOf(store, a.original)).includes(a.translation))
})
