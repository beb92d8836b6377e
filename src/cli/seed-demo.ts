// `broadsheet seed-demo`: fills an empty site with the demo newsroom.

import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { systemClock } from '../domain/clock.ts'
import { isAppError } from '../errors.ts'
import { openSiteStore } from '../data-dir.ts'
import { seedDemo } from '../importers/demo/seed.ts'
import { demoNewsroom } from '../importers/demo/newsroom.ts'

export async function seedDemoCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  parseArgs({ args, options: {}, strict: true, allowPositionals: false })
  const config = loadConfig(env)
  const { store, replacesLostSite } = await openSiteStore(config)
  try {
    if (replacesLostSite) {
      console.error(`broadsheet seed-demo: ${config.dataDir} held a site and this database is new; the demo goes only into a new site`)
      return 1
    }
    const { articles } = await seedDemo({ store, clock: systemClock, mediaDir: path.join(config.dataDir, 'media') }, demoNewsroom)
    console.log(`seeded the demo newsroom: ${articles} articles`)
    return 0
  } catch (err) {
    if (!isAppError(err)) throw err
    console.error(`broadsheet seed-demo: ${err.message}`)
    return 1
  } finally {
    await store.close()
  }
}
