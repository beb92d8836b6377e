// The importers' look-ahead (src/importers/media-fetch.ts inOrder): tasks run a few at once, results come in source
// order, a failing source is rethrown after the results before it, and ending early closes the source.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { inOrder } from '../../src/importers/media-fetch.ts'

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Tasks that finish in the reverse order of their start, counting how many run at once; `closed` once the source ends. */
function source(count: number, o: { failAfter?: number } = {}) {
  const state = { running: 0, most: 0, closed: false }
  async function* tasks(): AsyncGenerator<() => Promise<number>> {
    try {
      for (let i = 0; i < count; i++) {
        if (o.failAfter === i) throw new Error(`source failed at ${i}`)
        yield async () => {
          state.most = Math.max(state.most, ++state.running)
          await delay(5 * (count - i))
          state.running--
          return i
        }
      }
    } finally {
      state.closed = true
    }
  }
  return { tasks: tasks(), state }
}

test('results come in the order of the source, with at most n tasks running at once', async () => {
  const { tasks, state } = source(10)
  const got: number[] = []
  for await (const n of inOrder(tasks, 3)) got.push(n)
  assert.deepEqual(got, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  assert.equal(state.most, 3)
})

test('a source that fails gives the results of the tasks before the fault, then its error', async () => {
  const { tasks } = source(10, { failAfter: 4 })
  const got: number[] = []
  await assert.rejects(async () => {
    for await (const n of inOrder(tasks, 3)) got.push(n)
  }, /source failed at 4/)
  assert.deepEqual(got, [0, 1, 2, 3])
})

test('ending the look-ahead early ends the source too, so what it reads from is closed', async () => {
  const { tasks, state } = source(10)
  for await (const n of inOrder(tasks, 3)) {
    if (n === 1) break
  }
  assert.equal(state.closed, true)
})
