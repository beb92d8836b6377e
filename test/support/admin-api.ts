// Admin API test helpers: the app on each engine, a newsroom of users with API tokens, and bearer requests.

import type { TestContext } from 'node:test'
import type { InjectOptions } from 'fastify'
import { onBothEngines } from './both-engines.ts'
import { allowUnsigned, seedTaxonomy } from './seed.ts'
import type { TestApp } from './build-test-app.ts'

export const ROLES = ['contributor', 'author', 'editor', 'admin'] as const
export type TestRole = (typeof ROLES)[number]

/** Defines `name` once per engine, on the whole app; PostgreSQL is skipped with the reason when no server answers. */
export function forEachEngine(name: string, fn: (a: TestApp, t: TestContext) => Promise<void>): void {
  onBothEngines(name, async (a, t) => {
    await fn(a, t)
    // The page cache re-reads site settings in the background on a request: let that read finish before the store closes.
    await a.services.site.get()
  })
}

export interface ApiUser {
  readonly id: number
  readonly token: string
  readonly tokenId: number
}

/** A user of `role` with an API token, created as `broadsheet user create` and `broadsheet token create` do. */
export async function apiUser(a: TestApp, role: TestRole, email = `${role}@news.example`): Promise<ApiUser> {
  const user = await a.services.accounts.createUser({ email, name: `${role} ${email}`, role, password: 'a long enough password' }, null)
  const { token, id: tokenId } = await a.services.accounts.createToken(email, 'tests')
  return { id: user.id, token, tokenId }
}

/** The taxonomy of seed.ts, a user with a token for every role, and a second contributor and author (for "others'"). */
export async function apiNewsroom(a: TestApp) {
  await seedTaxonomy(a.store)
  await allowUnsigned(a.store, 'news', 'opinion', 'analysis', 'monday-commentary')
  const users = {} as Record<TestRole, ApiUser>
  for (const role of ROLES) users[role] = await apiUser(a, role)
  const otherContributor = await apiUser(a, 'contributor', 'other-contributor@news.example')
  const otherAuthor = await apiUser(a, 'author', 'other-author@news.example')
  return { users, otherContributor, otherAuthor }
}

/** A request with the user's bearer token; `payload` objects are sent as JSON. */
export const api = (a: TestApp, user: ApiUser | null, opts: InjectOptions & { url: string }) =>
  a.app.inject({ ...opts, headers: { ...(user && { authorization: `Bearer ${user.token}` }), ...opts.headers } })

/** Creates a draft through the API as `user`; returns its JSON. */
export async function createViaApi(a: TestApp, user: ApiUser, fields: Record<string, unknown> = {}): Promise<{ id: number; version: number; [k: string]: unknown }> {
  const res = await api(a, user, { method: 'POST', url: '/api/v1/admin/articles', payload: { title: `Draft ${Math.random().toString(36).slice(2, 8)}`, section: 'news', ...fields } })
  if (res.statusCode !== 201) throw new Error(`create answered ${res.statusCode}: ${res.body}`)
  return res.json()
}
