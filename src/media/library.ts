// The media library's use-cases: upload, describe (alt, caption, credit, focal point), delete when unused, list.

import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type { Clock } from '../domain/clock.ts'
import { MEDIA_TEXT_LIMITS, type Media } from '../domain/media.ts'
import { can, type Role } from '../domain/roles.ts'
import type { Scope } from '../domain/invalidation.ts'
import { AppError } from '../errors.ts'
import type { MediaPatch } from '../store/media.ts'
import type { Repositories, Store } from '../store/store.ts'
import { checkBytes, inspect } from './limits.ts'
import { sniffImage } from './sniff.ts'
import { withoutMetadata } from './strip-metadata.ts'
import { mediaStoreOf, type MediaPlace } from './storage/open.ts'
import { shareImagePath } from './share-image.ts'
import { hashFile, stageUpload, sweepStaged, temporaryFile, type StagedFile } from './upload-staging.ts'

/**
 * The database, the clock, and where files go: the media store, served at /media/ (or a folder, DATA_DIR/media), and
 * the folder uploads pass through on their way there (DATA_DIR/tmp; a folder under the system's by default).
 */
export type MediaLibraryDeps = { readonly store: Store; readonly clock: Clock; readonly uploadDir?: string } & MediaPlace

/** A staged upload left behind this long ago belongs to no request still running (a killed process left it). */
const STALE_UPLOAD_MS = 60 * 60 * 1000

export interface UploadInput {
  /** Bytes in memory (an image an importer fetched), or an upload staged in a file by `stage` (the desk, the API). */
  readonly data: Buffer | StagedFile
  /** The client's file name: only its readable part survives, in the stored path. */
  readonly filename: string
  readonly alt?: string
  readonly caption?: string
  readonly credit?: string
}

/** Text and focal point as they arrive from a form or the API, unchecked. */
export interface MediaDetailsInput {
  readonly alt?: unknown
  readonly caption?: unknown
  readonly credit?: unknown
  readonly focalX?: unknown
  readonly focalY?: unknown
}

/** Who acts on the library: a desk or API user (null for the system: imports, the demo seed) and their role. */
export interface MediaActor {
  readonly userId: number | null
  readonly role: Role
}

export interface MediaListQuery {
  readonly page?: number
  readonly perPage?: number
  readonly text?: string
}

export interface MediaPage {
  readonly items: readonly Media[]
  readonly page: number
  readonly hasNext: boolean
}

const LIMITS = MEDIA_TEXT_LIMITS

/** `"Élection day (1).JPG"` → `election-day-1`: lower-case ASCII letters, digits and single hyphens, at most 60 characters. */
export function safeName(filename: string): string {
  const base = path.posix.basename(filename.replace(/\\/g, '/')).replace(/\.[^.]*$/, '')
  const slug = base.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '')
  return slug || 'image'
}

function text(value: unknown, field: keyof typeof LIMITS): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw new AppError('Invalid', `${field} must be text`, field)
  const t = value.trim()
  if (t.length > LIMITS[field]) throw new AppError('Invalid', `${field} is longer than ${LIMITS[field]} characters`, field)
  return t
}

function fraction(value: unknown, field: 'focal_x' | 'focal_y'): number | undefined {
  if (value === undefined) return undefined
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 1) throw new AppError('Invalid', `${field} must be a number from 0 to 1`, field)
  return n
}

/** Checks a details patch; throws AppError('Invalid') naming the first bad field. */
export function toPatch(input: MediaDetailsInput): MediaPatch {
  const alt = text(input.alt, 'alt'), caption = text(input.caption, 'caption'), credit = text(input.credit, 'credit')
  const focalX = fraction(input.focalX, 'focal_x'), focalY = fraction(input.focalY, 'focal_y')
  return {
    ...(alt !== undefined && { alt }), ...(caption !== undefined && { caption }), ...(credit !== undefined && { credit }),
    ...(focalX !== undefined && { focalX }), ...(focalY !== undefined && { focalY }),
  }
}

/** Records pages showing the image (live articles with it as hero, author pages with it as photo) as stale. */
async function invalidatePagesShowing(tx: Repositories, id: number, photoOf: readonly number[]): Promise<void> {
  const articleIds = await tx.media.liveHeroArticleIds(id)
  const scopes = photoOf.map((a): Scope => `author:${a}`)
  if (articleIds.length || scopes.length) await tx.invalidations.record({ all: false, articleIds, scopes })
}

/** Whether a public page shows the image: a live article's hero or body, or an author's photo. */
async function shownLive(tx: Repositories, id: number, usage: { readonly bodyOf: readonly number[]; readonly photoOf: readonly number[] }): Promise<boolean> {
  if (usage.photoOf.length || (await tx.media.liveHeroArticleIds(id)).length) return true
  for (const articleId of usage.bodyOf) if (await tx.articles.livePath(articleId)) return true
  return false
}

/** Whether `role` may delete images from the library (editors and admins); the desk shows the button by it. */
export const mayDeleteMedia = (role: MediaActor['role']): boolean => can(role, 'media.delete')

/** The system (the demo seed, imports): it uploads as an admin would, and owns nothing. */
const SYSTEM: MediaActor = { userId: null, role: 'admin' }

/** The audit record of a library change, written in the transaction of the change. */
const audit = (tx: Repositories, actor: Pick<MediaActor, 'userId'>, action: string, id: number, at: number, details: Record<string, unknown>): Promise<void> =>
  tx.audit.record({ userId: actor.userId ?? null, action, subjectType: 'media', subjectId: String(id), details, at })

/** The media library; the desk and the Admin API call it, as the acting user; each change is audited. */
export function createMediaLibrary(deps: MediaLibraryDeps) {
  const { store, clock } = deps
  const files = mediaStoreOf(deps)
  const removeQuietly = (key: string) => files.remove(key).catch(() => {})

  const uploadDir = deps.uploadDir ?? path.join(os.tmpdir(), 'broadsheet-uploads')
  let swept = false

  /** Stores the staged upload under its content-hash path and records it; the temporary files are the caller's. */
  async function storeStaged(staged: StagedFile, input: UploadInput, actor: MediaActor, alsoInside?: (tx: Repositories, mediaId: number) => Promise<void>): Promise<Media> {
    checkBytes(staged.bytes)
    const type = sniffImage(staged.head)
    // sharp reads the file itself, for the headers and again for the re-encoding: the image never sits in the JS heap.
    const facts = await inspect(staged.file, type)
    const details = toPatch({ alt: input.alt ?? '', caption: input.caption ?? '', credit: input.credit ?? '' })
    const cleaned = await temporaryFile(uploadDir, `.${type.ext}`)
    try {
      // What is stored and served is the original without its EXIF, XMP and IPTC (GPS positions, camera serials).
      const stripped = await withoutMetadata(staged.file, facts, cleaned)
      const file = stripped ? cleaned : staged.file
      const bytes = stripped ? (await stat(cleaned)).size : staged.bytes
      const now = clock.now()
      const date = new Date(now)
      const dir = `${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}`
      // The path carries a hash of the bytes, so a URL never serves other bytes and can be cached for a year. The same
      // image uploaded again in a month under the same name gets a second record of its own, hence a random part then.
      const hash = (stripped ? await hashFile(cleaned) : staged.sha256).slice(0, 16)
      let relative = `${dir}/${hash}-${safeName(input.filename)}.${type.ext}`
      if (await store.media.findByPath(relative)) relative = `${dir}/${hash}-${randomBytes(4).toString('hex')}-${safeName(input.filename)}.${type.ext}`
      // The file first, outside the transaction, streamed from disk; removed again if the record cannot be written.
      const body = createReadStream(file)
      try {
        await files.put(relative, body, { contentType: type.mime, size: bytes })
      } finally {
        body.destroy()
      }
      try {
        const id = await store.transaction(async (tx) => {
          const mediaId = await tx.media.insert({
            path: relative, mime: type.mime, width: facts.width, height: facts.height, bytes,
            alt: details.alt ?? '', caption: details.caption ?? '', credit: details.credit ?? '', focalX: 0.5, focalY: 0.5, createdAt: now,
            uploadedBy: actor.userId,
          })
          await audit(tx, actor, 'media.upload', mediaId, now, { bytes, mime: type.mime })
          await tx.media.enqueueVariants(mediaId, now)
          await alsoInside?.(tx, mediaId)
          return mediaId
        })
        return (await store.media.get(id))!
      } catch (err) {
        await removeQuietly(relative)
        throw err
      }
    } finally {
      await rm(cleaned, { force: true })
    }
  }

  return {
    /**
     * Writes an incoming upload to a temporary file, counting and hashing its bytes, so that it never sits whole in
     * memory; at the first byte past 20 MiB it stops with MediaError('too-large') and keeps nothing. The caller passes
     * the result to `upload` and must `discard` it afterwards, whatever happened.
     */
    async stage(source: Readable): Promise<StagedFile> {
      if (!swept) {
        swept = true
        await sweepStaged(uploadDir, STALE_UPLOAD_MS, Date.now())
      }
      return stageUpload(source, uploadDir)
    },

    /**
     * Stores an upload by `actor`, who is recorded as its uploader, and queues its variants. The type comes from the bytes; over 20 MiB, over 50 megapixels (read
     * from the headers, before decoding) and anything but JPEG, PNG, WebP, GIF or AVIF are refused with a MediaError.
     * Bytes in memory pass through a temporary file like a staged upload; a staged upload stays the caller's to discard.
     * `alsoInside` runs in the transaction that inserts the record (an importer records where the image came from).
     */
    async upload(input: UploadInput, actor: MediaActor = SYSTEM, alsoInside?: (tx: Repositories, mediaId: number) => Promise<void>): Promise<Media> {
      if (!can(actor.role, 'media.upload')) throw new AppError('Forbidden', `the ${actor.role} role may not upload media`)
      if (!Buffer.isBuffer(input.data)) return storeStaged(input.data, input, actor, alsoInside)
      checkBytes(input.data.length)
      const staged = await stageUpload(input.data, uploadDir)
      try {
        return await storeStaged(staged, input, actor, alsoInside)
      } finally {
        await staged.discard()
      }
    },

    /** One image with its variants; AppError('NotFound') when there is none. */
    async get(id: number): Promise<Media> {
      const media = await store.media.get(id)
      if (!media) throw new AppError('NotFound', 'there is no such image')
      return media
    },

    /**
     * Changes alt text, caption, credit or focal point as `actor`. Text readers see at once is curated: roles that may
     * delete media (editors and admins) change any image; the others only an image they uploaded, and only while no
     * live page shows it (the hero or body of a published article, an author's photo); Forbidden otherwise. Alt text
     * cannot be cleared while the image is a hero or author photo.
     */
    async describe(id: number, input: MediaDetailsInput, actor: MediaActor): Promise<Media> {
      if (!can(actor.role, 'media.upload')) throw new AppError('Forbidden', `the ${actor.role} role may not change media`)
      const patch = toPatch(input)
      await store.transaction(async (tx) => {
        const media = await tx.media.get(id)
        if (!media) throw new AppError('NotFound', 'there is no such image')
        const usage = await tx.media.usage(id, [media.path, ...media.variants.map((v) => v.url.slice('/media/'.length))])
        if (!can(actor.role, 'media.delete')) {
          // The system uploads nothing a user owns, and an image from before uploaders were recorded has none.
          if (actor.userId === null || media.uploadedBy !== actor.userId) {
            throw new AppError('Forbidden', `the ${actor.role} role may change only images they uploaded; ask an editor`)
          }
          if (await shownLive(tx, id, usage)) {
            throw new AppError('Forbidden', `the ${actor.role} role may not change an image that published pages show; ask an editor`)
          }
        }
        if (patch.alt === '' && (usage.heroOf.length || usage.photoOf.length)) {
          throw new AppError('Invalid', 'alt text is required while the image is used as a hero image or author photo', 'alt')
        }
        await tx.media.update(id, patch)
        await invalidatePagesShowing(tx, id, usage.photoOf)
        await audit(tx, actor, 'media.update', id, clock.now(), { fields: Object.keys(patch) })
      })
      return (await store.media.get(id))!
    },

    /** Deletes an unused image and its files; AppError('Conflict') saying where it is used otherwise. */
    async remove(id: number, actor: MediaActor = SYSTEM): Promise<void> {
      if (!mayDeleteMedia(actor.role)) throw new AppError('Forbidden', `the ${actor.role} role may not delete media`)
      const media = await store.transaction(async (tx) => {
        const m = await tx.media.get(id)
        if (!m) throw new AppError('NotFound', 'there is no such image')
        const usage = await tx.media.usage(id, [m.path, ...m.variants.map((v) => v.url.slice('/media/'.length))])
        const uses = [
          usage.heroOf.length && `the hero image of ${usage.heroOf.length} article${usage.heroOf.length > 1 ? 's' : ''}`,
          usage.bodyOf.length && `in the text of ${usage.bodyOf.length} article${usage.bodyOf.length > 1 ? 's' : ''}`,
          usage.photoOf.length && `the photo of ${usage.photoOf.length} author${usage.photoOf.length > 1 ? 's' : ''}`,
        ].filter(Boolean)
        if (uses.length) throw new AppError('Conflict', `the image is in use (${uses.join('; ')}); remove it there first`)
        await tx.media.delete(id)
        await audit(tx, actor, 'media.delete', id, clock.now(), { path: m.path })
        return m
      })
      // Files go after commit: a rollback must not leave a record without its file.
      // The share image (og:image) is kept beside the original when it was ever asked for.
      await Promise.all([media.path, shareImagePath(media.path), ...media.variants.map((v) => v.url.slice('/media/'.length))].map((p) => removeQuietly(p)))
    },

    /** Resolves once a probe file could be written and removed in the media store (the readiness check); throws otherwise. */
    probeStorage: () => files.probe(),

    /** Newest first, `perPage` (1–100, 30 by default) a page, optionally filtered by text in alt, caption, credit or name. */
    async list(q: MediaListQuery = {}): Promise<MediaPage> {
      const page = q.page ?? 1, perPage = q.perPage ?? 30, filter = (q.text ?? '').trim()
      if (!Number.isInteger(page) || page < 1 || page > 100_000) throw new AppError('Invalid', 'page must be a whole number from 1 upwards', 'page')
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) throw new AppError('Invalid', 'per_page must be a whole number from 1 to 100', 'per_page')
      if (filter.length > 200) throw new AppError('Invalid', 'the search text is longer than 200 characters', 'q')
      const { items, hasNext } = await store.media.list({ text: filter, limit: perPage, offset: (page - 1) * perPage })
      return { items, page, hasNext }
    },
  }
}

export type MediaLibrary = ReturnType<typeof createMediaLibrary>
