// One recipient's copy of a rendered issue: their signed links filled in, the newsletter's sender, and the list headers.

import { RECIPIENT_TOKEN, type Newsletter, type RenderedIssue } from '../domain/newsletter.ts'
import type { MailMessage } from '../domain/mail.ts'

export interface Recipient {
  readonly email: string
  readonly subscriberId: number
  /** Their signed manage token (links.ts manageToken). */
  readonly token: string
}

/**
 * The message for `r`. The Message-ID is derived from the issue and the subscriber, so a copy sent again after a crash
 * carries the same one (receivers that de-duplicate by it show it once), and no two recipients share one. List-Unsubscribe
 * offers the one-click URL (RFC 8058: a POST with List-Unsubscribe=One-Click, authenticated by the signed link) and a
 * mailto to the newsletter's reply address.
 */
export function recipientMessage(rendered: RenderedIssue, n: Newsletter, issueId: number, siteUrl: string, r: Recipient): MailMessage {
  const fillIn = (s: string) => s.split(RECIPIENT_TOKEN).join(r.token)
  const list = listHeaders(n, siteUrl)
  return {
    kind: 'newsletter', to: r.email, subject: rendered.subject, html: fillIn(rendered.html), text: fillIn(rendered.text),
    from: { name: n.senderName, address: n.senderAddress },
    ...(n.replyTo !== null && { replyTo: n.replyTo }),
    messageId: messageIdFor(issueId, r.subscriberId, siteUrl),
    headers: {
      'List-Unsubscribe': list.unsubscribe(r.token),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': list.listId,
      // Bulk mail: vacation auto-replies stay away from the sender.
      Precedence: 'bulk',
    },
  }
}

/** The Message-ID of an issue's copy for a subscriber: the same on every attempt, different for everyone. */
export const messageIdFor = (issueId: number, subscriberId: number, siteUrl: string): string =>
  `<newsletter-${issueId}-${subscriberId}@${new URL(siteUrl).hostname}>`

/** A newsletter's List-Id value and each recipient's List-Unsubscribe value (shared with issue-mime.ts). */
export function listHeaders(n: Newsletter, siteUrl: string): { listId: string; unsubscribe: (token: string) => string } {
  const host = new URL(siteUrl).hostname
  const mailbox = n.replyTo ?? n.senderAddress
  const mailto = `<mailto:${mailbox}?subject=unsubscribe%20${encodeURIComponent(n.slug)}>`
  return {
    listId: `${n.name.replace(/["\\<>\r\n]/g, '')} <${n.slug}.${host}>`,
    unsubscribe: (token) => `<${siteUrl}/newsletters/unsubscribe?t=${token}&n=${n.id}>, ${mailto}`,
  }
}
