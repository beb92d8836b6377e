// Threads that do an import's side work (counting terms, ranking related articles) give way to the threads that
// answer readers: on a machine of two cores the site's server shares them with the import.

import { readlinkSync } from 'node:fs'
import os from 'node:os'

/** The nice value of such threads: above the server's 0, so the scheduler runs it first whenever both want a core. */
export const BACKGROUND_NICE = 10

/**
 * Lowers the calling thread's scheduling priority to BACKGROUND_NICE. On Linux each thread has its own nice value, set
 * through its thread id (which /proc/thread-self names); elsewhere, or where it is not allowed, nothing changes: the
 * work is the same, only less polite. Returns the thread's nice value after, or undefined when it could not be read.
 */
export function runInBackground(): number | undefined {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (!Number.isInteger(tid) || tid <= 0) return undefined
    if (os.getPriority(tid) < BACKGROUND_NICE) os.setPriority(tid, BACKGROUND_NICE)
    return os.getPriority(tid)
  } catch {
    return undefined
  }
}
