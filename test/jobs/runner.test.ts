// The in-process job runner: runs on the interval, never overlaps a job with itself, logs failures, stops cleanly.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { createJobRunner, type Job, type JobContext } from '../../src/jobs/runner.ts'
import { createLogger } from '../../src/log.ts'

const ctx = { store: undefined, clock: { now: () => 0 }, log: createLogger({ logLevel: 'silent' }) } as unknown as JobContext

test('a job runs on its interval and a run still going is not started again', async () => {
  let running = 0, maxRunning = 0, runs = 0
  const slow: Job = { name: 'slow', everyMs: 5, async run() {
    running++; maxRunning = Math.max(maxRunning, running); runs++
    await sleep(30)
    running--
  } }
  const runner = createJobRunner([slow], ctx)
  runner.start()
  await sleep(20)
  assert.equal(await runner.runNow('slow'), false, 'a run is in progress')
  await sleep(80)
  await runner.stop()
  assert.equal(maxRunning, 1)
  assert.ok(runs >= 2, `ran ${runs} times`)
  const after = runs
  await sleep(40)
  assert.equal(runs, after, 'nothing runs after stop')
})

test('a failing job is logged, not thrown, and runs again next time', async () => {
  let runs = 0
  const failing: Job = { name: 'failing', everyMs: 1000, async run() { runs++; throw new Error('boom') } }
  const runner = createJobRunner([failing], ctx)
  assert.equal(await runner.runNow('failing'), true)
  assert.equal(await runner.runNow('failing'), true)
  assert.equal(await runner.runNow('unknown'), false)
  assert.equal(runs, 2)
  await runner.stop()
})
