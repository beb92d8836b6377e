// The desk on a phone: every desk page, logged in as an admin, fits 360 px without scrolling sideways. A screenshot of
// each goes to BROADSHEET_SCREENSHOTS (a temp folder by default); with UPDATE_SCREENSHOTS=1 the README's desk
// screenshots at 1280 and 390 px are written to docs/screenshots.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { buildTestApp } from '../support/build-test-app.ts'
import { launchBrowser } from '../support/browser.ts'
import { seedNewsroom } from '../support/web.ts'
import { buildEditor } from '../../client/build.ts'

const SHOTS = process.env.BROADSHEET_SCREENSHOTS ?? path.join(os.tmpdir(), 'broadsheet-desk-phone')
const README_SHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname
const ADMIN = { email: 'admin@news.example', password: 'a long enough password' }

/** How far the page reaches sideways, and the widest element that sticks out (to say what to fix). */
const overflow = (page: Page) => page.evaluate(() => {
  const width = document.documentElement.clientWidth
  let culprit = ''
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    // What scrolls inside its own box does not widen the page.
    if (el.parentElement?.closest('table, .table-scroll')) continue
    const r = el.getBoundingClientRect()
    if (r.right > width + 1) culprit = `${el.tagName.toLowerCase()}.${(el as HTMLElement).className} (${Math.round(r.right)} px)`
  }
  return { scrollWidth: document.documentElement.scrollWidth, culprit }
})

test('every desk page fits a 360 px phone without scrolling sideways', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  await buildEditor()
  await mkdir(SHOTS, { recursive: true })
  const a = await buildTestApp(t, { env: { SITE_URL: 'http://127.0.0.1' } })
  const news = await seedNewsroom(a.store)
  await a.services.accounts.createUser({ email: ADMIN.email, name: 'Ada Admin', role: 'admin', password: ADMIN.password }, null)
  const base = await a.app.listen({ host: '127.0.0.1', port: 0 })
  const section = (await a.store.taxonomy.sectionBySlug('news'))!
  const tag = (await a.store.taxonomy.tagBySlug('kazakhstan'))!
  const author = (await a.store.people.authorBySlug('aigerim-sadykova'))!

  const context = await browser.newContext({ viewport: { width: 360, height: 780 } })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))

  await page.goto(`${base}/desk/login`)
  await page.screenshot({ path: path.join(SHOTS, 'login-360.png'), fullPage: true })
  assert.ok((await overflow(page)).scrollWidth <= 360, 'the login page fits')
  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('Password').fill(ADMIN.password)
  await Promise.all([page.waitForURL(`${base}/desk`), page.getByRole('button', { name: 'Log in' }).click()])

  const pages: [string, string][] = [
    ['articles', '/desk'], ['new-article', '/desk/articles/new'], ['editor', `/desk/articles/${news.opinion}/edit`],
    ['revisions', `/desk/articles/${news.opinion}/revisions`], ['unpublish', `/desk/articles/${news.lead}/unpublish`],
    ['delete', `/desk/articles/${news.lead}/delete`], ['front', '/desk/front'], ['sections', '/desk/sections'],
    ['section', `/desk/sections/${section.id}`], ['tags', '/desk/tags'], ['tag', `/desk/tags/${tag.id}`], ['authors', '/desk/authors'],
    ['author', `/desk/authors/${author.id}`], ['redirects', '/desk/redirects'], ['media', '/desk/media'], ['audit', '/desk/audit'],
    ['users', '/desk/users'], ['account', '/desk/account'], ['webhooks', '/desk/webhooks'], ['settings', '/desk/settings'], ['trash', '/desk/trash'],
  ]
  const wide: string[] = []
  for (const [name, url] of pages) {
    const res = await page.goto(base + url)
    assert.equal(res?.status(), 200, `${url} answers 200`)
    if (url.endsWith('/edit') || url.endsWith('/new')) await page.waitForSelector('html[data-editor="ready"]')
    await page.screenshot({ path: path.join(SHOTS, `${name}-360.png`), fullPage: true })
    const { scrollWidth, culprit } = await overflow(page)
    if (scrollWidth > 360) wide.push(`${url}: ${scrollWidth} px, ${culprit}`)
  }
  assert.deepEqual(wide, [], 'pages wider than 360 px')
  assert.deepEqual(problems, [])

  if (process.env.UPDATE_SCREENSHOTS === '1') {
    for (const [width, height] of [[1280, 900], [390, 844]] as const) {
      await page.setViewportSize({ width, height })
      await page.goto(`${base}/desk`)
      await page.screenshot({ path: path.join(README_SHOTS, `desk-articles-${width}.png`), fullPage: width === 1280 })
      await page.goto(`${base}/desk/articles/${news.opinion}/edit`)
      await page.waitForSelector('html[data-editor="ready"]')
      await page.screenshot({ path: path.join(README_SHOTS, `desk-editor-${width}.png`), fullPage: width === 1280 })
    }
  }
})
