// The sanitizer's worker pool: jobs in order, a bounded queue, a time limit that ends a runaway job (src/content/sanitize-pool.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createSanitizePool } from '../../src/content/sanitize-pool.ts'

const workerUrl = new URL('./fixtures/echo-worker.ts', import.meta.url)

test('jobs are answered in order by one worker', async (t) => {
  const pool = createSanitizePool({ workerUrl, maxWaiting: 4, timeoutMs: 30_000 })
  t.after(() => pool.close())
  const outcomes = await Promise.all(['a', 'b', 'c'].map((s) => pool.clean(s)))
  assert.deepEqual(outcomes, [{ html: 'A' }, { html: 'B' }, { html: 'C' }])
})

test('a job beyond the waiting limit is refused as busy at once, the others still run', async (t) => {
  const pool = createSanitizePool({ workerUrl, maxWaiting: 1, timeoutMs: 30_000 })
  t.after(() => pool.close())
  const first = pool.clean('one')
  const second = pool.clean('two')
  assert.deepEqual(await pool.clean('three'), { refused: 'busy' })
  assert.deepEqual(await first, { html: 'ONE' })
  assert.deepEqual(await second, { html: 'TWO' })
})

test('a job that runs past the time limit is refused, its worker ended, and the next job gets a new worker', async (t) => {
  const pool = createSanitizePool({ workerUrl, maxWaiting: 4, timeoutMs: 3000 })
  t.after(() => pool.close())
  const hung = pool.clean('hang')
  const after = pool.clean('next')
  assert.deepEqual(await hung, { refused: 'timeout' })
  assert.deepEqual(await after, { html: 'NEXT' })
})

test('a worker that crashes fails its job only', async (t) => {
  const pool = createSanitizePool({ workerUrl, maxWaiting: 4, timeoutMs: 30_000 })
  t.after(() => pool.close())
  const crashed = pool.clean('crash')
  const after = pool.clean('fine')
  await assert.rejects(crashed, /worker crashed/)
  assert.deepEqual(await after, { html: 'FINE' })
})
