// Threads that do an import's side work (reading its file, counting terms, ranking related articles) give way to the
// threads that answer readers: on a machine of two cores the site's server shares them with the import.

import { readlinkSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import os from 'node:os'

/**
 * The nice value of such threads. Linux shares the CPU by weight: against the server's 0, a thread at 10 gets about a
 * tenth of a core they both want, and all of one the server leaves idle.
 */
export const BACKGROUND_NICE = 10

/**
 * Lowers the calling thread's scheduling priority to BACKGROUND_NICE. On Linux each thread has its own nice value, set
 * through its thread id (which /proc/thread-self names); elsewhere, or where it is not allowed, nothing changes: the
 * work is the same, only less polite. Resolves with the thread's nice value after, or undefined when it could not be
 * read.
 *
 * Threads inherit the nice value of the thread that starts them, and libuv starts its pool of file-system threads on
 * the first such request of the process, from whichever thread makes it: one is made (and waited for) before the
 * priority is lowered, so the pool the whole process shares never starts from this thread.
 */
export async function runInBackground(): Promise<number | undefined> {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (!Number.isInteger(tid) || tid <= 0) return undefined
    await stat('/proc/thread-self')
    if (os.getPriority(tid) < BACKGROUND_NICE) os.setPriority(tid, BACKGROUND_NICE)
    return os.getPriority(tid)
  } catch {
    return undefined
  }
}
