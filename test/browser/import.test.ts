// The desk's Import page in a real browser: an admin uploads a WXR, watches the dry run finish (the page refreshes
// itself), starts the import, reads its report, and finds the articles on the desk; screenshots at 1280 and 390 px.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { buildTestApp } from '../support/build-test-app.ts'
import { launchBrowser } from '../support/browser.ts'
import { OWNER } from '../support/desk.ts'
import { createJobRunner } from '../../src/jobs/runner.ts'
import { createImportJobsJob } from '../../src/jobs/import-jobs.ts'
import { createLogger } from '../../src/log.ts'
import { FIXTURE } from '../importers/wordpress/fixtures.ts'

/** Screenshots go to the scratch directory, or to docs/screenshots with UPDATE_SCREENSHOTS=1 (for the README). */
const DOCS_SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname

test('an admin imports a WordPress export from the desk: dry run, import, report, and the articles are there', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  const a = await buildTestApp(t, { env: { SITE_URL: 'http://127.0.0.1' } })
  const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? DOCS_SCREENSHOTS : a.config.dataDir
  // The server's own runner, as composition.ts starts it, checking often.
  const jobs = createJobRunner([createImportJobsJob({ dataDir: a.config.dataDir, timeZone: 'UTC', allowPrivate: false, everyMs: 200 })],
    { store: a.store, clock: a.clock, log: createLogger(a.config) })
  jobs.start()
  t.after(() => jobs.stop())
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
  await Promise.all([page.waitForURL(`${base}/desk/import`), page.getByRole('link', { name: 'Import', exact: true }).click()])
  await page.screenshot({ path: path.join(SCREENSHOTS, 'desk-import-1280.png'), fullPage: true })
  await page.getByLabel('Kind of export').selectOption('wordpress')
  await page.getByLabel(/Bring images into the media library/).uncheck()
  await page.getByLabel('Export file').setInputFiles(FIXTURE)
  await Promise.all([page.waitForURL(/\/desk\/import\/\d+\?done=uploaded/), page.getByRole('button', { name: 'Upload and check' }).click()])

  // The page refreshes itself until the dry run has finished.
  await page.getByRole('heading', { name: /Dry run report/ }).waitFor({ timeout: 30_000 })
  assert.match(await page.locator('.report-counts').innerText(), /Articles\s+11/i)
  await page.screenshot({ path: path.join(SCREENSHOTS, 'desk-import-dry-run-1280.png'), fullPage: true })
  await Promise.all([page.waitForURL(/done=started/), page.getByRole('button', { name: 'Start the import' }).click()])
  await page.getByRole('heading', { name: 'Import report' }).waitFor({ timeout: 30_000 })
  assert.match(await page.locator('.report-counts').innerText(), /Articles\s+11/i)
  await page.screenshot({ path: path.join(SCREENSHOTS, 'desk-import-report-1280.png'), fullPage: true })

  await page.getByRole('link', { name: 'See the articles' }).click()
  await page.waitForURL(`${base}/desk`)
  assert.match(await page.locator('main').innerText(), /Election results/i)
  const reader = await a.app.inject('/europe/election-results')
  assert.equal(reader.statusCode, 200)

  const narrow = await (await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await page.context().storageState() })).newPage()
  await narrow.goto(`${base}/desk/import`)
  await narrow.screenshot({ path: path.join(SCREENSHOTS, 'desk-import-390.png'), fullPage: true })
  const width = await narrow.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 390, `the page fits 390 px (it is ${width})`)
  assert.deepEqual(problems, [])
})
