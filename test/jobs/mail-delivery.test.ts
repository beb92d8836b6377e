// The mail delivery job on both engines: sends due messages once, retries with backoff, gives up on a 5xx, survives a crash.

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { mailEnv, mailJob, startSmtp } from '../support/smtp.ts'
import { loadConfig } from '../../src/config.ts'
import { MAIL_MAX_ATTEMPTS, MAIL_RETRY_DELAYS_MS, type MailMessage } from '../../src/domain/mail.ts'
import type { Store } from '../../src/store/store.ts'
import type { TestContext } from 'node:test'

const message = (to: string, subject = 'Hello'): MailMessage => ({ kind: 'test', to, subject, text: 'Plain text.', html: '<p>HTML.</p>' })

async function setUp(store: Store, t: TestContext) {
  const smtp = await startSmtp(t)
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/tmp/broadsheet-mail-job', ...mailEnv(smtp) })
  const clock = fixedClock()
  return { smtp, clock, mail: mailJob(t, { config, store, clock }) }
}

forEachDatabase('due messages are sent once with both parts; sent messages keep no body', async (store, t) => {
  const { smtp, clock, mail } = await setUp(store, t)
  await store.transaction((tx) => tx.mailOutbox.enqueue([message('a@news.example', 'First'), message('b@news.example', 'Second')], clock.now()))
  await mail.deliver()
  await mail.deliver()
  assert.deepEqual(smtp.messages.map((m) => m.subject), ['First', 'Second'])
  assert.equal(smtp.messages[0]!.text, 'Plain text.')
  assert.match(String(smtp.messages[0]!.html), /<p>HTML\.<\/p>/)
  const rows = await store.mailOutbox.list()
  assert.deepEqual(rows.map((r) => [r.status, r.attempts, r.text, r.html, r.sentAt]), [['sent', 1, '', '', clock.now()], ['sent', 1, '', '', clock.now()]])
})

forEachDatabase('a refused attempt (4xx) is retried after the backoff; a 5xx gives up at once', async (store, t) => {
  const { smtp, clock, mail } = await setUp(store, t)
  const start = clock.now()
  await store.mailOutbox.enqueue([message('later@news.example')], start)
  smtp.refuse(1, 451)
  await mail.deliver()
  let [row] = await store.mailOutbox.list()
  assert.equal(row?.status, 'pending')
  assert.equal(row?.attempts, 1)
  assert.equal(row?.nextAttemptAt, start + MAIL_RETRY_DELAYS_MS[0]!)
  assert.match(row?.lastError ?? '', /451/)
  assert.equal(row?.text, 'Plain text.', 'the body is kept for the retry')
  // Not due yet: nothing is sent.
  clock.set(start + MAIL_RETRY_DELAYS_MS[0]! - 1)
  await mail.deliver()
  assert.equal(smtp.messages.length, 0)
  clock.set(start + MAIL_RETRY_DELAYS_MS[0]!)
  await mail.deliver()
  assert.equal(smtp.messages.length, 1)
  ;[row] = await store.mailOutbox.list()
  assert.equal(row?.status, 'sent')
  assert.equal(row?.attempts, 2)

  await store.mailOutbox.enqueue([message('nobody@news.example')], clock.now())
  smtp.refuse(1, 550)
  await mail.deliver()
  ;[row] = await store.mailOutbox.list()
  assert.equal(row?.status, 'failed')
  assert.match(row?.lastError ?? '', /550/)
  assert.equal(row?.text, '')
  assert.equal(smtp.messages.length, 1)
})

forEachDatabase(`a message that keeps failing is given up after ${MAIL_MAX_ATTEMPTS} attempts`, async (store, t) => {
  const { smtp, clock, mail } = await setUp(store, t)
  await store.mailOutbox.enqueue([message('flaky@news.example')], clock.now())
  smtp.refuse(100, 421)
  for (let i = 0; i < MAIL_MAX_ATTEMPTS; i++) {
    await mail.deliver()
    clock.set(clock.now() + 7 * 3_600_000)
  }
  const [row] = await store.mailOutbox.list()
  assert.equal(row?.status, 'failed')
  assert.equal(row?.attempts, MAIL_MAX_ATTEMPTS)
})

forEachDatabase('a message claimed by a sender that crashed is sent after the lease, not lost', async (store, t) => {
  const { smtp, clock, mail } = await setUp(store, t)
  await store.mailOutbox.enqueue([message('crash@news.example')], clock.now())
  // A sender claims it and dies before recording anything.
  const [claimed] = await store.mailOutbox.claimDue(clock.now(), 10, clock.now() + 120_000)
  assert.equal(claimed?.to, 'crash@news.example')
  await mail.deliver()
  assert.equal(smtp.messages.length, 0, 'leased: nobody else sends it meanwhile')
  clock.set(clock.now() + 120_000)
  await mail.deliver()
  assert.equal(smtp.messages.length, 1)
  assert.equal((await store.mailOutbox.list())[0]?.attempts, 2)
})
