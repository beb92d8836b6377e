// Newsletters in a real browser: a reader signs up on /newsletters/<slug>, confirms through the emailed link, and
// manages their newsletters; an editor defines a newsletter and composes an issue. Screenshots of each page.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { buildTestApp } from '../support/build-test-app.ts'
import { launchBrowser } from '../support/browser.ts'
import { OWNER } from '../support/desk.ts'
import { mailEnv, mailJob, startSmtp } from '../support/smtp.ts'
import { seedNewsroom } from '../support/web.ts'

const DOCS_SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname

test('a reader signs up, confirms from the email and manages newsletters; an editor defines one and composes an issue', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  const smtp = await startSmtp(t)
  const a = await buildTestApp(t, { env: { SITE_URL: 'http://127.0.0.1', ...mailEnv(smtp) } })
  await seedNewsroom(a.store)
  const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? DOCS_SCREENSHOTS : process.env.SCREENSHOT_DIR ?? a.config.dataDir
  const mail = mailJob(t, a)
  const base = await a.app.listen({ host: '127.0.0.1', port: 0 })
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  const problems: string[] = []
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text()) })
  page.on('pageerror', (e) => problems.push(e.message))
  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })

  // The editor defines the newsletter in the desk.
  await page.goto(`${base}/desk/setup`)
  await page.getByLabel('Your name').fill(OWNER.name)
  await page.getByLabel('Email').fill(OWNER.email)
  await page.getByLabel('Password').fill(OWNER.password)
  await Promise.all([page.waitForURL(`${base}/desk`), page.getByRole('button', { name: 'Create the owner account' }).click()])
  await page.getByRole('link', { name: 'Newsletters' }).click()
  await page.getByLabel('Name', { exact: true }).fill('Caucasus Concise')
  await page.getByLabel('Slug').fill('caucasus-concise')
  await page.getByLabel('Description').fill('The week in the South Caucasus, every Monday.')
  await page.getByLabel('Sender name').fill('Caucasus Concise')
  await page.getByLabel('Sender address').fill('newsletter@news.example')
  await page.getByLabel('Cadence').selectOption('weekly')
  await page.getByLabel('Time').fill('08:30')
  await page.getByLabel('Sections').fill('news, opinion')
  await shot('desk-newsletters-1280')
  await Promise.all([page.waitForURL(/done=created/), page.getByRole('button', { name: 'Add newsletter' }).click()])
  await Promise.all([page.waitForURL(/\/desk\/newsletters\/issues\/\d+/), page.getByRole('button', { name: 'Compose a new issue' }).click()])
  // The introduction is written in the articles' editor, with its toolbar but no figures, embeds or quotes.
  const intro = page.locator('#editor-surface')
  await intro.waitFor()
  assert.equal(await page.locator('.editor-toolbar button[data-command="figure"]').count(), 0)
  await intro.click()
  await page.keyboard.type('Good morning. ')
  await page.getByRole('button', { name: 'Bold (Ctrl+B)' }).click()
  await page.keyboard.type('Three stories')
  await page.getByRole('button', { name: 'Bold (Ctrl+B)' }).click()
  await page.keyboard.type(' this week.')
  await shot('desk-newsletter-intro-editor-1280')
  await Promise.all([page.waitForURL(/done=saved/), page.getByRole('button', { name: 'Save' }).click()])
  assert.match(await page.locator('pre.issue-text').innerText(), /Good morning\. Three stories this week\./)
  await page.frameLocator('iframe.issue-preview').getByRole('heading', { name: 'Caucasus Concise' }).waitFor()
  assert.equal(await page.frameLocator('iframe.issue-preview').locator('strong').filter({ hasText: 'Three stories' }).count(), 1, 'the bold words reach the preview')
  // Reopened, the editor shows the saved introduction, bold included.
  assert.equal(await page.locator('#editor-surface strong').innerText(), 'Three stories')
  await shot('desk-newsletter-issue-1280')
  // The frame's document on its own (a sandboxed frame is not in a full-page screenshot).
  const issuePath = new URL(page.url()).pathname
  await page.goto(`${base}${issuePath}/preview`)
  await page.getByRole('heading', { name: 'Caucasus Concise' }).waitFor()
  await shot('newsletter-message-1280')
  await page.setViewportSize({ width: 390, height: 800 })
  await shot('newsletter-message-390')
  await page.setViewportSize({ width: 1280, height: 900 })
  // Without JavaScript the introduction is the HTML textarea, and it still saves.
  const plain = await (await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage()
  await plain.goto(`${base}${issuePath}`)
  assert.equal(await plain.locator('.editor-toolbar').isVisible(), false)
  await plain.getByLabel('Introduction').fill('<p>Plain <em>HTML</em> still works.</p>')
  await Promise.all([plain.waitForURL(/done=saved/), plain.getByRole('button', { name: 'Save' }).click()])
  assert.match(await plain.locator('pre.issue-text').innerText(), /Plain HTML still works\./)
  await plain.close()
  await page.goto(`${base}${issuePath}`)
  await page.goto(`${base}/desk/newsletters/subscribers`)
  await shot('desk-newsletter-subscribers-1280')
  await Promise.all([page.waitForURL(/\/desk\/login/), page.getByRole('button', { name: 'Log out', exact: true }).click()])

  // The site offers the newsletter on section pages and after articles.
  await page.goto(`${base}/news`)
  await page.locator('#section-newsletter').waitFor()
  await page.locator('aside.newsletter-signup').first().screenshot({ path: path.join(SCREENSHOTS, 'newsletter-section-block-1280.png') })

  // A reader signs up; the page sets no cookie.
  await page.context().clearCookies()
  await page.goto(`${base}/newsletters/caucasus-concise`)
  await shot('newsletter-signup-1280')
  await page.setViewportSize({ width: 390, height: 800 })
  await shot('newsletter-signup-390')
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.getByLabel('Your email address').fill('reader@example.org')
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign up' }).click()])
  await page.getByRole('heading', { name: 'Check your inbox' }).waitFor()
  await shot('newsletter-check-inbox-1280')
  assert.deepEqual(await page.context().cookies(), [])

  await mail.deliver()
  const text = smtp.to('reader@example.org')[0]?.text ?? ''
  const link = /https?:\/\/[^\s]+(\/newsletters\/confirm\?t=[^\s]+)/.exec(text)?.[1]
  assert.ok(link, text)
  await page.goto(`${base}${link}`)
  await shot('newsletter-confirm-1280')
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Confirm' }).click()])
  await page.getByRole('heading', { name: 'You are subscribed' }).waitFor()
  await page.getByRole('link', { name: 'Manage your newsletters' }).click()
  await page.getByRole('heading', { name: 'Your newsletters' }).waitFor()
  assert.match(await page.locator("main").innerText(), /Caucasus Concise\s*· Subscribed/)
  await shot('newsletter-manage-1280')
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Leave', exact: true }).click()])
  await page.getByRole('heading', { name: 'You have left' }).waitFor()
  assert.deepEqual(await page.context().cookies(), [])
  assert.deepEqual(problems, [])
})
