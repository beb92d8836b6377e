// The permission matrix from every door: one table of role × action × door, each answer checked on a real app. The
// command line is a door too: it acts as the local operator (an admin), runs as a process of its own on the same
// database, and must give the same answer as the desk for the same input, refusals included (same use-case, same words).

import assert from 'node:assert/strict'
import type { LightMyRequestResponse } from 'fastify'
import { api, apiNewsroom, createViaApi, forEachEngine, ROLES, type ApiUser, type TestRole } from '../support/admin-api.ts'
import { cookieHeader, csrfOf, login, postForm } from '../support/desk.ts'
import { jpegImage } from '../support/images.ts'
import type { TestApp } from '../support/build-test-app.ts'
import { databaseOf } from '../support/databases.ts'
import { runBroadsheet } from '../support/processes.ts'

/** Uploads made by the system (no desk account), as importers and seeds make them. */
const SYSTEM = { userId: null, role: 'admin' } as const

const ARTICLES = '/api/v1/admin/articles'
let seq = 0
/** The article form with a title (so a slug) not used before. */
const form = () => ({ title: `Matrix piece ${++seq}`, standfirst: 'S.', body: '<p>B.</p>', section: 'news', genre: 'news' })
const title = () => `Matrix title ${++seq}`

/** What one role meets: its token, its desk session and CSRF token, and articles set up for it. */
interface Ctx {
  readonly a: TestApp
  readonly role: TestRole
  readonly user: ApiUser
  readonly editor: ApiUser
  readonly other: ApiUser
  readonly desk: (url: string, form: Record<string, string>) => Promise<LightMyRequestResponse>
  readonly autosave: (id: number, version: number, fields: Record<string, string>) => Promise<LightMyRequestResponse>
  /** Runs `broadsheet …` on the app's database as an operator would, `input` on standard input (a password). */
  readonly cli: (args: readonly string[], input?: string) => Answer
}

/** What a door answered: an HTTP status and body, or the command line's exit code and output. */
interface Answer {
  readonly statusCode: number
  readonly body: string
}

/** Rows of this door run once, as the operator: the command line has no login, whoever can run it is the admin. */
const CLI = 'command line'
const PASSWORD = 'a long enough password'
const WXR = new URL('../importers/wordpress/fixtures/site.wxr', import.meta.url).pathname

const versionOf = async (c: Ctx, id: number): Promise<number> => (await c.a.store.articles.get(id))!.version
/** An article the role created, moved by an editor to `status` when given. */
async function own(c: Ctx, status?: 'published'): Promise<number> {
  const { id } = await createViaApi(c.a, c.user)
  if (status) assert.equal((await api(c.a, c.editor, { method: 'POST', url: `${ARTICLES}/${id}/publish` })).statusCode, 200)
  return id
}
const others = async (c: Ctx): Promise<number> => (await createViaApi(c.a, c.other)).id
const patch = async (c: Ctx, id: number, fields: Record<string, unknown>) =>
  api(c.a, c.user, { method: 'PATCH', url: `${ARTICLES}/${id}`, payload: { version: await versionOf(c, id), ...fields } })
const formSave = async (c: Ctx, id: number) => c.desk(`/desk/articles/${id}`, { ...form(), version: String(await versionOf(c, id)) })

type Expect = 'ok' | 403
/**
 * action, door, what it does, the answer of a role allowed to (an HTTP status, or an exit code on the command line; 0 for
 * "anything but 403" on housekeeping forms), who is allowed, and for refusals of bad input the words every door says.
 */
type Row = readonly [action: string, door: string, run: (c: Ctx) => Promise<Answer> | Answer, ok: number, who: Readonly<Record<TestRole, Expect>>, says?: RegExp]
const ALL: Record<TestRole, Expect> = { contributor: 'ok', author: 'ok', editor: 'ok', admin: 'ok' }
const EDITORS: Record<TestRole, Expect> = { contributor: 403, author: 403, editor: 'ok', admin: 'ok' }
const PUBLISHERS: Record<TestRole, Expect> = { contributor: 403, author: 'ok', editor: 'ok', admin: 'ok' }
const ADMINS: Record<TestRole, Expect> = { contributor: 403, author: 403, editor: 403, admin: 'ok' }

const MATRIX: readonly Row[] = [
  ['create', 'desk form', (c) => c.desk('/desk/articles', form()), 303, ALL],
  ['create', 'Admin API', (c) => api(c.a, c.user, { method: 'POST', url: ARTICLES, payload: { title: title(), section: 'news' } }), 201, ALL],
  ['save own draft', 'desk form', async (c) => formSave(c, await own(c)), 303, ALL],
  ['save own draft', 'Admin API', async (c) => patch(c, await own(c), { title: title() }), 200, ALL],
  ['autosave own draft', 'desk autosave', async (c) => { const id = await own(c); return c.autosave(id, await versionOf(c, id), form()) }, 200, ALL],
  ["save someone else's draft", 'desk form', async (c) => formSave(c, await others(c)), 303, EDITORS],
  ["save someone else's draft", 'Admin API', async (c) => patch(c, await others(c), { title: title() }), 200, EDITORS],
  ['save own published article', 'desk form', async (c) => formSave(c, await own(c, 'published')), 303, PUBLISHERS],
  ['save own published article', 'Admin API', async (c) => patch(c, await own(c, 'published'), { title: title() }), 200, PUBLISHERS],
  ['autosave own published article', 'desk autosave', async (c) => { const id = await own(c, 'published'); return c.autosave(id, await versionOf(c, id), form()) }, 200, PUBLISHERS],
  ['restore a revision of own published article', 'desk form', async (c) => {
    const id = await own(c, 'published')
    const oldest = (await c.a.services.editing.revisions(id)).items.at(-1)!.id
    return c.desk(`/desk/articles/${id}/revisions/${oldest}/restore`, {})
  }, 303, PUBLISHERS],
  ['submit own draft for review', 'desk form', async (c) => c.desk(`/desk/articles/${await own(c)}/status`, { to: 'in_review' }), 303, ALL],
  ['publish own draft', 'desk form', async (c) => c.desk(`/desk/articles/${await own(c)}/status`, { to: 'published' }), 303, PUBLISHERS],
  ['publish own draft', 'Admin API', async (c) => api(c.a, c.user, { method: 'POST', url: `${ARTICLES}/${await own(c)}/publish` }), 200, PUBLISHERS],
  ["publish someone else's draft", 'Admin API', async (c) => api(c.a, c.user, { method: 'POST', url: `${ARTICLES}/${await others(c)}/publish` }), 200, EDITORS],
  ['schedule own draft', 'Admin API', async (c) => api(c.a, c.user, {
    method: 'POST', url: `${ARTICLES}/${await own(c)}/publish`, payload: { at: new Date(c.a.clock.now() + 86_400_000).toISOString() },
  }), 200, PUBLISHERS],
  ['unpublish own article', 'Admin API', async (c) => api(c.a, c.user, { method: 'POST', url: `${ARTICLES}/${await own(c, 'published')}/unpublish` }), 200, PUBLISHERS],
  ['delete own draft', 'Admin API', async (c) => api(c.a, c.user, { method: 'DELETE', url: `${ARTICLES}/${await own(c)}` }), 204, ALL],
  ['delete own published article', 'Admin API', async (c) => api(c.a, c.user, { method: 'DELETE', url: `${ARTICLES}/${await own(c, 'published')}` }), 204, PUBLISHERS],
  ["curate editor's choice", 'Admin API', async (c) => patch(c, await own(c), { editors_choice: 1 }), 200, EDITORS],
  ["curate editor's choice", 'Admin API create', (c) => api(c.a, c.user, { method: 'POST', url: ARTICLES, payload: { title: title(), section: 'news', editors_choice: 2 } }), 201, EDITORS],
  ["curate editor's choice", 'desk front page', async (c) => c.desk('/desk/front/picks/add', { article: String(await own(c, 'published')) }), 303, EDITORS],
  ['edit media metadata of a live image', 'desk form', async (c) => {
    const image = await c.a.services.media.upload({ data: await jpegImage(), filename: 'm.jpg', alt: 'Alt' }, SYSTEM)
    const id = await own(c)
    assert.equal((await api(c.a, c.editor, { method: 'PATCH', url: `${ARTICLES}/${id}`, payload: { version: await versionOf(c, id), hero_media: image.id } })).statusCode, 200)
    assert.equal((await api(c.a, c.editor, { method: 'POST', url: `${ARTICLES}/${id}/publish` })).statusCode, 200)
    return c.desk(`/desk/media/${image.id}`, { alt: 'New alt', caption: 'New caption', credit: '', focal_x: '0.5', focal_y: '0.5' })
  }, 303, EDITORS],
  ["edit media metadata of someone else's unused image", 'desk form', async (c) => {
    const image = await c.a.services.media.upload({ data: await jpegImage(), filename: 'u.jpg', alt: 'Alt' }, SYSTEM)
    return c.desk(`/desk/media/${image.id}`, { alt: 'New alt', caption: 'New caption', credit: '', focal_x: '0.5', focal_y: '0.5' })
  }, 303, EDITORS],
  ['edit media metadata of an own unused image', 'desk form', async (c) => {
    const image = await c.a.services.media.upload({ data: await jpegImage(), filename: 'o.jpg', alt: 'Alt' }, { userId: c.user.id, role: c.role })
    return c.desk(`/desk/media/${image.id}`, { alt: 'New alt', caption: 'New caption', credit: '', focal_x: '0.5', focal_y: '0.5' })
  }, 303, ALL],
  ['add a translation of own draft', 'desk form', async (c) => c.desk(`/desk/articles/${await own(c)}/translations`, { language: 'ru' }), 303, ALL],
  ['add a translation of own draft', 'Admin API', async (c) => api(c.a, c.user, { method: 'POST', url: `${ARTICLES}/${await own(c)}/translations`, payload: { language: 'ru' } }), 201, ALL],
  ["add a translation of someone else's draft", 'Admin API', async (c) => api(c.a, c.user, { method: 'POST', url: `${ARTICLES}/${await others(c)}/translations`, payload: { language: 'ru' } }), 201, EDITORS],
  ["create a translation of someone else's draft", 'Admin API create', async (c) => api(c.a, c.user, { method: 'POST', url: ARTICLES, payload: { title: title(), section: 'news', language: 'ru', translation_of: await others(c) } }), 201, EDITORS],
  ['link own drafts as translations', 'Admin API', async (c) => {
    const ru = (await createViaApi(c.a, c.user, { title: title(), section: 'news', language: 'ru' })).id
    return api(c.a, c.user, { method: 'POST', url: `${ARTICLES}/${await own(c)}/translation-group`, payload: { translation_of: ru } })
  }, 200, ALL],
  ['link own published article as a translation', 'desk form', async (c) => {
    const ru = (await createViaApi(c.a, c.user, { title: title(), section: 'news', language: 'ru' })).id
    return c.desk(`/desk/articles/${await own(c, 'published')}/translation-group`, { translation_of: String(ru) })
  }, 303, PUBLISHERS],
  ['unlink own published article from its translations', 'desk form', async (c) => {
    const id = await own(c, 'published')
    assert.equal((await api(c.a, c.editor, { method: 'POST', url: `${ARTICLES}/${id}/translations`, payload: { language: 'ru' } })).statusCode, 201)
    return c.desk(`/desk/articles/${id}/translation-group/remove`, {})
  }, 303, PUBLISHERS],
  ['edit media metadata of an own live image', 'desk form', async (c) => {
    const image = await c.a.services.media.upload({ data: await jpegImage(), filename: 'l.jpg', alt: 'Alt' }, { userId: c.user.id, role: c.role })
    const id = await own(c)
    assert.equal((await api(c.a, c.editor, { method: 'PATCH', url: `${ARTICLES}/${id}`, payload: { version: await versionOf(c, id), hero_media: image.id } })).statusCode, 200)
    assert.equal((await api(c.a, c.editor, { method: 'POST', url: `${ARTICLES}/${id}/publish` })).statusCode, 200)
    return c.desk(`/desk/media/${image.id}`, { alt: 'New alt', caption: 'New caption', credit: '', focal_x: '0.5', focal_y: '0.5' })
  }, 303, EDITORS],
  // Housekeeping forms: a refusal is checked precisely; for the allowed roles, that the door lets them through (not 403).
  ['create a tag', 'desk form', (c) => c.desk('/desk/tags', { name: `Tag by ${c.role}`, kind: 'topic' }), 0, EDITORS],
  ['create a section', 'desk form', (c) => c.desk('/desk/sections', { name: `Section ${c.role}`, slug: `section-${c.role}` }), 0, EDITORS],
  ['change settings', 'desk form', (c) => c.desk('/desk/settings', {}), 0, ADMINS],
  ['create a user', 'desk form', (c) => c.desk('/desk/users', { email: `new-${c.role}@news.example`, name: 'New', role: 'author' }), 0, ADMINS],
  ['invite a user', 'desk form', (c) => c.desk('/desk/users/invite', { email: `invited-${c.role}@news.example`, name: 'New', role: 'author' }), 0, ADMINS],
  ['add a webhook', 'desk form', (c) => c.desk('/desk/webhooks', { url: 'https://hooks.example/x', events: 'article.published' }), 0, ADMINS],
  ['create an API token', 'desk form', (c) => c.desk('/desk/account/tokens', { name: `token ${c.role}` }), 0, ALL],

  // The state-changing commands, each beside the desk form that calls the same use-case with the same bad input.
  ['create a user', 'desk form', (c) => c.desk('/desk/users', { email: 'desk-made@news.example', name: 'Desk Made', role: 'author', password: PASSWORD }), 303, ADMINS],
  ['create a user', CLI, (c) => c.cli(['user', 'create', '--email', 'cli-made@news.example', '--name', 'Cli Made', '--role', 'author'], `${PASSWORD}\n`), 0, ADMINS],
  ['create a user with an email in use', 'desk form', (c) => c.desk('/desk/users', { email: 'editor@news.example', name: 'Again', role: 'author', password: PASSWORD }), 409, ADMINS, /a user with the email editor@news.example already exists/],
  ['create a user with an email in use', CLI, (c) => c.cli(['user', 'create', '--email', 'editor@news.example', '--name', 'Again', '--role', 'author'], `${PASSWORD}\n`), 1, ADMINS, /a user with the email editor@news.example already exists/],
  ['create a user with a short password', 'desk form', (c) => c.desk('/desk/users', { email: 'short-desk@news.example', name: 'Short', role: 'author', password: 'short' }), 400, ADMINS, /at least 12 characters/],
  ['create a user with a short password', CLI, (c) => c.cli(['user', 'create', '--email', 'short-cli@news.example', '--name', 'Short', '--role', 'author'], 'short\n'), 1, ADMINS, /at least 12 characters/],
  ["reset a user's password", CLI, (c) => c.cli(['user', 'reset-password', '--email', 'other-author@news.example'], `${PASSWORD} again\n`), 0, ADMINS],
  ["reset a user's password to a short one", CLI, (c) => c.cli(['user', 'reset-password', '--email', 'other-author@news.example'], 'short\n'), 1, ADMINS, /at least 12 characters/],
  ['create an API token', CLI, (c) => c.cli(['token', 'create', '--user', 'editor@news.example', '--name', 'from the shell']), 0, ADMINS],
  ['create an API token with a long name', 'desk form', (c) => c.desk('/desk/account/tokens', { name: 'n'.repeat(101) }), 400, ALL, /at most 100 characters/],
  ['create an API token with a long name', CLI, (c) => c.cli(['token', 'create', '--user', 'editor@news.example', '--name', 'n'.repeat(101)]), 1, ADMINS, /at most 100 characters/],
  ['revoke an API token', CLI, async (c) => c.cli(['token', 'revoke', '--id', String((await c.a.services.accounts.createToken('editor@news.example', 'spare')).id)]), 0, ADMINS],
  ['revoke an unknown API token', CLI, (c) => c.cli(['token', 'revoke', '--id', '999999']), 1, ADMINS, /no active API token 999999/],
  ['add a webhook', CLI, (c) => c.cli(['webhook', 'add', '--url', 'https://hooks.example/cli']), 0, ADMINS],
  ['add a webhook on a private address', 'desk form', (c) => c.desk('/desk/webhooks', { url: 'http://127.0.0.1:9/hook' }), 400, ADMINS, /127.0.0.1 is a private or loopback address/],
  ['add a webhook on a private address', CLI, (c) => c.cli(['webhook', 'add', '--url', 'http://127.0.0.1:9/hook']), 1, ADMINS, /127.0.0.1 is a private or loopback address/],
  ['remove an unknown webhook', 'desk form', (c) => c.desk('/desk/webhooks/999999/remove', {}), 404, ADMINS, /there is no webhook receiver 999999/],
  ['remove an unknown webhook', CLI, (c) => c.cli(['webhook', 'remove', '--id', '999999']), 1, ADMINS, /there is no webhook receiver 999999/],
  ['redeliver an unknown delivery', 'desk form', (c) => c.desk('/desk/webhooks/deliveries/999999/redeliver', {}), 404, ADMINS, /no webhook delivery 999999/],
  ['redeliver an unknown delivery', CLI, (c) => c.cli(['webhook', 'redeliver', '--id', '999999']), 1, ADMINS, /no webhook delivery 999999/],
  ['rotate the preview secret', CLI, (c) => c.cli(['preview', 'rotate-secret']), 0, ADMINS],
  ['import a WordPress export', CLI, (c) => c.cli(['import', 'wordpress', WXR]), 0, ADMINS],
  ['import a file that is not a WordPress export', CLI, (c) => c.cli(['import', 'wordpress', new URL(import.meta.url).pathname]), 1, ADMINS],
]

forEachEngine('every role gets exactly the answers of the permission matrix, from the desk, the Admin API and the command line', async (a) => {
  const n = await apiNewsroom(a)
  const db = databaseOf(a.store)
  const cliEnv = { DATA_DIR: a.config.dataDir, LOG_LEVEL: 'silent', DATABASE_URL: db.engine === 'sqlite' ? `sqlite:${db.file}` : db.url }
  const failures: string[] = []
  for (const role of ROLES) {
    const { session } = await login(a, `${role}@news.example`, 'a long enough password')
    assert.ok(session, `${role} logs in`)
    const home = await a.app.inject({ url: '/desk', headers: { cookie: cookieHeader(session) } })
    const csrf = csrfOf(home.body)
    const c: Ctx = {
      a, role, user: n.users[role], editor: n.users.editor, other: n.otherAuthor,
      desk: (url, form) => postForm(a, url, { ...form, _csrf: csrf }, session),
      autosave: (id, version, fields) => a.app.inject({ method: 'POST', url: `/desk/articles/${id}/autosave`, headers: { cookie: cookieHeader(session) }, payload: { _csrf: csrf, version, fields } }),
      cli: (args, input = '') => {
        const res = runBroadsheet(args, cliEnv, input)
        return { statusCode: res.code ?? -1, body: res.stdout + res.stderr }
      },
    }
    for (const [action, door, run, ok, who, says] of MATRIX) {
      if (door === CLI && role !== 'admin') continue
      const res = await run(c)
      const expected = who[role]
      const pass = expected === 403 ? res.statusCode === 403 : ok === 0 && door !== CLI ? res.statusCode !== 403 && res.statusCode < 500 : res.statusCode === ok
      if (!pass) failures.push(`${role} · ${action} · ${door}: expected ${expected === 403 ? 403 : ok || 'not 403'}, got ${res.statusCode} ${res.body.slice(0, 160)}`)
      else if (expected !== 403 && says && !says.test(res.body)) failures.push(`${role} · ${action} · ${door}: the refusal does not say ${says}: ${res.body.slice(0, 160)}`)
    }
  }
  assert.deepEqual(failures, [])
})
