// A seeded newsroom with desk sessions of every role, on either engine, for tests of the desk's housekeeping pages.

import { allowUnsigned } from './seed.ts'
import assert from 'node:assert/strict'
import type { TestContext } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import type { TestApp } from './build-test-app.ts'
import type { Engine } from './databases.ts'
import { cookieHeader, csrfOf, postForm, setupOwner, userSession } from './desk.ts'
import { buildSiteApp, seedNewsroom, type Newsroom } from './web.ts'

export { forEachEngine, type Engine } from './databases.ts'
export type Cookies = Record<string, string>

export interface DeskNewsroom {
  readonly a: TestApp
  readonly news: Newsroom
  readonly owner: Cookies
  readonly editor: Cookies
  readonly author: Cookies
  readonly contributor: Cookies
  readonly editorId: number
  get(url: string, cookies?: Cookies): Promise<LightMyRequestResponse>
  /** Posts a form, as the editor unless `cookies` say otherwise, with the session's CSRF token (read from the desk's home page). */
  post(url: string, form: Record<string, string>, cookies?: Cookies): Promise<LightMyRequestResponse>
}

/** The app on `engine`, the newsroom of test/support/web.ts, the owner (admin) and one user of each other role. */
export async function deskNewsroom(t: TestContext, engine: Engine, env: NodeJS.ProcessEnv = {}): Promise<DeskNewsroom> {
  const a = await buildSiteApp(t, { engine, env })
  const news = await seedNewsroom(a.store)
  await allowUnsigned(a.store, 'news', 'opinion', 'analysis', 'monday-commentary')
  const owner = await setupOwner(a)
  const editor = await userSession(a, 'editor')
  const author = (await userSession(a, 'author')).cookies
  const contributor = (await userSession(a, 'contributor')).cookies
  const get = (url: string, cookies: Cookies = {}) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })
  return {
    a, news, owner, editor: editor.cookies, editorId: editor.id, author, contributor, get,
    async post(url, form, cookies = editor.cookies) {
      const page = await get('/desk', cookies)
      assert.equal(page.statusCode, 200, 'GET /desk before posting')
      return postForm(a, url, { ...form, _csrf: csrfOf(page.body) }, cookies)
    },
  }
}

/** The newest audit entry's action. */
export const lastAction = async (d: DeskNewsroom): Promise<string | undefined> => (await d.a.store.audit.list({ limit: 1 }))[0]?.action
