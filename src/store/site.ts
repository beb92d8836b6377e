// Site settings (a key–value table of JSON values) and static pages.

import type { Kysely } from 'kysely'
import type { StaticPage } from '../domain/site.ts'
import { storedSanitizedHtml } from '../content/sanitize.ts'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'
import type { Database } from './schema.ts'

export function createSite(db: Kysely<Database>) {
  return {
    /** Every setting, parsed. */
    async settings(): Promise<Record<string, unknown>> {
      const rows = await db.selectFrom('settings').select(['key', 'value']).execute()
      return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]))
    },
    async setSetting(key: string, value: unknown): Promise<void> {
      const json = JSON.stringify(value)
      await db.insertInto('settings').values({ key, value: json })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: json })).execute()
    },
    /** The value of `key`, first storing `value` if the key is absent; concurrent first calls all get the one stored value. */
    async settingOrInsert(key: string, value: unknown): Promise<unknown> {
      await db.insertInto('settings').values({ key, value: JSON.stringify(value) }).onConflict((oc) => oc.column('key').doNothing()).execute()
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow()
      return JSON.parse(row.value) as unknown
    },
    /** Slug and last update of every static page, by slug (for the sitemap). */
    async pageList(): Promise<{ slug: string; updatedAt: number }[]> {
      const rows = await db.selectFrom('pages').select(['slug', 'updated_at']).orderBy('slug').execute()
      return rows.map((r) => ({ slug: r.slug, updatedAt: r.updated_at }))
    },
    async page(slug: string): Promise<StaticPage | undefined> {
      const row = await db.selectFrom('pages').selectAll().where('slug', '=', slug).executeTakeFirst()
      return row && { id: row.id, slug: row.slug, title: row.title, bodyHtml: storedSanitizedHtml(row.body_html), updatedAt: row.updated_at }
    },
    /** Creates or replaces the static page `slug` (the desk's settings page edits About, Contact and Privacy). */
    async savePage(p: { slug: string; title: string; bodyHtml: SanitizedHtml; updatedAt: number }): Promise<void> {
      const values = { title: p.title, body_html: p.bodyHtml, updated_at: p.updatedAt }
      await db.insertInto('pages').values({ slug: p.slug, ...values }).onConflict((oc) => oc.column('slug').doUpdateSet(values)).execute()
    },
    /** Removes the static page `slug`; false when there was none. */
    async deletePage(slug: string): Promise<boolean> {
      const res = await db.deleteFrom('pages').where('slug', '=', slug).executeTakeFirst()
      return Number(res.numDeletedRows) > 0
    },
    async insertPage(p: { slug: string; title: string; bodyHtml: SanitizedHtml; updatedAt: number }): Promise<number> {
      const row = await db.insertInto('pages').values({ slug: p.slug, title: p.title, body_html: p.bodyHtml, updated_at: p.updatedAt })
        .returning('id').executeTakeFirstOrThrow()
      return row.id
    },
  }
}

export type Site = ReturnType<typeof createSite>
