// Where webhooks may go: http(s) URLs only, and never to private, loopback or link-local addresses unless allowed.

import { BlockList, isIP } from 'node:net'
import { AppError } from '../errors.ts'

// Addresses a request from the server must not reach on behalf of a URL someone typed (SSRF):
// this host, the private networks, link-local (cloud metadata at 169.254.169.254), multicast and reserved ranges.
const PRIVATE = new BlockList()
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, bits, 'ipv4')
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32]] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv6')
}

/** Whether `ip` (v4 or v6, v4-mapped included) is loopback, private, link-local, multicast or reserved. Not an IP → false. */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '')
  const family = isIP(bare)
  if (family === 0) return false
  return PRIVATE.check(bare, family === 4 ? 'ipv4' : 'ipv6')
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
