// A job that one instance at a time runs: the others skip their turn while a lease in the database says who runs it.

import { randomBytes } from 'node:crypto'
import type { Job } from './runner.ts'

/**
 * `job` under a lease named after it. Meant for jobs that walk a shared cursor (related refresh, search re-indexing):
 * on several instances each would do the same slice at the same time. The lease lasts `leaseMs` past the start of a
 * run and is given back when the run ends; an instance that dies mid-run keeps it only until then, after which the
 * next instance to try takes the job over and goes on from the cursor its last committed batch left.
 */
export function exclusive(job: Job, opts: { readonly leaseMs: number; readonly holder?: string }): Job {
  // This process, as the lease's holder: random, so a restarted instance is someone new.
  const holder = opts.holder ?? randomBytes(9).toString('base64url')
  return {
    name: job.name,
    everyMs: job.everyMs,
    async run(ctx) {
      if (job.hasWork && !(await job.hasWork(ctx))) return
      const now = ctx.clock.now()
      if (!(await ctx.store.jobLeases.acquire(job.name, holder, now, now + opts.leaseMs))) return
      try {
        await job.run(ctx)
      } finally {
        await ctx.store.jobLeases.release(job.name, holder, ctx.clock.now())
      }
    },
  }
}
