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
