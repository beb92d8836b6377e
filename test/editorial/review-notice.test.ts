// The notice to editors when an article goes into review, on both engines: written with the move, sent after commit, never for a rollback.

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedTaxonomy } from '../support/seed.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { mailEnv, mailJob, startSmtp } from '../support/smtp.ts'
import { loadConfig } from '../../src/config.ts'
import { createLogger } from '../../src/log.ts'
import { createServices } from '../../src/services.ts'
import { noticeReview } from '../../src/editorial/review-notice.ts'
import { transition } from '../../src/editorial/workflow.ts'
import { letters } from '../../src/render/mail/letters.ts'
import type { Store } from '../../src/store/store.ts'
import type { TestContext } from 'node:test'

async function newsroom(store: Store, t: TestContext) {
  const smtp = await startSmtp(t)
  const config = loadConfig({ LOG_LEVEL: 'silent', SITE_URL: 'https://news.example', DATA_DIR: '/tmp/broadsheet-review-notice', ...mailEnv(smtp) })
  const clock = fixedClock()
  const services = createServices({ store, config, clock, log: createLogger(config) })
  await seedTaxonomy(store)
  const user = (email: string, name: string, role: string) => services.accounts.createUser({ email, name, role, password: 'a long enough password' }, null)
  const admin = await user('admin@news.example', 'Ada Admin', 'admin')
  const editor = await user('editor@news.example', 'Ed <Itor>', 'editor')
  const away = await user('away@news.example', 'Away Editor', 'editor')
  await store.transaction(async (tx) => tx.users.setDisabled(away.id, true))
  await user('author@news.example', 'Other Author', 'author')
  const writer = await user('writer@news.example', 'Wren Writer', 'contributor')
  return { smtp, config, clock, services, admin, editor, writer, mail: mailJob(t, { config, store, clock }) }
}

forEachDatabase('submitting for review notifies active editors and admins, after commit, with a link to the article in the desk', async (store, t) => {
  const n = await newsroom(store, t)
  const actor = { userId: n.writer.id, role: 'contributor' as const }
  const { id } = await n.services.editing.create({ title: 'Budget <vote> & the "new" tax', section: 'news', bodyHtml: '<p>Text.</p>' }, actor)
  await n.services.editing.transition(id, 'in_review', actor)
  // Written with the move, not yet sent: sending is the job's, after the transaction committed.
  assert.equal(n.smtp.messages.length, 0)
  assert.deepEqual((await store.mailOutbox.list()).map((m) => [m.kind, m.to, m.status]).sort(), [
    ['review-notice', 'admin@news.example', 'pending'], ['review-notice', 'editor@news.example', 'pending'],
  ])
  await n.mail.deliver()
  assert.deepEqual(n.smtp.messages.map((m) => (Array.isArray(m.to) ? '' : m.to?.text)).sort(), ['admin@news.example', 'editor@news.example'])
  const [notice] = n.smtp.to('editor@news.example')
  assert.equal(notice?.subject, 'For review: Budget <vote> & the "new" tax')
  assert.match(notice?.text ?? '', /Hello Ed <Itor>,\n\nWren Writer submitted “Budget <vote> & the "new" tax” for review\./)
  assert.ok(notice?.text?.includes(`https://news.example/desk/articles/${id}/edit`))
  const htmlPart = String(notice?.html)
  assert.ok(htmlPart.includes('<strong>Budget &lt;vote&gt; &amp; the &quot;new&quot; tax</strong>'), 'the title is escaped in the HTML part')
  assert.ok(htmlPart.includes('Hello Ed &lt;Itor&gt;'))
  assert.ok(htmlPart.includes(`href="https://news.example/desk/articles/${id}/edit"`))
  // Back to draft and other moves send nothing; an editor submitting gets no notice of their own move.
  await n.services.editing.transition(id, 'draft', actor)
  await n.services.editing.transition(id, 'in_review', { userId: n.editor.id, role: 'editor' })
  await n.mail.deliver()
  assert.equal(n.smtp.messages.length, 3)
  assert.equal(n.smtp.to('admin@news.example').length, 2)
})

forEachDatabase('a review notice written in a transaction that rolls back is never sent', async (store, t) => {
  const n = await newsroom(store, t)
  const actor = { userId: n.writer.id, role: 'contributor' as const }
  const { id } = await n.services.editing.create({ title: 'Rolled back', section: 'news', bodyHtml: '<p>Text.</p>' }, actor)
  const outgoing = { letters, url: (p: string) => `https://news.example${p}`, siteName: async () => 'Broadsheet', timeZone: 'UTC' }
  await assert.rejects(store.transaction(async (tx) => {
    await transition(tx, { articleId: id, to: 'in_review', userRole: 'contributor', userIsCreator: true, now: n.clock.now(), siteLanguage: 'en' })
    assert.equal(await noticeReview(tx, outgoing, { articleId: id, submittedBy: n.writer.id, siteName: 'Broadsheet', now: n.clock.now() }), 2)
    throw new Error('a later step fails')
  }), /a later step fails/)
  assert.equal((await store.articles.get(id))?.status, 'draft')
  assert.deepEqual(await store.mailOutbox.list(), [])
  await n.mail.deliver()
  assert.equal(n.smtp.messages.length, 0)
})
