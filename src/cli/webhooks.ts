// `broadsheet webhook add|list|remove|log|redeliver`: manage webhook receivers and read the delivery log.

import { parseArgs } from 'node:util'
import { isDeliveryStatus, type WebhookDelivery } from '../domain/webhook.ts'
import { runSubcommand, UsageError, type Subcommands } from './subcommands.ts'
import { MAX_LOG_LIMIT } from '../editorial/webhooks.ts'
import { OPERATOR } from '../editorial/permission.ts'

export const WEBHOOK_USAGE = `Usage: broadsheet webhook <subcommand> [options]

  add --url <url>                    add a receiver; prints its id and its secret (shown only this once)
  list                               list receivers
  remove --id <n>                    stop sending to a receiver (its pending deliveries fail)
  log [--status pending|delivered|failed] [--receiver <n>] [--limit 50]
                                     the delivery log, newest first
  redeliver --id <n>                 send a delivery's event again`

// Each subcommand parses its flags first and returns its action, so a bad flag exits before the database is opened.
// The operator at the shell acts through the webhook use-cases (editorial/webhook-desk.ts).
const SUBCOMMANDS: Subcommands = {
  add(args) {
    const { values } = parseArgs({ args, options: { url: { type: 'string' } }, strict: true, allowPositionals: false })
    const url = values.url
    if (url === undefined) throw new UsageError('add needs --url <url>')
    return async ({ webhookDesk }) => {
      const created = await webhookDesk.add(OPERATOR, url)
      console.log(`id: ${created.id}\nurl: ${created.url}\nsecret: ${created.secret}`)
      console.log('Store the secret now: it is not shown again. README.md (Webhooks) shows how receivers verify signatures.')
      return 0
    }
  },

  list(args) {
    parseArgs({ args, options: {}, strict: true, allowPositionals: false })
    return async ({ webhookDesk }) => {
      const receivers = await webhookDesk.receivers(OPERATOR)
      console.log(receivers.length
        ? table(['id', 'active', 'created', 'url'], receivers.map((r) => [String(r.id), r.active ? 'yes' : 'no', iso(r.createdAt), r.url]))
        : 'no webhook receivers')
      return 0
    }
  },

  remove(args) {
    const { values } = parseArgs({ args, options: { id: { type: 'string' } }, strict: true, allowPositionals: false })
    const id = idFlag(values.id, 'id', true)
    return async ({ webhookDesk }) => {
      await webhookDesk.remove(OPERATOR, id)
      console.log(`webhook receiver ${id} removed`)
      return 0
    }
  },

  log(args) {
    const { values } = parseArgs({
      args, options: { status: { type: 'string' }, receiver: { type: 'string' }, limit: { type: 'string' } }, strict: true, allowPositionals: false,
    })
    if (values.status !== undefined && !isDeliveryStatus(values.status)) throw new UsageError(`--status must be pending, delivered or failed, got "${values.status}"`)
    const limit = idFlag(values.limit, 'limit', false)
    if (limit !== undefined && limit > MAX_LOG_LIMIT) throw new UsageError(`--limit must be at most ${MAX_LOG_LIMIT}, got ${limit}`)
    const filter = { status: values.status, receiverId: idFlag(values.receiver, 'receiver', false), limit }
    return async ({ webhookDesk }) => {
      const deliveries = await webhookDesk.log(OPERATOR, filter)
      console.log(deliveries.length ? deliveryTable(deliveries) : 'no webhook deliveries')
      return 0
    }
  },

  redeliver(args) {
    const { values } = parseArgs({ args, options: { id: { type: 'string' } }, strict: true, allowPositionals: false })
    const id = idFlag(values.id, 'id', true)
    return async ({ webhookDesk }) => {
      const created = await webhookDesk.redeliver(OPERATOR, id)
      console.log(`delivery ${created} queued: the event of delivery ${id} goes out again once the server's delivery job runs`)
      return 0
    }
  },
}

export const webhookCommand = (args: string[], env: NodeJS.ProcessEnv): Promise<number> => runSubcommand('webhook', WEBHOOK_USAGE, SUBCOMMANDS, args, env)

function deliveryTable(deliveries: readonly WebhookDelivery[]): string {
  return table(['id', 'receiver', 'event', 'article', 'status', 'attempts', 'code', 'ms', 'when', 'error'], deliveries.map((d) => [
    String(d.id), String(d.receiverId), d.eventType, d.article.path, d.status, String(d.attempts),
    d.lastStatusCode === null ? '-' : String(d.lastStatusCode), d.lastDurationMs === null ? '-' : String(d.lastDurationMs),
    d.status === 'pending' ? `next ${iso(d.nextAttemptAt)}` : iso(d.deliveredAt ?? d.updatedAt), d.lastError ?? '',
  ]))
}

/** A whole number from a flag, or undefined when the flag is absent and not required. */
function idFlag(value: string | undefined, flag: string, required: true): number
function idFlag(value: string | undefined, flag: string, required: false): number | undefined
function idFlag(value: string | undefined, flag: string, required: boolean): number | undefined {
  if (value === undefined) {
    if (required) throw new UsageError(`needs --${flag} <n>`)
    return undefined
  }
  if (!/^\d{1,15}$/.test(value) || Number(value) < 1) throw new UsageError(`--${flag} must be a positive whole number, got "${value}"`)
  return Number(value)
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

/** Left-aligned columns separated by two spaces, with a header row. */
function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [line(headers), ...rows.map(line)].join('\n')
}
