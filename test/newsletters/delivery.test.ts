// Sending an issue on both engines, to a real SMTP server: one message per active subscriber with both parts, the
// list headers (RFC 8058 one-click, mailto, List-Id), unique Message-IDs, absolute images with alt, untouched links and
// no tracking pixel; retries after a 4xx, suppression after a 5xx; queueing twice sends nothing twice.

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { startSmtp } from '../support/smtp.ts'
import { deliveryJob, ITEMS, newsletterWithIssue, SITE_URL } from '../support/newsletters.ts'
import { MAIL_RETRY_DELAYS_MS } from '../../src/domain/mail.ts'

/** A header as it was sent (mailparser groups the List-* ones into an object), unfolded. */
const header = (m: { headerLines: readonly { key: string; line: string }[] }, name: string): string => {
  const line = m.headerLines.find((h) => h.key === name)?.line ?? ''
  return line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()
}

forEachDatabase('an issue goes once to each active subscriber, with both parts, list headers and its links untouched', async (store, t) => {
  const smtp = await startSmtp(t)
  const clock = fixedClock()
  const { newsletterId, issueId, emails } = await newsletterWithIssue(store, clock, 3)
  const job = deliveryJob(t, store, clock, smtp.url)
  assert.equal(await store.newsletterIssues.queue(issueId, newsletterId, clock.now()), 3)
  assert.equal(await store.newsletterIssues.queue(issueId, newsletterId, clock.now()), null, 'queued once')
  await job.deliver()
  await job.deliver()
  assert.deepEqual(smtp.messages.map((m) => (Array.isArray(m.to) ? '' : m.to?.value[0]?.address)).sort(), emails)
  assert.deepEqual(await store.newsletterIssues.progress(issueId), { sent: 3, pending: 0, failed: 0 })
  assert.equal((await store.newsletterIssues.get(issueId))?.status, 'sent')

  const ids = new Set(smtp.messages.map((m) => m.messageId))
  assert.equal(ids.size, 3, 'a Message-ID per message')
  const subscriber = (await store.newsletters.subscriberByEmail('r0@example.org'))!
  const token = await job.links.manageToken(subscriber.id)
  const m = smtp.to('r0@example.org')[0]!
  assert.equal(m.subject, 'This week')
  assert.equal(m.messageId, `<newsletter-${issueId}-${subscriber.id}@news.example>`)
  assert.deepEqual(m.from?.value, [{ address: 'newsletter@news.example', name: 'Caucasus Concise' }])
  assert.equal(m.replyTo?.value[0]?.address, 'desk@news.example')
  const unsubscribe = `${SITE_URL}/newsletters/unsubscribe?t=${token}&n=${newsletterId}`
  assert.equal(header(m, 'list-unsubscribe-post'), 'List-Unsubscribe=One-Click')
  assert.match(header(m, 'list-id'), /caucasus-concise\.news\.example/)
  assert.equal(header(m, 'list-unsubscribe'), `<${unsubscribe}>, <mailto:desk@news.example?subject=unsubscribe%20caucasus-concise>`)

  const htmlPart = String(m.html)
  assert.match(htmlPart, /<table role="presentation"/)
  assert.match(htmlPart, /<meta name="color-scheme" content="light dark">/)
  assert.match(htmlPart, /Hello &amp; welcome\./)
  assert.match(htmlPart, /Why the &lt;energy&gt; deal matters/)
  const images = [...htmlPart.matchAll(/<img [^>]*>/g)].map((i) => i[0])
  assert.equal(images.length, 1, 'one image per illustrated item, and no pixel')
  assert.match(images[0]!, /src="https:\/\/news\.example\/media\/2026\/talks\.jpg" alt="Delegates at the table"/)
  const links = new Set([...htmlPart.matchAll(/href="([^"]+)"/g)].map((h) => h[1]!.replace(/&amp;/g, '&')))
  assert.deepEqual([...links].sort(), [...ITEMS.map((i) => i.url), `${SITE_URL}/newsletters/manage?t=${token}`, unsubscribe].sort())
  assert.match(m.text ?? '', /Talks resume in Tbilisi\nBoth sides return to the table\.\nOur lead story\.\nhttps:\/\/news\.example\/news\/talks-resume/)
  assert.match(m.text ?? '', /Hello & welcome\./)
  assert.ok((m.text ?? '').includes(unsubscribe))

  // Queued again (a second issue), nobody who left or is pending is added.
  assert.equal(smtp.to('left@example.org').length + smtp.to('pending@example.org').length, 0)
})

forEachDatabase('a 4xx is retried after the backoff; a 5xx fails the delivery and suppresses the address', async (store, t) => {
  const smtp = await startSmtp(t)
  const clock = fixedClock()
  const { newsletterId, issueId } = await newsletterWithIssue(store, clock, 2)
  const job = deliveryJob(t, store, clock, smtp.url, { batchSize: 1 })
  await store.newsletterIssues.queue(issueId, newsletterId, clock.now())
  smtp.refuse(1, 451)
  await job.deliver()
  assert.deepEqual(await store.newsletterIssues.progress(issueId), { sent: 1, pending: 1, failed: 0 })
  clock.set(clock.now() + MAIL_RETRY_DELAYS_MS[0]!)
  await job.deliver()
  assert.deepEqual(await store.newsletterIssues.progress(issueId), { sent: 2, pending: 0, failed: 0 })
  assert.equal(smtp.messages.length, 2)

  const second = await store.newsletterIssues.insert({ newsletterId, status: 'draft', subject: 'Next week', introHtml: '' as never, items: ITEMS, createdBy: null }, clock.now())
  await store.newsletterIssues.queue(second, newsletterId, clock.now())
  smtp.refuse(1, 550)
  await job.deliver()
  assert.deepEqual(await store.newsletterIssues.progress(second), { sent: 1, pending: 0, failed: 1 })
  const suppressed = (await store.newsletters.subscriberByEmail('r0@example.org'))!.suppressedAt !== null
    ? 'r0@example.org' : 'r1@example.org'
  assert.notEqual((await store.newsletters.subscriberByEmail(suppressed))!.suppressedAt, null)
  // A suppressed address is not queued again.
  const third = await store.newsletterIssues.insert({ newsletterId, status: 'draft', subject: 'Later', introHtml: '' as never, items: ITEMS, createdBy: null }, clock.now())
  assert.equal(await store.newsletterIssues.queue(third, newsletterId, clock.now()), 1)
})
