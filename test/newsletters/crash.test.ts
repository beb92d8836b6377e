// A sender killed in the middle of an issue, on both engines: restarted, it sends the rest once the dead one's claims
// lapse; every recipient gets exactly one copy.
//
// The SMTP server stops answering after a number of messages: the copies in flight are then unacknowledged (their
// sender cannot know whether they arrived), and the process is killed while it waits for them, as a crash mid-send.

import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { TestContext } from 'node:test'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { forEachDatabase, databaseOf } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { newsletterWithIssue } from '../support/newsletters.ts'
import { systemClock } from '../../src/domain/clock.ts'

const CHILD = path.resolve(import.meta.dirname, '../support/newsletter-sender-child.ts')
const RECIPIENTS = 120
const LEASE_MS = 1500

/** An SMTP server that counts accepted copies per recipient and can stop answering (holding what arrives). */
async function countingSmtp(t: TestContext) {
  const accepted = new Map<string, number>()
  let holding = false
  let total = 0
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false, closeTimeout: 100,
    onData(stream, session, callback) {
      simpleParser(stream).then(() => {
        // Held: never acknowledged, so the copy is not delivered (the client is killed while it waits).
        if (holding) return
        for (const r of session.envelope.rcptTo) accepted.set(r.address, (accepted.get(r.address) ?? 0) + 1)
        total++
        callback()
      }, (err: Error) => callback(err))
    },
  })
  server.listen(0, '127.0.0.1')
  await once(server.server, 'listening')
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, accepted,
    total: () => total, hold: (on: boolean) => { holding = on },
  }
}

function startSender(t: TestContext, database: object, smtpUrl: string): ChildProcess {
  const child = spawn(process.execPath, [CHILD], { env: { ...process.env, DATABASE: JSON.stringify(database), SMTP_URL: smtpUrl, LEASE_MS: String(LEASE_MS) }, stdio: ['ignore', 'pipe', 'inherit'] })
  t.after(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL') })
  return child
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(25)
  }
}

forEachDatabase('a sender killed mid-send and restarted sends every recipient exactly one copy', async (store, t) => {
  const smtp = await countingSmtp(t)
  const { newsletterId, issueId, emails } = await newsletterWithIssue(store, fixedClock(systemClock.now()), RECIPIENTS)
  assert.equal(await store.newsletterIssues.queue(issueId, newsletterId, systemClock.now()), RECIPIENTS)

  const first = startSender(t, databaseOf(store), smtp.url)
  await until('some copies', () => smtp.total() >= 40)
  smtp.hold(true)
  // Let the acknowledged copies be recorded, while the next ones wait for an answer that does not come.
  await sleep(300)
  const inFlight = (await store.newsletterIssues.progress(issueId))
  first.kill('SIGKILL')
  await once(first, 'exit')
  assert.ok(inFlight.sent >= 40 && inFlight.sent < RECIPIENTS, `killed in the middle: ${JSON.stringify(inFlight)}`)
  assert.equal(inFlight.sent, smtp.total(), 'every acknowledged copy was recorded before the crash')
  smtp.hold(false)

  startSender(t, databaseOf(store), smtp.url)
  await until('every copy', async () => (await store.newsletterIssues.progress(issueId)).pending === 0)
  assert.deepEqual(await store.newsletterIssues.progress(issueId), { sent: RECIPIENTS, pending: 0, failed: 0 })
  assert.deepEqual([...smtp.accepted.keys()].sort(), [...emails].sort(), 'none missed')
  assert.deepEqual([...smtp.accepted.values()].filter((n) => n !== 1), [], 'no duplicates')
})
