// Jobs for one worker thread, each answered by id: the plumbing the settle pass's two helper threads share (the term
// counter and the list helper). A thread that dies, or is closed, fails the jobs it had with ThreadGone.

import { parentPort, Worker } from 'node:worker_threads'

/** A job's answer as the thread posts it: its result, or the message of the error it raised. */
type Reply<R> = { readonly id: number; readonly result: R } | { readonly id: number; readonly error: string }

/** The thread is not there to answer: it died (or could not start), or the pass closed it. */
export class ThreadGone extends Error {
  /** Closed by its owner (the pass is over or failed), rather than died. */
  readonly closed: boolean

  constructor(message: string, closed: boolean) {
    super(message)
    this.closed = closed
  }
}

export interface ThreadJobs<J, R> {
  /**
   * Posts a job and returns its answer: the result, the thread's error for it (an Error with its message), or
   * ThreadGone. Throws at once when the job cannot be posted (the thread is gone; a value that cannot be copied).
   */
  post(job: J): Promise<R>
  /** Jobs posted and not answered yet. */
  pending(): number
  /** Whether jobs can be posted: the thread has not died and was not closed. */
  usable(): boolean
  /** Ends the thread; what it had fails with ThreadGone (closed). Posting after it starts a new thread. */
  close(): Promise<void>
}

/**
 * Starts the thread of `url` on the first job. It is held open only while it has jobs, so a pass that forgets to close
 * it does not keep the process alive.
 */
export function threadJobs<J extends object, R>(url: URL, workerData?: unknown): ThreadJobs<J, R> {
  let worker: Worker | null = null
  let dead = false
  let nextId = 1
  const waiting = new Map<number, { readonly resolve: (r: R) => void; readonly reject: (err: Error) => void }>()

  const failAll = (err: Error) => {
    for (const job of waiting.values()) job.reject(err)
    waiting.clear()
  }
  const die = (w: Worker, err: unknown) => {
    if (worker !== w) return
    worker = null
    dead = true
    failAll(new ThreadGone(`the thread failed: ${err instanceof Error ? err.message : String(err)}`, false))
    void w.terminate()
  }
  const start = (): Worker => {
    const w = new Worker(url, { workerData })
    w.on('message', (reply: Reply<R>) => {
      const job = waiting.get(reply.id)
      waiting.delete(reply.id)
      if (waiting.size === 0) w.unref()
      if (!job) return
      if ('result' in reply) job.resolve(reply.result)
      else job.reject(new Error(reply.error))
    })
    w.on('error', (err) => die(w, err))
    w.on('messageerror', (err) => die(w, err))
    w.on('exit', (code) => die(w, new Error(`it ended with code ${code}`)))
    w.unref()
    return w
  }

  return {
    post(job) {
      if (dead) throw new ThreadGone('the thread failed earlier', false)
      if (!worker) {
        try {
          worker = start()
        } catch (err) {
          dead = true
          throw new ThreadGone(`the thread could not start: ${(err as Error).message}`, false)
        }
      }
      const id = nextId++
      // Posted before it is recorded: a job that cannot be copied throws here and leaves nothing behind.
      worker.postMessage({ ...job, id })
      worker.ref()
      return new Promise<R>((resolve, reject) => waiting.set(id, { resolve, reject }))
    },
    pending: () => waiting.size,
    usable: () => !dead,
    async close() {
      const w = worker
      worker = null
      failAll(new ThreadGone('the thread was closed', true))
      if (w) await w.terminate()
    },
  }
}

/** The thread's side: answers each job with `handle`'s result or error, by the job's id. */
export function answerJobs<J, R>(handle: (job: J) => R | Promise<R>): void {
  const port = parentPort!
  port.on('message', async (job: J & { readonly id: number }) => {
    let reply: Reply<R>
    try {
      reply = { id: job.id, result: await handle(job) }
    } catch (err) {
      reply = { id: job.id, error: err instanceof Error ? err.message : String(err) }
    }
    port.postMessage(reply)
  })
}
