// The decode slot: at most N image tasks at once, in arrival order, and uploads and variants share it (src/media/decode-slots.ts).

import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { createSemaphore, decodeSlot } from '../../src/media/decode-slots.ts'
import { renderVariant } from '../../src/media/variants.ts'
import { withoutMetadata } from '../../src/media/strip-metadata.ts'
import { typeOf } from '../../src/media/sniff.ts'
import sharp from 'sharp'
import { jpegImage } from '../support/images.ts'

/** A task that takes `ms` and records how many tasks were running with it. */
const slowTask = (state: { now: number; max: number; order: number[] }, id: number, ms: number) => async () => {
  state.now++
  state.max = Math.max(state.max, state.now)
  await sleep(ms)
  state.order.push(id)
  state.now--
  return id
}

for (const limit of [1, 2]) {
  test(`a semaphore of ${limit} runs at most ${limit} of ten slow tasks at once, finishing them all in arrival order`, async () => {
    const semaphore = createSemaphore(limit)
    const state = { now: 0, max: 0, order: [] as number[] }
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => semaphore.run(slowTask(state, i, 5))))
    assert.equal(state.max, limit)
    assert.deepEqual(results, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    if (limit === 1) assert.deepEqual(state.order, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    assert.equal(semaphore.running, 0)
    assert.equal(semaphore.waiting, 0)
  })
}

test('a task that throws frees its slot for the next one', async () => {
  const semaphore = createSemaphore(1)
  const failing = semaphore.run(async () => {
    await sleep(5)
    throw new Error('decode failed')
  })
  const next = semaphore.run(async () => 'next')
  await assert.rejects(failing, /decode failed/)
  assert.equal(await next, 'next')
  assert.equal(semaphore.running, 0)
})

test('a semaphore refuses a limit below 1', () => {
  assert.throws(() => createSemaphore(0), RangeError)
})

/** Holds the process's decode slot until the returned function is called. */
async function holdDecodeSlot(): Promise<() => void> {
  let release!: () => void
  const held = new Promise<void>((resolve) => { release = resolve })
  let entered!: () => void
  const inside = new Promise<void>((resolve) => { entered = resolve })
  void decodeSlot.run(async () => {
    entered()
    await held
  })
  await inside
  return release
}

test('making a variant waits for the decode slot', async (t) => {
  const original = await jpegImage(800, 600)
  const release = await holdDecodeSlot()
  t.after(release)
  let done = false
  const variant = renderVariant(original, { format: 'jpeg', pages: 1 }, { width: 480, format: 'webp' }).then((v) => { done = true; return v })
  await sleep(150)
  assert.equal(done, false, 'the variant was made while another decode held the slot')
  release()
  assert.equal((await variant).width, 480)
})

test('re-encoding an upload without its metadata waits for the decode slot', async (t) => {
  const photo = await sharp(await jpegImage(800, 600)).withExif({ IFD0: { Make: 'Camera' } }).jpeg().toBuffer()
  const release = await holdDecodeSlot()
  t.after(release)
  let done = false
  const dir = await mkdtemp(path.join(os.tmpdir(), 'decode-slot-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const out = path.join(dir, 'cleaned.jpg')
  const stripped = withoutMetadata(photo, { type: typeOf('jpeg'), width: 800, height: 600, pages: 1 }, out).then((b) => { done = true; return b })
  await sleep(150)
  assert.equal(done, false, 'the upload was re-encoded while another decode held the slot')
  release()
  assert.equal(await stripped, true)
  assert.equal((await sharp(out).metadata()).exif, undefined)
})
