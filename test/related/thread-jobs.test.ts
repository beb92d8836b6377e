// Jobs for a worker thread (src/related/thread-jobs.ts): answers by id, the thread's own errors as errors, a thread that
// dies or is closed as ThreadGone, and a job that cannot be copied refused at once.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { threadJobs, ThreadGone } from '../../src/related/thread-jobs.ts'

const JOBS = new URL('../../src/related/thread-jobs.ts', import.meta.url).href

/** A thread module as a data: URL: it answers each job with `body` (a function of the job). */
const thread = (body: string) => new URL(`data:text/javascript,${encodeURIComponent(`
  import { answerJobs } from ${JSON.stringify(JOBS)}
  answerJobs(${body})
`)}`)

test('jobs are answered by id, whatever order the thread finishes them in, and errors come back as errors', async (t) => {
  const jobs = threadJobs<{ n: number; wait: number }, number>(thread(`async ({ n, wait }) => {
    await new Promise((resolve) => setTimeout(resolve, wait))
    if (n < 0) throw new RangeError('negative')
    return n * 2
  }`))
  t.after(() => jobs.close())
  const answers = [jobs.post({ n: 1, wait: 30 }), jobs.post({ n: 2, wait: 0 }), jobs.post({ n: 3, wait: 10 })]
  assert.equal(jobs.pending(), 3)
  assert.deepEqual(await Promise.all(answers), [2, 4, 6])
  await assert.rejects(jobs.post({ n: -1, wait: 0 }), (err: Error) => !(err instanceof ThreadGone) && err.message === 'negative')
  assert.equal(jobs.pending(), 0)
  assert.ok(jobs.usable())
})

test('a thread that dies fails its jobs with ThreadGone and takes no more; one closed fails them as closed', async (t) => {
  const dying = threadJobs<{ n: number }, number>(thread(`({ n }) => { if (n === 0) process.exit(3); return n }`))
  t.after(() => dying.close())
  assert.equal(await dying.post({ n: 5 }), 5)
  await assert.rejects(dying.post({ n: 0 }), (err: unknown) => err instanceof ThreadGone && !err.closed)
  assert.equal(dying.usable(), false)
  assert.throws(() => dying.post({ n: 1 }), ThreadGone)

  const slow = threadJobs<{ n: number }, number>(thread(`({ n }) => new Promise((resolve) => setTimeout(() => resolve(n), 5000))`))
  const answered = assert.rejects(slow.post({ n: 1 }), (err: unknown) => err instanceof ThreadGone && err.closed)
  await slow.close()
  await answered
})

test('a job that cannot be copied is refused at once and leaves nothing pending', async (t) => {
  const jobs = threadJobs<{ f: unknown }, number>(thread(`() => 1`))
  t.after(() => jobs.close())
  assert.throws(() => jobs.post({ f: () => 1 }), /could not be cloned/)
  assert.equal(jobs.pending(), 0)
  assert.equal(await jobs.post({ f: 1 }), 1)
})
