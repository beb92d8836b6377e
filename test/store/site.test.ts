// Site settings and static pages on both engines (src/store/site.ts).

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'

forEachDatabase('settings round-trip as JSON values of any shape', async (store) => {
  assert.deepEqual(await store.site.settings(), {})
  const menu = [{ label: 'Новости', href: '/news' }, { label: 'About "us"', href: '/about' }]
  await store.site.setSetting('name', 'The Caspian Ledger')
  await store.site.setSetting('menu', menu)
  await store.site.setSetting('lead_article_id', 42)
  await store.site.setSetting('flags', { a: true, b: null, n: 1.5 })
  assert.deepEqual(await store.site.settings(), { name: 'The Caspian Ledger', menu, lead_article_id: 42, flags: { a: true, b: null, n: 1.5 } })
})

forEachDatabase('setting a key again replaces its value', async (store) => {
  await store.site.setSetting('name', 'First')
  await store.site.setSetting('name', 'Second')
  await store.site.setSetting('name', null)
  assert.deepEqual(await store.site.settings(), { name: null })
})
