// The services that web/, jobs/ and cli/ call, built from their dependencies.

import type { Config } from './config.ts'
import type { Clock } from './domain/clock.ts'
import type { Log } from './log.ts'
import type { Store } from './store/store.ts'
import { createReading, type Reading } from './reading/reading.ts'
import { createSiteContext, type SiteContextCache } from './reading/site-settings.ts'

export interface Services {
  readonly config: Config
  readonly clock: Clock
  readonly store: Store
  readonly site: SiteContextCache
  readonly reading: Reading
}

export interface ServiceDeps {
  readonly store: Store
  readonly config: Config
  readonly log: Log
  readonly clock: Clock
}

/** Builds every service once; the composition root and tests call this. */
export function createServices({ store, config, clock }: ServiceDeps): Services {
  const site = createSiteContext({ store, clock, timeZone: config.timeZone })
  return { config, clock, store, site, reading: createReading({ store, clock, site }) }
}
