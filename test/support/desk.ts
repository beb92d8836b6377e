// Desk test helpers: form posts with the CSRF dance, setup of the owner, users created through the accounts service, logged-in cookies.

import assert from 'node:assert/strict'
import type { LightMyRequestResponse } from 'fastify'
import type { TestApp } from './build-test-app.ts'

export const OWNER = { name: 'Olga Owner', email: 'owner@news.example', password: 'correct horse battery' }

/** The value of the hidden _csrf field of the first form in a page. */
export function csrfOf(body: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(body)
  assert.ok(m, 'the page has a CSRF field')
  return m[1]!
}

/** name=value pairs of the cookies a response sets (value '' when it clears one). */
export const setCookies = (res: LightMyRequestResponse): Record<string, string> =>
  Object.fromEntries(res.cookies.map((c) => [c.name, c.value]))

/** A Cookie header from name → value. */
export const cookieHeader = (cookies: Record<string, string>): string =>
  Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ')

/** Posts a urlencoded form. */
export const postForm = (t: TestApp, url: string, form: Record<string, string>, cookies: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(cookies), ...headers } })

/** Opens a pre-session form page (login or setup) and returns its cookie and token. */
export async function preSession(t: TestApp, url: string, headers: Record<string, string> = {}): Promise<{ cookies: Record<string, string>; csrf: string }> {
  const page = await t.app.inject({ url, headers })
  assert.equal(page.statusCode, 200, page.body)
  return { cookies: setCookies(page), csrf: csrfOf(page.body) }
}

/** Sets up the owner through /desk/setup; returns the session cookie. */
export async function setupOwner(t: TestApp): Promise<Record<string, string>> {
  const { cookies, csrf } = await preSession(t, '/desk/setup')
  const res = await postForm(t, '/desk/setup', { ...OWNER, _csrf: csrf }, cookies)
  assert.equal(res.statusCode, 303, res.body)
  return { bs_session: setCookies(res).bs_session! }
}

/** Logs in through the form; returns the response and the session cookie (if one was set). */
export async function login(t: TestApp, email: string, password: string, headers: Record<string, string> = {}) {
  const { cookies, csrf } = await preSession(t, '/desk/login', headers)
  const res = await postForm(t, '/desk/login', { email, password, _csrf: csrf }, cookies, headers)
  const session = setCookies(res).bs_session
  return { res, session: session ? { bs_session: session } : null }
}

/** Creates a user directly (as the CLI does) and logs them in. */
export async function userSession(t: TestApp, role: string, email = `${role}@news.example`): Promise<{ cookies: Record<string, string>; id: number }> {
  const user = await t.services.accounts.createUser({ email, name: `${role[0]!.toUpperCase()}${role.slice(1)} User`, role, password: 'a long enough password' }, null)
  const { session } = await login(t, email, 'a long enough password')
  assert.ok(session, `${role} logged in`)
  return { cookies: session, id: user.id }
}
