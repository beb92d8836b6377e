// Newsletters as the rest of the code sees them: the definition, its cadence, an issue's items, and address rules.

import type { SanitizedHtml } from './sanitized-html.ts'
import { calendarDate, instantOfLocal } from './calendar.ts'

export const CADENCES = ['manual', 'daily', 'weekly'] as const
export type Cadence = (typeof CADENCES)[number]

export interface Newsletter {
  readonly id: number
  readonly slug: string
  readonly name: string
  readonly description: string
  readonly language: string
  readonly senderName: string
  readonly senderAddress: string
  readonly replyTo: string | null
  readonly cadence: Cadence
  /** HH:MM in the site's time zone; null for manual newsletters. */
  readonly sendTime: string | null
  /** ISO weekday (1 = Monday … 7 = Sunday) of a weekly newsletter. */
  readonly sendWeekday: number | null
  /** Scheduled issues go out on their own instead of waiting for an editor's approval. */
  readonly autoSend: boolean
  /** Section slugs whose latest articles an issue takes. */
  readonly sections: readonly string[]
  readonly createdAt: number
  readonly updatedAt: number
}

/** One article in an issue, as composed (and then reordered, trimmed and annotated) in the desk. */
export interface IssueItem {
  readonly articleId: number
  readonly title: string
  /** Absolute URL of the article. */
  readonly url: string
  readonly standfirst: string
  /** Absolute URL of the image, or null. */
  readonly imageUrl: string | null
  readonly imageAlt: string
  /** The editor's note under the item; empty for none. */
  readonly note: string
}

export type IssueStatus = 'draft' | 'awaiting_approval' | 'sending' | 'sent'

export interface Issue {
  readonly id: number
  readonly newsletterId: number
  readonly status: IssueStatus
  readonly subject: string
  /** HTML of the introduction, through the one sanitizer. */
  readonly introHtml: SanitizedHtml
  readonly items: readonly IssueItem[]
  readonly createdAt: number
  readonly queuedAt: number | null
  readonly recipients: number
}

/** The longest address accepted (RFC 5321's path limit). */
export const MAX_EMAIL = 254

// Deliberately plain: one @, a dot in the domain, no spaces, quotes, angle brackets or commas (which would let one
// field become several recipients or a header).
const EMAIL = /^[^\s@"<>,;:()[\]\\]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/

/** The address trimmed and lower-cased, or null when it is not one we send to. */
export function normalizeEmail(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const email = raw.trim().toLowerCase()
  if (email.length < 3 || email.length > MAX_EMAIL) return null
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(email)) return null
  return EMAIL.test(email) ? email : null
}

/** Confirmation links work this long. */
export const CONFIRM_TTL_MS = 48 * 3_600_000

/**
 * An issue rendered once for every recipient: subject, HTML and plain text in which `RECIPIENT_TOKEN` stands for the
 * recipient's signed manage token (letters, digits, '.', '-', '_': nothing to escape), replaced per message.
 */
export interface RenderedIssue {
  readonly subject: string
  readonly html: string
  readonly text: string
}

/** The placeholder of a recipient's manage token in a rendered issue. */
export const RECIPIENT_TOKEN = '__RECIPIENT_TOKEN__'

/** What the issue template needs beside the issue. */
export interface IssueFrame {
  readonly newsletter: Pick<Newsletter, 'id' | 'name' | 'language'>
  readonly siteName: string
  /** The site's absolute base URL, without a trailing slash. */
  readonly siteUrl: string
  /** MEDIA_PUBLIC_URL (no trailing slash): the introduction's `/media/` links point there; absent or null, at the site. */
  readonly mediaBase?: string | null
}

/** Renders an issue (src/render/mail/newsletter-issue.ts); handed to the use-cases and the job that need it. */
export type IssueRenderer = (issue: Pick<Issue, 'subject' | 'introHtml' | 'items'>, frame: IssueFrame) => RenderedIssue

const DAY_MS = 86_400_000

/**
 * The newest scheduled time of a daily or weekly newsletter at or before `now` (its send time, on its weekday for a
 * weekly one, in `timeZone`), or null for a manual one.
 */
export function lastSlot(n: Pick<Newsletter, 'cadence' | 'sendTime' | 'sendWeekday'>, now: number, timeZone: string): number | null {
  if (n.cadence === 'manual' || n.sendTime === null) return null
  for (let k = 0; k <= 7; k++) {
    const date = calendarDate(now - k * DAY_MS, timeZone)
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7
    if (n.cadence === 'weekly' && weekday !== n.sendWeekday) continue
    const at = instantOfLocal(`${date}T${n.sendTime}`, timeZone)
    if (at !== null && at <= now) return at
  }
  return null
}

/** Subscriptions started and left per week and newsletter; `starts` holds each week's first instant, oldest first. */
export interface WeeklyActivity {
  readonly starts: readonly number[]
  readonly newsletters: readonly { readonly id: number; readonly name: string; readonly subscribed: readonly number[]; readonly left: readonly number[] }[]
}
