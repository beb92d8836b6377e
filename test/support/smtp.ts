// A real SMTP server on loopback for mail tests (smtp-server), the messages it received (mailparser), and the mail job run by hand.

import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import type { TestContext } from 'node:test'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { createLogger } from '../../src/log.ts'
import { createMailDelivery } from '../../src/jobs/mail-delivery.ts'
import { createMailer } from '../../src/mail/transport.ts'
import type { TestApp } from './build-test-app.ts'

export interface TestSmtp {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  readonly url: string
  /** Every message accepted so far, parsed, in order. */
  readonly messages: ParsedMail[]
  /** The next `n` recipients are refused at RCPT TO with `code` (451: try later; 550: no such mailbox). */
  refuse(n: number, code: number): void
  /** Messages accepted for `to`. */
  to(address: string): ParsedMail[]
}

/** The env that turns mail on for a test app, pointed at `smtp`. */
export const mailEnv = (smtp: TestSmtp): NodeJS.ProcessEnv => ({ SMTP_URL: smtp.url, MAIL_FROM: 'The Desk <desk@news.example>' })

/** Starts an SMTP server on 127.0.0.1 (no TLS, no auth needed) that is closed when the test ends. */
export async function startSmtp(t: TestContext): Promise<TestSmtp> {
  const messages: ParsedMail[] = []
  let refusals: { n: number; code: number } = { n: 0, code: 0 }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Pooled client connections may still be open when the test ends: do not wait the default 30 s for them.
    closeTimeout: 100,
    onRcptTo(_address, _session, callback) {
      if (refusals.n > 0) {
        refusals = { n: refusals.n - 1, code: refusals.code }
        return callback(Object.assign(new Error(refusals.code >= 500 ? 'no such mailbox' : 'try again later'), { responseCode: refusals.code }))
      }
      return callback()
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((parsed) => {
        messages.push(parsed)
        callback()
      }, (err: Error) => callback(err))
    },
  })
  server.listen(0, '127.0.0.1')
  await once(server.server, 'listening')
  const { port } = server.server.address() as AddressInfo
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuse: (n, code) => { refusals = { n, code } },
    to: (address) => messages.filter((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).some((a) => a.value.some((v) => v.address === address))),
  }
}

/** Runs the mail-delivery job of a test app once, with a transport built from its config (closed when the test ends). */
export function mailJob(t: TestContext, app: Pick<TestApp, 'config' | 'store' | 'clock'>, opts: { random?: () => number } = {}) {
  if (!app.config.mail) throw new Error('the test app has no mail configured')
  const mailer = createMailer(app.config.mail, { connectionTimeoutMs: 2000, socketTimeoutMs: 5000 })
  t.after(() => mailer.close())
  const job = createMailDelivery({ mailer, random: opts.random ?? (() => 0.5) })
  const log = createLogger(app.config)
  return { deliver: () => job.run({ store: app.store, clock: app.clock, log }) }
}

/** The first desk link (`/desk/…`) in a message's text part. */
export function linkIn(message: ParsedMail): string {
  const m = /https?:\/\/[^\s]+(\/desk\/[^\s]+)/.exec(message.text ?? '')
  if (!m) throw new Error(`no desk link in: ${message.text}`)
  return m[1]!
}
