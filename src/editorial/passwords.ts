// Password hashing with scrypt from node:crypto: random salt, parameters stored with the hash, timing-safe comparison.

import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCallback(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))))

/** OWASP's scrypt floor: N=2^15, r=8, p=1 (32 MiB, roughly 50–100 ms a hash). */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 64, saltBytes: 16 } as const

// 128·N·r bytes are needed; Node's default maxmem (32 MiB) is exactly that, so allow room for larger stored parameters.
const maxmem = (N: number, r: number): number => 128 * N * r + 16 * 1024 * 1024

/** Hashes a password: `scrypt$N=…,r=…,p=…$<salt>$<key>` (base64), so parameters can grow without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltBytes)
  const key = await scrypt(password.normalize('NFC'), salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: maxmem(SCRYPT.N, SCRYPT.r) })
  return `scrypt$N=${SCRYPT.N},r=${SCRYPT.r},p=${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

const ENCODED = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/

/** Whether `password` matches `encoded`; false for a hash it cannot read (never throws on bad input). */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const m = ENCODED.exec(encoded)
  if (!m) return false
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])]
  // Bounds keep a tampered row from asking for gigabytes of memory.
  if (N < 2 || N > 2 ** 20 || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16) return false
  const salt = Buffer.from(m[4]!, 'base64')
  const expected = Buffer.from(m[5]!, 'base64')
  if (expected.length < 16 || expected.length > 128) return false
  const actual = await scrypt(password.normalize('NFC'), salt, expected.length, { N, r, p, maxmem: maxmem(N, r) })
  return timingSafeEqual(actual, expected)
}

/** A hash of a random password: verifying against it costs what a real check costs, so unknown emails take as long. */
export const dummyHash = (): Promise<string> => hashPassword(randomBytes(16).toString('hex'))
