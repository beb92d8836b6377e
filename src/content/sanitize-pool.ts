// One worker thread, started on first use, that cleans large bodies off the event loop: a bounded queue and a time limit per job.

import { Worker } from 'node:worker_threads'

/** What the worker answers for one job: the cleaned markup, or a refusal because it nests too deeply. */
export type CleanReply = { readonly id: number; readonly html: string } | { readonly id: number; readonly tooDeep: true }
  | { readonly id: number; readonly error: string }

/** Why a job did not get cleaned markup: the body nests too deeply, the queue is full, or it ran out of time. */
export type CleanOutcome = { readonly html: string } | { readonly refused: 'too-deep' | 'busy' | 'timeout' }

export interface SanitizePoolOptions {
  /** The worker module: it answers each `{ id, html }` message with a CleanReply. */
  readonly workerUrl: URL
  /** Jobs that may wait behind the running one; more are refused as 'busy' rather than piling up memory. */
  readonly maxWaiting: number
  /** How long one job may run; past it the worker is ended and the job refused as 'timeout'. */
  readonly timeoutMs: number
}

interface Job {
  readonly id: number
  readonly html: string
  readonly resolve: (outcome: CleanOutcome) => void
  readonly reject: (err: Error) => void
}

/**
 * A pool of one worker: jobs run one at a time in arrival order. The worker is created on the first job, kept while it
 * works, and does not hold the process open when idle. A job that runs out of time ends the worker (a runaway
 * computation cannot be interrupted any other way); the next job starts a fresh one.
 */
export function createSanitizePool(opts: SanitizePoolOptions) {
  let worker: Worker | null = null
  let running: (Job & { readonly timer: NodeJS.Timeout }) | null = null
  const waiting: Job[] = []
  let nextId = 1

  const finish = (): void => {
    if (running) clearTimeout(running.timer)
    running = null
    const next = waiting.shift()
    if (next) start(next)
    else worker?.unref()
  }

  const ensureWorker = (): Worker => {
    if (worker) return worker
    const w = new Worker(opts.workerUrl)
    w.on('message', (reply: CleanReply) => {
      if (!running || reply.id !== running.id) return
      const job = running
      if ('html' in reply) job.resolve({ html: reply.html })
      else if ('tooDeep' in reply) job.resolve({ refused: 'too-deep' })
      else job.reject(new Error(`sanitizer worker failed: ${reply.error}`))
      finish()
    })
    // A crash fails only the job it was running; the next job gets a new worker.
    w.on('error', (err) => {
      if (worker === w) worker = null
      running?.reject(err)
      finish()
    })
    w.on('exit', () => {
      if (worker === w) worker = null
    })
    worker = w
    return w
  }

  function start(job: Job): void {
    const w = ensureWorker()
    w.ref()
    const timer = setTimeout(() => {
      if (running?.id !== job.id) return
      worker = null
      void w.terminate()
      job.resolve({ refused: 'timeout' })
      finish()
    }, opts.timeoutMs)
    running = { ...job, timer }
    w.postMessage({ id: job.id, html: job.html })
  }

  return {
    /** Cleans `html` in the worker; resolves with the markup or the reason it was refused. */
    clean(html: string): Promise<CleanOutcome> {
      if (running && waiting.length >= opts.maxWaiting) return Promise.resolve({ refused: 'busy' })
      return new Promise<CleanOutcome>((resolve, reject) => {
        const job = { id: nextId++, html, resolve, reject }
        if (running) waiting.push(job)
        else start(job)
      })
    },
    /** Ends the worker, failing what is queued; the pool starts a new worker on its next job. */
    async close(): Promise<void> {
      const w = worker
      worker = null
      for (const job of waiting.splice(0)) job.reject(new Error('sanitizer pool closed'))
      if (running) {
        clearTimeout(running.timer)
        running.reject(new Error('sanitizer pool closed'))
        running = null
      }
      if (w) await w.terminate()
    },
  }
}

export type SanitizePool = ReturnType<typeof createSanitizePool>
