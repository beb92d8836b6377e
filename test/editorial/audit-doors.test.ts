// The same change through the desk form, the Admin API and the command line leaves the same audit record (actor,
// action, target), written by the use-case inside the change's own transaction, on both engines.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import path from 'node:path'
import { forEachEngine } from '../support/databases.ts'
import { deskNewsroom, type DeskNewsroom } from '../support/desk-newsroom.ts'
import { cookieHeader, csrfOf } from '../support/desk.ts'
import { api, type ApiUser } from '../support/admin-api.ts'
import { jpegImage } from '../support/images.ts'
import { tempDir } from '../support/processes.ts'
import { seedArticle } from '../support/seed.ts'
import { webhookCommand } from '../../src/cli/webhooks.ts'
import { transition } from '../../src/editorial/workflow.ts'
import { publishDue } from '../../src/editorial/scheduling.ts'
import { openStore } from '../../src/store/store.ts'
import type { AuditEntry } from '../../src/store/audit.ts'

const ARTICLES = '/api/v1/admin/articles'
const FORM = { title: 'Vote counted', standfirst: 'A standfirst.', body: '<p>Counting began.</p>', section: 'news', genre: 'news', tags: '' }

/** What must match across doors: who, what, to which kind of thing. */
const record = (e: AuditEntry | undefined) => e && { userId: e.userId, action: e.action, subjectType: e.subjectType }

async function doors(d: DeskNewsroom) {
  const { token } = await d.a.services.accounts.createToken('editor@news.example', 'doors')
  const user: ApiUser = { id: d.editorId, token, tokenId: 0 }
  const last = async (): Promise<AuditEntry> => (await d.a.store.audit.list({ limit: 1 }))[0]!
  /** Runs `desk` then `viaApi` on their own articles and checks both left `action` on their article, by the editor. */
  async function same(action: string, desk: () => Promise<{ statusCode: number; body: string }>, deskId: number,
    viaApi: () => Promise<{ statusCode: number; body: string }>, apiId: number): Promise<void> {
    const fromDesk = await desk()
    assert.ok(fromDesk.statusCode < 400, `${action} on the desk: ${fromDesk.statusCode} ${fromDesk.body.slice(0, 300)}`)
    const deskEntry = await last()
    const fromApi = await viaApi()
    assert.ok(fromApi.statusCode < 400, `${action} through the API: ${fromApi.statusCode} ${fromApi.body.slice(0, 300)}`)
    const apiEntry = await last()
    const expected = { userId: d.editorId, action, subjectType: 'article' }
    assert.deepEqual(record(deskEntry), expected, `${action} from the desk`)
    assert.deepEqual(record(apiEntry), expected, `${action} from the Admin API`)
    assert.deepEqual([deskEntry.subjectId, apiEntry.subjectId], [String(deskId), String(apiId)], `${action}: the targets`)
  }
  return { user, last, same }
}

forEachEngine('desk and Admin API leave the same audit records for every article change, from creation to deletion for good', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const { user, last, same } = await doors(d)
  const post = (url: string, form: Record<string, string>) => d.post(url, form)
  const call = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => api(d.a, user, { method, url, ...(payload && { payload }) })

  // create
  const created = await post('/desk/articles', FORM)
  const x = Number(/\/articles\/(\d+)\//.exec(created.headers.location as string)![1])
  assert.deepEqual(record(await last()), { userId: d.editorId, action: 'article.create', subjectType: 'article' })
  assert.equal((await last()).subjectId, String(x))
  const y = (await call('POST', ARTICLES, { title: 'Vote counted again', section: 'news' })).json().id as number
  assert.deepEqual([record(await last()), (await last()).subjectId], [{ userId: d.editorId, action: 'article.create', subjectType: 'article' }, String(y)])

  const version = async (id: number) => String((await d.a.store.articles.get(id))!.version)
  const at = new Date(d.a.clock.now() + 86_400_000)
  await same('article.save', async () => post(`/desk/articles/${x}`, { ...FORM, title: 'Vote counted, saved', version: await version(x) }), x,
    async () => call('PATCH', `${ARTICLES}/${y}`, { version: Number(await version(y)), title: 'Saved too' }), y)
  await same('article.schedule', () => post(`/desk/articles/${x}/status`, { to: 'scheduled', at: at.toISOString().slice(0, 16) }), x,
    () => call('POST', `${ARTICLES}/${y}/publish`, { at: at.toISOString() }), y)
  await post(`/desk/articles/${x}/status`, { to: 'draft' })
  assert.equal((await last()).action, 'article.unschedule')
  await post(`/desk/articles/${x}/status`, { to: 'in_review' })
  assert.equal((await last()).action, 'article.submit')
  await same('article.publish', () => post(`/desk/articles/${x}/status`, { to: 'published' }), x, () => call('POST', `${ARTICLES}/${y}/publish`), y)
  await post(`/desk/articles/${x}`, { ...FORM, title: 'Vote counted, corrected', version: await version(x) })
  await call('PATCH', `${ARTICLES}/${y}`, { version: Number(await version(y)), title: 'Corrected too' })
  await same('article.update', () => post(`/desk/articles/${x}/status`, { to: 'published' }), x, () => call('POST', `${ARTICLES}/${y}/publish`), y)
  await same('article.unpublish', () => post(`/desk/articles/${x}/status`, { to: 'unpublished', confirm: 'yes' }), x, () => call('POST', `${ARTICLES}/${y}/unpublish`), y)
  await same('article.delete', () => post(`/desk/articles/${x}/delete`, { confirm: 'yes' }), x, () => call('DELETE', `${ARTICLES}/${y}`), y)
  await same('article.restore', () => post(`/desk/trash/${x}/restore`, {}), x, () => call('POST', `${ARTICLES}/${y}/restore`), y)
  await post(`/desk/articles/${x}/delete`, { confirm: 'yes' })
  await call('DELETE', `${ARTICLES}/${y}`)
  await same('article.delete-forever', () => post(`/desk/trash/${x}/delete`, { confirm: 'yes' }), x, () => call('DELETE', `${ARTICLES}/${y}/forever`), y)
})

/** A multipart body with one image, as browsers and API clients send it. */
function imageBody(data: Buffer, fields: Record<string, string> = {}): { payload: Buffer; type: string } {
  const b = '----doors' + Math.random().toString(16).slice(2)
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="m.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), data, Buffer.from(`\r\n--${b}--\r\n`))
  return { payload: Buffer.concat(parts), type: `multipart/form-data; boundary=${b}` }
}

forEachEngine('media uploads, edits and deletions are audited with their user from the desk and the Admin API alike', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const { user, last } = await doors(d)
  const csrf = csrfOf((await d.get('/desk/media', d.editor)).body)
  const image = await jpegImage()
  const viaDesk = imageBody(image, { alt: 'A ballot box' })
  const up = await d.a.app.inject({ method: 'POST', url: `/desk/media?_csrf=${encodeURIComponent(csrf)}`, payload: viaDesk.payload, headers: { 'content-type': viaDesk.type, cookie: cookieHeader(d.editor) } })
  assert.equal(up.statusCode, 303, up.body)
  const deskEntry = await last()
  const viaApi = imageBody(image, { alt: 'A ballot box' })
  const apiUp = await api(d.a, user, { method: 'POST', url: '/api/v1/admin/media', payload: viaApi.payload, headers: { 'content-type': viaApi.type } })
  assert.equal(apiUp.statusCode, 201, apiUp.body)
  const apiEntry = await last()
  for (const e of [deskEntry, apiEntry]) assert.deepEqual(record(e), { userId: d.editorId, action: 'media.upload', subjectType: 'media' })
  assert.equal(apiEntry.subjectId, String(apiUp.json().id))
  const id = Number(deskEntry.subjectId)
  assert.equal((await d.post(`/desk/media/${id}`, { alt: 'A ballot box in a gym', caption: '', credit: '', focal_x: '0.5', focal_y: '0.5' })).statusCode, 303)
  assert.deepEqual([record(await last()), (await last()).subjectId], [{ userId: d.editorId, action: 'media.update', subjectType: 'media' }, String(id)])
  assert.equal((await d.post(`/desk/media/${id}/delete`, {})).statusCode, 303)
  assert.deepEqual([record(await last()), (await last()).subjectId], [{ userId: d.editorId, action: 'media.delete', subjectType: 'media' }, String(id)])
})

forEachEngine('a change that fails or rolls back leaves no audit record: the record is written in the change\'s transaction', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const id = await seedArticle(d.a.store, { draft: true })
  const before = (await d.a.store.audit.list({ limit: 100 })).length
  // Refused: a contributor publishing someone else's draft.
  const refused = await d.post(`/desk/articles/${id}/status`, { to: 'published' }, d.contributor)
  assert.equal(refused.statusCode, 403)
  // Rolled back after the use-case wrote everything: the publication and its record go together.
  await assert.rejects(d.a.store.transaction(async (tx) => {
    await transition(tx, { articleId: id, to: 'published', userRole: 'editor', userIsCreator: false, userId: d.editorId, now: d.a.clock.now(), siteLanguage: 'en' })
    assert.equal((await tx.audit.list({ limit: 1 }))[0]?.action, 'article.publish', 'written inside the transaction')
    throw new Error('rolled back')
  }), /rolled back/)
  assert.equal((await d.a.store.articles.get(id))!.status, 'draft')
  assert.equal((await d.a.store.audit.list({ limit: 100 })).length, before)
})

test('webhook receivers added on the desk and from the command line leave the same record; the command line acts as no desk user', async (t) => {
  const d = await deskNewsroom(t, 'sqlite')
  const url = 'https://hooks.example.com/broadsheet'
  const added = await d.post('/desk/webhooks', { url }, d.owner)
  assert.equal(added.statusCode, 201, 'the page that shows the secret once')
  const desk = (await d.a.store.audit.list({ limit: 1 }))[0]!
  const owner = (await d.a.store.users.list()).find((u) => u.role === 'admin')!
  const dir = await tempDir(t)
  assert.equal(await webhookCommand(['add', '--url', url], { DATA_DIR: dir, LOG_LEVEL: 'silent' }), 0)
  const store = await openStore({ engine: 'sqlite', file: path.join(dir, 'broadsheet.db') })
  t.after(() => store.close())
  const cli = (await store.audit.list({ limit: 1 }))[0]!
  assert.deepEqual(record(desk), { userId: owner.id, action: 'webhook.add', subjectType: 'webhook' })
  assert.deepEqual(record(cli), { userId: null, action: 'webhook.add', subjectType: 'webhook' })
  assert.deepEqual([desk.details.url, cli.details.url], [url, url])
  assert.equal(desk.subjectId, String((await d.a.store.webhooks.receivers())[0]!.id))
})

forEachEngine('scheduled publishing records its publication as the system, after the scheduling user\'s own record', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const id = await seedArticle(d.a.store, { draft: true })
  const at = d.a.clock.now() + 3_600_000
  await d.a.services.editing.transition(id, 'scheduled', { userId: d.editorId, role: 'editor' }, at)
  const report = await publishDue(d.a.store, at, { siteLanguage: 'en' })
  assert.deepEqual(report.published, [id])
  const [published, scheduled] = await d.a.store.audit.list({ limit: 2 })
  assert.deepEqual([published!.userId, published!.action, published!.subjectId, published!.details.scheduled], [null, 'article.publish', String(id), true])
  assert.deepEqual([scheduled!.userId, scheduled!.action, scheduled!.subjectId], [d.editorId, 'article.schedule', String(id)])
})
