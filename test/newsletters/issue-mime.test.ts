// The issue's message encoded once and copied per recipient reads, once parsed, the same as the message the general
// path builds for them; its quoted-printable lines stay within 76 characters; what it cannot carry takes that path.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { simpleParser } from 'mailparser'
import { storedSanitizedHtml } from '../../src/content/sanitize.ts'
import type { Issue, Newsletter } from '../../src/domain/newsletter.ts'
import { issueMime } from '../../src/newsletters/issue-mime.ts'
import { renderIssue } from '../../src/render/mail/newsletter-issue.ts'

const SITE = 'https://news.example'
const header = (m: { headerLines: readonly { key: string; line: string }[] }, name: string): string => {
  const line = m.headerLines.find((h) => h.key === name)?.line ?? ''
  return line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()
}
const newsletter: Newsletter = {
  id: 7, slug: 'kavkaz', name: 'Кавказ, кратко', description: '', language: 'ru', senderName: 'Редакция "Кавказ"', senderAddress: 'news@news.example',
  replyTo: 'desk@news.example', cadence: 'manual', sendTime: null, sendWeekday: null, autoSend: false, sections: [], createdAt: 0, updatedAt: 0,
}
const issue: Issue = {
  id: 3, newsletterId: 7, status: 'sending', subject: 'Неделя: переговоры в Тбилиси — и что дальше', createdAt: 0, queuedAt: 0, recipients: 1,
  introHtml: storedSanitizedHtml(`<p>Здравствуйте &amp; welcome. ${'A long line of words to wrap. '.repeat(12)}</p>`),
  items: [{ articleId: 1, title: 'Talks resume', url: `${SITE}/news/talks`, standfirst: 'Both sides return.', imageUrl: `${SITE}/media/a.jpg`, imageAlt: 'Delegates', note: '' }],
}
const rendered = renderIssue(issue, { newsletter, siteName: 'The Desk', siteUrl: SITE })
const recipient = { email: 'reader@example.org', subscriberId: 42, token: '42.abcdefghijklmnopqrstuvwxyzABCD_-' }

test('a copy parses to the issue with the recipient filled in, and its lines stay short', async () => {
  const mime = issueMime(rendered, newsletter, issue.id, SITE)
  assert.ok(mime)
  const copy = mime.copyFor(recipient, new Date(Date.UTC(2026, 11, 3, 15, 0)))
  assert.ok(copy)
  assert.deepEqual(copy.envelope, { from: 'news@news.example', to: 'reader@example.org' })
  const raw = copy.raw.toString('utf8')
  const [head, ...body] = raw.split('\r\n\r\n')
  assert.deepEqual(body.join('\r\n\r\n').split('\r\n').filter((l) => l.length > 76), [], 'no body line over 76 characters')
  // A URL cannot be folded; a header line stays within SMTP's 998 all the same, and folded ones within 78.
  assert.deepEqual(head!.split('\r\n').filter((l) => l.length > 78 && !l.includes('https://')), [], 'headers folded')
  assert.ok(/^[\t\r\n\x20-\x7e]*$/.test(raw), 'seven-bit: headers as encoded-words, bodies as quoted-printable')

  const m = await simpleParser(copy.raw)
  assert.equal(m.subject, issue.subject)
  assert.deepEqual(m.from?.value, [{ address: 'news@news.example', name: 'Редакция "Кавказ"' }])
  assert.equal(m.replyTo?.value[0]?.address, 'desk@news.example')
  assert.equal(Array.isArray(m.to) ? null : m.to?.value[0]?.address, 'reader@example.org')
  assert.equal(m.messageId, '<newsletter-3-42@news.example>')
  assert.equal(m.date?.toISOString(), '2026-12-03T15:00:00.000Z')
  const unsubscribe = `${SITE}/newsletters/unsubscribe?t=${recipient.token}&n=7`
  assert.equal(header(m, 'list-unsubscribe'), `<${unsubscribe}>, <mailto:desk@news.example?subject=unsubscribe%20kavkaz>`)
  assert.equal(header(m, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click')
  assert.match(header(m, 'list-id'), /^=\?UTF-8\?Q\?.*<kavkaz\.news\.example>$/, 'the name as encoded-words, the id as it is')
  assert.equal(header(m, 'precedence'), 'bulk')
  const fill = (s: string) => s.split('__RECIPIENT_TOKEN__').join(recipient.token)
  assert.equal(m.text, fill(rendered.text))
  assert.equal(m.html, fill(rendered.html))
  assert.ok(m.html && m.html.includes(`${SITE}/newsletters/manage?t=${recipient.token}`))
})

test('what a copy cannot carry takes the general path', () => {
  assert.equal(issueMime(rendered, { ...newsletter, senderAddress: 'новости@news.example' }, issue.id, SITE), null)
  const mime = issueMime(rendered, newsletter, issue.id, SITE)!
  assert.equal(mime.copyFor({ ...recipient, email: 'читатель@example.org' }, new Date()), null)
  assert.equal(mime.copyFor({ ...recipient, email: 'a b@example.org' }, new Date()), null)
  assert.notEqual(mime.copyFor(recipient, new Date()), null)
})
