// The desk's import uploads in the media store, so that whichever instance claims the import can read the file: under
// a private prefix, encrypted with a key that only the database holds.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { pipeline } from 'node:stream'
import { pipeline as pipelineAsync } from 'node:stream/promises'
import type { MediaStore } from './storage/media-store.ts'

/**
 * Where uploads are kept in the store. A dot segment is never a media key (isMediaKey), so /media/ refuses it, and store
 * listings skip it (media migrate, export and the orphan checks never see an upload). A bucket made public for
 * MEDIA_PUBLIC_URL would still hand the object to whoever learns its random key: the bytes are therefore encrypted
 * (AES-256-GCM), with the key, nonce and tag kept in the import's row only.
 */
export const IMPORT_UPLOAD_PREFIX = '.private/imports/'

const CIPHER = 'aes-256-gcm'
const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16

/** Whether a job's `filePath` is a key in the store (rather than a file on disk, as uploads were kept before). */
export const isStoredUpload = (filePath: string): boolean => filePath.startsWith(IMPORT_UPLOAD_PREFIX)

/**
 * Encrypts the local file `file` into the store under a new random key ending in `.ext`; returns the key and the
 * secret that decrypts it (base64url of key, nonce and tag), which the caller keeps in the database.
 */
export async function putImportUpload(store: MediaStore, file: string, ext: string): Promise<{ key: string; secret: string }> {
  const key = `${IMPORT_UPLOAD_PREFIX}${randomBytes(12).toString('hex')}.${ext}`
  const dataKey = randomBytes(KEY_BYTES)
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv(CIPHER, dataKey, iv)
  const { size } = await stat(file)
  // GCM is a stream cipher: the object is as long as the file, which S3 needs to know before the first byte.
  const body = pipeline(createReadStream(file), cipher, () => {})
  await store.put(key, body, { contentType: 'application/octet-stream', size })
  return { key, secret: Buffer.concat([dataKey, iv, cipher.getAuthTag()]).toString('base64url') }
}

/**
 * Decrypts upload `key` from the store into the local file `to`; false when the store no longer has it. Throws when the
 * object is not what was stored (a wrong secret, or bytes changed in the store): nothing may import an altered file.
 */
export async function fetchImportUpload(store: MediaStore, key: string, secret: string, to: string): Promise<boolean> {
  const raw = Buffer.from(secret, 'base64url')
  if (raw.length !== KEY_BYTES + IV_BYTES + TAG_BYTES) throw new Error('the import upload\'s secret is malformed')
  const opened = await store.open(key)
  if (!opened) return false
  const decipher = createDecipheriv(CIPHER, raw.subarray(0, KEY_BYTES), raw.subarray(KEY_BYTES, KEY_BYTES + IV_BYTES))
  decipher.setAuthTag(raw.subarray(KEY_BYTES + IV_BYTES))
  await pipelineAsync(opened.body, decipher, createWriteStream(to))
  return true
}

/** Removes a job's upload: the object in the store, or the file on disk of an upload kept before; an absent one is no error. */
export async function removeImportUpload(store: MediaStore, filePath: string): Promise<void> {
  if (isStoredUpload(filePath)) await store.remove(filePath)
  else if (filePath) await rm(filePath, { force: true })
}
