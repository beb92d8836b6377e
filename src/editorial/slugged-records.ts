// What bylines and speakers share as records with a public page at their slug: the slug is unique, a new slug leaves a
// 301 from the old page, a path taken by a record is freed of any redirect away from it, and every change is audited.
// Each use-case keeps its own permission check, fields, audit action names and invalidation.

import type { Clock } from '../domain/clock.ts'
import type { Invalidation } from '../domain/invalidation.ts'
import { AppError } from '../errors.ts'
import type { Repositories } from '../store/store.ts'
import { isUniqueViolation } from '../store/unique-violation.ts'
import { optionalId } from './desk-input.ts'

interface Slugged { readonly slug: string; readonly name: string }

export interface SluggedKind<T extends Slugged> {
  /** The audit log's subject type, also the noun of error messages. */
  readonly noun: 'author' | 'speaker'
  /** The record's public page. */
  readonly path: (slug: string) => string
  readonly find: (tx: Repositories, id: number) => Promise<T | undefined>
}

export function sluggedRecords<T extends Slugged>({ clock }: { readonly clock: Clock }, kind: SluggedKind<T>) {
  const slugTaken = (slug: string) => (err: unknown): never => {
    throw isUniqueViolation(err) ? new AppError('Invalid', `another ${kind.noun} already has the slug "${slug}"`, 'slug') : err
  }

  const audit = (tx: Repositories, userId: number | null, action: string, id: number, details: Record<string, unknown>) =>
    tx.audit.record({ userId, action, subjectType: kind.noun, subjectId: String(id), details, at: clock.now() })

  /** Leaves a permanent redirect from an old page, and frees the new one. */
  async function moved(tx: Repositories, from: string, to: string): Promise<void> {
    await tx.redirects.put({ fromPath: from, status: 301, toArticleId: null, toUrl: to, kind: 'slug', createdAt: clock.now() })
    await tx.redirects.remove(to)
  }

  /** Record `id`, or AppError('NotFound'). */
  async function need(tx: Repositories, id: number): Promise<T> {
    const record = await kind.find(tx, id)
    if (!record) throw new AppError('NotFound', `no such ${kind.noun}`)
    return record
  }

  return {
    audit,
    moved,
    need,

    /** The media id of a photo field: empty for none, otherwise an image in the media library. */
    async photo(tx: Repositories, value: unknown): Promise<number | null> {
      const photoMediaId = optionalId(value, 'photo', 'The photo')
      if (photoMediaId !== null) {
        const media = await tx.media.get(photoMediaId)
        if (!media || !media.mime.startsWith('image/')) throw new AppError('Invalid', 'the photo must be an image from the media library', 'photo')
      }
      return photoMediaId
    },

    /**
     * Inserts a record through `insert`; a taken slug is AppError('Invalid') naming `slug`. A record deleted earlier may
     * have left its page redirecting or answering 410: the new one takes the address. Returns the new id.
     */
    async create(tx: Repositories, userId: number | null, action: string, record: Slugged & { readonly kind: string }, insert: () => Promise<number>): Promise<number> {
      const id = await insert().catch(slugTaken(record.slug))
      await tx.redirects.remove(kind.path(record.slug))
      await audit(tx, userId, action, id, { slug: record.slug, kind: record.kind })
      return id
    },

    /**
     * Saves `after` over `before` (record `id`) through `update`; a new slug leaves a 301 from the old page. Records
     * `stale` and audits the name and slug before and after, with `details`.
     */
    async update(tx: Repositories, userId: number | null, action: string, id: number,
      change: { readonly before: Slugged; readonly after: Slugged; readonly stale: Invalidation; readonly details?: Record<string, unknown> },
      update: () => Promise<unknown>): Promise<void> {
      const { before, after } = change
      await update().catch(slugTaken(after.slug))
      if (before.slug !== after.slug) await moved(tx, kind.path(before.slug), kind.path(after.slug))
      await tx.invalidations.record(change.stale)
      await audit(tx, userId, action, id, { ...change.details, from: { slug: before.slug, name: before.name }, to: { slug: after.slug, name: after.name } })
    },

    /**
     * Deletes record `id` through `remove` when `usage` counts nothing that names it; otherwise AppError('Conflict') with
     * the message `inUse` gives. Records `stale`, if any, and audits the slug.
     */
    async remove(tx: Repositories, userId: number | null, action: string, id: number,
      opts: { readonly usage: () => Promise<number>; readonly inUse: (record: T, used: number) => string; readonly stale?: Invalidation },
      remove: () => Promise<unknown>): Promise<void> {
      const record = await need(tx, id)
      const used = await opts.usage()
      if (used > 0) throw new AppError('Conflict', opts.inUse(record, used))
      await remove()
      if (opts.stale) await tx.invalidations.record(opts.stale)
      await audit(tx, userId, action, id, { slug: record.slug })
    },
  }
}
