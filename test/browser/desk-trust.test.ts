// The desk in a real browser, where trust is won or lost: saved changes to a published article are shown as not live
// until published (or discarded), and unpublishing and deleting are confirmed on pages that work without JavaScript.
// Screenshots at 1280 and 390 px go to BROADSHEET_SCREENSHOTS (a temp folder by default) or docs/screenshots.

import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { buildTestApp } from '../support/build-test-app.ts'
import { launchBrowser } from '../support/browser.ts'
import { seedNewsroom } from '../support/web.ts'
import { buildEditor } from '../../client/build.ts'

const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? new URL('../../docs/screenshots/', import.meta.url).pathname
  : process.env.BROADSHEET_SCREENSHOTS ?? path.join(os.tmpdir(), 'broadsheet-desk-trust')
const EDITOR = { email: 'editor@news.example', password: 'a long enough password' }

/** The app with a newsroom and an editor, listening; and a logged-in page of a new context. */
async function start(t: TestContext) {
  const browser = await launchBrowser(t)
  if (!browser) return null
  await buildEditor()
  await mkdir(SHOTS, { recursive: true })
  const a = await buildTestApp(t, { env: { SITE_URL: 'http://127.0.0.1' } })
  const news = await seedNewsroom(a.store)
  await a.services.accounts.createUser({ email: EDITOR.email, name: 'Erin Editor', role: 'editor', password: EDITOR.password }, null)
  const base = await a.app.listen({ host: '127.0.0.1', port: 0 })
  return { a, news, base, browser }
}

async function loggedIn(browser: Browser, base: string, opts: { javaScriptEnabled: boolean }): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text()) })
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(`${base}/desk/login`)
  await page.getByLabel('Email').fill(EDITOR.email)
  await page.getByLabel('Password').fill(EDITOR.password)
  await Promise.all([page.waitForURL(`${base}/desk`), page.getByRole('button', { name: 'Log in' }).click()])
  return { page, problems }
}

/** Full-page screenshots of the current page at 1280 and 390 px wide. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}-1280.png`), fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: path.join(SHOTS, `${name}-390.png`), fullPage: true })
  // Nothing sticks out sideways on a phone.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `${name} fits 390 px`)
  await page.setViewportSize({ width: 1280, height: 900 })
}

test('an edit to a published article shows as unpublished changes until Publish changes puts it live, or Discard changes drops it', async (t) => {
  const s = await start(t)
  if (!s) return
  const { a, news, base, browser } = s
  const { page, problems } = await loggedIn(browser, base, { javaScriptEnabled: true })
  // What readers get now, past any browser cache.
  const liveTitle = async () => /<h1[^>]*>([^<]*)<\/h1>/.exec((await a.app.inject('/news/election-results')).body)?.[1]

  await page.goto(`${base}/desk/articles/${news.lead}/edit`)
  await page.waitForSelector('html[data-editor="ready"]')
  assert.match(await page.locator('.live-state').textContent() ?? '', /see the text as saved/)
  assert.equal(await page.getByRole('button', { name: 'Publish changes' }).count(), 0)
  await page.getByLabel('Title', { exact: true }).fill('Election results confirmed by the commission')
  await Promise.all([page.waitForURL(/notice=saved/), page.getByRole('button', { name: 'Save', exact: true }).click()])
  assert.match(await page.getByRole('status').first().textContent() ?? '', /Readers still see the published version/)
  assert.equal(await page.locator('#workflow-title .status').textContent(), 'Published · unpublished changes')
  assert.match(await page.locator('.live-changes').textContent() ?? '', /still see the version/)
  assert.equal(await liveTitle(), 'Election results announced', 'readers still have the old text')
  await shoot(page, 'desk-unpublished-changes')

  await page.goto(`${base}/desk`)
  assert.match(await page.locator(`tr[data-article="${news.lead}"]`).textContent() ?? '', /Published · unpublished changes/)

  await page.goto(`${base}/desk/articles/${news.lead}/edit`)
  await page.waitForSelector('html[data-editor="ready"]')
  await Promise.all([page.waitForURL(/moved=published/), page.getByRole('button', { name: 'Publish changes' }).click()])
  assert.equal(await page.locator('#workflow-title .status').textContent(), 'Published')
  assert.equal(await liveTitle(), 'Election results confirmed by the commission')

  await page.getByLabel('Title', { exact: true }).fill('A title nobody should see')
  await Promise.all([page.waitForURL(/notice=saved/), page.getByRole('button', { name: 'Save', exact: true }).click()])
  await Promise.all([page.waitForURL(/notice=discarded/), page.getByRole('button', { name: 'Discard changes' }).click()])
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Election results confirmed by the commission')
  assert.equal(await page.locator('#workflow-title .status').textContent(), 'Published')
  assert.equal((await a.store.audit.list({ limit: 1 }))[0]?.action, 'article.discard')
  assert.deepEqual(problems, [])
})

test('without JavaScript, unpublishing and deleting go through confirmation pages; the trash restores and deletes for good', async (t) => {
  const s = await start(t)
  if (!s) return
  const { a, news, base, browser } = s
  const { page, problems } = await loggedIn(browser, base, { javaScriptEnabled: false })
  const status = async (p: string) => (await page.request.get(`${base}${p}`, { maxRedirects: 0 })).status()

  await page.goto(`${base}/desk/articles/${news.lead}/edit`)
  await Promise.all([page.waitForURL(/\/unpublish\??$/), page.getByRole('button', { name: 'Unpublish…' }).click()])
  assert.match(await page.locator('h1').textContent() ?? '', /Unpublish “Election results announced”\?/)
  assert.match(await page.locator('.consequences').textContent() ?? '', /410 Gone/)
  assert.equal(await status('/news/election-results'), 200, 'asking changed nothing')
  await shoot(page, 'desk-confirm-unpublish')
  await Promise.all([page.waitForURL(/moved=unpublished/), page.getByRole('button', { name: 'Unpublish', exact: true }).click()])
  assert.equal(await page.locator('#workflow-title .status').textContent(), 'Unpublished')
  assert.equal(await status('/news/election-results'), 410)

  await page.goto(`${base}/desk/articles/${news.opinion}/edit`)
  await Promise.all([page.waitForURL(/\/delete\??$/), page.getByRole('button', { name: 'Move to trash…' }).click()])
  assert.match(await page.locator('.consequences').textContent() ?? '', /\/opinion\/energy-deal-matters.*410 Gone/s)
  await shoot(page, 'desk-confirm-delete')
  // Cancel goes back and changes nothing.
  await Promise.all([page.waitForURL(/\/edit$/), page.getByRole('link', { name: 'Cancel' }).click()])
  assert.equal(await status('/opinion/energy-deal-matters'), 200)
  await Promise.all([page.waitForURL(/\/delete\??$/), page.getByRole('button', { name: 'Move to trash…' }).click()])
  await Promise.all([page.waitForURL(/\/desk\/trash\?done=trashed/), page.getByRole('button', { name: 'Move to trash', exact: true }).click()])
  assert.equal(await status('/opinion/energy-deal-matters'), 410)
  await page.goto(`${base}/desk/articles/${news.related}/delete`)
  await Promise.all([page.waitForURL(/\/desk\/trash/), page.getByRole('button', { name: 'Move to trash', exact: true }).click()])
  assert.equal(await page.locator('table.trash tbody tr').count(), 2)
  await shoot(page, 'desk-trash')

  const row = page.locator(`tr[data-article="${news.opinion}"]`)
  await Promise.all([page.waitForURL(/notice=untrashed/), row.getByRole('button', { name: 'Restore as draft' }).click()])
  assert.equal(await page.locator('#workflow-title .status').textContent(), 'Draft')
  assert.equal(await status('/opinion/energy-deal-matters'), 410, 'a restored draft is not live')

  await page.goto(`${base}/desk/trash`)
  await Promise.all([page.waitForURL(/\/trash\/\d+\/delete\??$/), page.locator(`tr[data-article="${news.related}"]`).getByRole('button', { name: 'Delete forever…' }).click()])
  assert.match(await page.locator('.consequences').textContent() ?? '', /cannot be undone/)
  await Promise.all([page.waitForURL(/done=deleted/), page.getByRole('button', { name: 'Delete forever', exact: true }).click()])
  assert.match(await page.locator('.empty').textContent() ?? '', /The trash is empty/)
  assert.equal(await a.store.articles.get(news.related), undefined)
  assert.deepEqual(problems, [])
})
