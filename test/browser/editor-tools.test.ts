// The editor's tools in a real browser: the tag picker (a new topic only through "Create tag"), the hero and figure
// pickers searching the whole library, embeds as cards, live word count and reading time, and editor's choice ranks
// that shift the other picks. Screenshots go to BROADSHEET_SCREENSHOTS (a temp folder by default) or docs/screenshots.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { buildTestApp } from '../support/build-test-app.ts'
import { editorFocused, launchBrowser } from '../support/browser.ts'
import { seedNewsroom } from '../support/web.ts'
import { jpegImage } from '../support/images.ts'
import { buildEditor } from '../../client/build.ts'

const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? new URL('../../docs/screenshots/', import.meta.url).pathname
  : process.env.BROADSHEET_SCREENSHOTS ?? path.join(os.tmpdir(), 'broadsheet-editor-tools')
const EDITOR = { email: 'editor@news.example', password: 'a long enough password' }
const SYSTEM = { userId: null, role: 'admin' } as const

test('tags are picked or explicitly created, images come from a search of the whole library, counts are live, ranks shift', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  await buildEditor()
  await mkdir(SHOTS, { recursive: true })
  const a = await buildTestApp(t, { env: { SITE_URL: 'http://127.0.0.1' } })
  const news = await seedNewsroom(a.store)
  await a.services.accounts.createUser({ email: EDITOR.email, name: 'Erin Editor', role: 'editor', password: EDITOR.password }, null)
  // The image the story needs is the oldest of 130: far past the hundred the page itself lists.
  const glacier = await a.services.media.upload({ data: await jpegImage(800, 500), filename: 'tuyuksu-glacier.jpg', alt: 'The Tuyuksu glacier above Almaty', caption: 'Retreating since 1923.', credit: 'Photo: Institute of Geography' }, SYSTEM)
  const small = await jpegImage(120, 80)
  for (let i = 0; i < 129; i++) await a.services.media.upload({ data: small, filename: `filler-${i}.jpg`, alt: `Filler picture ${i}` }, SYSTEM)
  const base = await a.app.listen({ host: '127.0.0.1', port: 0 })

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  // Nothing outside this machine is fetched by the desk: any such request fails the test.
  const outside: string[] = []
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => { outside.push(route.request().url()); return route.abort() })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text()) })
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(`${base}/desk/login`)
  await page.getByLabel('Email').fill(EDITOR.email)
  await page.getByLabel('Password').fill(EDITOR.password)
  await Promise.all([page.waitForURL(`${base}/desk`), page.getByRole('button', { name: 'Log in' }).click()])

  await page.goto(`${base}/desk/articles/new`)
  await page.waitForSelector('html[data-editor="ready"]')
  await page.getByLabel('Title', { exact: true }).fill('Glaciers retreat above Almaty')

  // Word count and reading time follow the text as it is typed (230 words a minute, as on the site).
  const count = page.locator('#word-count')
  await assert.doesNotReject(count.waitFor())
  assert.equal(await count.textContent(), '0 words · 1 min read')
  const surface = page.locator('#editor-surface')
  await surface.click()
  await page.keyboard.type('The glacier lost a third of its ice. ')
  await page.waitForFunction(() => document.getElementById('word-count')?.textContent === '8 words · 1 min read')
  await page.evaluate(() => {
    // 500 more words pasted at once: three minutes at 230 a minute.
    const dt = new DataTransfer()
    dt.setData('text/plain', Array.from({ length: 500 }, () => 'ice').join(' '))
    document.getElementById('editor-surface')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
  })
  await page.waitForFunction(() => document.getElementById('word-count')?.textContent === '508 words · 2 min read')

  // The figure picker searches the whole library; an image far down the list is found by its caption.
  await page.keyboard.press('Enter')
  await page.getByRole('button', { name: 'Figure from the media library' }).click()
  const dialog = page.getByRole('dialog', { name: 'Insert a figure from the media library' })
  await dialog.getByRole('button', { name: 'Choose: Filler picture 128' }).waitFor()
  assert.equal(await dialog.locator('.image-picker img').count(), 24, 'a page of thumbnails')
  await dialog.getByRole('button', { name: 'Older →' }).click()
  await dialog.getByText('Page 2.').waitFor()
  await dialog.getByLabel('Search the media library').fill('since 1923')
  await dialog.getByRole('button', { name: 'Choose: The Tuyuksu glacier above Almaty' }).click()
  // This use gets its own caption; the credit stays the library's.
  const caption = page.getByRole('dialog', { name: 'Caption and credit of this figure' })
  assert.equal(await caption.getByLabel('Caption').inputValue(), 'Retreating since 1923.')
  assert.equal(await caption.getByLabel('Credit').inputValue(), 'Photo: Institute of Geography')
  await caption.getByLabel('Caption').fill('The tongue of the glacier in August.')
  await caption.getByRole('button', { name: 'OK' }).click()
  await assert.doesNotReject(surface.locator('figure img[alt="The Tuyuksu glacier above Almaty"]').waitFor())
  await editorFocused(page)

  // A video embed shows as a card naming its provider; no player is loaded in the desk.
  await surface.press('Control+End')
  await page.getByRole('button', { name: 'Embed a video or post' }).click()
  await page.getByLabel('Address of the video or post').fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ')
  await page.keyboard.press('Enter')
  await assert.doesNotReject(surface.locator('.embed-preview', { hasText: 'YouTube · YouTube video' }).waitFor())
  await editorFocused(page)
  assert.equal(await surface.locator('iframe').count(), 0)

  // The hero picker: the same search, a thumbnail once chosen. A caption and credit show only with a hero.
  assert.equal(await page.getByLabel('Caption in this article').isVisible(), false, 'no hero, no caption field')
  await page.getByRole('button', { name: 'Choose the hero image' }).click()
  const heroDialog = page.getByRole('dialog', { name: 'Choose the hero image' })
  await heroDialog.getByLabel('Search the media library').fill('tuyuksu')
  await heroDialog.getByRole('button', { name: 'Choose: The Tuyuksu glacier above Almaty' }).click()
  // The picker names the image once the dialog's choice is applied (a task later, on a busy machine).
  await assert.doesNotReject(page.locator('.hero-picker span', { hasText: 'The Tuyuksu glacier above Almaty' }).waitFor())
  assert.equal(await page.locator('.hero-picker span').textContent(), 'The Tuyuksu glacier above Almaty')
  // The hero's caption in this article: the library's shows greyed until the writer types the article's own.
  const heroCaption = page.getByLabel('Caption in this article')
  assert.equal(await heroCaption.getAttribute('placeholder'), 'Retreating since 1923.')
  assert.equal(await page.getByLabel('Credit in this article').getAttribute('placeholder'), 'Photo: Institute of Geography')
  assert.equal(await heroCaption.isVisible(), true)
  await heroCaption.fill('The glacier from the Tuyuksu pass, this August')
  await page.locator('.hero-field').screenshot({ path: path.join(SHOTS, 'editor-tools-hero-caption-1280.png') })

  // Tags: an existing one is picked from the suggestions; a new one only through "Create tag".
  const tags = page.getByLabel('Tags', { exact: true })
  await tags.pressSequentially('kaz')
  await page.getByRole('option', { name: 'Kazakhstan (place)' }).click()
  assert.equal(await tags.inputValue(), 'Kazakhstan, ')
  await tags.pressSequentially('Glaciology')
  await page.getByRole('option', { name: 'Create tag “Glaciology”' }).waitFor()
  await page.screenshot({ path: path.join(SHOTS, 'editor-tools-tags-1280.png'), fullPage: false })
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  assert.equal(await tags.inputValue(), 'Kazakhstan, Glaciology, ')
  // A typo left in the field is refused, not made a topic; the form offers to create it.
  await tags.pressSequentially('Enrgy')
  await page.keyboard.press('Escape')

  // Editor's choice: asking for rank 1 moves the opinion piece, which held it, to 2.
  await page.getByLabel("Editor's choice rank").fill('1')
  // The first autosave has made the draft (the address turns into its edit page); saving checks the tags.
  await page.waitForURL(/\/desk\/articles\/\d+\/edit/)
  // The refused save answers with the form again: wait for that answer, then for the page it loads.
  const refused = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  assert.equal((await refused).status(), 400)
  await page.waitForLoadState('load')
  assert.match(await page.getByRole('alert').textContent() ?? '', /there is no tag "Enrgy"/)
  await page.screenshot({ path: path.join(SHOTS, 'editor-tools-unknown-tag-1280.png'), fullPage: true })
  assert.equal(await a.store.taxonomy.tagBySlug('enrgy'), undefined)
  assert.equal(await a.store.taxonomy.tagBySlug('glaciology'), undefined, 'a refused save makes no tag')
  await page.getByLabel('Create tag “Enrgy”').waitFor()
  await page.getByLabel('Tags', { exact: true }).fill('Kazakhstan, Glaciology, Energy')
  await page.waitForSelector('html[data-editor="ready"]')
  await Promise.all([page.waitForURL(/\/desk\/articles\/\d+\/edit\?notice=saved/), page.getByRole('button', { name: 'Save', exact: true }).click()])
  const id = Number(/articles\/(\d+)/.exec(page.url())![1])
  const article = (await a.store.articles.get(id))!
  const saved = await Promise.all(article.tagIds.map((x) => a.store.taxonomy.tag(x)))
  assert.deepEqual(saved.map((x) => x!.slug), ['kazakhstan', 'glaciology', 'energy'])
  assert.equal((await a.store.taxonomy.tagBySlug('glaciology'))?.name, 'Glaciology')
  assert.equal(article.heroMediaId, glacier.id)
  assert.deepEqual([article.heroCaption, article.heroCredit], ['The glacier from the Tuyuksu pass, this August', null])
  assert.match(article.bodyHtml, /<figure class="image"><img src="\/media\/[^"]+tuyuksu-glacier\.jpg" alt="The Tuyuksu glacier above Almaty"/)
  assert.match(article.bodyHtml, /<figcaption>The tongue of the glacier in August. <small>Photo: Institute of Geography<\/small><\/figcaption>/)
  assert.equal((await a.store.media.get(glacier.id))!.caption, 'Retreating since 1923.', 'the library keeps its caption')
  assert.match(article.bodyHtml, /<figure class="embed embed-video"><iframe src="https:\/\/www.youtube-nocookie.com\/embed\/dQw4w9WgXcQ"/)
  assert.deepEqual((await a.store.articles.editorsChoice()).map((p) => [p.id, p.rank]), [[id, 1], [news.opinion, 2]])
  await page.waitForSelector('html[data-editor="ready"]')
  await page.screenshot({ path: path.join(SHOTS, 'editor-tools-editor-1280.png'), fullPage: true })

  // The opinion piece's own form now says 2; moving it back to 1 moves the new one to 2.
  await page.goto(`${base}/desk/articles/${news.opinion}/edit`)
  await page.waitForSelector('html[data-editor="ready"]')
  assert.equal(await page.getByLabel("Editor's choice rank").inputValue(), '2')
  await page.getByLabel("Editor's choice rank").fill('1')
  await Promise.all([page.waitForURL(/notice=saved/), page.getByRole('button', { name: 'Save', exact: true }).click()])
  assert.deepEqual((await a.store.articles.editorsChoice()).map((p) => [p.id, p.rank]), [[news.opinion, 1], [id, 2]])

  // The focal point: a click on the image of its media page fills Across and Down, Save details stores them.
  await page.goto(`${base}/desk/media/${glacier.id}`)
  const picture = page.locator('.focal-picker img')
  await picture.waitFor()
  const box = (await picture.boundingBox())!
  await picture.click({ position: { x: box.width * 0.25, y: box.height * 0.75 } })
  assert.equal(await page.getByLabel('Across').inputValue(), '0.25')
  assert.equal(await page.getByLabel('Down').inputValue(), '0.75')
  await page.screenshot({ path: path.join(SHOTS, 'editor-tools-focal-point-1280.png'), fullPage: false })
  await Promise.all([page.waitForURL(/done=saved/), page.getByRole('button', { name: 'Save details' }).click()])
  const focal = await a.store.media.get(glacier.id)
  assert.deepEqual([focal!.focalX, focal!.focalY], [0.25, 0.75])

  assert.deepEqual(outside, [], 'the desk asked nothing of other sites')
  assert.deepEqual(problems, [])
})
