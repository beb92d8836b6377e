// The site a cluster test starts from: a fresh PostgreSQL database with the taxonomy and an admin who holds an API token.

import type { TestContext } from 'node:test'
import { loadConfig } from '../../src/config.ts'
import { systemClock } from '../../src/domain/clock.ts'
import { createLogger } from '../../src/log.ts'
import { createServices } from '../../src/services.ts'
import { openStore } from '../../src/store/store.ts'
import { scratchDatabase } from './databases.ts'
import { allowUnsigned, seedTaxonomy } from './seed.ts'
import { tempDir } from './processes.ts'

export interface ClusterSite {
  readonly databaseUrl: string
  /** The database's name, for queries from the test through its own client. */
  readonly database: string
  /** An admin's Admin API bearer token. */
  readonly token: string
}

/** Creates, migrates and seeds a scratch PostgreSQL database, dropped when the test ends (after its instances are gone). */
export async function clusterSite(t: TestContext): Promise<ClusterSite> {
  const scratch = await scratchDatabase('postgres')
  const databaseUrl = (scratch.config as { url: string }).url
  const store = await openStore(scratch.config)
  try {
    await seedTaxonomy(store)
    await allowUnsigned(store, 'news', 'opinion', 'analysis', 'monday-commentary')
    const config = loadConfig({ DATABASE_URL: databaseUrl, DATA_DIR: await tempDir(t), LOG_LEVEL: 'silent' })
    const services = createServices({ store, config, log: createLogger(config), clock: systemClock })
    await services.accounts.createUser({ email: 'admin@news.example', name: 'Admin', role: 'admin', password: 'a long enough password' }, null)
    const { token } = await services.accounts.createToken('admin@news.example', 'cluster test')
    // The drop waits until the instances' connections are gone (databases.ts).
    t.after(() => scratch.drop())
    return { databaseUrl, database: new URL(databaseUrl).pathname.slice(1), token }
  } finally {
    await store.close()
  }
}

/** An Admin API call with the site's token; throws with the body on an unexpected status. */
export async function adminApi(base: string, token: string, method: string, path: string, body?: unknown): Promise<Record<string, any>> {
  const res = await fetch(`${base}/api/v1/admin${path}`, {
    method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }), 'user-agent': 'cluster-test' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`)
  return JSON.parse(text) as Record<string, any>
}
