// Webhook receivers: every IPv6 spelling of a loopback or private IPv4 address is refused (src/editorial/webhook-address.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { embeddedIpv4, isPrivateAddress, parseReceiverUrl } from '../../src/editorial/webhook-address.ts'

// Each IPv6 form of 127.0.0.1, 10.0.0.1, 192.168.1.1 and 169.254.169.254 that reaches that IPv4 host.
const PRIVATE_SPELLINGS = [
  '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:a9fe:a9fe', '0:0:0:0:0:ffff:192.168.1.1', // IPv4-mapped
  '::ffff:0:127.0.0.1', '::ffff:0:a00:1', // IPv4-translated (SIIT)
  '::127.0.0.1', '::7f00:1', '::10.0.0.1', '::169.254.169.254', '0:0:0:0:0:0:c0a8:101', // IPv4-compatible
  '64:ff9b::127.0.0.1', '64:ff9b::7f00:1', '64:ff9b::a00:1', '64:ff9b::169.254.169.254', '64:ff9b:0:0:0:0:c0a8:101', // NAT64
  '64:ff9b:1::8.8.8.8', // local-use NAT64 (RFC 8215): all of it
  '2002:7f00:1::', '2002:7f00:0001:0:0:0:0:1', '2002:a00:1::1', '2002:c0a8:101::', '2002:a9fe:a9fe::1', // 6to4
  '2001:0:808:808:0:0:80ff:fffe', // Teredo, client 127.0.0.1 (inverted) behind server 8.8.8.8
  '2001:0:a00:1:0:0:f7f7:f7f7', // Teredo, server 10.0.0.1, client 8.8.8.8
  'fec0::1', '100::1', '[64:ff9b::7f00:1]', 'fe80::1%eth0',
]

test('IPv6 spellings of loopback and private IPv4 addresses are private: mapped, translated, compatible, NAT64, 6to4, Teredo', () => {
  for (const ip of PRIVATE_SPELLINGS) assert.equal(isPrivateAddress(ip), true, ip)
})

test('the same spellings of public IPv4 addresses, and ordinary public IPv6 addresses, are not private', () => {
  for (const ip of ['::ffff:8.8.8.8', '64:ff9b::8.8.8.8', '64:ff9b::5db8:d822', '2002:808:808::1', '2001:0:808:808:0:0:f7f7:f7f7', '2606:4700::1111', '2a00:1450:4001::200e']) {
    assert.equal(isPrivateAddress(ip), false, ip)
  }
})

test('embeddedIpv4 decodes each form to the IPv4 host it reaches', () => {
  assert.deepEqual(embeddedIpv4('::ffff:127.0.0.1'), ['127.0.0.1'])
  assert.deepEqual(embeddedIpv4('::ffff:0:a00:1'), ['10.0.0.1'])
  assert.deepEqual(embeddedIpv4('::7f00:1'), ['127.0.0.1'])
  assert.deepEqual(embeddedIpv4('64:ff9b::c0a8:101'), ['192.168.1.1'])
  assert.deepEqual(embeddedIpv4('2002:a9fe:a9fe::1'), ['169.254.169.254'])
  assert.deepEqual(embeddedIpv4('2001:0:4136:e378:8000:63bf:3fff:fdd2'), ['65.54.227.120', '192.0.2.45'])
  assert.deepEqual(embeddedIpv4('2606:4700::1111'), [])
})

test('receiver URLs written with those spellings are refused unless private addresses are allowed', () => {
  for (const host of ['[::ffff:127.0.0.1]', '[64:ff9b::127.0.0.1]', '[::127.0.0.1]', '[2002:7f00:1::]', '[2001:0:808:808::80ff:fffe]', '[64:ff9b::a9fe:a9fe]']) {
    const raw = `http://${host}:8080/hook`
    assert.throws(() => parseReceiverUrl(raw, false), /is a private or loopback address/, raw)
    assert.equal(parseReceiverUrl(raw, true).port, '8080')
  }
  assert.equal(parseReceiverUrl('http://[64:ff9b::8.8.8.8]/hook', false).hostname, '[64:ff9b::808:808]')
})
