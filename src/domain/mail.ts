// Outgoing mail as the rest of the code sees it: a message, the letters the desk writes, and the retry schedule.

/** One message to one recipient, with a plain-text and an HTML part (the HTML already escaped by its template). */
export interface MailMessage {
  readonly to: string
  readonly subject: string
  readonly text: string
  readonly html: string
  /** What the message is ('invitation', 'password-reset', 'review-notice', later newsletters), for logs and the outbox. */
  readonly kind: string
  /** Newsletters only: their own sender ("Name <address>") instead of MAIL_FROM, a reply-to, a Message-ID, list headers. */
  readonly from?: { readonly name: string; readonly address: string }
  readonly replyTo?: string
  readonly messageId?: string
  readonly headers?: Readonly<Record<string, string>>
}

/** The letters the desk sends; src/render/mail/ writes them, so their HTML is escaped by construction. */
export interface Letters {
  invitation(v: { to: string; siteName: string; inviterName: string; role: string; link: string; expiresAt: number; timeZone: string }): MailMessage
  passwordReset(v: { to: string; siteName: string; name: string; link: string; expiresAt: number; timeZone: string }): MailMessage
  reviewNotice(v: { to: string; siteName: string; name: string; articleTitle: string; submitterName: string; link: string }): MailMessage
  /** A reader's double opt-in: the link that starts a newsletter subscription, in the newsletter's language. */
  newsletterConfirmation(v: { to: string; siteName: string; newsletterName: string; language: string; link: string; expiresAt: number; timeZone: string }): MailMessage
}

/**
 * What a use-case needs to write mail into the outbox: the letters, absolute desk links and the site's name. The
 * services get null when mail is off (no SMTP_URL), and then nothing is written.
 */
export interface Outgoing {
  readonly letters: Letters
  /** The absolute URL of a desk path (`/desk/…`) on the configured SITE_URL. */
  readonly url: (path: string) => string
  readonly siteName: () => Promise<string>
  readonly timeZone: string
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** The wait after each failed attempt: 1, 5 and 15 min, then 1 h, 3 h and 6 h; the attempt after the last wait is the last. */
export const MAIL_RETRY_DELAYS_MS: readonly number[] = [MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR]

/** A message is given up (status failed) after this many attempts: about ten and a half hours of trying. */
export const MAIL_MAX_ATTEMPTS = MAIL_RETRY_DELAYS_MS.length + 1

/** How long to wait after failed attempt `attempt` (1-based), or null to give up; `random` in [0, 1) spreads it by ±20%. */
export function mailRetryDelay(attempt: number, random: number): number | null {
  const base = MAIL_RETRY_DELAYS_MS[attempt - 1]
  if (base === undefined || attempt >= MAIL_MAX_ATTEMPTS) return null
  return Math.round(base * (0.8 + 0.4 * random))
}
