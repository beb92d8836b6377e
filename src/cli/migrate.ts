// `broadsheet migrate`: brings the schema up to date.

import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { openStore } from '../store/store.ts'

export async function migrateCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  parseArgs({ args, options: {}, strict: true, allowPositionals: false })
  const config = loadConfig(env)
  const store = await openStore(config.database)
  try {
    console.log(store.applied.length ? `applied ${store.applied.join(', ')}` : 'the schema is up to date')
    return 0
  } finally {
    await store.close()
  }
}
