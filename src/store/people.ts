// Authors (bylines).

import { sql, type Kysely } from 'kysely'
import type { Author } from '../domain/people.ts'
import type { Database } from './schema.ts'

export type NewAuthor = Omit<Author, 'id'>

export function createPeople(db: Kysely<Database>) {
  const select = () => db.selectFrom('authors').select(['id', 'slug', 'name', 'bio', 'kind', 'photo_media_id'])
  const toAuthor = (r: { id: number; slug: string; name: string; bio: string; kind: string; photo_media_id: number | null }): Author => ({
    id: r.id, slug: r.slug, name: r.name, bio: r.bio, kind: r.kind === 'guest' ? 'guest' : r.kind === 'agency' ? 'agency' : 'staff',
    photoMediaId: r.photo_media_id,
  })
  return {
    async authorBySlug(slug: string): Promise<Author | undefined> {
      const row = await select().where('slug', '=', slug).executeTakeFirst()
      return row && toAuthor(row)
    },
    async authors(): Promise<Author[]> {
      return (await select().orderBy('name').execute()).map(toAuthor)
    },
    async insertAuthor(a: NewAuthor): Promise<number> {
      const row = await db.insertInto('authors').values({
        slug: a.slug, name: a.name, bio: a.bio, kind: a.kind, photo_media_id: a.photoMediaId,
      }).returning('id').executeTakeFirstOrThrow()
      return row.id
    },

    // Desk housekeeping (editorial/people.ts).
    async author(id: number): Promise<Author | undefined> {
      const row = await select().where('id', '=', id).executeTakeFirst()
      return row && toAuthor(row)
    },
    async updateAuthor(id: number, a: NewAuthor): Promise<void> {
      await db.updateTable('authors').set({ slug: a.slug, name: a.name, bio: a.bio, kind: a.kind, photo_media_id: a.photoMediaId })
        .where('id', '=', id).execute()
    },
    async deleteAuthor(id: number): Promise<void> {
      await db.deleteFrom('authors').where('id', '=', id).execute()
    },
    /** The byline that is `userId`'s own, if their account has one. */
    async authorOfAccount(userId: number): Promise<Author | undefined> {
      const row = await select().where('account_id', '=', userId).executeTakeFirst()
      return row && toAuthor(row)
    },
    /** The accounts of the given bylines, by author id (only those that belong to one). */
    async accountsOfAuthors(ids: readonly number[]): Promise<Map<number, number>> {
      if (ids.length === 0) return new Map()
      const rows = await db.selectFrom('authors').select(['id', 'account_id']).where('id', 'in', ids).where('account_id', 'is not', null).execute()
      return new Map(rows.map((r) => [r.id, r.account_id!]))
    },
    /** Makes a byline `userId`'s own; the unique index refuses a second byline for one account. */
    async linkAccount(authorId: number, userId: number): Promise<void> {
      await db.updateTable('authors').set({ account_id: userId }).where('id', '=', authorId).execute()
    },
    /** How many articles (working copies of any status) carry a byline. */
    async authorUsage(id: number): Promise<number> {
      const row = await db.selectFrom('article_authors').select(sql<number>`count(*)`.as('n')).where('author_id', '=', id).executeTakeFirstOrThrow()
      return Number(row.n)
    },
  }
}

export type People = ReturnType<typeof createPeople>
