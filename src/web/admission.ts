// Admission of requests to the event loop: a time budget per loop turn, a bounded queue, and a deadline for waiting in it.

/** What becomes of a request: it runs now (or after waiting its turn), or it is shed. */
export type Outcome = 'go' | 'shed'

export interface AdmissionOptions {
  /** The most milliseconds of one event-loop turn spent on admitted work before the rest waits for a later turn; 0 admits all at once. */
  readonly turnBudgetMs: number
  /** How long a request may wait for its turn before it is shed; 0 sheds instead of queueing. */
  readonly queueWaitMs: number
  /** The most admitted requests still unanswered (renders waiting on PostgreSQL); 0 for no limit. */
  readonly maxInFlight: number
  /** The most requests waiting at once; more are shed at the door. */
  readonly maxQueue: number
}

export interface AdmissionDeps {
  readonly now: () => number
  /** Runs `fn` once the current turn's I/O callbacks are done (setImmediate). */
  readonly defer: (fn: () => void) => void
}

export interface Admission {
  /** Calls `decide` exactly once: at once, or from a later turn. A 'go' must be matched by one release(). */
  admit(decide: (outcome: Outcome) => void): void
  /** An admitted request was answered (or its client went away). */
  release(): void
  /** Requests admitted and not yet released, and requests waiting. */
  readonly inFlight: number
  readonly queued: number
}

/** How many waiting requests one turn may admit after its I/O callbacks, budget permitting. */
const STEPS_PER_TURN = 16

interface Waiting { readonly since: number; readonly decide: (outcome: Outcome) => void }

/**
 * A page render on SQLite is one block of synchronous work; when a thousand requests arrive in one turn, running them all
 * there keeps every other socket (health probes included) waiting for seconds. So one turn admits work only until its
 * budget is spent; the rest waits in arrival order, and each later turn admits waiting requests while its budget
 * lasts, polling the sockets (and so the probes) in between. Requests that waited longer than `queueWaitMs` are shed rather than served late.
 */
export function createAdmission(opts: AdmissionOptions, deps: AdmissionDeps): Admission {
  const queue: Waiting[] = []
  let inFlight = 0
  // When the current turn began, or -1 between turns; a deferred turnEnded() marks the end.
  let turnStart = -1

  const hasRoom = (): boolean => opts.maxInFlight === 0 || inFlight < opts.maxInFlight
  const budgetLeft = (): boolean => deps.now() - turnStart < opts.turnBudgetMs
  const go = (decide: (outcome: Outcome) => void): void => {
    inFlight++
    decide('go')
  }

  /**
   * Starts a turn's accounting and queues its steps. The steps are queued together, so they all run after this turn's
   * I/O callbacks and each one after the work the one before admitted (a render's promises settle between two).
   */
  function markTurn(): void {
    if (turnStart >= 0) return
    turnStart = deps.now()
    for (let i = 0; i < STEPS_PER_TURN; i++) deps.defer(step)
    deps.defer(turnEnded)
  }

  /** Sheds what waited too long, then admits the longest-waiting request if the turn has budget left. */
  function step(): void {
    const now = deps.now()
    while (queue.length && now - queue[0]!.since > opts.queueWaitMs) queue.shift()!.decide('shed')
    if (queue.length && hasRoom() && budgetLeft()) go(queue.shift()!.decide)
  }

  /** The next turn starts now when requests still wait; its budget also covers the requests its polling brings. */
  function turnEnded(): void {
    turnStart = -1
    if (queue.length && hasRoom()) markTurn()
  }

  return {
    admit(decide) {
      if (opts.turnBudgetMs === 0) return opts.maxInFlight === 0 || hasRoom() ? go(decide) : decide('shed')
      markTurn()
      if (!queue.length && hasRoom() && budgetLeft()) return go(decide)
      if (opts.queueWaitMs === 0 || queue.length >= opts.maxQueue) return decide('shed')
      queue.push({ since: deps.now(), decide })
    },
    release() {
      inFlight = Math.max(0, inFlight - 1)
      if (queue.length) markTurn()
    },
    get inFlight() {
      return inFlight
    },
    get queued() {
      return queue.length
    },
  }
}
