// The reader site in a real browser, with JavaScript off: front and article pages at 1280 and 390 px.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { buildTestApp } from '../support/build-test-app.ts'
import { launchBrowser } from '../support/browser.ts'
import { seedDemo } from '../../src/importers/demo/seed.ts'
import { demoNewsroom } from '../../src/importers/demo/newsroom.ts'

const WIDTHS = [1280, 390] as const

test('the front and an article page read well at 1280 and 390 px without JavaScript', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  const { app, store, clock, config } = await buildTestApp(t)
  await seedDemo({ store, clock, mediaDir: path.join(config.dataDir, 'media') }, demoNewsroom)
  const base = await app.listen({ host: '127.0.0.1', port: 0 })

  const front = await (await fetch(base)).text()
  const articlePath = /<article class="lead-story">[\s\S]*?<h2 class="headline"><a href="([^"]+)"/.exec(front)?.[1]
  assert.ok(articlePath, 'the front page has a lead story')

  for (const width of WIDTHS) {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } })
    const page = await context.newPage()
    const paths: string[] = ['/', articlePath]
    for (const url of paths) {
      const res = await page.goto(base + url)
      assert.equal(res?.status(), 200, `${url} at ${width}px`)
      // Nothing is wider than the viewport: no sideways scrolling on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      assert.ok(overflow <= 0, `${url} at ${width}px overflows by ${overflow}px`)
      const h1 = page.locator('h1')
      assert.equal(await h1.count(), 1, `${url} has exactly one h1`)
      // The skip link is the first stop of the keyboard, and it is visible when focused.
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim())
      assert.equal(focused, 'Skip to content')
      assert.ok(await page.locator('.skip-link').isVisible(), 'the focused skip link is visible')
      // Every image has alt text.
      assert.equal(await page.locator('img:not([alt])').count(), 0)
      await page.screenshot({ path: path.join(config.dataDir, `shot-${width}${url.replace(/\W+/g, '-')}.png`) })
    }
    const articleTitle = await page.locator('h1.article-title').textContent()
    assert.ok(articleTitle && articleTitle.length > 10, 'the article has its headline')
    assert.ok(await page.locator('.article-body p').count() >= 3, 'the article body is shown')
    await context.close()
  }
})

/** Screenshots go to the scratch directory, or to docs/screenshots with UPDATE_SCREENSHOTS=1 (for the README). */
const DOCS_SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname

test('the Russian edition reads well at 1280 and 390 px, and the switcher leads to the translated article', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  const { app, store, clock, config } = await buildTestApp(t)
  await seedDemo({ store, clock, mediaDir: path.join(config.dataDir, 'media') }, demoNewsroom)
  const base = await app.listen({ host: '127.0.0.1', port: 0 })
  const shots = process.env.UPDATE_SCREENSHOTS === '1' ? DOCS_SCREENSHOTS : config.dataDir

  for (const width of WIDTHS) {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } })
    const page = await context.newPage()
    assert.equal((await page.goto(`${base}/ru`))?.status(), 200)
    assert.equal(await page.getAttribute('html', 'lang'), 'ru')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    assert.ok(overflow <= 0, `/ru at ${width}px overflows by ${overflow}px`)
    await page.screenshot({ path: path.join(shots, `ru-${width}.png`) })
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Перейти к содержанию')

    // The Russian lead is written for Russian readers only: the switcher offers the English front page.
    await page.click('.lead-story h2 a')
    assert.match(page.url(), /\/ru\/news\//)
    assert.equal(await page.getAttribute('.language-switcher a[lang="en"]', 'href'), '/')
    // A translated story: through the switcher to the English original and back.
    await page.goto(`${base}/ru/news/rekordnye-perevozki-cherez-kaspiy`)
    if (width === 390) await page.screenshot({ path: path.join(shots, `article-ru-${width}.png`) })
    await page.click('.language-switcher a[lang="en"]')
    assert.equal(await page.getAttribute('html', 'lang'), 'en')
    assert.equal(new URL(page.url()).pathname, '/news/trans-caspian-ferry-freight-record')
    await page.click('.language-switcher a[lang="ru"]')
    assert.equal(new URL(page.url()).pathname, '/ru/news/rekordnye-perevozki-cherez-kaspiy')
    await context.close()
  }
})
