// One answer from every door: the same action through the desk (session and CSRF), the Admin API (bearer token), the
// use-case that the API would call, and the command line gives the same permission answer for a permitted and a
// forbidden role, and leaves the same audit record. Each door runs on its own app over an identically seeded newsroom,
// so the records can be compared whole (action, subject and details), on both engines.

import assert from 'node:assert/strict'
import type { TestContext } from 'node:test'
import { forEachEngine, databaseOf, type Engine } from '../support/databases.ts'
import { deskNewsroom } from '../support/desk-newsroom.ts'
import { api } from '../support/admin-api.ts'
import { runBroadsheet, tempDir } from '../support/processes.ts'
import type { Actor } from '../../src/editorial/editing.ts'
import type { AuditEntry } from '../../src/store/audit.ts'
import type { SiteSettingsForm } from '../../src/domain/site.ts'

const ARTICLES = '/api/v1/admin/articles'

/** What two doors must agree on; `withUser` false for the command line, which acts as no desk user. */
const recordOf = (e: AuditEntry | undefined, withUser = true) =>
  e && { ...(withUser && { userId: e.userId }), action: e.action, subjectType: e.subjectType, subjectId: e.subjectId, details: e.details }

/** A newsroom with the users' actors and API tokens. */
async function door(t: TestContext, engine: Engine) {
  const d = await deskNewsroom(t, engine)
  const users = await d.a.store.users.list()
  const actor = (role: string): Actor => {
    const u = users.find((x) => x.role === role && x.email !== 'owner@news.example') ?? users.find((x) => x.role === role)!
    return { userId: u.id, role: u.role }
  }
  const token = async (email: string) => (await d.a.services.accounts.createToken(email, 'doors')).token
  const tokens = { editor: await token('editor@news.example'), contributor: await token('contributor@news.example') }
  const call = (who: keyof typeof tokens, method: 'POST' | 'DELETE', url: string, payload?: object) =>
    api(d.a, { id: 0, token: tokens[who], tokenId: 0 }, { method, url, ...(payload && { payload }) })
  const last = async (action?: string) => (await d.a.store.audit.list({ limit: 1, ...(action !== undefined && { action }) }))[0]
  const count = async () => (await d.a.store.audit.list({ limit: 10_000 })).length
  return { d, actor, call, last, count }
}
type Door = Awaited<ReturnType<typeof door>>

/** Runs a forbidden attempt on two doors: both refuse with 403 and record nothing. */
async function bothRefuse(what: string, viaDesk: [Door, () => Promise<{ statusCode: number }>], viaOther: [Door, () => Promise<{ statusCode: number } | 'Forbidden'>]) {
  const [dd, desk] = viaDesk, [od, other] = viaOther
  const before = [await dd.count(), await od.count()]
  const a = await desk(), b = await other()
  assert.equal(a.statusCode, 403, `${what}: the desk refuses`)
  assert.equal(b === 'Forbidden' ? 403 : b.statusCode, 403, `${what}: the other door refuses`)
  assert.deepEqual([await dd.count(), await od.count()], before, `${what}: nothing recorded`)
}

/** Runs a permitted action on two doors and compares the records they leave. */
async function bothRecord(what: string, action: string, viaDesk: [Door, () => Promise<{ statusCode: number; body: string }>], viaOther: [Door, () => Promise<unknown>]) {
  const res = await viaDesk[1]()
  assert.ok(res.statusCode < 400, `${what} on the desk: ${res.statusCode} ${res.body.slice(0, 300)}`)
  const out = await viaOther[1]()
  if (out && typeof out === 'object' && 'statusCode' in out) assert.ok((out as { statusCode: number }).statusCode < 400, `${what} through the other door: ${JSON.stringify(out).slice(0, 300)}`)
  const [a, b] = [await viaDesk[0].last(), await viaOther[0].last()]
  assert.equal(a?.action, action, `${what}: the desk's record`)
  assert.deepEqual(recordOf(a), recordOf(b), `${what}: the same record from both doors`)
}

const refused = (p: Promise<unknown>): Promise<'Forbidden' | { statusCode: number }> =>
  p.then(() => ({ statusCode: 200 }), (e: { kind?: string }) => (e.kind === 'Forbidden' ? 'Forbidden' : Promise.reject(e)))

forEachEngine('publish, schedule, unpublish and delete: the desk and the Admin API give the same answer and the same record', async (t, engine) => {
  const desk = await door(t, engine), viaApi = await door(t, engine)
  const input = { title: 'Election statement', section: 'news', standfirst: 'A standfirst.', bodyHtml: '<p>Text.</p>', authors: ['aigerim-sadykova'] }
  const draft = async (x: Door, title: string) => (await x.d.a.services.editing.create({ ...input, title }, x.actor('contributor'))).id
  const [one, two] = [await draft(desk, 'One'), await draft(desk, 'Two')]
  assert.deepEqual([await draft(viaApi, 'One'), await draft(viaApi, 'Two')], [one, two], 'the same ids on both apps')
  const at = new Date(desk.d.a.clock.now() + 86_400_000)
  const asDesk = (url: string, form: Record<string, string>, who: 'editor' | 'contributor') =>
    () => desk.d.post(url, form, who === 'editor' ? desk.d.editor : desk.d.contributor)

  await bothRefuse('a contributor publishing', [desk, asDesk(`/desk/articles/${one}/status`, { to: 'published' }, 'contributor')],
    [viaApi, () => viaApi.call('contributor', 'POST', `${ARTICLES}/${one}/publish`)])
  await bothRefuse('a contributor scheduling', [desk, asDesk(`/desk/articles/${one}/status`, { to: 'scheduled', at: at.toISOString().slice(0, 16) }, 'contributor')],
    [viaApi, () => viaApi.call('contributor', 'POST', `${ARTICLES}/${one}/publish`, { at: at.toISOString() })])
  await bothRecord('an editor publishing', 'article.publish', [desk, asDesk(`/desk/articles/${one}/status`, { to: 'published' }, 'editor')],
    [viaApi, () => viaApi.call('editor', 'POST', `${ARTICLES}/${one}/publish`)])
  await bothRecord('an editor scheduling', 'article.schedule', [desk, asDesk(`/desk/articles/${two}/status`, { to: 'scheduled', at: at.toISOString().slice(0, 16) }, 'editor')],
    [viaApi, () => viaApi.call('editor', 'POST', `${ARTICLES}/${two}/publish`, { at: at.toISOString() })])
  await bothRefuse('a contributor unpublishing', [desk, asDesk(`/desk/articles/${one}/status`, { to: 'unpublished', confirm: 'yes' }, 'contributor')],
    [viaApi, () => viaApi.call('contributor', 'POST', `${ARTICLES}/${one}/unpublish`)])
  await bothRefuse('a contributor deleting their published article', [desk, asDesk(`/desk/articles/${one}/delete`, { confirm: 'yes' }, 'contributor')],
    [viaApi, () => viaApi.call('contributor', 'DELETE', `${ARTICLES}/${one}`)])
  await bothRecord('an editor unpublishing', 'article.unpublish', [desk, asDesk(`/desk/articles/${one}/status`, { to: 'unpublished', confirm: 'yes' }, 'editor')],
    [viaApi, () => viaApi.call('editor', 'POST', `${ARTICLES}/${one}/unpublish`)])
  await bothRecord('an editor deleting', 'article.delete', [desk, asDesk(`/desk/articles/${one}/delete`, { confirm: 'yes' }, 'editor')],
    [viaApi, () => viaApi.call('editor', 'DELETE', `${ARTICLES}/${one}`)])
})

forEachEngine('sections, tags, curation and settings: the desk answers as the use-case does, for a permitted and a forbidden role', async (t, engine) => {
  const desk = await door(t, engine), service = await door(t, engine)
  const s = service.d.a.services
  const post = (url: string, form: Record<string, string>, cookies = desk.d.editor) => () => desk.d.post(url, form, cookies)
  const section = { name: 'Dispatches', slug: 'dispatches', description: '' }
  const tag = { name: 'Sanctions', slug: 'sanctions', kind: 'topic', parent: '', isoCode: '', description: '' }

  await bothRefuse('an author creating a section', [desk, post('/desk/sections', section, desk.d.author)], [service, () => refused(s.taxonomyDesk.createSection(service.actor('author'), section))])
  await bothRecord('an editor creating a section', 'section.create', [desk, post('/desk/sections', section)], [service, () => s.taxonomyDesk.createSection(service.actor('editor'), section)])
  await bothRefuse('a contributor creating a tag', [desk, post('/desk/tags', tag, desk.d.contributor)], [service, () => refused(s.taxonomyDesk.createTag(service.actor('contributor'), tag))])
  await bothRecord('an editor creating a tag', 'tag.create', [desk, post('/desk/tags', tag)], [service, () => s.taxonomyDesk.createTag(service.actor('editor'), tag)])

  const pick = String(desk.d.news.lead)
  await bothRefuse('an author curating', [desk, post('/desk/front/picks/add', { article: pick }, desk.d.author)], [service, () => refused(s.curation.addPick(service.actor('author'), pick))])
  await bothRecord('an editor adding a pick', 'front.pick-add', [desk, post('/desk/front/picks/add', { article: pick })], [service, () => s.curation.addPick(service.actor('editor'), pick)])
  await bothRecord('an editor pinning the lead', 'front.lead-pin', [desk, post('/desk/front/lead', { lead: pick })], [service, () => s.curation.pinLead(service.actor('editor'), pick)])

  const form = { name: 'The Courier', description: 'News from the steppe', language: 'en' }
  const settings: SiteSettingsForm = {
    ...form, social: {}, logo: '',
  }
  await bothRefuse('an editor changing the settings', [desk, post('/desk/settings', form)], [service, () => refused(s.siteAdmin.save(service.actor('editor'), settings))])
  await bothRecord('the owner changing the settings', 'settings.update', [desk, post('/desk/settings', form, desk.d.owner)], [service, () => s.siteAdmin.save(service.actor('admin'), settings)])
})

/** The command line on `x`'s database, as a child process: its exit code and output. */
async function cli(t: TestContext, x: Door, args: string[], input = '') {
  const db = databaseOf(x.d.a.store)
  const env = { DATA_DIR: await tempDir(t), DATABASE_URL: db.engine === 'postgres' ? db.url : `sqlite:${db.file}` }
  const res = runBroadsheet(args, env, input)
  return { statusCode: res.code === 0 ? 200 : 500, body: res.stderr + res.stdout }
}

forEachEngine('users, tokens and webhooks: the desk refuses roles that may not, and leaves the command line\'s record with its user', async (t, engine) => {
  const desk = await door(t, engine), shell = await door(t, engine)
  const post = (url: string, form: Record<string, string>, cookies = desk.d.owner) => () => desk.d.post(url, form, cookies)
  const user = { name: 'Nurlan Reporter', email: 'nurlan@news.example', role: 'author' }
  /** The desk's record and the command line's agree but for the user: the shell's operator is no desk user. */
  async function same(what: string, action: string, viaDesk: () => Promise<{ statusCode: number; body: string }>, viaShell: () => Promise<{ statusCode: number; body: string }>) {
    const a = await viaDesk()
    assert.ok(a.statusCode < 400, `${what} on the desk: ${a.statusCode} ${a.body.slice(0, 300)}`)
    const b = await viaShell()
    assert.equal(b.statusCode, 200, `${what} on the command line: ${b.body}`)
    // A new user's own byline is recorded after it (author.create): the action's own record is compared.
    const [fromDesk, fromShell] = [await desk.last(action), await shell.last(action)]
    assert.equal(fromDesk?.action, action)
    assert.deepEqual(recordOf(fromShell, false), recordOf(fromDesk, false), `${what}: the same record`)
    assert.deepEqual([fromDesk?.userId, fromShell?.userId], [desk.actor('admin').userId, null])
  }

  const before = await desk.count()
  assert.equal((await post('/desk/users', { ...user, password: 'a long enough password' }, desk.d.editor)()).statusCode, 403, 'an editor may not add users')
  assert.equal((await post('/desk/webhooks', { url: 'https://hooks.example.com/in' }, desk.d.editor)()).statusCode, 403, 'nor add webhooks')
  assert.equal(await desk.count(), before, 'refusals record nothing')

  await same('adding a user', 'user.create', post('/desk/users', { ...user, password: 'a long enough password' }),
    () => cli(t, shell, ['user', 'create', '--email', user.email, '--name', user.name, '--role', user.role], 'a long enough password\n'))
  await same('adding a webhook receiver', 'webhook.add', post('/desk/webhooks', { url: 'https://hooks.example.com/in' }),
    () => cli(t, shell, ['webhook', 'add', '--url', 'https://hooks.example.com/in']))
  const receiver = String((await desk.d.a.store.webhooks.receivers())[0]!.id)
  await same('removing a webhook receiver', 'webhook.remove', post(`/desk/webhooks/${receiver}/remove`, {}), () => cli(t, shell, ['webhook', 'remove', '--id', receiver]))
  // The owner's own token, revoked on the account page and from the shell.
  const own = async (x: Door) => (await x.d.a.services.accounts.createToken('owner@news.example', 'laptop')).id
  const [a, b] = [await own(desk), await own(shell)]
  assert.equal(a, b)
  await same('revoking a token', 'token.revoke', post(`/desk/account/tokens/${a}/revoke`, {}), () => cli(t, shell, ['token', 'revoke', '--id', String(b)]))
})
