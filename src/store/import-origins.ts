// Origins of imported things: (system, site, kind, source id) → our id and the hash of what was imported.

import type { Kysely } from 'kysely'
import type { Database } from './schema.ts'
import { prepared } from './prepared.ts'

/** `page` is a static page (a Ghost page); `media` an image fetched from the source, keyed by its address. */
export type OriginKind = 'section' | 'tag' | 'author' | 'article' | 'page' | 'media'

/** Names one thing of one source site: a WordPress post is ('wordpress', 'https://old.example', 'article', '12'). */
export interface OriginKey {
  readonly system: string
  readonly site: string
  readonly kind: OriginKind
  readonly sourceId: string
}

export interface Origin {
  readonly targetId: number
  readonly contentHash: string
}

const TABLE: Readonly<Record<OriginKind, 'sections' | 'tags' | 'authors' | 'articles' | 'pages' | 'media'>> = {
  section: 'sections', tag: 'tags', author: 'authors', article: 'articles', page: 'pages', media: 'media',
}

export function createImportOrigins(db: Kysely<Database>) {
  // An import runs these for every item: compiled once for this repository (one per batch's transaction).
  const findOne = prepared(db, (k: OriginKey) => db.selectFrom('import_origins').select(['target_id', 'content_hash'])
    .where('system', '=', k.system).where('site', '=', k.site).where('kind', '=', k.kind).where('source_id', '=', k.sourceId))
  const upsert = prepared(db, (v: OriginKey & Origin & { at: number }) => db.insertInto('import_origins')
    .values({ system: v.system, site: v.site, kind: v.kind, source_id: v.sourceId, target_id: v.targetId, content_hash: v.contentHash, imported_at: v.at })
    .onConflict((oc) => oc.columns(['system', 'site', 'kind', 'source_id']).doUpdateSet({ target_id: v.targetId, content_hash: v.contentHash, imported_at: v.at })))
  const holder = prepared(db, (v: { language: string; sectionId: number; slug: string }) => db.selectFrom('articles').select('id')
    .where('language', '=', v.language).where('section_id', '=', v.sectionId).where('slug', '=', v.slug))
  return {
    /** Our id for a source thing imported before, and its hash then. */
    async find(k: OriginKey): Promise<Origin | undefined> {
      const [row] = await findOne({ system: k.system, site: k.site, kind: k.kind, sourceId: k.sourceId })
      return row && { targetId: Number(row.target_id), contentHash: row.content_hash }
    },
    /** Records (or moves) the origin of a thing, with the hash of what was written. */
    async put(k: OriginKey, o: Origin, at: number): Promise<void> {
      await upsert({ system: k.system, site: k.site, kind: k.kind, sourceId: k.sourceId, targetId: o.targetId, contentHash: o.contentHash, at })
    },
    /** The origins recorded for one of our rows (an article an import or the Admin API named), oldest first. */
    async ofTarget(kind: OriginKind, targetId: number): Promise<OriginKey[]> {
      const rows = await db.selectFrom('import_origins').select(['system', 'site', 'source_id']).where('kind', '=', kind).where('target_id', '=', targetId)
        .orderBy('imported_at').orderBy('source_id').execute()
      return rows.map((r) => ({ system: r.system, site: r.site, kind, sourceId: r.source_id }))
    },
    /** Forgets an origin: the source thing is no longer said to be any row of ours. */
    async remove(k: OriginKey): Promise<void> {
      await db.deleteFrom('import_origins').where('system', '=', k.system).where('site', '=', k.site).where('kind', '=', k.kind).where('source_id', '=', k.sourceId).execute()
    },
    /** Whether the row an origin points to still exists (someone may have deleted it on this site since). */
    async targetExists(kind: OriginKind, id: number): Promise<boolean> {
      return (await db.selectFrom(TABLE[kind]).select('id').where('id', '=', id).executeTakeFirst()) !== undefined
    },
    /** The article (working copy, any status) holding `slug` in a section and language, if any. */
    async slugHolder(language: string, sectionId: number, slug: string): Promise<number | undefined> {
      return (await holder({ language, sectionId, slug }))[0]?.id
    },
    /** How many origins a source site has, by kind. */
    async count(system: string, site: string, kind: OriginKind): Promise<number> {
      const row = await db.selectFrom('import_origins').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('system', '=', system).where('site', '=', site).where('kind', '=', kind).executeTakeFirstOrThrow()
      return Number(row.n)
    },
  }
}

export type ImportOrigins = ReturnType<typeof createImportOrigins>
