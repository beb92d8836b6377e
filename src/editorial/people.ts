// Housekeeping of bylines: create, edit and delete authors (staff, guests, agencies). One transaction each, audited.

import type { Clock } from '../domain/clock.ts'
import { FLUSH_ALL } from '../domain/invalidation.ts'
import { authorPath } from '../domain/paths.ts'
import { isAuthorKind, type Author } from '../domain/people.ts'
import type { Media } from '../domain/media.ts'
import { slugify } from '../domain/slug.ts'
import { AppError } from '../errors.ts'
import type { Repositories, Store } from '../store/store.ts'
import type { NewAuthor } from '../store/people.ts'
import { optionalText, requiredId, requiredText, slugInput } from './desk-input.ts'
import type { Actor } from './article-access.ts'
import { requirePermission } from './permission.ts'
import { createOwnByline } from './own-byline.ts'
import { sluggedRecords } from './slugged-records.ts'

export interface AuthorInput {
  readonly name?: unknown; readonly slug?: unknown; readonly bio?: unknown; readonly kind?: unknown; readonly photo?: unknown
}

/** What the owner of a byline may change of it: the kind and photo stay as the newsroom set them. */
export interface OwnBylineInput { readonly name?: unknown; readonly slug?: unknown; readonly bio?: unknown }

export function createBylines({ store, clock }: { readonly store: Store; readonly clock: Clock }) {
  const records = sluggedRecords<Author>({ clock }, { noun: 'author', path: authorPath, find: (tx, id) => tx.people.author(id) })
  const { need } = records

  async function fields(tx: Repositories, input: AuthorInput): Promise<NewAuthor> {
    const name = requiredText(input.name, 'name', 'The name', 200)
    const slug = slugInput(input.slug)
    const kind = typeof input.kind === 'string' ? input.kind : ''
    if (!isAuthorKind(kind)) throw new AppError('Invalid', 'the kind is staff, guest or agency', 'kind')
    const photoMediaId = await records.photo(tx, input.photo)
    return { name, slug, kind, bio: optionalText(input.bio, 'bio', 'The bio', 2000), photoMediaId }
  }

  return {
    /** Every byline with how many articles carry it, for the desk's list (editors and admins). */
    async authorList(actor: Actor): Promise<(Author & { articles: number })[]> {
      requirePermission(actor, 'authors.manage')
      return Promise.all((await store.people.authors()).map(async (a) => ({ ...a, articles: await store.people.authorUsage(a.id) })))
    },

    /** Byline `id` to edit, with its article count and photo; NotFound when there is none. */
    async authorToEdit(actor: Actor, id: number): Promise<{ author: Author; articles: number; photo: Media | undefined }> {
      requirePermission(actor, 'authors.manage')
      const author = await need(store, id)
      const [articles, photo] = await Promise.all([store.people.authorUsage(id), author.photoMediaId === null ? undefined : store.media.get(author.photoMediaId)])
      return { author, articles, photo }
    },

    async createAuthor(actor: Actor, input: AuthorInput): Promise<number> {
      requirePermission(actor, 'authors.manage')
      return store.transaction(async (tx) => {
        const a = await fields(tx, input)
        return records.create(tx, actor.userId, 'author.create', a, () => tx.people.insertAuthor(a))
      })
    },

    /** Edits a byline; a new slug leaves a 301 from the old author path. Bylines show on every listing: all pages go stale. */
    async updateAuthor(actor: Actor, authorId: unknown, input: AuthorInput): Promise<void> {
      requirePermission(actor, 'authors.manage')
      const id = requiredId(authorId, 'id', 'The author')
      await store.transaction(async (tx) => {
        const before = await need(tx, id)
        const a = await fields(tx, input)
        await records.update(tx, actor.userId, 'author.update', id, { before, after: a, stale: FLUSH_ALL }, () => tx.people.updateAuthor(id, a))
      })
    },

    /** The byline of account `userId`, if it has one. */
    ownByline: (userId: number): Promise<Author | undefined> => store.people.authorOfAccount(userId),

    /**
     * The owner of an account edits its byline (name, slug, bio), or creates it when the account has none yet (accounts
     * made before bylines belonged to accounts). Goes through updateAuthor's checks, redirect and invalidation.
     */
    async saveOwnByline(userId: number, input: OwnBylineInput): Promise<Author> {
      return store.transaction(async (tx) => {
        const own = await tx.people.authorOfAccount(userId) ?? await createOwnByline(tx, userId, requiredText(input.name, 'name', 'The name', 200), clock.now())
        // An empty address is made from the name, as on a new byline.
        const slug = typeof input.slug === 'string' && input.slug.trim() ? input.slug : slugify(typeof input.name === 'string' ? input.name : '')
        const a = await fields(tx, { ...input, slug, kind: own.kind, photo: own.photoMediaId ?? '' })
        await records.update(tx, userId, 'author.update', own.id, { before: own, after: a, stale: FLUSH_ALL, details: { own: true } },
          () => tx.people.updateAuthor(own.id, a))
        return (await tx.people.author(own.id))!
      })
    },

    /** Deletes a byline no article carries; otherwise AppError('Conflict'). */
    async deleteAuthor(actor: Actor, authorId: unknown): Promise<void> {
      requirePermission(actor, 'authors.manage')
      const id = requiredId(authorId, 'id', 'The author')
      await store.transaction((tx) => records.remove(tx, actor.userId, 'author.delete', id, {
        usage: () => tx.people.authorUsage(id),
        inUse: (author, used) => `${author.name} is the byline of ${used} article${used === 1 ? '' : 's'}: change those bylines first`,
        stale: { all: false, articleIds: [], scopes: [`author:${id}`] },
      }, () => tx.people.deleteAuthor(id)))
    },
  }
}

export type Bylines = ReturnType<typeof createBylines>
