// Users, sessions, login counters, API tokens, the audit log and the desk list query on both engines (src/store/{users,sessions,audit,desk-articles}.ts).

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'

const NOW = Date.UTC(2026, 10, 27, 9)
const user = (email: string, role: 'contributor' | 'author' | 'editor' | 'admin' = 'editor') => ({ email, name: email.split('@')[0]!, role, passwordHash: 'scrypt$x', createdAt: NOW })

forEachDatabase('users: emails are unique, credentials come with the hash, tokens are found by hash until revoked', async (store) => {
  assert.equal(await store.users.count(), 0)
  const id = await store.users.insert(user('ed@news.example'))
  await assert.rejects(store.users.insert(user('ed@news.example')))
  assert.equal(await store.users.count(), 1)
  assert.deepEqual(await store.users.get(id), { id, email: 'ed@news.example', name: 'ed', role: 'editor', createdAt: NOW, disabled: false })
  assert.equal((await store.users.credentials('ed@news.example'))!.passwordHash, 'scrypt$x')
  assert.equal(await store.users.credentials('nobody@news.example'), undefined)
  const tokenId = await store.users.insertToken({ tokenHash: 'h1', userId: id, name: 'ci', createdAt: NOW })
  assert.equal((await store.users.activeToken('h1'))!.user.id, id)
  await store.users.touchToken(tokenId, NOW + 5)
  assert.equal((await store.users.tokens(id))[0]!.lastUsedAt, NOW + 5)
  assert.equal(await store.users.revokeToken(tokenId, NOW + 10), true)
  assert.equal(await store.users.revokeToken(tokenId, NOW + 11), false)
  assert.equal(await store.users.activeToken('h1'), undefined)
})

forEachDatabase('setup is claimed once and the server secret, once stored, stays', async (store) => {
  assert.equal(await store.transaction((tx) => tx.users.claimSetup(NOW)), true)
  assert.equal(await store.transaction((tx) => tx.users.claimSetup(NOW)), false)
  const first = await store.users.secret('first')
  assert.equal(first, 'first')
  assert.equal(await store.users.secret('second'), 'first')
})

forEachDatabase('sessions: active until expired or revoked, touch slides the expiry, revokeAll ends them all', async (store) => {
  const id = await store.users.insert(user('ed@news.example'))
  await store.sessions.insert({ id: 's1', userId: id, now: NOW, expiresAt: NOW + 1000, userAgent: 'ua', ipHash: 'ip:x' })
  await store.sessions.insert({ id: 's2', userId: id, now: NOW, expiresAt: NOW + 1000, userAgent: 'ua', ipHash: 'ip:x' })
  assert.equal((await store.sessions.active('s1', NOW + 999))!.user.email, 'ed@news.example')
  assert.equal(await store.sessions.active('s1', NOW + 1000), undefined, 'expired')
  await store.sessions.touch('s1', NOW + 900, NOW + 2000)
  assert.equal((await store.sessions.active('s1', NOW + 1500))!.lastSeenAt, NOW + 900)
  assert.equal(await store.sessions.revoke('s1', NOW + 1), true)
  assert.equal(await store.sessions.active('s1', NOW + 2), undefined, 'revoked')
  assert.equal(await store.sessions.revokeAll(id, NOW + 3), 1)
  assert.equal(await store.sessions.active('s2', NOW + 4), undefined)
  assert.equal(await store.sessions.prune(NOW + 5000), 2)
})

forEachDatabase('login counters are stored, replaced and cleared by key', async (store) => {
  assert.equal(await store.sessions.counter('email:a@b.c'), undefined)
  await store.sessions.putCounter('email:a@b.c', { windowStart: NOW, failures: 1, lockedUntil: null })
  await store.sessions.putCounter('email:a@b.c', { windowStart: NOW, failures: 5, lockedUntil: NOW + 900_000 })
  assert.deepEqual(await store.sessions.counter('email:a@b.c'), { windowStart: NOW, failures: 5, lockedUntil: NOW + 900_000 })
  await store.sessions.clearCounter('email:a@b.c')
  assert.equal(await store.sessions.counter('email:a@b.c'), undefined)
})

forEachDatabase('countAttempt counts atomically: of 40 parallel attempts exactly 5 are counted, the rest find the key locked', async (store) => {
  const rule = { now: NOW, limit: 5, windowMs: 900_000, lockMs: 900_000 }
  const results = await Promise.all(Array.from({ length: 40 }, () => store.sessions.countAttempt('email:a@b.c', rule)))
  assert.equal(results.filter((r) => r.counted).length, 5)
  assert.ok(results.every((r) => r.counted ? r.windowStart === NOW : r.lockedUntil === NOW + 900_000))
  assert.deepEqual(await store.sessions.counter('email:a@b.c'), { windowStart: NOW, failures: 5, lockedUntil: NOW + 900_000 })
  assert.equal((await store.sessions.countAttempt('email:a@b.c', { ...rule, now: NOW + 899_999 })).counted, false, 'locked until the lock ends')
  assert.deepEqual(await store.sessions.countAttempt('email:a@b.c', { ...rule, now: NOW + 900_000 }), { counted: true, windowStart: NOW + 900_000 }, 'then it starts again')
})

forEachDatabase('countAttempt starts a new window once the old one has passed; a refund takes back one attempt and its lock', async (store) => {
  const rule = { now: NOW, limit: 3, windowMs: 60_000, lockMs: 600_000 }
  await store.sessions.countAttempt('ip:x', rule)
  await store.sessions.countAttempt('ip:x', { ...rule, now: NOW + 1000 })
  assert.deepEqual(await store.sessions.counter('ip:x'), { windowStart: NOW, failures: 2, lockedUntil: null })
  assert.deepEqual(await store.sessions.countAttempt('ip:x', { ...rule, now: NOW + 60_000 }), { counted: true, windowStart: NOW + 60_000 })
  assert.deepEqual(await store.sessions.counter('ip:x'), { windowStart: NOW + 60_000, failures: 1, lockedUntil: null })
  await store.sessions.countAttempt('ip:x', { ...rule, now: NOW + 61_000 })
  await store.sessions.countAttempt('ip:x', { ...rule, now: NOW + 62_000 })
  assert.deepEqual(await store.sessions.counter('ip:x'), { windowStart: NOW + 60_000, failures: 3, lockedUntil: NOW + 662_000 })
  await store.sessions.refundAttempt('ip:x', NOW)
  assert.equal((await store.sessions.counter('ip:x'))!.failures, 3, 'a refund for an older window changes nothing')
  await store.sessions.refundAttempt('ip:x', NOW + 60_000)
  assert.deepEqual(await store.sessions.counter('ip:x'), { windowStart: NOW + 60_000, failures: 2, lockedUntil: null })
})

forEachDatabase('the audit log keeps entries newest first with their details', async (store) => {
  const id = await store.users.insert(user('ad@news.example', 'admin'))
  await store.audit.record({ userId: id, action: 'user.create', subjectType: 'user', subjectId: '7', details: { role: 'author' }, at: NOW })
  await store.audit.record({ userId: null, action: 'user.reset-password', subjectType: 'user', subjectId: '7', details: {}, at: NOW + 1 })
  const entries = await store.audit.list({ limit: 10 })
  assert.deepEqual(entries.map((e) => e.action), ['user.reset-password', 'user.create'])
  assert.deepEqual(entries[1]!.details, { role: 'author' })
  assert.deepEqual((await store.audit.list({ limit: 10, userId: id })).map((e) => e.subjectId), ['7'])
})

forEachDatabase('the desk list filters working copies by status, section, byline, text and creator, and pages with limit + 1', async (store) => {
  await seedTaxonomy(store)
  const uid = await store.users.insert(user('c@news.example', 'contributor'))
  const draft = await seedArticle(store, { title: 'Draft about 50% of_energy', draft: true }, NOW)
  const live = await seedArticle(store, { title: 'Live opinion', section: 'opinion', authors: ['newsroom'] }, NOW + 1)
  await store.deskArticles.setCreatedBy(draft, uid)
  const list = (q: object) => store.deskArticles.list({ page: 1, perPage: 10, ...q }).then((p) => p.items.map((i) => i.id))
  assert.deepEqual(await list({}), [live, draft])
  assert.deepEqual(await list({ status: 'draft' }), [draft])
  assert.deepEqual(await list({ sectionId: (await store.taxonomy.sectionBySlug('opinion'))!.id }), [live])
  assert.deepEqual(await list({ authorId: (await store.people.authorBySlug('newsroom'))!.id }), [live])
  assert.deepEqual(await list({ text: '50%' }), [draft])
  assert.deepEqual(await list({ text: 'of_e' }), [draft])
  assert.deepEqual(await list({ text: 'f_e' }), [draft])
  assert.deepEqual(await list({ text: 'o%o' }), [])
  assert.deepEqual(await list({ createdBy: uid }), [draft])
  const page = await store.deskArticles.list({ page: 1, perPage: 1 })
  assert.equal(page.hasNext, true)
  assert.equal((await store.deskArticles.list({ page: 2, perPage: 1 })).hasNext, false)
  const item = (await store.deskArticles.list({ page: 1, perPage: 10, createdBy: uid })).items[0]!
  assert.equal(item.creatorName, 'c')
  assert.deepEqual(item.authors, ['Aigerim Sadykova'])
  assert.equal(await store.deskArticles.createdBy(draft), uid)
  assert.equal(await store.deskArticles.createdBy(live), null)
  assert.equal(await store.deskArticles.createdBy(999_999), undefined)
})
