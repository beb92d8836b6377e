// The search page in a real browser: results and filters at 1280 and 390 px, search-as-you-type, nothing found.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { buildTestApp } from '../support/build-test-app.ts'
import { launchBrowser } from '../support/browser.ts'
import { seedDemo } from '../../src/importers/demo/seed.ts'
import { demoNewsroom } from '../../src/importers/demo/newsroom.ts'

const WIDTHS = [1280, 390] as const

test('search reads well at 1280 and 390 px, suggests as one types, and offers a correction and the latest when nothing is found', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  const { app, store, clock, config } = await buildTestApp(t)
  await seedDemo({ store, clock, mediaDir: path.join(config.dataDir, 'media') }, demoNewsroom)
  const base = await app.listen({ host: '127.0.0.1', port: 0 })
  // Screenshots go to SEARCH_SCREENSHOTS when set (for the docs), else to the test's scratch directory.
  const shots = process.env.SEARCH_SCREENSHOTS ?? config.dataDir
  // A word of a real headline, and the same word with a letter dropped: a typo the index can correct.
  const front = await (await fetch(base)).text()
  const headline = /<h2 class="headline"><a href="[^"]+"[^>]*>([^<]+)<\/a>/.exec(front)?.[1] ?? ''
  const word = headline.split(/\s+/).find((w) => /^\p{L}{7,}$/u.test(w))
  assert.ok(word, `a long word in "${headline}"`)
  const typo = word.slice(0, 3) + word.slice(4)

  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 1000 } })
    const page = await context.newPage()
    const res = await page.goto(`${base}/search?q=${encodeURIComponent(word)}`)
    assert.equal(res?.status(), 200)
    assert.ok(await page.locator('.search-result').count() >= 1, `results for ${word}`)
    assert.ok(await page.locator('.snippet mark, .headline').count() >= 1)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    assert.ok(overflow <= 0, `the search page at ${width}px overflows by ${overflow}px`)
    // The date fields keep a usable width (they collapsed to about 45 px before).
    const dateWidth = await page.locator('input[name="from"]').evaluate((e) => e.getBoundingClientRect().width)
    assert.ok(dateWidth >= 120, `date field ${dateWidth}px wide at ${width}px`)
    await page.screenshot({ path: path.join(shots, `search-results-${width}.png`), fullPage: true })

    // Search-as-you-type: typing the start of the word opens suggestions; the keyboard picks one.
    await page.fill('#search-q', '')
    await page.locator('#search-q').pressSequentially(word.slice(0, 4).toLowerCase(), { delay: 60 })
    await page.locator('#search-suggest a').first().waitFor({ state: 'visible', timeout: 5000 })
    assert.equal(await page.locator('#search-q').getAttribute('aria-expanded'), 'true')
    if (width === 1280) await page.screenshot({ path: path.join(shots, `search-suggest-${width}.png`) })
    await page.keyboard.press('ArrowDown')
    const target = await page.locator('#search-suggest a[aria-selected="true"]').getAttribute('href')
    await Promise.all([page.waitForURL((u) => u.pathname === target), page.keyboard.press('Enter')])

    // A typo finds nothing: the corrected query is offered, and the newest articles fill the page.
    await page.goto(`${base}/search?q=${encodeURIComponent(typo)}`)
    assert.equal(await page.locator('.search-result').count(), 0)
    assert.ok(await page.locator('.did-you-mean a').isVisible(), `a correction for ${typo}`)
    assert.ok(await page.locator('.search-latest li').count() >= 1)
    await page.screenshot({ path: path.join(shots, `search-nothing-found-${width}.png`), fullPage: true })
    await page.locator('.did-you-mean a').click()
    assert.ok(await page.locator('.search-result').count() >= 1, 'the correction finds results')
    await context.close()
  }

  // Without JavaScript the box is a plain form.
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } })
  const page = await plain.newPage()
  await page.goto(`${base}/search`)
  await page.fill('#search-q', word)
  await Promise.all([page.waitForURL(/\/search\?q=/), page.keyboard.press('Enter')])
  assert.ok(await page.locator('.search-result').count() >= 1)
  assert.equal(await page.locator('#search-suggest').isVisible(), false)
  await plain.close()
})
