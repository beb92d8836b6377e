// The site's languages in a real browser: an admin adds Kazakh on the settings page, the reader's switcher offers it,
// and taking Russian off while it has articles is refused on the page with the count.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildTestApp } from '../support/build-test-app.ts'
import { launchBrowser } from '../support/browser.ts'
import { seedArticle, seedTaxonomy, setSiteLanguages } from '../support/seed.ts'
import { OWNER } from '../support/desk.ts'

test('an admin adds a language on the settings page; the switcher offers it; removing one with articles is refused', async (t) => {
  const browser = await launchBrowser(t)
  if (!browser) return
  const { app, store } = await buildTestApp(t, { env: { SITE_URL: 'http://127.0.0.1' } })
  await seedTaxonomy(store)
  await setSiteLanguages(store, ['en', 'ru'])
  await seedArticle(store, { title: 'Выборы', language: 'ru' })
  const base = await app.listen({ host: '127.0.0.1', port: 0 })
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))

  await page.goto(`${base}/desk/setup`)
  await page.getByLabel('Your name').fill(OWNER.name)
  await page.getByLabel('Email').fill(OWNER.email)
  await page.getByLabel('Password').fill(OWNER.password)
  await Promise.all([page.waitForURL(`${base}/desk`), page.getByRole('button', { name: 'Create the owner account' }).click()])

  await page.goto(`${base}/desk/settings`)
  await page.locator('#lang-tag-2').fill('kk')
  await page.locator('#lang-name-2').fill('Қазақ тілі')
  await Promise.all([page.waitForURL(`${base}/desk/settings?done=languages`), page.getByRole('button', { name: 'Save languages' }).click()])
  assert.equal(await page.getByRole('status').filter({ hasText: 'The languages were saved' }).count(), 1)
  assert.equal(await page.locator('#lang-tag-2').inputValue(), 'kk')

  await page.goto(`${base}/`)
  assert.equal(await page.getByRole('link', { name: 'Қазақ тілі' }).getAttribute('href'), '/kk')

  await page.goto(`${base}/desk/settings`)
  await page.locator('#lang-tag-1').fill('')
  await page.locator('#lang-name-1').fill('')
  await page.getByRole('button', { name: 'Save languages' }).click()
  await page.waitForLoadState('load')
  assert.match((await page.locator('#languages-error').textContent()) ?? '', /Русский \(ru\) still has 1 article;/)
  assert.deepEqual((await store.site.settings()).languages, [{ tag: 'en', name: 'English' }, { tag: 'ru', name: 'Русский' }, { tag: 'kk', name: 'Қазақ тілі' }])
  assert.deepEqual(problems, [])
})
