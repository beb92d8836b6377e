// Long unbreakable words (a 300-character title) wrap instead of pushing pages sideways, at 1280 and 390 px.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp } from '../support/build-test-app.ts'
import { launchBrowser } from '../support/browser.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'

const WORD = 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft'.repeat(4).slice(0, 300)

test('an article, its tag page and pages listing it, with a 300-character word as a title, are no wider than the viewport', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  const { app, store } = await buildTestApp(t)
  await seedTaxonomy(store)
  assert.equal(WORD.length, 300)
  await seedArticle(store, { title: WORD, slug: 'long-word', standfirst: `${WORD.slice(0, 120)} in the standfirst too.`, tags: ['energy'] })
  await seedArticle(store, { title: 'A short neighbour', slug: 'short-neighbour', tags: ['energy'] })
  const base = await app.listen({ host: '127.0.0.1', port: 0 })
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } })
    t.after(() => context.close())
    const page = await context.newPage()
    // The article itself, its tag's page, and a neighbour and the front page that list it.
    for (const url of ['/news/long-word', '/tag/energy', '/news/short-neighbour', '/']) {
      const res = await page.goto(base + url)
      assert.equal(res?.status(), 200, `${url} at ${width}px`)
      assert.ok((await page.content()).includes(WORD), `${url} shows the title`)
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
      assert.ok(scrollWidth <= width, `${url} at ${width}px is ${scrollWidth}px wide`)
    }
  }
})
