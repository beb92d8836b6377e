// The desk in a real browser: set up, log in, write an article with the editor (bold, a quote, a figure), save,
// schedule, publish, and find it on the site; prints the editor's load time and a save round trip.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Page, Route } from 'playwright-core'
import { buildTestApp } from '../support/build-test-app.ts'
import { editorFocused, launchBrowser } from '../support/browser.ts'
import { seedTaxonomy } from '../support/seed.ts'
import { jpegImage } from '../support/images.ts'
import { OWNER } from '../support/desk.ts'
import { buildEditor } from '../../client/build.ts'

/** Uploads made by the system (no desk account), as importers and seeds make them. */
const SYSTEM = { userId: null, role: 'admin' } as const

/** Screenshots go to the scratch directory, or to docs/screenshots with UPDATE_SCREENSHOTS=1 (for the README). */
const DOCS_SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname

/**
 * Anything not on this machine: embedded players get an empty answer, so the test sends nothing outside. A 204 keeps
 * the iframe at about:blank; a real cross-site document would put it in another process, and headless Chromium then
 * drops clicks on the page while it loads.
 */
const OUTSIDE = /^https?:\/\/(?!127\.0\.0\.1[:/])/
const stubPlayer = (route: Route) => route.fulfill({ status: 204 })

/** Waits for the editor island to have mounted. */
const editorReady = (page: Page) => page.waitForSelector('html[data-editor="ready"]')

test('a writer sets up the desk, writes with the editor, saves, schedules and publishes; the site shows it all; a conflict keeps the text', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  // The bundle is normally built by postinstall; build it here so the test never depends on the order of things.
  await buildEditor()
  const { app, store, services, config } = await buildTestApp(t, { env: { SITE_URL: 'http://127.0.0.1' } })
  const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? DOCS_SCREENSHOTS : config.dataDir
  await seedTaxonomy(store)
  await services.media.upload({ data: await jpegImage(900, 600), filename: 'ballot-box.jpg', alt: 'A ballot box in a school gym', caption: 'Counting in Almaty.', credit: 'Photo: Desk' }, SYSTEM)
  const base = await app.listen({ host: '127.0.0.1', port: 0 })

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  await context.route(OUTSIDE, stubPlayer)
  const page = await context.newPage()
  const problems: string[] = []
  // Script errors and CSP refusals; a missing resource is reported by its response (the browser's own favicon request aside).
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text()) })
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`) })
  page.on('pageerror', (e) => problems.push(e.message))

  // Setup creates the owner and logs them in; log out and in again through the login form.
  await page.goto(`${base}/desk/setup`)
  await page.getByLabel('Your name').fill(OWNER.name)
  await page.getByLabel('Email').fill(OWNER.email)
  await page.getByLabel('Password').fill(OWNER.password)
  await Promise.all([page.waitForURL(`${base}/desk`), page.getByRole('button', { name: 'Create the owner account' }).click()])
  await Promise.all([page.waitForURL(/\/desk\/login/), page.getByRole('button', { name: 'Log out', exact: true }).click()])
  await page.getByLabel('Email').fill(OWNER.email)
  await page.getByLabel('Password').fill(OWNER.password)
  await Promise.all([page.waitForURL(`${base}/desk`), page.getByRole('button', { name: 'Log in' }).click()])

  const started = performance.now()
  await page.goto(`${base}/desk/articles/new`)
  await editorReady(page)
  const loadMs = Math.round(performance.now() - started)

  await page.getByLabel('Title', { exact: true }).fill('Polls close in Almaty')
  // By keyboard: from the standfirst, Tab reaches the toolbar, then the text.
  await page.getByLabel('Standfirst').focus()
  await page.keyboard.press('Tab')
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Heading')
  await page.keyboard.press('Shift+Tab')
  const surface = page.locator('#editor-surface')
  await surface.click()
  await page.keyboard.type('Counting began ')
  await page.keyboard.press('Control+b')
  await page.keyboard.type('before dawn')
  await page.keyboard.press('Control+b')
  await page.keyboard.type(' in every district.')
  await page.keyboard.press('Enter')
  assert.equal(await page.getByRole('button', { name: 'Bold (Ctrl+B)' }).getAttribute('aria-pressed'), 'false')
  await page.getByRole('button', { name: 'Figure from the media library' }).click()
  await page.getByRole('button', { name: 'Choose: A ballot box in a school gym' }).click()
  // The caption and credit of this use start from the library's.
  await page.getByRole('dialog', { name: 'Caption and credit of this figure' }).getByRole('button', { name: 'OK' }).click()
  await editorFocused(page)
  await surface.press('Control+End')
  await page.keyboard.type('We will accept the result.')
  await page.getByRole('button', { name: 'Block quote' }).click()
  assert.equal(await page.getByRole('button', { name: 'Block quote' }).getAttribute('aria-pressed'), 'true')
  // A pull quote, an X post (a link card) and a video, each inserted from the toolbar by keyboard.
  await surface.press('Control+End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.type('The count was slow but fair.')
  await page.getByRole('button', { name: 'Pull quote' }).click()
  await surface.press('Control+End')
  for (const address of ['https://twitter.com/osce/status/1234567890', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ']) {
    await page.getByRole('button', { name: 'Embed a video or post' }).click()
    await page.getByLabel('Address of the video or post').fill(address)
    await page.keyboard.press('Enter')
    // The dialog answers a task later: the block is in the text once it did, then the editor takes the focus.
    await surface.locator(address.includes('youtube') ? '.embed-preview' : 'aside.embed-card').waitFor()
    await editorFocused(page)
  }
  // A new topic is made only by choosing "Create tag" in the picker.
  await page.getByLabel('Tags', { exact: true }).fill('Elections, ')
  await page.getByLabel('Tags', { exact: true }).pressSequentially('Vote counting')
  await page.getByRole('option', { name: 'Create tag “Vote counting”' }).click()
  await page.getByLabel('Aigerim Sadykova').check()
  // The first autosave has created the draft already (the address is its edit page now): Save saves it in full.
  await page.waitForFunction(() => /^\/desk\/articles\/\d+\/edit$/.test(location.pathname), undefined, { timeout: 15_000 })
  await Promise.all([page.waitForURL(/\/desk\/articles\/\d+\/edit\?notice=saved/), page.getByRole('button', { name: 'Save', exact: true }).click()])
  await editorReady(page)
  const id = Number(/articles\/(\d+)/.exec(page.url())![1])
  const saved = (await store.articles.get(id))!
  assert.match(saved.bodyHtml, /<strong>before dawn<\/strong>/)
  assert.match(saved.bodyHtml, /<blockquote><p>We will accept the result.<\/p><\/blockquote>/)
  assert.match(saved.bodyHtml, /<figure class="image"><img src="\/media\/[^"]+ballot-box\.jpg" alt="A ballot box in a school gym" width="900" height="600" data-media-id="\d+" ?\/?><figcaption>Counting in Almaty. <small>Photo: Desk<\/small><\/figcaption><\/figure>/)

  // A save round trip: the Save button to the saved page with its editor ready.
  await surface.press('Control+End')
  await page.keyboard.type(' Observers agreed.')
  const saveStarted = performance.now()
  await Promise.all([page.waitForURL(/notice=saved/), page.getByRole('button', { name: 'Save', exact: true }).click()])
  await editorReady(page)
  const saveMs = Math.round(performance.now() - saveStarted)
  // The saved body went through the sanitizer, back into the editor and out again: nothing was lost on the way.
  const resaved = (await store.articles.get(id))!.bodyHtml
  assert.match(resaved, /Observers agreed\./)
  assert.match(resaved, /<blockquote class="pull-quote"><p>The count was slow but fair.<\/p><\/blockquote>/)
  assert.match(resaved, /<aside class="embed-card"><p><a href="https:\/\/x.com\/osce\/status\/1234567890" rel="noopener noreferrer">Post on X by @osce<\/a><\/p><\/aside>/)
  assert.match(resaved, /<figure class="embed embed-video"><iframe src="https:\/\/www.youtube-nocookie.com\/embed\/dQw4w9WgXcQ"/)
  assert.equal(resaved.replace(/ Observers agreed\./, ''), saved.bodyHtml, 'the first save came back unchanged')

  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, 'desk-editor-1280.png'), fullPage: true })

  await Promise.all([page.waitForURL(/moved=scheduled/), page.getByRole('button', { name: 'Schedule' }).click()])
  assert.equal((await store.articles.get(id))!.status, 'scheduled')
  await Promise.all([page.waitForURL(/moved=published/), page.getByRole('button', { name: 'Publish now' }).click()])
  assert.equal((await store.articles.get(id))!.status, 'published')

  await Promise.all([page.waitForURL(/revisions/), page.getByRole('link', { name: 'Revisions' }).click()])
  await page.getByLabel('Compare from revision 1', { exact: true }).check()
  await Promise.all([page.waitForURL(/[?&]from=\d+/), page.getByRole('button', { name: 'Compare the chosen revisions' }).click()])
  assert.ok(await page.locator('.comparison ins').count() > 0, 'the comparison marks what was added')
  await page.screenshot({ path: path.join(SCREENSHOTS, 'desk-revisions-1280.png'), fullPage: true })

  // Someone else saves meanwhile: the next autosave says who and when, and the text stays in the editor.
  await page.goto(`${base}/desk/articles/${id}/edit`)
  await editorReady(page)
  const first = (await services.editing.revisions(id)).items.at(-1)!
  await services.editing.restore(id, first.id, { userId: null, role: 'admin' })
  await surface.press('Control+End')
  await page.keyboard.type(' Late words.')
  const status = page.locator('.save-status.problem')
  await status.waitFor({ timeout: 15_000 })
  assert.match((await status.textContent()) ?? '', /saved this article at .*Your text was not lost/)
  assert.match((await surface.textContent()) ?? '', /Late words\./)
  assert.match((await page.getByRole('alert').textContent()) ?? '', /saved this article at/)
  await page.screenshot({ path: path.join(SCREENSHOTS, 'desk-editor-conflict-1280.png') })
  // That 409 was the point; it is no problem.
  const conflict = problems.findIndex((p) => /^409 .*\/autosave$/.test(p))
  assert.ok(conflict >= 0, 'the autosave answered 409')
  problems.splice(conflict, 1)

  const reader = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
  await reader.route(OUTSIDE, stubPlayer)
  const site = await reader.newPage()
  const res = await site.goto(`${base}/news/polls-close-in-almaty`)
  assert.equal(res?.status(), 200)
  assert.equal(await site.locator('.article-body strong').textContent(), 'before dawn')
  assert.equal((await site.locator('.article-body blockquote:not(.pull-quote)').textContent())?.trim(), 'We will accept the result.')
  assert.equal((await site.locator('.article-body blockquote.pull-quote').textContent())?.trim(), 'The count was slow but fair.')
  assert.equal(await site.locator('.article-body aside.embed-card a').getAttribute('href'), 'https://x.com/osce/status/1234567890')
  assert.equal(await site.locator('.article-body figure.embed-video iframe').getAttribute('src'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')
  assert.equal(await site.locator('.article-body figure img').getAttribute('alt'), 'A ballot box in a school gym')
  assert.match((await site.locator('.article-body figcaption').textContent()) ?? '', /Counting in Almaty\. Photo: Desk/)
  await reader.close()

  assert.deepEqual(problems, [], 'no script errors or CSP refusals on the desk')
  console.log(`desk editor: load to ready ${loadMs} ms, save round trip ${saveMs} ms`)
  await context.close()
})
