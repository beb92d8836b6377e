// Managing receivers and the delivery log: URL checks, one-time secrets, removal, log filters, redelivery (src/editorial/webhooks.ts).

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { scratchStore } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { NOW } from '../support/editing.ts'
import { addReceiver, deactivateReceiver, deliveryLog, listReceivers, redeliver } from '../../src/editorial/webhooks.ts'
import { isPrivateAddress, parseReceiverUrl } from '../../src/editorial/webhook-address.ts'
import { isAppError, type ErrorKind } from '../../src/errors.ts'

const isKind = (kind: ErrorKind, field?: string) => (err: unknown) => isAppError(err) && err.kind === kind && (field === undefined || err.field === field)

test('private, loopback, link-local and reserved addresses are recognised, v4-mapped ones too', () => {
  for (const ip of ['127.0.0.1', '10.0.0.8', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '[::1]']) {
    assert.equal(isPrivateAddress(ip), true, ip)
  }
  for (const ip of ['8.8.8.8', '172.32.0.1', '93.184.216.34', '2606:4700::1111', 'example.com', '']) assert.equal(isPrivateAddress(ip), false, ip)
})

test('receiver URLs: only absolute http(s) without credentials; private hosts only when allowed', () => {
  assert.equal(parseReceiverUrl('  https://hooks.example.com/in?x=1 ', false).href, 'https://hooks.example.com/in?x=1')
  assert.equal(parseReceiverUrl('http://127.0.0.1:8080/hook', true).href, 'http://127.0.0.1:8080/hook')
  for (const [raw, message] of [
    ['', /empty/], ['hooks.example.com/in', /not an absolute URL/], ['ftp://hooks.example.com/', /only over http or https, not ftp/],
    ['javascript:alert(1)', /not javascript/], ['https://user:pw@hooks.example.com/', /user name or password/],
    ['https://hooks.example.com/#frag', /fragment/], [`https://hooks.example.com/${'a'.repeat(2000)}`, /longer than 2000/],
    ['http://127.0.0.1/hook', /127\.0\.0\.1 is a private or loopback address; set WEBHOOK_ALLOW_PRIVATE=1/],
    ['http://localhost:3000/hook', /localhost is a private/], ['http://api.localhost/hook', /private/],
    ['http://[::1]/hook', /\[::1\] is a private/], ['http://169.254.169.254/latest/meta-data/', /private/],
    ['http://2130706433/', /127\.0\.0\.1 is a private/], ['http://0x7f.1/', /127\.0\.0\.1 is a private/],
    ['http://[::ffff:10.0.0.1]/', /private/],
  ] as const) {
    assert.throws(() => parseReceiverUrl(raw, false), (err: unknown) => isKind('Invalid', 'url')(err) && message.test((err as Error).message), raw.slice(0, 60))
  }
})

test('adding a receiver returns a fresh 32-byte secret once; the list never shows it', async (t) => {
  const store = await scratchStore(t, 'sqlite')
  const a = await store.transaction((tx) => addReceiver(tx, 'https://hooks.example.com/in', { now: NOW, allowPrivate: false }))
  const b = await store.transaction((tx) => addReceiver(tx, 'https://other.example.org/hook', { now: NOW, allowPrivate: false }))
  assert.match(a.secret, /^[0-9a-f]{64}$/)
  assert.notEqual(a.secret, b.secret)
  const list = await store.transaction((tx) => listReceivers(tx))
  assert.deepEqual(list, [
    { id: a.id, url: 'https://hooks.example.com/in', active: true, createdAt: NOW, deactivatedAt: null },
    { id: b.id, url: 'https://other.example.org/hook', active: true, createdAt: NOW, deactivatedAt: null },
  ])
  assert.ok(!JSON.stringify(list).includes(a.secret))
  await assert.rejects(store.transaction((tx) => addReceiver(tx, 'http://10.0.0.5/hook', { now: NOW, allowPrivate: false })), isKind('Invalid', 'url'))
  assert.equal((await store.transaction((tx) => listReceivers(tx))).length, 2, 'a refused URL adds nothing')
})

test('removing a receiver: unknown is NotFound, twice is Conflict, and it lists as inactive', async (t) => {
  const store = await scratchStore(t, 'sqlite')
  const { id } = await store.transaction((tx) => addReceiver(tx, 'https://hooks.example.com/in', { now: NOW, allowPrivate: false }))
  await store.transaction((tx) => deactivateReceiver(tx, id, { now: NOW + 1 }))
  await assert.rejects(store.transaction((tx) => deactivateReceiver(tx, id, { now: NOW + 2 })), isKind('Conflict'))
  await assert.rejects(store.transaction((tx) => deactivateReceiver(tx, 4242, { now: NOW })), isKind('NotFound'))
  await assert.rejects(store.transaction((tx) => deactivateReceiver(tx, -1, { now: NOW })), isKind('Invalid', 'id'))
  const [r] = await store.transaction((tx) => listReceivers(tx))
  assert.equal(r?.active, false)
  assert.equal(r?.deactivatedAt, NOW + 1)
})

test('the delivery log validates its filters and redelivery queues the same event again', async (t) => {
  const store = await scratchStore(t, 'sqlite')
  await seedTaxonomy(store)
  const receiver = await store.transaction((tx) => addReceiver(tx, 'https://hooks.example.com/in', { now: NOW, allowPrivate: false }))
  await seedArticle(store)
  await assert.rejects(store.transaction((tx) => deliveryLog(tx, { status: 'lost' })), isKind('Invalid', 'status'))
  for (const limit of [0, 501, 1.5, Number.NaN]) await assert.rejects(store.transaction((tx) => deliveryLog(tx, { limit })), isKind('Invalid', 'limit'), String(limit))
  await assert.rejects(store.transaction((tx) => deliveryLog(tx, { receiverId: 0 })), isKind('Invalid', 'receiver'))
  const [original] = await store.transaction((tx) => deliveryLog(tx, { status: 'pending', receiverId: receiver.id }))
  assert.ok(original)
  const again = await store.transaction((tx) => redeliver(tx, original.id, { now: NOW + 5 }))
  const log = await store.transaction((tx) => deliveryLog(tx))
  assert.deepEqual(log.map((d) => d.id), [again, original.id])
  assert.equal(log[0]?.eventId, original.eventId)
  assert.equal(log[0]?.attempts, 0)
  assert.equal(log[0]?.nextAttemptAt, NOW + 5)
  assert.deepEqual((await store.transaction((tx) => deliveryLog(tx, { beforeId: again }))).map((d) => d.id), [original.id])
  await assert.rejects(store.transaction((tx) => redeliver(tx, 999, { now: NOW })), isKind('NotFound'))
  await store.transaction((tx) => deactivateReceiver(tx, receiver.id, { now: NOW + 6 }))
  await assert.rejects(store.transaction((tx) => redeliver(tx, original.id, { now: NOW + 7 })), isKind('Conflict'))
})
