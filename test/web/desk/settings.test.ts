// The desk's settings page: admins only; changes reach the public site at once (cached pages included); bad fields change nothing.

import assert from 'node:assert/strict'
import { onBothEngines } from '../../support/both-engines.ts'
import { cookieHeader, csrfOf, postForm, setupOwner, userSession } from '../../support/desk.ts'
import { seedNewsroom } from '../../support/web.ts'
import { jpegImage } from '../../support/images.ts'
import type { TestApp } from '../../support/build-test-app.ts'

/** Uploads made by the system (no desk account), as importers and seeds make them. */
const SYSTEM = { userId: null, role: 'admin' } as const

const get = (a: TestApp, url: string, cookies: Record<string, string>) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })

/** The settings form as the page fills it, with `changes` on top. */
async function form(a: TestApp, cookies: Record<string, string>, changes: Record<string, string>): Promise<Record<string, string>> {
  const body = (await get(a, '/desk/settings', cookies)).body
  const values: Record<string, string> = { _csrf: csrfOf(body) }
  for (const m of body.matchAll(/<input id="[^"]*" name="([^"]+)" type="(?:text|url|email)" value="([^"]*)"/g)) values[m[1]!] = m[2]!.replace(/&amp;/g, '&')
  for (const m of body.matchAll(/<textarea id="[^"]*" name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) values[m[1]!] = m[2]!
  values.logo = /<select id="set-logo" name="logo"[^>]*>[\s\S]*?<option value="([^"]*)" selected/.exec(body)?.[1] ?? ''
  return { ...values, ...changes }
}

onBothEngines('only admins open and save settings (403 for editors); a missing CSRF token is 403', async (a) => {
  const owner = await setupOwner(a)
  const editor = await userSession(a, 'editor')
  assert.equal((await get(a, '/desk/settings', editor.cookies)).statusCode, 403)
  const editorCsrf = csrfOf((await get(a, '/desk/account', editor.cookies)).body)
  assert.equal((await postForm(a, '/desk/settings', { _csrf: editorCsrf, name: 'Hijacked' }, editor.cookies)).statusCode, 403)
  const values = await form(a, owner, { name: 'Hijacked' })
  assert.equal((await postForm(a, '/desk/settings', { ...values, _csrf: '' }, owner)).statusCode, 403)
  assert.notEqual((await a.services.site.get()).settings.name, 'Hijacked')
})

onBothEngines('saved settings show on the public site at once: name, description, social links and logo', async (a) => {
  await seedNewsroom(a.store)
  const owner = await setupOwner(a)
  const before = await a.app.inject('/')
  assert.equal(before.statusCode, 200)
  const logo = await a.services.media.upload({ data: await jpegImage(200, 60), filename: 'masthead.jpg', alt: 'Masthead' }, SYSTEM)
  const values = await form(a, owner, {
    name: 'Caspian Monitor', description: 'Energy and politics around the Caspian', social_x: 'https://x.com/caspianmonitor', logo: String(logo.id),
  })
  const saved = await postForm(a, '/desk/settings', values, owner)
  assert.equal(saved.statusCode, 303, saved.body)
  assert.equal(saved.headers.location, '/desk/settings?done=saved')
  assert.match((await get(a, saved.headers.location!, owner)).body, /role="status">The settings were saved/)
  const front = await a.app.inject('/')
  assert.equal(front.statusCode, 200)
  assert.match(front.body, /Caspian Monitor/)
  assert.match(front.body, /href="https:\/\/x.com\/caspianmonitor"/)
  assert.ok(front.body.includes(`/media/${logo.path}`), 'the logo is the masthead')
  // The form shows what was stored, and saving it unchanged keeps the logo.
  assert.equal((await postForm(a, '/desk/settings', await form(a, owner, {}), owner)).statusCode, 303)
  assert.equal((await a.services.site.get()).settings.logo, logo.path)
})

onBothEngines('bad settings answer 400 at the field and change nothing', async (a) => {
  const owner = await setupOwner(a)
  const name = (await a.services.site.get()).settings.name
  for (const [changes, field] of [
    [{ name: '   ' }, 'set-name'], [{ social_x: 'javascript:alert(1)' }, 'set-social-x'],
    [{ logo: '999999' }, 'set-logo'],
  ] as const) {
    const res = await postForm(a, '/desk/settings', await form(a, owner, { ...changes, description: 'Changed description' }), owner)
    assert.equal(res.statusCode, 400, JSON.stringify(changes))
    assert.match(res.body, new RegExp(`id="${field}-error"`), JSON.stringify(changes))
    assert.match(res.body, /value="Changed description"|>Changed description</, 'the form keeps what was typed')
  }
  const after = (await a.services.site.get()).settings
  assert.equal(after.name, name)
  assert.notEqual(after.description, 'Changed description')
})
