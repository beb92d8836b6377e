// The in-process job runner: runs each job on its interval, never two runs of one job at once, and stops cleanly.

import type { Clock } from '../domain/clock.ts'
import type { Log } from '../log.ts'
import type { Store } from '../store/store.ts'

/** What a job may use. */
export interface JobContext {
  readonly store: Store
  readonly clock: Clock
  readonly log: Log
  /** Aborted when the runner stops: a long run (an import) gives its work back instead of holding up shutdown. */
  readonly signal?: AbortSignal
}

/** A plain, idempotent unit of background work. */
export interface Job {
  readonly name: string
  readonly everyMs: number
  /**
   * A read that says whether a run now would do anything; no such read means it always would. exclusive() takes its
   * lease only when it does: the lease is a write, and on SQLite a write waits for an import's batch with the event
   * loop held.
   */
  hasWork?(ctx: JobContext): Promise<boolean>
  run(ctx: JobContext): Promise<void>
}

export interface JobRunner {
  start(): void
  /** Stops scheduling and waits for runs in progress to finish. */
  stop(): Promise<void>
  /** Runs one job now unless it is already running; resolves when that run ends. For tests and the CLI. */
  runNow(name: string): Promise<boolean>
}

/** A runner for `jobs`; a run that overlaps the previous one of the same job is skipped, and a failure is logged, not thrown. */
export function createJobRunner(jobs: readonly Job[], given: JobContext): JobRunner {
  let stopping = new AbortController()
  const ctx = (): JobContext => ({ ...given, signal: stopping.signal })
  const running = new Map<string, Promise<void>>()
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  let stopped = true

  function runOnce(job: Job): Promise<void> | undefined {
    if (running.has(job.name)) return undefined
    const started = performance.now()
    const run = job.run(ctx())
      .then(() => given.log.debug({ job: job.name, ms: Math.round(performance.now() - started) }, 'job finished'))
      .catch((err: unknown) => given.log.error({ job: job.name, err }, 'job failed'))
      .finally(() => running.delete(job.name))
    running.set(job.name, run)
    return run
  }

  function schedule(job: Job): void {
    if (stopped) return
    const timer = setTimeout(() => {
      void (runOnce(job) ?? Promise.resolve()).then(() => schedule(job))
    }, job.everyMs)
    // Background work must not keep the process alive on its own.
    timer.unref()
    timers.set(job.name, timer)
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      if (stopping.signal.aborted) stopping = new AbortController()
      for (const job of jobs) schedule(job)
    },
    async stop() {
      stopped = true
      stopping.abort()
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
      await Promise.all(running.values())
    },
    async runNow(name) {
      const job = jobs.find((j) => j.name === name)
      if (!job) return false
      const run = runOnce(job)
      if (!run) return false
      await run
      return true
    },
  }
}
