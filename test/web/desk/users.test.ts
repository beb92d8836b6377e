// The desk's users page: admins only, add users, change roles, deactivate and reactivate, end sessions, the last admin kept.

import assert from 'node:assert/strict'
import { onBothEngines } from '../../support/both-engines.ts'
import { cookieHeader, csrfOf, login, OWNER, postForm, setupOwner, userSession } from '../../support/desk.ts'
import type { TestApp } from '../../support/build-test-app.ts'

const get = (a: TestApp, url: string, cookies: Record<string, string>) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })
const csrfFor = async (a: TestApp, cookies: Record<string, string>) => csrfOf((await get(a, '/desk/account', cookies)).body)

onBothEngines('only admins see and change users (403 for editors); a missing CSRF token is 403', async (a) => {
  const owner = await setupOwner(a)
  const editor = await userSession(a, 'editor')
  assert.equal((await get(a, '/desk/users', editor.cookies)).statusCode, 403)
  const editorCsrf = await csrfFor(a, editor.cookies)
  assert.equal((await postForm(a, `/desk/users/${editor.id}/role`, { _csrf: editorCsrf, role: 'admin' }, editor.cookies)).statusCode, 403)
  assert.equal((await a.store.users.get(editor.id))?.role, 'editor')
  const page = await get(a, '/desk/users', owner)
  assert.equal(page.statusCode, 200)
  assert.match(page.body, new RegExp(`data-user="${editor.id}"`))
  assert.equal((await postForm(a, `/desk/users/${editor.id}/role`, { role: 'author' }, owner)).statusCode, 403)
  assert.equal((await a.store.users.get(editor.id))?.role, 'editor')
})

onBothEngines('an admin adds a user; bad fields re-render at the field (4xx) and add nobody', async (a) => {
  const owner = await setupOwner(a)
  const csrf = csrfOf((await get(a, '/desk/users', owner)).body)
  const form = { _csrf: csrf, name: 'Nurlan Reporter', email: 'nurlan@news.example', role: 'author', password: 'a long enough password' }
  const ok = await postForm(a, '/desk/users', form, owner)
  assert.equal(ok.statusCode, 303)
  assert.equal(ok.headers.location, '/desk/users?done=created')
  assert.match((await get(a, ok.headers.location!, owner)).body, /role="status">The user was added/)
  assert.equal((await a.store.users.byEmail('nurlan@news.example'))?.role, 'author')
  const before = (await a.store.users.list()).length
  const short = await postForm(a, '/desk/users', { ...form, email: 'other@news.example', password: 'short' }, owner)
  assert.equal(short.statusCode, 400)
  assert.match(short.body, /id="new-password-error"/)
  assert.match(short.body, /value="other@news.example"/)
  const badRole = await postForm(a, '/desk/users', { ...form, email: 'third@news.example', role: 'owner' }, owner)
  assert.equal(badRole.statusCode, 400)
  const taken = await postForm(a, '/desk/users', form, owner)
  assert.equal(taken.statusCode, 409)
  assert.equal((await a.store.users.list()).length, before)
})

onBothEngines('roles change; deactivating ends the sessions and stops login; reactivating allows it again', async (a) => {
  const owner = await setupOwner(a)
  const author = await userSession(a, 'author')
  const csrf = csrfOf((await get(a, '/desk/users', owner)).body)
  const role = await postForm(a, `/desk/users/${author.id}/role`, { _csrf: csrf, role: 'editor' }, owner)
  assert.equal(role.statusCode, 303)
  assert.equal((await a.store.users.get(author.id))?.role, 'editor')
  assert.equal((await postForm(a, `/desk/users/${author.id}/role`, { _csrf: csrf, role: 'chief' }, owner)).statusCode, 400)
  assert.equal((await a.store.users.get(author.id))?.role, 'editor')

  const off = await postForm(a, `/desk/users/${author.id}/active`, { _csrf: csrf, active: '0' }, owner)
  assert.equal(off.statusCode, 303)
  assert.equal((await get(a, '/desk', author.cookies)).statusCode, 303, 'the old session is gone')
  assert.equal((await login(a, 'author@news.example', 'a long enough password')).session, null)
  assert.match((await get(a, '/desk/users', owner)).body, /Deactivated/)
  assert.equal((await postForm(a, `/desk/users/${author.id}/active`, { _csrf: csrf, active: 'maybe' }, owner)).statusCode, 400)

  assert.equal((await postForm(a, `/desk/users/${author.id}/active`, { _csrf: csrf, active: '1' }, owner)).statusCode, 303)
  assert.ok((await login(a, 'author@news.example', 'a long enough password')).session)
  assert.equal((await postForm(a, '/desk/users/999999/role', { _csrf: csrf, role: 'editor' }, owner)).statusCode, 404)
})

onBothEngines('an admin logs a user out everywhere', async (a) => {
  const owner = await setupOwner(a)
  const editor = await userSession(a, 'editor')
  const csrf = csrfOf((await get(a, '/desk/users', owner)).body)
  assert.equal((await get(a, '/desk', editor.cookies)).statusCode, 200)
  const res = await postForm(a, `/desk/users/${editor.id}/sessions`, { _csrf: csrf }, owner)
  assert.equal(res.statusCode, 303)
  assert.equal((await get(a, '/desk', editor.cookies)).statusCode, 303)
  assert.equal((await get(a, '/desk', owner)).statusCode, 200, 'the admin stays logged in')
})

onBothEngines('the last active admin can be neither demoted nor deactivated (409); with a second admin it can', async (a) => {
  const owner = await setupOwner(a)
  const ownerId = (await a.store.users.byEmail(OWNER.email))!.id
  const csrf = csrfOf((await get(a, '/desk/users', owner)).body)
  const demote = await postForm(a, `/desk/users/${ownerId}/role`, { _csrf: csrf, role: 'editor' }, owner)
  assert.equal(demote.statusCode, 409)
  assert.match(demote.body, /last active admin/)
  assert.equal((await postForm(a, `/desk/users/${ownerId}/active`, { _csrf: csrf, active: '0' }, owner)).statusCode, 409)
  assert.equal((await a.store.users.get(ownerId))?.role, 'admin')
  assert.equal((await a.store.users.get(ownerId))?.disabled, false)
  // A deactivated admin does not count.
  const second = await userSession(a, 'admin', 'second@news.example')
  assert.equal((await postForm(a, `/desk/users/${second.id}/active`, { _csrf: csrf, active: '0' }, owner)).statusCode, 303)
  assert.equal((await postForm(a, `/desk/users/${ownerId}/role`, { _csrf: csrf, role: 'editor' }, owner)).statusCode, 409)
  assert.equal((await postForm(a, `/desk/users/${second.id}/active`, { _csrf: csrf, active: '1' }, owner)).statusCode, 303)
  assert.equal((await postForm(a, `/desk/users/${ownerId}/role`, { _csrf: csrf, role: 'editor' }, owner)).statusCode, 303)
  assert.equal((await a.store.users.get(ownerId))?.role, 'editor')
})
