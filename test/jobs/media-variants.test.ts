// The media-variants job in the runner: uploads return before variants exist; the job makes them in the background.

import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { forEachDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { jpegImage } from '../support/images.ts'
import { createJobRunner } from '../../src/jobs/runner.ts'
import { createMediaVariantsJob } from '../../src/jobs/media-variants.ts'
import { createMediaLibrary } from '../../src/media/library.ts'
import { createLogger } from '../../src/log.ts'

/** Uploads made by the system (no desk account), as importers and seeds make them. */
const SYSTEM = { userId: null, role: 'admin' } as const

forEachDatabase('an upload returns with no variants and the media-variants job adds them', async (store, t) => {
  const mediaDir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-media-'))
  t.after(() => rm(mediaDir, { recursive: true, force: true }))
  const clock = fixedClock()
  const library = createMediaLibrary({ store, clock, mediaDir })
  const started = performance.now()
  const m = await library.upload({ data: await jpegImage(3000, 2000), filename: 'big.jpg', alt: 'Big' }, SYSTEM)
  const uploadMs = performance.now() - started
  assert.deepEqual(m.variants, [])
  const runner = createJobRunner([createMediaVariantsJob({ mediaDir })], { store, clock, log: createLogger({ logLevel: 'silent' }) })
  const jobStarted = performance.now()
  assert.equal(await runner.runNow('media-variants'), true)
  const jobMs = performance.now() - jobStarted
  t.diagnostic(`3000×2000 JPEG: upload ${uploadMs.toFixed(0)} ms, variants job ${jobMs.toFixed(0)} ms [${store.dialect.name}]`)
  assert.deepEqual((await library.get(m.id)).variants.map((v) => `${v.format} ${v.width}`),
    ['jpeg 480', 'jpeg 960', 'jpeg 1600', 'webp 480', 'webp 960', 'webp 1600'])
  await runner.stop()
})
