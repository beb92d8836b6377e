// Unit tests of the cosine walk over posting lists (related/ranking.ts).

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { bestCosines, cosines, newDotScratch, type PostingList } from '../../src/related/ranking.ts'

const lists: Record<string, PostingList> = {
  gas: { ids: [7, 3, 5000, 1], weights: [0.9, 0.5, 0.4, 0.1] },
  oil: { ids: [3, 7, 2], weights: [0.8, 0.2, 0.1] },
  tax: { ids: [9], weights: [0.3] },
}
const query = [{ term: 'oil', weight: 0.6 }, { term: 'gas', weight: 0.8 }, { term: 'missing', weight: 0.1 }]
const asMap = (c: { ids: readonly number[]; dots: readonly number[] }) => new Map(c.ids.map((id, i) => [id, c.dots[i]!]))

test('cosines sums each candidate over the query terms, skipping the article itself and past perTerm postings', () => {
  const c = asMap(cosines(1, query, (t) => lists[t], 3))
  assert.deepEqual([...c.keys()].sort((a, b) => a - b), [2, 3, 7, 5000])
  assert.ok(Math.abs(c.get(7)! - (0.9 * 0.8 + 0.2 * 0.6)) < 1e-12)
  assert.ok(Math.abs(c.get(3)! - (0.5 * 0.8 + 0.8 * 0.6)) < 1e-12)
  assert.ok(Math.abs(c.get(2)! - 0.1 * 0.6) < 1e-12)
  // perTerm 2 takes 7 and 3 of gas (the article itself does not count), so 5000 is not reached.
  assert.equal(asMap(cosines(1, query, (t) => lists[t], 2)).has(5000), false)
})

test('cosines gives the same figures with a caller scratch, with none, and call after call', () => {
  const scratch = newDotScratch()
  const own = cosines(1, query, (t) => lists[t], 3, scratch)
  const none = cosines(1, query, (t) => lists[t], 3)
  assert.deepEqual(none, own)
  // A second call must not see the first one's sums (the scratch is left clean).
  assert.deepEqual(cosines(1, query, (t) => lists[t], 3), none)
  assert.deepEqual(cosines(3, query, (t) => lists[t], 3, scratch), cosines(3, query, (t) => lists[t], 3))
  assert.ok(scratch.sums.length > 5000, 'the scratch grows to the largest id met')
})

test('feedback re-weighs the query by its best candidates: a term they share lifts the articles using it', () => {
  // Article 1 is about oil and gas. Its best candidates (3 and 7) both use gas strongly and oil weakly or not at all,
  // so with feedback gas weighs more: 5000 (gas only) overtakes 2 (oil only), which it trails without.
  const post: Record<string, PostingList> = {
    gas: { ids: [7, 3, 5000], weights: [0.9, 0.6, 0.35] },
    oil: { ids: [3, 2], weights: [0.5, 0.4] },
  }
  const q = [{ term: 'gas', weight: 0.6 }, { term: 'oil', weight: 0.8 }]
  const plain = asMap(cosines(1, q, (t) => post[t], 10))
  assert.ok(plain.get(2)! > plain.get(5000)!)
  const fed = asMap(cosines(1, q, (t) => post[t], 10, undefined, { neighbours: 2, weight: 1 }))
  assert.ok(fed.get(5000)! > fed.get(2)!)
  // The sums are those of the query re-weighed: gas + (0.9 + 0.6) / 2, oil + 0.5 / 2.
  const gas = 0.6 + 1.5 / 2, oil = 0.8 + 0.5 / 2
  assert.ok(Math.abs(fed.get(3)! - (0.6 * gas + 0.5 * oil)) < 1e-12)
  assert.ok(Math.abs(fed.get(2)! - 0.4 * oil) < 1e-12)
  assert.ok(Math.abs(fed.get(5000)! - 0.35 * gas) < 1e-12)
  // The scratch is left clean for the next call.
  assert.deepEqual(cosines(1, q, (t) => post[t], 10), cosines(1, q, (t) => post[t], 10))
  assert.deepEqual(asMap(cosines(1, q, (t) => post[t], 10, undefined, { neighbours: 0, weight: 1 })), plain)
})

test('bestCosines keeps the k best of what cosines finds, best first, ties to the lower id, with and without feedback', () => {
  // Weights from a few values only, so that many candidates tie and the order between them is decided by the id.
  let seed = 7
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const post: Record<string, PostingList> = {}
  const q: { term: string; weight: number }[] = []
  for (let t = 0; t < 12; t++) {
    const ids = [...new Set(Array.from({ length: 40 }, () => 1 + Math.floor(next() * 300)))]
    post[`t${t}`] = { ids, weights: ids.map(() => [0.25, 0.5, 0.75][Math.floor(next() * 3)]!).sort((a, b) => b - a) }
    q.push({ term: `t${t}`, weight: [0.5, 1][t % 2]! })
  }
  const scratch = newDotScratch()
  for (const feedback of [undefined, { neighbours: 5, weight: 1 }]) {
    const all = cosines(1, q, (t) => post[t], 30, undefined, feedback)
    const sorted = all.ids.map((id, i): [number, number] => [id, all.dots[i]!]).sort((a, b) => b[1] - a[1] || a[0] - b[0])
    for (const k of [0, 1, 7, 60, sorted.length, sorted.length + 5]) {
      assert.deepEqual(bestCosines(1, q, (t) => post[t], 30, k, scratch, feedback), sorted.slice(0, k))
      assert.deepEqual(bestCosines(1, q, (t) => post[t], 30, k, undefined, feedback), sorted.slice(0, k))
    }
  }
  // The scratch is left clean: a plain walk after the others gives what a fresh scratch gives.
  assert.deepEqual(cosines(1, q, (t) => post[t], 30, scratch), cosines(1, q, (t) => post[t], 30, newDotScratch()))
})
