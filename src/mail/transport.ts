// The SMTP transport, built once from configuration: send(message) for the outbox job and, later, newsletters.

import { createTransport } from 'nodemailer'
import type { MailConfig } from '../config.ts'
import type { MailMessage } from '../domain/mail.ts'

/** What one send came to: accepted by the server, or refused (`permanent` for a 5xx answer: retrying will not help). */
export type SendResult =
  | { readonly ok: true; readonly messageId: string }
  | { readonly ok: false; readonly error: string; readonly permanent: boolean }

export interface Mailer {
  /** Hands one message to the SMTP server; resolves (never rejects) with the outcome. */
  send(message: MailMessage): Promise<SendResult>
  /** Hands one message already encoded (issue-mime.ts) to the SMTP server with its envelope; resolves like send. */
  sendRaw(envelope: { readonly from: string; readonly to: string }, raw: Buffer): Promise<SendResult>
  /** Connects, says EHLO (and logs in when the URL has credentials); null when the server accepted, else what failed. */
  verify(): Promise<string | null>
  /** Closes pooled connections. */
  close(): void
}

export interface MailerOptions {
  /** Connection, greeting and socket timeouts in ms; 10 s, 10 s and 30 s by default. */
  readonly connectionTimeoutMs?: number
  readonly socketTimeoutMs?: number
  /** Pooled connections; 3 by default (newsletters use more). */
  readonly maxConnections?: number
}

function failure(err: unknown): SendResult {
  const e = err as { message?: string; responseCode?: number; code?: string }
  // A 5xx reply (no such mailbox, refused sender) will be the same next time; timeouts and 4xx are worth a retry.
  const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600
  return { ok: false, error: `${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`.slice(0, 500), permanent }
}

/**
 * A pooled SMTP transport for `config` (SMTP_URL, MAIL_FROM). Nothing connects until the first send. smtp:// upgrades
 * with STARTTLS when the server offers it; smtps:// speaks TLS from the start.
 */
export function createMailer(config: MailConfig, opts: MailerOptions = {}): Mailer {
  const connectionTimeout = opts.connectionTimeoutMs ?? 10_000
  const transport = createTransport({
    url: config.url,
    // A few connections, reused: newsletters send many messages, and the outbox job sends a batch at a time.
    pool: true,
    maxConnections: opts.maxConnections ?? 3,
    // A connection is reused for any number of messages: reconnecting every 100 (the default) costs a handshake each time.
    maxMessages: Infinity,
    connectionTimeout,
    greetingTimeout: connectionTimeout,
    socketTimeout: opts.socketTimeoutMs ?? 30_000,
  }, { from: config.from })
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({
          to: message.to, subject: message.subject, text: message.text, html: message.html,
          ...(message.from !== undefined && { from: { ...message.from } }), ...(message.replyTo !== undefined && { replyTo: message.replyTo }),
          ...(message.messageId !== undefined && { messageId: message.messageId }), ...(message.headers !== undefined && { headers: { ...message.headers } }),
        })
        return { ok: true, messageId: String(info.messageId ?? '') }
      } catch (err) {
        return failure(err)
      }
    },
    async sendRaw(envelope, raw) {
      try {
        const info = await transport.sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw })
        return { ok: true, messageId: String(info.messageId ?? '') }
      } catch (err) {
        return failure(err)
      }
    },
    async verify() {
      try {
        await transport.verify()
        return null
      } catch (err) {
        const e = err as { message?: string; code?: string }
        return `${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`.slice(0, 300)
      }
    },
    close: () => transport.close(),
  }
}
