// Where webhooks may go: http(s) URLs only, and never to private, loopback or link-local addresses unless allowed.

import dns, { type LookupAddress } from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import { AppError } from '../errors.ts'

// Addresses a request from the server must not reach on behalf of a URL someone typed (SSRF):
// this host, the private networks, link-local (cloud metadata at 169.254.169.254), multicast and reserved ranges.
const PRIVATE = new BlockList()
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, bits, 'ipv4')
// fec0::/10 is the deprecated site-local range; 100::/64 discards; 64:ff9b:1::/48 is NAT64 for local use (RFC 8215).
for (const [net, bits] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64], ['64:ff9b:1::', 48],
] as const) PRIVATE.addSubnet(net, bits, 'ipv6')

/** The eight 16-bit groups of an IPv6 address that isIP accepted (a zone and a dotted IPv4 tail allowed). */
function groups(ip: string): number[] {
  let text = ip.replace(/%.*$/, '')
  const dotted = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(2).map(Number) as [number, number, number, number]
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const before = head ? head.split(':') : []
  const after = tail ? tail.split(':') : []
  const zeros = tail === undefined ? [] : Array<string>(8 - before.length - after.length).fill('0')
  return [...before, ...zeros, ...after].map((g) => parseInt(g, 16))
}

const ipv4Of = (high: number, low: number): string => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`

/**
 * The IPv4 addresses an IPv6 address carries and reaches: IPv4-mapped (::ffff:a.b.c.d), IPv4-translated
 * (::ffff:0:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16) and Teredo (2001::/32: the
 * server, and the client with its bits inverted). Each is another spelling of the IPv4 host, so the IPv4 rules apply.
 */
export function embeddedIpv4(ip: string): string[] {
  const g = groups(ip)
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0)
  if (zero(0, 5) && (g[5] === 0xffff || g[5] === 0)) return [ipv4Of(g[6]!, g[7]!)]
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return [ipv4Of(g[6]!, g[7]!)]
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return [ipv4Of(g[6]!, g[7]!)]
  if (g[0] === 0x2002) return [ipv4Of(g[1]!, g[2]!)]
  if (g[0] === 0x2001 && g[1] === 0) return [ipv4Of(g[2]!, g[3]!), ipv4Of(~g[6]! & 0xffff, ~g[7]! & 0xffff)]
  return []
}

/** Whether `ip` (v4 or v6, and any IPv6 spelling of an IPv4 address) is loopback, private, link-local, multicast or reserved. Not an IP → false. */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '')
  const family = isIP(bare)
  if (family === 0) return false
  if (family === 4) return PRIVATE.check(bare, 'ipv4')
  return PRIVATE.check(bare.replace(/%.*$/, ''), 'ipv6') || embeddedIpv4(bare).some((v4) => PRIVATE.check(v4, 'ipv4'))
}

const MAX_URL_LENGTH = 2000

/**
 * Validates a receiver URL; returns it normalised. Throws AppError('Invalid', …, 'url') for anything but an absolute
 * http(s) URL without credentials, and for loopback or private hosts written as addresses or as `localhost`, unless
 * `allowPrivate`. Names are resolved only when sending, where every resolved address is checked again.
 */
export function parseReceiverUrl(raw: string, allowPrivate: boolean): URL {
  const text = raw.trim()
  if (!text) throw new AppError('Invalid', 'the receiver URL is empty', 'url')
  if (text.length > MAX_URL_LENGTH) throw new AppError('Invalid', `the receiver URL is longer than ${MAX_URL_LENGTH} characters`, 'url')
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new AppError('Invalid', `"${text}" is not an absolute URL`, 'url')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('Invalid', `webhooks are sent only over http or https, not ${url.protocol.slice(0, -1)}`, 'url')
  if (url.username || url.password) throw new AppError('Invalid', 'the receiver URL must not contain a user name or password', 'url')
  if (url.hash) throw new AppError('Invalid', 'the receiver URL must not have a #fragment', 'url')
  if (!allowPrivate && isLocalHost(url.hostname)) {
    throw new AppError('Invalid', `${url.hostname} is a private or loopback address; set WEBHOOK_ALLOW_PRIVATE=1 to allow it`, 'url')
  }
  return url
}

/** `localhost`, `*.localhost` (RFC 6761) and private addresses written literally. */
export const isLocalHost = (hostname: string): boolean => {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  return host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host)
}

// Every address a name resolves to is checked at connect time, so a name cannot be re-pointed at 127.0.0.1 or the
// cloud metadata address after the receiver was added (DNS rebinding).
/** A dns.lookup that fails with EPRIVATEADDRESS when any address of the name is private (webhooks, imported media). */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '')
    const blocked = addresses.find((a) => isPrivateAddress(a.address))
    if (blocked) {
      return callback(Object.assign(new Error(`${hostname} resolves to the private address ${blocked.address}`), { code: 'EPRIVATEADDRESS' }), '')
    }
    const first = addresses[0]
    if (options.all) return callback(null, addresses)
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '')
    return callback(null, first.address, first.family)
  })
}
