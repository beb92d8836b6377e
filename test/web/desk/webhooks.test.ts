// The desk's webhooks page: admins only, receivers added (secret shown once) and removed, the delivery log, bad URLs refused.

import assert from 'node:assert/strict'
import { onBothEngines } from '../../support/both-engines.ts'
import { cookieHeader, csrfOf, postForm, setupOwner, userSession } from '../../support/desk.ts'
import { seedArticle, seedTaxonomy } from '../../support/seed.ts'
import type { TestApp } from '../../support/build-test-app.ts'

const get = (a: TestApp, url: string, cookies: Record<string, string>) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })

onBothEngines('only admins manage webhooks (403 for editors); a missing CSRF token is 403', async (a) => {
  const owner = await setupOwner(a)
  const editor = await userSession(a, 'editor')
  assert.equal((await get(a, '/desk/webhooks', editor.cookies)).statusCode, 403)
  const editorCsrf = csrfOf((await get(a, '/desk/account', editor.cookies)).body)
  assert.equal((await postForm(a, '/desk/webhooks', { _csrf: editorCsrf, url: 'https://hooks.example.com/in' }, editor.cookies)).statusCode, 403)
  assert.equal((await postForm(a, '/desk/webhooks', { url: 'https://hooks.example.com/in' }, owner)).statusCode, 403)
  // The role is asked first, whatever the URL: a too-long one is the use-case's to refuse, after the permission check.
  const long = `https://hooks.example.com/${'a'.repeat(2000)}`
  assert.equal((await postForm(a, '/desk/webhooks', { _csrf: editorCsrf, url: long }, editor.cookies)).statusCode, 403)
  assert.equal((await a.store.webhooks.receivers()).length, 0)
})

onBothEngines('a receiver URL over 2000 characters is refused by the webhooks use-case, with its message, on the form', async (a) => {
  const owner = await setupOwner(a)
  const csrf = csrfOf((await get(a, '/desk/webhooks', owner)).body)
  const res = await postForm(a, '/desk/webhooks', { _csrf: csrf, url: `https://hooks.example.com/${'a'.repeat(2000)}` }, owner)
  assert.equal(res.statusCode, 400)
  assert.match(res.body, /the receiver URL is longer than 2000 characters/)
  assert.match(res.body, /id="receiver-url-error"/)
  assert.equal((await a.store.webhooks.receivers()).length, 0)
})

onBothEngines('an admin adds a receiver and sees its secret once; private and malformed URLs are 400 and add nothing', async (a) => {
  const owner = await setupOwner(a)
  const page = await get(a, '/desk/webhooks', owner)
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /No receivers yet/)
  const csrf = csrfOf(page.body)
  const created = await postForm(a, '/desk/webhooks', { _csrf: csrf, url: 'https://hooks.example.com/in' }, owner)
  assert.equal(created.statusCode, 201)
  const secret = /id="new-secret" class="secret" type="text" readonly value="([0-9a-f]{64})"/.exec(created.body)?.[1]
  assert.ok(secret, 'the secret is shown')
  const later = await get(a, '/desk/webhooks', owner)
  assert.match(later.body, /https:\/\/hooks.example.com\/in/)
  assert.equal(later.body.includes(secret), false, 'never shown again')
  for (const url of ['http://127.0.0.1:9000/hook', 'ftp://hooks.example.com/', 'not a url', '']) {
    const res = await postForm(a, '/desk/webhooks', { _csrf: csrf, url }, owner)
    assert.equal(res.statusCode, 400, url)
    assert.match(res.body, /id="receiver-url-error"/, url)
  }
  assert.equal((await a.store.webhooks.receivers()).length, 1)
})

onBothEngines('recent deliveries are listed; removing a receiver stops it; removing twice is 409, an unknown one 404', async (a) => {
  await seedTaxonomy(a.store)
  const owner = await setupOwner(a)
  const csrf = csrfOf((await get(a, '/desk/webhooks', owner)).body)
  assert.equal((await postForm(a, '/desk/webhooks', { _csrf: csrf, url: 'https://hooks.example.com/in' }, owner)).statusCode, 201)
  await seedArticle(a.store, { title: 'Election observers report', slug: 'observers' })
  const page = await get(a, '/desk/webhooks', owner)
  assert.match(page.body, /data-delivery="\d+"/)
  assert.match(page.body, /article\.published/)
  assert.match(page.body, /Election observers report/)
  const [r] = await a.store.webhooks.receivers()
  const removed = await postForm(a, `/desk/webhooks/${r!.id}/remove`, { _csrf: csrf }, owner)
  assert.equal(removed.statusCode, 303)
  assert.match((await get(a, removed.headers.location!, owner)).body, /role="status">The receiver was removed/)
  assert.equal((await a.store.webhooks.receiver(r!.id))?.active, false)
  assert.equal((await postForm(a, `/desk/webhooks/${r!.id}/remove`, { _csrf: csrf }, owner)).statusCode, 409)
  assert.equal((await postForm(a, '/desk/webhooks/999999/remove', { _csrf: csrf }, owner)).statusCode, 404)
})
