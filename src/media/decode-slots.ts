// A limit on how many images are decoded at once in this process: a 49-megapixel photo holds ~150 MB of pixels.

/** Runs async tasks with at most `limit` of them running at a time, the rest waiting in arrival order. */
export interface Semaphore {
  run<T>(task: () => Promise<T>): Promise<T>
  /** Tasks running now, and tasks waiting for a slot. */
  readonly running: number
  readonly waiting: number
}

/** A counting semaphore; a task that throws frees its slot like one that resolves. */
export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a semaphore needs a limit of 1 or more, got ${limit}`)
  let running = 0
  const waiting: (() => void)[] = []
  const release = (): void => {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
  return {
    async run(task) {
      if (running < limit) running++
      // The slot is handed over by release(), so `running` stays counted while it passes to the next task.
      else await new Promise<void>((resolve) => waiting.push(resolve))
      try {
        return await task()
      } finally {
        release()
      }
    },
    get running() {
      return running
    },
    get waiting() {
      return waiting.length
    },
  }
}

/**
 * The one decode slot of this process: uploads (re-encoding without metadata) and the variants job take turns, so two
 * large photos never sit decoded in memory together. Two 49-megapixel uploads at once took the server from 137 MB to
 * 781 MB resident before (bench/image-memory.ts).
 */
export const decodeSlot: Semaphore = createSemaphore(1)
