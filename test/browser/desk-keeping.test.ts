// The editor keeps the writer's text: a new article exists in the browser from its first keystroke and on the desk from
// its first autosave, leaving with unsaved changes warns, a copy left in the browser is offered back, and two people
// with one article open see each other.

import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { buildTestApp } from '../support/build-test-app.ts'
import { launchBrowser } from '../support/browser.ts'
import { seedNewsroom } from '../support/web.ts'
import { buildEditor } from '../../client/build.ts'

const PASSWORD = 'a long enough password'

async function start(t: TestContext) {
  const browser = await launchBrowser(t)
  if (!browser) return null
  await buildEditor()
  const a = await buildTestApp(t, { env: { SITE_URL: 'http://127.0.0.1' } })
  const news = await seedNewsroom(a.store)
  await a.services.accounts.createUser({ email: 'erin@news.example', name: 'Erin Editor', role: 'editor', password: PASSWORD }, null)
  await a.services.accounts.createUser({ email: 'sam@news.example', name: 'Sam Subeditor', role: 'editor', password: PASSWORD }, null)
  const base = await a.app.listen({ host: '127.0.0.1', port: 0 })
  return { a, base, browser, news }
}

async function loggedIn(browser: Browser, base: string, email: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(`${base}/desk/login`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await Promise.all([page.waitForURL(`${base}/desk`), page.getByRole('button', { name: 'Log in' }).click()])
  return { page, problems }
}

const copyOf = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(`broadsheet:unsaved:${k}`), key)

test('a new article is kept from its first keystroke, created by its first autosave, and offered back after an offline exit', async (t) => {
  const s = await start(t)
  if (!s) return
  const { a, base, browser } = s
  const { page, problems } = await loggedIn(browser, base, 'erin@news.example')

  await page.goto(`${base}/desk/articles/new`)
  await page.waitForSelector('html[data-editor="ready"]')
  // The writer's own byline is ticked on a new article.
  assert.equal(await page.getByRole('checkbox', { name: 'Erin Editor' }).isChecked(), true)
  await page.locator('.editor-surface').click()
  await page.keyboard.type('The harbour master closed the port at dawn.')
  await page.waitForFunction(() => localStorage.getItem('broadsheet:unsaved:new')?.includes('harbour master'))
  await page.waitForFunction(() => /give the article a title/.test(document.getElementById('autosave-state')?.textContent ?? ''))
  assert.equal((await a.store.deskArticles.list({ page: 1, perPage: 50, text: 'Storm' })).items.length, 0, 'nothing on the desk without a title')

  await page.getByLabel('Title', { exact: true }).fill('Storm closes the port')
  await page.waitForFunction(() => /^\/desk\/articles\/\d+\/edit$/.test(location.pathname), undefined, { timeout: 15_000 })
  const id = Number(/articles\/(\d+)\/edit/.exec(page.url())![1])
  const created = await a.store.articles.get(id)
  assert.equal(created?.title, 'Storm closes the port')
  assert.match(created?.bodyHtml ?? '', /harbour master/)
  assert.equal(created?.authorIds.length, 1, 'created with the writer’s byline')
  assert.match(await page.locator('#autosave-state').textContent() ?? '', /Saved \d\d:\d\d/)
  assert.equal(await copyOf(page, 'new'), null, 'the copy followed the article and was cleared once saved')

  // A desk link with unsaved changes saves first, then goes.
  await page.locator('.editor-surface').click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Ferries wait offshore.')
  await Promise.all([page.waitForURL(`${base}/desk/media`), page.getByRole('link', { name: 'Media' }).click()])
  assert.match((await a.store.articles.get(id))?.bodyHtml ?? '', /Ferries wait offshore/)

  // Offline: the text stays in the browser, the state says so, and leaving asks first.
  await page.goto(`${base}/desk/articles/${id}/edit`)
  await page.waitForSelector('html[data-editor="ready"]')
  await page.context().setOffline(true)
  await page.locator('.editor-surface').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Fishing boats stay in.')
  await page.waitForFunction(() => /Not saved — offline, kept in this browser/.test(document.getElementById('autosave-state')?.textContent ?? ''), undefined, { timeout: 15_000 })
  assert.match(await copyOf(page, String(id)) ?? '', /Fishing boats stay in/)
  // Leaving the page asks first. The same tab then goes elsewhere (closing it can take its context down with it on a
  // busy machine, and the kept copy lives in that context's storage).
  const context = page.context()
  const again = page
  const asked = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.accept() }))
  await page.goto('about:blank')
  assert.equal(await asked, 'beforeunload')
  assert.doesNotMatch((await a.store.articles.get(id))?.bodyHtml ?? '', /Fishing boats/)

  // Back online, the editor offers the copy; restoring it saves it to the desk.
  await context.setOffline(false)
  await again.goto(`${base}/desk/articles/${id}/edit`)
  await again.waitForSelector('html[data-editor="ready"]')
  assert.match(await again.locator('.restore-offer').textContent() ?? '', /Restore the unsaved text from \d\d:\d\d\?/)
  await again.getByRole('button', { name: 'Restore' }).click()
  assert.match(await again.locator('.editor-surface').textContent() ?? '', /Fishing boats stay in/)
  await again.waitForFunction(() => /Saved \d\d:\d\d/.test(document.getElementById('autosave-state')?.textContent ?? ''), undefined, { timeout: 15_000 })
  assert.match((await a.store.articles.get(id))?.bodyHtml ?? '', /Fishing boats stay in/)
  assert.equal(await copyOf(again, String(id)), null)
  // Opened again with nothing unsaved: no offer.
  await again.reload()
  await again.waitForSelector('html[data-editor="ready"]')
  assert.equal(await again.locator('.restore-offer').count(), 0)
  assert.deepEqual(problems, [])
})

test('two editors with one article open see each other, by name and since when', async (t) => {
  const s = await start(t)
  if (!s) return
  const { base, browser } = s
  const id = s.news.lead
  const erin = await loggedIn(browser, base, 'erin@news.example')
  const sam = await loggedIn(browser, base, 'sam@news.example')
  await erin.page.goto(`${base}/desk/articles/${id}/edit`)
  await erin.page.waitForSelector('html[data-editor="ready"]')
  assert.equal(await erin.page.locator('#presence').isHidden(), true, 'alone on the article')
  await sam.page.goto(`${base}/desk/articles/${id}/edit`)
  await sam.page.waitForSelector('html[data-editor="ready"]')
  await sam.page.waitForFunction(() => /Also open by Erin Editor \(since \d\d:\d\d\)/.test(document.getElementById('presence')?.textContent ?? ''))
  // Erin learns of Sam on her next autosave round trip, without waiting for the heartbeat.
  await erin.page.locator('.editor-surface').click()
  await erin.page.keyboard.type('Turnout was high. ')
  await erin.page.waitForFunction(() => /Also open by Sam Subeditor/.test(document.getElementById('presence')?.textContent ?? ''), undefined, { timeout: 15_000 })
  // Sam closes the tab: his goodbye takes him off the list at Erin's next round trip.
  await sam.page.close()
  await erin.page.keyboard.type('Counting goes on. ')
  await erin.page.waitForFunction(() => document.getElementById('presence')?.hidden === true, undefined, { timeout: 15_000 })
  assert.deepEqual(erin.problems, [])
})

test('Save pressed while an autosave is under way waits for its answer: the writer’s own save is no conflict', async (t) => {
  const s = await start(t)
  if (!s) return
  const { a, base, browser } = s
  const id = s.news.lead
  const { page, problems } = await loggedIn(browser, base, 'erin@news.example')
  await page.goto(`${base}/desk/articles/${id}/edit`)
  await page.waitForSelector('html[data-editor="ready"]')
  // The autosave is held in the browser until Save has been pressed, as a slow desk would hold it.
  let pressed!: () => void
  const savePressed = new Promise<void>((resolve) => { pressed = resolve })
  let autosaveSent!: () => void
  const autosaving = new Promise<void>((resolve) => { autosaveSent = resolve })
  await page.route(/\/autosave$/, async (route) => { autosaveSent(); await savePressed; await route.continue() })
  const order: string[] = []
  page.on('response', (r) => { if (r.url().endsWith('/autosave')) order.push(`autosave ${r.status()}`) })
  page.on('request', (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname === `/desk/articles/${id}`) order.push('form') })

  await page.locator('.editor-surface').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' The ferry resumed at noon.')
  await autosaving
  await Promise.all([
    page.waitForURL(/notice=saved/),
    page.getByRole('button', { name: 'Save', exact: true }).click().then(() => pressed()),
  ])
  assert.deepEqual(order, ['autosave 200', 'form'], 'the form went after the autosave had answered')
  assert.match((await a.store.articles.get(id))?.bodyHtml ?? '', /The ferry resumed at noon\./)
  const kinds = (await a.services.editing.revisions(id)).items.map((r) => r.kind)
  assert.ok(!kinds.includes('conflict'), `no conflict revision: ${kinds.join(', ')}`)
  assert.deepEqual(problems, [])
})
