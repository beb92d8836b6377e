// Email in a real browser: an admin invites, the invitee follows the link from the mail and chooses a password, then
// "Forgot password" sends a reset link; screenshots of the forgot-password and set-password pages at 1280 and 390 px.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { buildTestApp } from '../support/build-test-app.ts'
import { launchBrowser } from '../support/browser.ts'
import { OWNER } from '../support/desk.ts'
import { linkIn, mailEnv, mailJob, startSmtp } from '../support/smtp.ts'

/** Screenshots go to the scratch directory, or to docs/screenshots with UPDATE_SCREENSHOTS=1 (for the README). */
const DOCS_SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname

test('an invitee chooses a password through the emailed link and logs in; forgot password sends a link too', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  const smtp = await startSmtp(t)
  const a = await buildTestApp(t, { env: { SITE_URL: 'http://127.0.0.1', ...mailEnv(smtp) } })
  const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? DOCS_SCREENSHOTS : a.config.dataDir
  const mail = mailJob(t, a)
  const base = await a.app.listen({ host: '127.0.0.1', port: 0 })
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  const problems: string[] = []
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text()) })
  page.on('pageerror', (e) => problems.push(e.message))

  await page.goto(`${base}/desk/setup`)
  await page.getByLabel('Your name').fill(OWNER.name)
  await page.getByLabel('Email').fill(OWNER.email)
  await page.getByLabel('Password').fill(OWNER.password)
  await Promise.all([page.waitForURL(`${base}/desk`), page.getByRole('button', { name: 'Create the owner account' }).click()])
  await page.goto(`${base}/desk/users`)
  await page.getByLabel('Email', { exact: true }).fill('dana@news.example')
  await page.getByLabel('Name (they may change it)').fill('Dana')
  await page.getByLabel('Role', { exact: true }).selectOption('editor')
  await Promise.all([page.waitForURL(/done=invited/), page.getByRole('button', { name: 'Send invitation' }).click()])
  await Promise.all([page.waitForURL(/\/desk\/login/), page.getByRole('button', { name: 'Log out', exact: true }).click()])

  await mail.deliver()
  const invitation = linkIn(smtp.to('dana@news.example')[0]!)
  // The port of the listening app stands in for SITE_URL's (none given).
  await page.goto(`${base}${invitation}`)
  await page.getByLabel('Your name').fill('Dana Editor')
  await page.screenshot({ path: path.join(SCREENSHOTS, 'desk-set-password-1280.png') })
  await page.getByLabel('Password').fill('a fine long password')
  await Promise.all([page.waitForURL(/\/desk\/login\?done=welcome/), page.getByRole('button', { name: 'Create my account' }).click()])
  assert.match(await page.getByRole('status').first().innerText(), /Your account is ready/)
  await page.getByLabel('Email').fill('dana@news.example')
  await page.getByLabel('Password').fill('a fine long password')
  await Promise.all([page.waitForURL(`${base}/desk`), page.getByRole('button', { name: 'Log in' }).click()])
  await Promise.all([page.waitForURL(/\/desk\/login/), page.getByRole('button', { name: 'Log out', exact: true }).click()])

  // Forgot password, from the login page, by keyboard.
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await page.waitForURL(`${base}/desk/forgot`)
  await page.screenshot({ path: path.join(SCREENSHOTS, 'desk-forgot-password-1280.png') })
  await page.getByLabel('Email').fill('dana@news.example')
  await Promise.all([page.waitForLoadState('load'), page.getByLabel('Email').press('Enter')])
  await page.getByRole('heading', { name: 'Check your email' }).waitFor()
  await mail.deliver()
  const reset = linkIn(smtp.to('dana@news.example')[1]!)
  await page.goto(`${base}${reset}`)
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()

  const narrow = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage()
  await narrow.goto(`${base}/desk/forgot`)
  await narrow.screenshot({ path: path.join(SCREENSHOTS, 'desk-forgot-password-390.png') })
  await narrow.goto(`${base}${reset}`)
  await narrow.screenshot({ path: path.join(SCREENSHOTS, 'desk-set-password-390.png') })
  assert.deepEqual(problems, [])
})
