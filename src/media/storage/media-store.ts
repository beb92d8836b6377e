// The media store: where originals and variants live, one interface over a local folder and an S3-compatible bucket.

import type { Readable } from 'node:stream'
import { AppError } from '../../errors.ts'

/** What the store knows of one object. */
export interface StoredObject {
  /** Bytes in the whole object. */
  readonly size: number
  /** A strong validator of the bytes, quoted as in an ETag header (`"…"`). */
  readonly etag: string
}

/** An object being read: its facts and a stream of the bytes asked for (all of them, or `range`). */
export interface OpenedObject extends StoredObject {
  readonly body: Readable
  /** The bytes streamed, inclusive, when a range was asked for. */
  readonly range: { readonly start: number; readonly end: number } | null
}

/** One object of a listing; `key` is relative to the store's root, `/`-separated. */
export interface ListedObject {
  readonly key: string
  readonly size: number
}

/**
 * Originals and variants, by key (`2026/12/<hash>-name.jpg`, `demo/x.svg`). A key's bytes never change once written
 * (the key carries a hash of the content), which is what lets /media/ be cached for a year.
 */
export interface MediaStore {
  /** `folder /path` or `s3://bucket/prefix`, for messages and reports. */
  readonly description: string
  /** Writes `key` whole or not at all; `body` is a Buffer or a stream of `size` bytes (S3 needs the length up front). */
  put(key: string, body: Buffer | Readable, opts: { readonly contentType: string; readonly size: number }): Promise<void>
  /** The whole object in memory (sharp needs it to make variants); null when absent. */
  read(key: string): Promise<Buffer | null>
  /** Streams the object, or the bytes `start`–`end` (inclusive, already checked against `size` by the caller); null when absent. */
  open(key: string, range?: { readonly start: number; readonly end: number }): Promise<OpenedObject | null>
  /** The object's size and ETag; null when absent. */
  head(key: string): Promise<StoredObject | null>
  /** Removes the object; an absent one is no error. */
  remove(key: string): Promise<void>
  /** Every object, in no set order, leaving out dotfiles (partial writes, probes). */
  list(): AsyncIterable<ListedObject>
  /** Resolves once a small probe object could be written and removed (the readiness check); throws otherwise. */
  probe(): Promise<void>
  /** Releases connections. */
  close(): void
}

/** Content types by extension, for the files the library writes (originals, variants, demo illustrations). */
const TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml',
}

/** The content type a key is served with; anything unknown is served as bytes. */
export const contentTypeOf = (key: string): string => TYPES[key.slice(key.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream'

/**
 * Whether `key` may name an object: `/`-separated segments of letters, digits, `-`, `_` and `.`, none empty, none
 * starting with a dot (no `..`, no dotfiles), at most 300 characters. Keys from URLs are checked with it before any lookup.
 */
export const isMediaKey = (key: string): boolean =>
  key.length > 0 && key.length <= 300 && /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/.test(key) && !key.split('/').some((s) => s.startsWith('.'))

/** Throws AppError('Invalid') unless `key` is a media key (isMediaKey). */
export function checkMediaKey(key: string): string {
  if (!isMediaKey(key)) throw new AppError('Invalid', `"${key.slice(0, 100)}" is not a media path`)
  return key
}
