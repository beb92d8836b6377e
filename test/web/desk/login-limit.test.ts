// The login limit under parallel guessing: at most 5 guesses are evaluated per account, on both engines and across two instances.

import assert from 'node:assert/strict'
import { test, type TestContext } from 'node:test'
import { loadConfig } from '../../../src/config.ts'
import { createLogger } from '../../../src/log.ts'
import { createServices } from '../../../src/services.ts'
import { openStore } from '../../../src/store/store.ts'
import { buildApp } from '../../../src/web/app.ts'
import { onBothEngines } from '../../support/both-engines.ts'
import { fixedClock, type TestApp } from '../../support/build-test-app.ts'
import { postgresUnavailable, scratchDatabase } from '../../support/databases.ts'
import { login, OWNER, setupOwner } from '../../support/desk.ts'

/** Fires 40 wrong passwords for the owner at once, spread over `apps`; returns how many got each status. */
async function guessInParallel(apps: readonly TestApp[]): Promise<Record<number, number>> {
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) => login(apps[i % apps.length]!, OWNER.email, `wrong guess number ${i}`)))
  const statuses: Record<number, number> = {}
  for (const { res } of results) statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1
  return statuses
}

onBothEngines('40 parallel wrong passwords for one account: 5 are evaluated (401), the other 35 are refused (429)', async (a) => {
  await setupOwner(a)
  assert.deepEqual(await guessInParallel([a]), { 401: 5, 429: 35 })
  assert.equal((await login(a, OWNER.email, OWNER.password)).res.statusCode, 429, 'even the right password waits')
})

onBothEngines('a successful login does not use up the address: 10 logins in a row from one address all succeed', async (a) => {
  await setupOwner(a)
  for (let i = 0; i < 10; i++) assert.equal((await login(a, OWNER.email, OWNER.password)).res.statusCode, 303, `login ${i + 1}`)
  for (let i = 0; i < 4; i++) assert.equal((await login(a, OWNER.email, 'not the password at all')).res.statusCode, 401)
  assert.equal((await login(a, OWNER.email, OWNER.password)).res.statusCode, 303, 'a success resets the account')
  // The address keeps its 4 failures: one more guess is evaluated, the next is refused.
  assert.equal((await login(a, 'someone@news.example', 'not the password at all')).res.statusCode, 401)
  assert.equal((await login(a, 'someone@news.example', 'not the password at all')).res.statusCode, 429)
})

/** Two app instances on one scratch PostgreSQL database, each with its own pool; closed and dropped after the test. */
async function twoInstances(t: TestContext): Promise<TestApp[]> {
  const db = await scratchDatabase('postgres')
  const clock = fixedClock()
  const apps: TestApp[] = []
  t.after(async () => {
    for (const a of apps) {
      await a.app.close()
      await a.store.close()
    }
    await db.drop()
  })
  for (let i = 0; i < 2; i++) {
    const config = loadConfig({ LOG_LEVEL: 'silent', SITE_URL: 'https://news.example', DATABASE_URL: db.config.engine === 'postgres' ? db.config.url : '' })
    const store = await openStore(config.database, { poolSize: 4 })
    const log = createLogger(config)
    const services = createServices({ store, config, log, clock })
    apps.push({ app: await buildApp({ services, config, log }), store, services, config, clock })
  }
  return apps
}

test('two instances on one PostgreSQL database share the counter: 40 parallel guesses over both, 5 evaluated', async (t) => {
  const reason = await postgresUnavailable()
  if (reason) return t.skip(reason)
  const apps = await twoInstances(t)
  await setupOwner(apps[0]!)
  assert.deepEqual(await guessInParallel(apps), { 401: 5, 429: 35 })
  for (const a of apps) assert.equal((await login(a, OWNER.email, OWNER.password)).res.statusCode, 429)
})
