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
  const host = new URL(siteUrl).hostname
  const fillIn = (s: string) => s.split(RECIPIENT_TOKEN).join(r.token)
  const unsubscribe = `${siteUrl}/newsletters/unsubscribe?t=${r.token}&n=${n.id}`
  const mailbox = n.replyTo ?? n.senderAddress
  return {
    kind: 'newsletter', to: r.email, subject: rendered.subject, html: fillIn(rendered.html), text: fillIn(rendered.text),
    from: { name: n.senderName, address: n.senderAddress },
    ...(n.replyTo !== null && { replyTo: n.replyTo }),
    messageId: `<newsletter-${issueId}-${r.subscriberId}@${host}>`,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>, <mailto:${mailbox}?subject=unsubscribe%20${encodeURIComponent(n.slug)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `${n.name.replace(/["\\<>\r\n]/g, '')} <${n.slug}.${host}>`,
      // Bulk mail: vacation auto-replies stay away from the sender.
      Precedence: 'bulk',
    },
  }
}
