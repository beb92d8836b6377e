// The redirects table: old paths, changed slugs and manual redirects, to an article or a URL.

import { sql, type Kysely } from 'kysely'
import { normalizeLegacyPath } from '../domain/legacy-paths.ts'
import type { Database } from './schema.ts'
import { preparedByShape, preparedRows } from './prepared.ts'
import { likePattern as likeText } from './desk-articles.ts'

export type RedirectKind = 'legacy' | 'slug' | 'manual'

export interface Redirect {
  readonly fromPath: string
  readonly status: number
  /** Either the article it points to (resolved to its live path by the caller) or a URL. */
  readonly toArticleId: number | null
  readonly toUrl: string | null
}

/** A row of the desk's redirect list. */
export interface RedirectRow extends Redirect {
  readonly id: number
  readonly kind: RedirectKind
  readonly createdAt: number
}

/** A redirect to write, and why it exists. */
export type NewRedirect = Redirect & { readonly kind: RedirectKind; readonly createdAt: number }

/** A prepared statement's values for `n` paths: `p0`, `p1`, … */
const pathValues = (paths: readonly string[]): Record<string, string> => Object.fromEntries(paths.map((p, i) => [`p${i}`, p]))
const byCount = (n: number) => String(n)

export function createRedirects(db: Kysely<Database>) {
  // An import looks up and writes every article's old paths: statements by the number of paths (one to a few),
  // compiled once for this repository.
  const rowsFrom = preparedByShape(db, byCount, (n: number, v: Record<string, string>) => db.selectFrom('redirects')
    .select(['from_path', 'status', 'to_article_id', 'to_url']).where('from_path', 'in', Array.from({ length: n }, (_, i) => v[`p${i}`]!)))
  type Row = { from_path: string; status: number; to_article_id: number | null; to_url: string | null; kind: RedirectKind; created_at: number }
  const upsert = preparedRows(db, ['from_path', 'status', 'to_article_id', 'to_url', 'kind', 'created_at'], (rows: Row[]) => db.insertInto('redirects').values(rows)
    .onConflict((oc) => oc.column('from_path').doUpdateSet((eb) => ({
      status: eb.ref('excluded.status'), to_article_id: eb.ref('excluded.to_article_id'), to_url: eb.ref('excluded.to_url'), kind: eb.ref('excluded.kind'),
    }))))
  const removeFrom = preparedByShape(db, byCount, (n: number, v: Record<string, string>) => db.deleteFrom('redirects')
    .where('from_path', 'in', Array.from({ length: n }, (_, i) => v[`p${i}`]!)))

  async function putMany(redirects: readonly NewRedirect[]): Promise<void> {
    // One row a path: an upsert may not touch the same row twice in one statement.
    const byPath = new Map(redirects.map((r) => [normalizeLegacyPath(r.fromPath), r]))
    if (byPath.size === 0) return
    await upsert([...byPath].map(([from_path, r]) => ({ from_path, status: r.status, to_article_id: r.toArticleId, to_url: r.toUrl, kind: r.kind, created_at: r.createdAt })))
  }

  return {
    /**
     * The redirect for an exact path (with its query string, for legacy URLs such as `/index.php?news_id=5`), however its
     * percent-escapes are spelled (normalizeLegacyPath); rows written before paths were normalized match as written.
     */
    async find(fromPath: string): Promise<Redirect | undefined> {
      const key = normalizeLegacyPath(fromPath)
      const row = await db.selectFrom('redirects').select(['from_path', 'status', 'to_article_id', 'to_url'])
        .where('from_path', 'in', key === fromPath ? [key] : [key, fromPath]).orderBy(sql`from_path = ${key}`, 'desc').executeTakeFirst()
      return row && { fromPath: row.from_path, status: row.status, toArticleId: row.to_article_id, toUrl: row.to_url }
    },
    /** The redirects from these paths, each written in its normalized spelling, by path: one statement for them all. */
    async findNormalized(paths: readonly string[]): Promise<Map<string, Redirect>> {
      const found = new Map<string, Redirect>()
      if (paths.length === 0) return found
      const distinct = [...new Set(paths)]
      const rows = await rowsFrom(distinct.length, pathValues(distinct))
      for (const row of rows) found.set(row.from_path, { fromPath: row.from_path, status: row.status, toArticleId: row.to_article_id, toUrl: row.to_url })
      return found
    },
    /** Adds or replaces the redirect from a path, kept in its normalized spelling. */
    async put(r: NewRedirect): Promise<void> {
      await putMany([r])
    },
    /** put() for several redirects in one statement; of two from the same path, the last wins. */
    putMany,
    /** Removes a redirect, e.g. when a live article takes the path back. */
    async remove(fromPath: string): Promise<void> {
      const paths = [...new Set([fromPath, normalizeLegacyPath(fromPath)])]
      await removeFrom(paths.length, pathValues(paths))
    },

    /** One page of redirects, newest first; `text` filters on the from path or the target URL. Fetches limit + 1 rows. */
    async list(q: { readonly text?: string; readonly limit: number; readonly offset: number }): Promise<{ items: RedirectRow[]; hasNext: boolean }> {
      const rows = await db.selectFrom('redirects').selectAll()
        .$if(!!q.text, (b) => b.where(sql<boolean>`(lower(from_path) like ${likeText(q.text!)} escape '\\' or lower(coalesce(to_url, '')) like ${likeText(q.text!)} escape '\\')`))
        .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).offset(q.offset).execute()
      return {
        hasNext: rows.length > q.limit,
        items: rows.slice(0, q.limit).map((r) => ({
          id: r.id, fromPath: r.from_path, status: r.status, toArticleId: r.to_article_id, toUrl: r.to_url,
          kind: r.kind as RedirectKind, createdAt: r.created_at,
        })),
      }
    },
    async byId(id: number): Promise<{ id: number; fromPath: string } | undefined> {
      const row = await db.selectFrom('redirects').select(['id', 'from_path']).where('id', '=', id).executeTakeFirst()
      return row && { id: row.id, fromPath: row.from_path }
    },
  }
}

export type Redirects = ReturnType<typeof createRedirects>
