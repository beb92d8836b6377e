// Slicing rows over statements (src/store/statement-chunks.ts): every item once, in order, in a few sizes only.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { statementChunks } from '../../src/store/statement-chunks.ts'

test('rows are sliced in order, one statement up to the chunk size, then whole chunks and powers of two', () => {
  const sizes = new Set<number>()
  for (let n = 0; n <= 3000; n += 7) {
    const items = Array.from({ length: n }, (_, i) => i)
    const parts = statementChunks(items, 500)
    assert.deepEqual(parts.flat(), items)
    if (n > 0 && n <= 500) assert.equal(parts.length, 1)
    if (n > 500) parts.forEach((p) => sizes.add(p.length))
  }
  assert.ok([...sizes].every((s) => s === 500 || Number.isInteger(Math.log2(s))), `sizes: ${[...sizes].sort((a, b) => a - b)}`)
  assert.ok(sizes.size <= 10)
  assert.deepEqual(statementChunks([], 500), [])
})
