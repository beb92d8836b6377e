// Marking a quote in the editor without leaving the keyboard: select words, Ctrl+Alt+Q, name the speaker (found as it
// is typed, or added), role, date and place, Enter; the quote is saved beside the body with its mark.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import assert from 'node:assert/strict'
import { buildTestApp } from '../support/build-test-app.ts'
import { editorFocused, launchBrowser } from '../support/browser.ts'
import { seedArticle } from '../support/seed.ts'
import { seedNewsroom } from '../support/web.ts'
import { buildEditor } from '../../client/build.ts'

const PASSWORD = 'a long enough password'

/** Screenshots go to the scratch directory, or to docs/screenshots with UPDATE_SCREENSHOTS=1 (for the README). */
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1'
  ? new URL('../../docs/screenshots/', import.meta.url).pathname
  : process.env.SCREENSHOT_DIR ?? mkdtempSync(path.join(tmpdir(), 'quotes-shots-'))
const shot = (name: string): string => path.join(SHOTS, name)

/**
 * Lets the editor take in a selection made with the keyboard: ProseMirror reads the browser's selection on its
 * selectionchange event, a task after the keys; a person's next key comes far later than that, a test's does not.
 */
const selectionSettled = (page: Page): Promise<unknown> =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 20)))))

test('an editor marks two quotes keyboard-only, one by a known speaker and one by a new one, each in under ten seconds', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  await buildEditor()
  const a = await buildTestApp(t, { env: { SITE_URL: 'http://127.0.0.1' } })
  await seedNewsroom(a.store)
  const erin = await a.services.accounts.createUser({ email: 'erin@news.example', name: 'Erin Editor', role: 'editor', password: PASSWORD }, null)
  const borrell = await a.services.speakerDesk.createSpeaker({ userId: erin.id, role: erin.role }, { name: 'Josep Borrell', kind: 'person' })
  const id = await seedArticle(a.store, { draft: true, title: 'EU on the election', bodyHtml: '<p>Borrell said the vote was free.</p><p>The ministry replied it disagreed.</p>' })
  const base = await a.app.listen({ host: '127.0.0.1', port: 0 })

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(`${base}/desk/login`)
  await page.getByLabel('Email').fill('erin@news.example')
  await page.getByLabel('Password').fill(PASSWORD)
  await Promise.all([page.waitForURL(`${base}/desk`), page.getByRole('button', { name: 'Log in' }).click()])
  await page.goto(`${base}/desk/articles/${id}/edit`)
  await page.waitForSelector('html[data-editor="ready"]')

  // "the vote was free": the end of the first paragraph, less its full stop.
  await page.locator('#editor-surface').focus()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowLeft')
  for (let i = 0; i < 'the vote was free'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  await selectionSettled(page)
  let started = Date.now()
  await page.keyboard.press('Control+Alt+q')
  const dialog = page.getByRole('dialog', { name: 'Who said it' })
  await dialog.waitFor()
  await page.screenshot({ path: shot('desk-quote-dialog-1280.png') })
  await page.keyboard.type('Josep Borrell')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.type('High Representative')
  await page.keyboard.press('Tab')
  await page.keyboard.type('European Union')
  await page.keyboard.press('Tab')
  await page.keyboard.type('2026-11-20')
  await page.keyboard.press('Tab')
  await page.keyboard.type('kazakhstan')
  await page.keyboard.press('Enter')
  await page.locator('#editor-surface q[data-quote]').first().waitFor()
  const firstMs = Date.now() - started
  assert.equal(await page.locator('#editor-surface q[data-quote]').first().textContent(), 'the vote was free')

  // The second paragraph's "it disagreed", said by a speaker the desk does not know yet: an organisation. The dialog
  // gives the focus back to the text first (a task later on a busy machine); keys sent before that would be lost.
  await editorFocused(page)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  await page.keyboard.press('ArrowLeft')
  for (let i = 0; i < 'it disagreed'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  assert.equal(await page.evaluate(() => window.getSelection()?.toString()), 'it disagreed')
  await selectionSettled(page)
  started = Date.now()
  await page.keyboard.press('Control+Alt+q')
  await dialog.waitFor()
  await page.keyboard.type('Ministry of Foreign Affairs')
  await page.keyboard.press('Tab')
  await page.keyboard.press('ArrowDown')
  // Enter submits from a text field, not from the select.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await page.locator('#editor-surface q[data-quote]').nth(1).waitFor({ timeout: 10_000 }).catch(async (err: unknown) => {
    await page.screenshot({ path: shot('fail.png') })
    throw err
  })
  const secondMs = Date.now() - started
  assert.ok(firstMs < 10_000 && secondMs < 10_000, `marked in ${firstMs} and ${secondMs} ms`)

  // The autosave carries the quotes beside the body.
  await page.waitForFunction(() => /Saved/.test(document.getElementById('autosave-state')?.textContent ?? ''), undefined, { timeout: 15_000 })
  await page.screenshot({ path: shot('desk-quotes-marked-1280.png') })
  let stored = await a.store.quotes.forArticle(id)
  for (let i = 0; i < 50 && stored.length < 2; i++) {
    await new Promise((r) => setTimeout(r, 200))
    stored = await a.store.quotes.forArticle(id)
  }
  const ministry = await a.store.speakers.speakerBySlug('ministry-of-foreign-affairs')
  assert.equal(ministry?.kind, 'organisation', 'the new speaker was added with the kind chosen')
  assert.deepEqual(stored.map((q) => [q.speakerId, q.text, q.role, q.organisation, q.saidAt]), [
    [borrell, 'the vote was free', 'High Representative', 'European Union', Date.UTC(2026, 10, 20)],
    [ministry.id, 'it disagreed', '', '', null],
  ])
  assert.equal(stored[0]?.placeTagId, (await a.store.taxonomy.tagBySlug('kazakhstan'))?.id)
  const body = (await a.store.articles.get(id))!.bodyHtml
  assert.match(body, new RegExp(`<q data-quote="${stored[0]!.anchor}">the vote was free</q>`))
  assert.deepEqual(problems, [])
})

test('a speaker page reads without JavaScript at 1280 and 390 px, every quote linking its article and source', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  const a = await buildTestApp(t, { env: { SITE_URL: 'http://127.0.0.1' } })
  await seedNewsroom(a.store)
  const op = { userId: null, role: 'admin' } as const
  const eu = await a.services.speakerDesk.createSpeaker(op, {
    name: 'Kaja Kallas', kind: 'person', links: 'https://www.eeas.europa.eu',
    description: 'High Representative of the Union for Foreign Affairs and Security Policy since December 2024.',
  })
  const said = [
    ['We call on all sides to respect the outcome of the vote.', '2026-11-24', 'Foreign Affairs Council'],
    ['Central Asia is a partner, not a playing field.', '2026-11-12', 'Samarkand summit'],
    ['The door to dialogue remains open, and so does our scrutiny.', '2026-10-30', 'Press conference'],
  ] as const
  for (const [i, [text, day, event]] of said.entries()) {
    const id = await seedArticle(a.store, { draft: true, title: `EU statement ${i + 1}`, slug: `eu-statement-${i + 1}`, bodyHtml: `<p>She said <q data-quote="k${i}">${text}</q></p>` })
    await a.services.quoteDesk.saveQuotes(op, id, [{ anchor: `k${i}`, speaker: eu, text, role: 'High Representative', organisation: 'European Union', said: day, place: 'kazakhstan', event, source: 'https://www.eeas.europa.eu/statement' }])
    await a.services.editing.transition(id, 'published', op)
  }
  const base = await a.app.listen({ host: '127.0.0.1', port: 0 })
  for (const width of [1280, 390]) {
    const page = await (await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false })).newPage()
    await page.goto(`${base}/people/kaja-kallas`)
    assert.equal(await page.locator('.quote-card').count(), 3)
    assert.equal(await page.getByRole('link', { name: 'EU statement 1' }).getAttribute('href'), '/news/eu-statement-1')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
    assert.equal(overflow, false, `no sideways scrolling at ${width} px`)
    await page.screenshot({ path: shot(`speaker-page-${width}.png`), fullPage: width === 390 })
  }
})

test('a statement article names its issuing organisation from the keyboard: Tab from the genre, Enter, type, Enter', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  await buildEditor()
  const a = await buildTestApp(t, { env: { SITE_URL: 'http://127.0.0.1' } })
  await seedNewsroom(a.store)
  const erin = await a.services.accounts.createUser({ email: 'erin@news.example', name: 'Erin Editor', role: 'editor', password: PASSWORD }, null)
  const eeas = await a.services.speakerDesk.createSpeaker({ userId: erin.id, role: erin.role }, { name: 'EEAS Spokesperson', kind: 'organisation' })
  const id = await seedArticle(a.store, { draft: true, genre: 'statement', title: 'EU statement on the election', bodyHtml: '<p>The European Union takes note of the preliminary conclusions.</p><p>Borrell said <q data-quote="b1">it was calm</q>.</p>' })
  await a.services.quoteDesk.saveQuotes({ userId: erin.id, role: erin.role }, id, [{ anchor: 'b1', speaker: eeas, text: 'it was calm' }])
  const news = await seedArticle(a.store, { draft: true, title: 'Plain news', bodyHtml: '<p>Nothing said.</p>' })
  const base = await a.app.listen({ host: '127.0.0.1', port: 0 })

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(`${base}/desk/login`)
  await page.getByLabel('Email').fill('erin@news.example')
  await page.getByLabel('Password').fill(PASSWORD)
  await Promise.all([page.waitForURL(`${base}/desk`), page.getByRole('button', { name: 'Log in' }).click()])
  await page.goto(`${base}/desk/articles/${news}/edit`)
  await page.waitForSelector('html[data-editor="ready"]')
  assert.equal(await page.locator('#f-issuer-field').isVisible(), false, 'a news article names no issuer')
  await page.goto(`${base}/desk/articles/${id}/edit`)
  await page.waitForSelector('html[data-editor="ready"]')
  assert.equal(await page.locator('#f-issuer-name').textContent(), 'No issuer named yet.')

  await page.locator('#f-genre').focus()
  await page.keyboard.press('Tab')
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-issuer', 'the issuer button follows the genre')
  const started = Date.now()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Who issued this statement' })
  await dialog.waitFor()
  assert.equal(await dialog.getByLabel('Kind, if new').inputValue(), 'organisation')
  await page.screenshot({ path: shot('desk-issuer-dialog-1280.png') })
  await page.keyboard.type('EEAS Spokesperson')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Spokesperson')
  await page.keyboard.press('Enter')
  await page.locator('#f-issuer-name', { hasText: 'EEAS Spokesperson' }).waitFor()
  const ms = Date.now() - started
  assert.ok(ms < 10_000, `named in ${ms} ms`)
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-issuer', 'focus comes back to the button')
  await page.screenshot({ path: shot('desk-issuer-named-1280.png') })

  // Saved beside the body with the marked quote, and kept by later saves.
  let stored = await a.store.quotes.forArticle(id)
  for (let i = 0; i < 75 && !stored.some((q) => q.anchor === 'statement'); i++) {
    await new Promise((r) => setTimeout(r, 200))
    stored = await a.store.quotes.forArticle(id)
  }
  assert.deepEqual(stored.map((q) => [q.anchor, q.speakerId, q.role]).sort(), [['b1', eeas, ''], ['statement', eeas, 'Spokesperson']])
  assert.equal(stored.find((q) => q.anchor === 'statement')!.text, 'The European Union takes note of the preliminary conclusions.')
  await page.locator('#editor-surface').focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' More.')
  await page.waitForFunction(() => /Saved/.test(document.getElementById('autosave-state')?.textContent ?? ''), undefined, { timeout: 15_000 })
  await new Promise((r) => setTimeout(r, 500))
  assert.ok((await a.store.quotes.forArticle(id)).some((q) => q.anchor === 'statement'), 'a later save keeps the issuer')
  await page.reload()
  await page.waitForSelector('html[data-editor="ready"]')
  assert.equal(await page.locator('#f-issuer-name').textContent(), 'EEAS Spokesperson')
  assert.deepEqual(problems, [])
})
