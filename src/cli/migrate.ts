// `broadsheet migrate`: brings the schema up to date.

import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { openSiteStore } from '../data-dir.ts'

export async function migrateCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  parseArgs({ args, options: {}, strict: true, allowPositionals: false })
  const config = loadConfig(env)
  const { store } = await openSiteStore(config)
  try {
    console.log(store.applied.length ? `applied ${store.applied.join(', ')}` : 'the schema is up to date')
    return 0
  } finally {
    await store.close()
  }
}
