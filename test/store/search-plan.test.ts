// PostgreSQL's choice of way to the matches: the cost model alone, and one result whichever way is taken, on both engines.

import assert from 'node:assert/strict'
import test from 'node:test'
import { parseQuery, toSearchExpression } from '../../src/search/query.ts'
import type { PlanPart } from '../../src/store/search-index.ts'
import { choosePath, partShares, vocabularyRanges } from '../../src/store/search-plan.ts'
import type { Store } from '../../src/store/store.ts'
import { stemmerOf } from '../../src/text/stem.ts'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'

const stem = stemmerOf('en')
const partsOf = (input: string): readonly PlanPart[] => toSearchExpression(parseQuery(input), { language: 'en' }).postgres.plan!.parts

test('at 100,000 documents a word in a sixth of them or more is walked to, a rarer one or a pair of middling ones comes from the index', () => {
  const total = 100_000
  assert.equal(choosePath([0.85], total, 1000, false), 'walk')
  assert.equal(choosePath([0.9, 0.8], total, 1000, false), 'walk')
  // Walking 5,300 documents (and ranking each match on the way) costs less than visiting 19,000 narrow rows of the
  // search keys and then ranking the newest 1,000 of them by key (measured: 5.5 against 8.6 ms).
  assert.equal(choosePath([0.19], total, 1000, false), 'walk')
  assert.equal(choosePath([0.13], total, 1000, false), 'index')
  assert.equal(choosePath([0.02], total, 1000, false), 'index')
  // Each word is common, both together are not: the walk would read about 1000 / 0.06 documents.
  assert.equal(choosePath([0.1, 0.6], total, 1000, false), 'index')
  // Phrases of three words or more, checked on the documents holding their pairs: pairs in most documents, in half
  // of them, and in a tenth.
  assert.equal(choosePath([0.85], total, 1000, true), 'walk')
  assert.equal(choosePath([0.5], total, 1000, true), 'walk')
  assert.equal(choosePath([0.1], total, 1000, true), 'index')
})

test('a walk never reads more than every document, and a query with nothing known about it comes from the index', () => {
  // At 2,000 documents a word in most of them is walked to: some 1,100 reads, against ranking 1,000 candidates by key.
  assert.equal(choosePath([0.9], 2000, 1000, false), 'walk')
  assert.equal(choosePath([0.01], 2000, 1000, false), 'index')
  assert.equal(choosePath([], 100_000, 1000, false), 'index')
  assert.equal(choosePath([0.9], 0, 1000, false), 'index')
  assert.equal(choosePath([0], 100_000, 1000, false), 'index')
})

test('a word counts the documents of every form with its stem; a phrase a share of those of its rarest word; unknown words are taken as rare', () => {
  const terms = [
    { term: 'government', docs: 800 }, { term: 'governments', docs: 100 }, { term: 'governor', docs: 50 },
    { term: 'central', docs: 600 }, { term: 'bank', docs: 300 }, { term: 'banks', docs: 200 },
  ]
  const shares = partShares([...partsOf('governments'), ...partsOf('"central bank"'), ...partsOf('g7')], terms, 1000, stem)
  // The phrase's pair is guessed to stand in a fifth of the documents holding its rarer word.
  assert.deepEqual(shares.map((s) => Math.round(s * 1000) / 1000), [0.9, 0.06, 0.05])
  // More documents than the table's estimate says it holds still make a share of at most 1.
  assert.deepEqual(partShares(partsOf('government'), terms, 500, stem), [1])
  assert.deepEqual(partShares(partsOf('absent'), terms, 1000, stem), [0])
})

test('the vocabulary is read by stem prefixes, one letter short of the stem, and by the exact words of phrases', () => {
  assert.deepEqual(vocabularyRanges(partsOf('economy "central bank" eu')).map(([from]) => from), ['econom', 'central', 'bank'])
  for (const [from, to] of vocabularyRanges(partsOf('economy'))) assert.ok('economies' >= from && 'economies' < to)
})

/** The ids a query finds on `store`, best first, the way to them forced or chosen. */
async function find(store: Store, input: string, path?: 'index' | 'walk', sectionIds: number[] = []): Promise<number[]> {
  const matches = await store.search.query({
    expression: toSearchExpression(parseQuery(input), { language: 'en' }), sectionIds, tagId: null, fromMs: null, toMs: null,
    limit: 50, offset: 0, ...(path && { path }),
  })
  return matches.map((m) => m.articleId)
}

forEachDatabase('rare, common and phrase queries find the same articles in the same order whichever way is taken', async (store) => {
  await seedTaxonomy(store)
  const day = 86_400_000
  const at = (i: number) => Date.UTC(2026, 9, 1) + i * day
  const ids: Record<string, number> = {}
  const add = async (key: string, title: string, body: string, i: number) => {
    ids[key] = await seedArticle(store, { title, bodyHtml: `<p>${body}</p>`, publishedAt: at(i) })
  }
  await add('phrase', 'The central bank raises rates', 'The government said the central bank acted.', 1)
  await add('apart', 'Bank profits fall', 'The government is central to the talks, the bank said.', 2)
  await add('banks', 'Central banks meet', 'Governments and central banks of the region met.', 3)
  await add('uranium', 'Uranium mine reopens', 'The government approved the uranium mine.', 4)
  await add('plain', 'Parliament sits late', 'The government answered questions.', 5)
  await add('uranium2', 'Talks on uranium exports', 'The government and the buyers of uranium met.', 6)
  for (let i = 0; i < 6; i++) await add(`filler${i}`, `Weather report ${i}`, 'The government forecasts rain.', 7 + i)
  const everyGovernment = Object.values(ids).sort()
  const cases: [string, number[]][] = [
    ['uranium', [ids.uranium!, ids.uranium2!]],
    ['government', everyGovernment],
    ['"central bank"', [ids.phrase!]],
    ['central bank', [ids.phrase!, ids.apart!, ids.banks!]],
    ['"the government" uranium', [ids.uranium!, ids.uranium2!]],
    ['government -uranium', everyGovernment.filter((id) => id !== ids.uranium && id !== ids.uranium2)],
    ['volcano', []],
  ]
  for (const [input, expected] of cases) {
    const chosen = await find(store, input)
    assert.deepEqual([...chosen].sort(), [...expected].sort(), input)
    assert.deepEqual(await find(store, input, 'index'), chosen, `${input} from the index`)
    assert.deepEqual(await find(store, input, 'walk'), chosen, `${input} by the walk`)
  }
  // The exact form ranks above another form of the word on every way.
  for (const path of [undefined, 'index', 'walk'] as const) assert.equal((await find(store, 'banks', path))[0], ids.banks, path)
  // A filter applies on every way: no article of another section.
  for (const path of [undefined, 'index', 'walk'] as const) assert.deepEqual(await find(store, 'uranium', path, [999_999]), [], path)
})
