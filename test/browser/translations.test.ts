// Add translation in a real browser: from a published article's page in the desk to a linked Russian draft and back.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp } from '../support/build-test-app.ts'
import { launchBrowser } from '../support/browser.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { OWNER } from '../support/desk.ts'
import { buildEditor } from '../../client/build.ts'

test('an editor adds a Russian translation from the article page, lands on its prefilled draft, and both list each other', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  await buildEditor()
  const { app, store } = await buildTestApp(t, { env: { SITE_URL: 'http://127.0.0.1' } })
  await seedTaxonomy(store)
  const original = await seedArticle(store, { title: 'Election results announced', standfirst: 'Turnout was high.', tags: ['elections'] })
  const base = await app.listen({ host: '127.0.0.1', port: 0 })

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`) })

  await page.goto(`${base}/desk/setup`)
  await page.getByLabel('Your name').fill(OWNER.name)
  await page.getByLabel('Email').fill(OWNER.email)
  await page.getByLabel('Password').fill(OWNER.password)
  await Promise.all([page.waitForURL(`${base}/desk`), page.getByRole('button', { name: 'Create the owner account' }).click()])

  await page.goto(`${base}/desk/articles/${original}/edit`)
  const panel = page.getByRole('region', { name: 'Translations' })
  assert.equal(await panel.getByText('No other language versions.').count(), 1)
  await panel.getByLabel('Language of the translation').selectOption('ru')
  await Promise.all([page.waitForURL(/\/desk\/articles\/\d+\/edit\?notice=translated/), panel.getByRole('button', { name: 'Add translation' }).click()])
  const translation = Number(/articles\/(\d+)\/edit/.exec(page.url())![1])
  assert.notEqual(translation, original)
  assert.equal(await page.getByRole('status').filter({ hasText: 'Translation draft created' }).count(), 1)
  assert.equal(await page.getByLabel('Title', { exact: true }).inputValue(), 'Election results announced')
  assert.equal(await page.getByLabel('Language', { exact: true }).inputValue(), 'ru')
  // The draft's panel links to the original, published.
  const back = page.getByRole('region', { name: 'Translations' }).getByRole('link', { name: 'Election results announced' })
  assert.match((await page.getByRole('region', { name: 'Translations' }).textContent()) ?? '', /Published/)
  await Promise.all([page.waitForURL(`${base}/desk/articles/${original}/edit`), back.click()])
  const versions = page.getByRole('region', { name: 'Translations' })
  assert.equal(await versions.getByRole('link', { name: 'Election results announced' }).getAttribute('href'), `/desk/articles/${translation}/edit`)
  assert.match((await versions.textContent()) ?? '', /Draft/)
  // Russian is taken now: it is no longer offered.
  assert.equal(await versions.locator('option[value="ru"]').count(), 0)
  const link = await store.articles.get(translation)
  assert.equal(link?.translationGroup, original)
  assert.deepEqual(problems, [])
})
