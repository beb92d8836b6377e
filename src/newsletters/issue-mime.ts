// An issue's MIME message, encoded once per issue and copied for each recipient with only their parts filled in: the
// To and Message-ID headers and their signed token. Encoding the HTML and text parts again for every copy is what
// limited sending speed, and one buffer per copy goes to the socket in one write instead of many small ones.

import { randomBytes } from 'node:crypto'
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp'
import { encodeWords, foldLines } from 'nodemailer/lib/mime-funcs'
import { RECIPIENT_TOKEN, type Newsletter, type RenderedIssue } from '../domain/newsletter.ts'
import { listHeaders, messageIdFor, type Recipient } from './recipient-message.ts'

/** One recipient's copy, ready for the SMTP transport: the envelope and the whole message. */
export interface RawCopy {
  readonly envelope: { readonly from: string; readonly to: string }
  readonly raw: Buffer
}

export interface IssueMime {
  /** The copy for `r`, or null when their address needs the general path (non-ASCII, which needs SMTPUTF8). */
  copyFor(r: Recipient, date: Date): RawCopy | null
}

// Printable ASCII without the characters that would end or fold a header: anything else takes the general path.
const PLAIN_ADDRESS = /^[\x21-\x7e]+@[\x21-\x7e]+$/
// A token is digits, a dot and base64url: all literal in quoted-printable, and shorter than a line.
const TOKEN = /^[0-9A-Za-z._-]{1,60}$/

/** A header value: words with non-ASCII characters as MIME encoded-words, long lines folded. */
const header = (name: string, value: string): string => foldLines(`${name}: ${encodeWords(value, 'Q', 52)}`, 76, false)

/** A display name as a quoted string when it holds specials, encoded-words when it holds non-ASCII characters. */
function displayName(name: string): string {
  if (/[^\x20-\x7e]/.test(name)) return encodeWords(name, 'Q', 52, true)
  return /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]*$/.test(name) ? name : `"${name.replace(/["\\]/g, '\\$&')}"`
}

/**
 * A part's body as quoted-printable pieces around each recipient token. Every piece ends with a soft line break, so a
 * token (shorter than a line and literal in quoted-printable) sits on a line of its own and no line grows past 76.
 */
function qpPieces(body: string): string[] {
  return body.replace(/\r?\n/g, '\r\n').split(RECIPIENT_TOKEN).map((piece) => `${qpWrap(qpEncode(piece), 76)}=\r\n`)
}

/**
 * The issue's message for every recipient, or null when the sender's addresses need the general path. The boundary
 * holds "=_", which quoted-printable never produces, so no body line can be taken for it.
 */
export function issueMime(rendered: RenderedIssue, n: Newsletter, issueId: number, siteUrl: string): IssueMime | null {
  if (!PLAIN_ADDRESS.test(n.senderAddress) || (n.replyTo !== null && !PLAIN_ADDRESS.test(n.replyTo))) return null
  const boundary = `=_broadsheet_${randomBytes(12).toString('hex')}`
  const fixedHeaders = [
    foldLines(`From: ${displayName(n.senderName)} <${n.senderAddress}>`, 76, false),
    ...(n.replyTo !== null ? [`Reply-To: ${n.replyTo}`] : []),
    header('Subject', rendered.subject),
  ].join('\r\n')
  const list = listHeaders(n, siteUrl)
  const listId = header('List-Id', list.listId)
  const mimeHeaders = ['Precedence: bulk', 'MIME-Version: 1.0', `Content-Type: multipart/alternative;\r\n boundary="${boundary}"`].join('\r\n')
  const part = (type: string) => `--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`
  const text = qpPieces(rendered.text)
  const html = qpPieces(rendered.html)
  const fill = (pieces: readonly string[], token: string) => pieces.join(`${token}=\r\n`)

  return {
    copyFor(r, date) {
      if (!PLAIN_ADDRESS.test(r.email) || !TOKEN.test(r.token)) return null
      const message = [
        fixedHeaders,
        `To: ${r.email}`,
        `Date: ${date.toUTCString().replace(/GMT$/, '+0000')}`,
        `Message-ID: ${messageIdFor(issueId, r.subscriberId, siteUrl)}`,
        foldLines(`List-Unsubscribe: ${list.unsubscribe(r.token)}`, 76, false),
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        listId,
        mimeHeaders,
        '',
        part('text/plain') + fill(text, r.token),
        part('text/html') + fill(html, r.token),
        `--${boundary}--`,
        '',
      ].join('\r\n')
      return { envelope: { from: n.senderAddress, to: r.email }, raw: Buffer.from(message, 'utf8') }
    },
  }
}
