// A real app on a scratch database (SQLite by default) for app.inject tests.

import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestContext } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { loadConfig, type Config } from '../../src/config.ts'
import type { Clock } from '../../src/domain/clock.ts'
import { createLogger } from '../../src/log.ts'
import type { MediaStore } from '../../src/media/storage/media-store.ts'
import { openMediaStore } from '../../src/media/storage/open.ts'
import { createServices, type Services } from '../../src/services.ts'
import type { Store } from '../../src/store/store.ts'
import { buildApp } from '../../src/web/app.ts'
import { scratchStore } from './databases.ts'
import { tempDir } from './processes.ts'

export interface TestApp {
  readonly app: FastifyInstance
  readonly store: Store
  readonly services: Services
  readonly config: Config
  readonly clock: { now(): number; set(ms: number): void }
}

/** A fixed clock that tests move by hand. */
export const fixedClock = (start = Date.UTC(2026, 10, 27, 9)): Clock & { set(ms: number): void } => {
  let now = start
  return { now: () => now, set: (ms: number) => { now = ms } }
}

/** SHED_* settings for test apps: no per-turn budget and no event-loop delay limit (the in-flight and heap caps stay). */
export const TEST_SHEDDING = { SHED_TURN_MS: '0', SHED_EVENT_LOOP_DELAY_MS: '0' } as const

/** Builds the whole app on a fresh database; everything is closed when the test ends. */
export async function buildTestApp(t: TestContext, opts: { engine?: 'sqlite' | 'postgres'; env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-app-'))
  // Retried: a SQLite connection closing on another thread (the checkpointer) may still be removing its -wal file.
  t.after(() => rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }))
  // Time-based load shedding measures the machine, not the app: on a busy test machine it would answer 503 at random.
  // Tests of shedding set SHED_* themselves; every other test gets the app without the turn budget and delay limit.
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SITE_URL: 'https://news.example', ...TEST_SHEDDING, ...opts.env })
  const store = await scratchStore(t, opts.engine ?? 'sqlite')
  const clock = fixedClock()
  const log = createLogger(config)
  const services = createServices({ store, config, log, clock })
  const app = await buildApp({ services, config, log })
  t.after(() => app.close())
  return { app, store, services, config, clock }
}

/**
 * One instance of a site whose database (`store`) other instances share, as separate machines would run it: its own
 * DATA_DIR, and the media store `env` names (MEDIA_STORE, or a folder of its own). Closed when the test ends.
 */
export async function siteInstance(t: TestContext, store: Store, env: Record<string, string>): Promise<TestApp & { readonly mediaStore: MediaStore }> {
  const config = loadConfig({ DATA_DIR: await tempDir(t), LOG_LEVEL: 'silent', SITE_URL: 'https://news.example', ...TEST_SHEDDING, ...env })
  const clock = fixedClock()
  const log = createLogger(config)
  const mediaStore = openMediaStore(config.media.storage)
  const services = createServices({ store, config, log, clock, mediaStore })
  const app = await buildApp({ services, config, log })
  t.after(async () => {
    await app.close()
    mediaStore.close()
  })
  return { app, store, services, config, clock, mediaStore }
}
