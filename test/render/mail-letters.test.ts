// The desk's letters (src/render/mail/letters.ts): both parts say the same, values are escaped in HTML, subjects stay one line.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { letters } from '../../src/render/mail/letters.ts'

test('an invitation names the inviter, the role and the deadline in both parts, with the link', () => {
  const m = letters.invitation({
    to: 'dana@news.example', siteName: 'The <Caspian> Ledger', inviterName: 'Olga & Co', role: 'editor',
    link: 'https://news.example/desk/password/abc', expiresAt: Date.UTC(2026, 10, 30, 9), timeZone: 'Asia/Almaty',
  })
  assert.equal(m.kind, 'invitation')
  assert.equal(m.subject, 'You are invited to the The <Caspian> Ledger desk')
  assert.match(m.text, /Olga & Co has invited you to the desk of The <Caspian> Ledger as an editor\./)
  assert.match(m.text, /until 30 November 2026 at 14:00 \(Asia\/Almaty\)/)
  assert.ok(m.text.includes('https://news.example/desk/password/abc'))
  assert.ok(m.html.includes('Olga &amp; Co has invited you to the desk of The &lt;Caspian&gt; Ledger as an editor.'))
  assert.ok(m.html.includes('href="https://news.example/desk/password/abc"'))
  assert.doesNotMatch(m.html, /<Caspian>/)
})

test('a title with markup or line breaks is escaped in HTML and kept on one line in the subject', () => {
  const m = letters.reviewNotice({
    to: 'ed@news.example', siteName: 'Site', name: 'Ed', submitterName: '<img src=x onerror=alert(1)>',
    articleTitle: 'Line one\r\nBcc: victim@example.org <script>', link: 'https://news.example/desk/articles/7/edit',
  })
  assert.equal(m.subject, 'For review: Line one Bcc: victim@example.org <script>')
  assert.doesNotMatch(m.html, /<script>|<img/)
  assert.ok(m.html.includes('&lt;img src=x onerror=alert(1)&gt;'))
})

test('a link that is not http(s) never becomes an href', () => {
  const m = letters.passwordReset({ to: 'a@b.c', siteName: 'S', name: 'N', link: 'javascript:alert(1)', expiresAt: 0, timeZone: 'UTC' })
  assert.doesNotMatch(m.html, /href="javascript:/)
})
