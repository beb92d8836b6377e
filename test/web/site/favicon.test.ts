// The site icon: /favicon.ico points at the uploaded icon, else at an icon drawn from the site's name; pages link it.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp, seedNewsroom } from '../../support/web.ts'

test('without an uploaded icon, /favicon.ico and every page lead to the icon drawn from the site name', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const ico = await app.inject('/favicon.ico')
  assert.equal(ico.statusCode, 302)
  const location = String(ico.headers.location)
  assert.match(location, /^\/assets\/site-icon\.[0-9a-f]{8}\.svg$/)
  const icon = await app.inject(location)
  assert.equal(icon.statusCode, 200)
  assert.equal(icon.headers['content-type'], 'image/svg+xml; charset=utf-8')
  assert.match(icon.body, /<svg[^>]*>[\s\S]*>B<\/text><\/svg>$/, 'the first letter of "Broadsheet"')
  for (const path of ['/', '/news', '/news/election-results']) {
    assert.match((await app.inject(path)).body, new RegExp(`<link rel="icon" href="${location.replaceAll('.', '\\.')}" type="image/svg\\+xml">`), path)
  }
  assert.equal((await app.inject('/assets/site-icon.00000000.svg')).statusCode, 404, 'an outdated fingerprint is not found')
})

test('an icon in the settings is linked from pages and is where /favicon.ico points', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  await store.site.setSetting('favicon', 'uploads/icon.png')
  const ico = await app.inject('/favicon.ico')
  assert.equal(ico.headers.location, '/media/uploads/icon.png')
  assert.match((await app.inject('/news')).body, /<link rel="icon" href="\/media\/uploads\/icon\.png">/)
})
