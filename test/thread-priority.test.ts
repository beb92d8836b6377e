// Side threads of an import give way to the server's (src/thread-priority.ts): on Linux the calling thread alone gets
// the background nice value; the thread that called the worker keeps its own.

import assert from 'node:assert/strict'
import { readlinkSync } from 'node:fs'
import os from 'node:os'
import { test } from 'node:test'
import { Worker } from 'node:worker_threads'
import { BACKGROUND_NICE } from '../src/thread-priority.ts'

const perThread = (() => {
  try {
    return os.platform() === 'linux' && readlinkSync('/proc/thread-self').includes('/task/')
  } catch {
    return false
  }
})()

test('a worker that runs in the background gets the background nice value; its parent keeps its own', { skip: !perThread && 'threads have no nice value of their own here (Linux only)' }, async () => {
  const before = os.getPriority()
  const worker = new Worker(`
    const { parentPort } = require('node:worker_threads')
    import(${JSON.stringify(new URL('../src/thread-priority.ts', import.meta.url).href)})
      .then(async (m) => parentPort.postMessage({ nice: await m.runInBackground(), again: await m.runInBackground() }))
  `, { eval: true })
  const reply = await new Promise<{ nice: number; again: number }>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  await worker.terminate()
  assert.deepEqual(reply, { nice: Math.max(BACKGROUND_NICE, before), again: Math.max(BACKGROUND_NICE, before) })
  assert.equal(os.getPriority(), before, 'the process’s main thread is not lowered')
})
