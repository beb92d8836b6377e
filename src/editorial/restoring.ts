// The restore use-case: a Broadsheet export written back into an empty site, kind by kind in batches of one
// transaction each, with new ids mapped from the old ones. Who may do it, the audit record, the search index, related
// articles and the cache invalidation are decided here; reading and checking the files is importers/broadsheet/.

import { randomBytes } from 'node:crypto'
import type { Clock } from '../domain/clock.ts'
import { languagePrefix } from '../domain/language.ts'
import { can } from '../domain/roles.ts'
import { plainText } from '../content/excerpt.ts'
import { sanitizeBodyAsync } from '../content/sanitize.ts'
import { AppError } from '../errors.ts'
import type { Repositories, Store } from '../store/store.ts'
import type { Row } from '../store/transfer.ts'
import type { SearchDocument } from '../store/search-index.ts'
import { finishBulk, newBulkPublish } from './publishing.ts'
import { settlePending } from '../related/settle.ts'
import { KINDS, LEAD_SETTING, ORIGIN_TARGETS, type Kind } from '../domain/export-format.ts'
import { toRow } from '../domain/export-records.ts'
import type { ImportActor } from './importing.ts'

/** A password hash no password matches (passwords.ts verifies only `scrypt$…`): restored users must have one set. */
export const NO_PASSWORD = 'none'

/** Everything a restore writes: an admin's rights, or the command line's. */
const NEEDED = ['article.publish', 'taxonomy.manage', 'authors.manage', 'redirects.manage', 'users.manage', 'settings.manage', 'webhooks.manage'] as const

/** Old id → new id, per kind, kept across the batches of one restore; and references to rows that came later. */
export interface RestoreState {
  readonly ids: Map<Kind, Map<number, number>>
  readonly later: { readonly table: 'tags' | 'articles' | 'pages'; readonly id: number; readonly column: 'parent_id' | 'translation_group'; readonly kind: Kind; readonly old: number }[]
  readonly started: number
}

/** A line of the export, checked by importers/broadsheet/read.ts. */
type Line = Record<string, unknown>

export interface RestoringDeps {
  readonly store: Store
  readonly clock: Clock
}

export const newRestoreState = (now: number): RestoreState => ({ ids: new Map(), later: [], started: now })

const mapOf = (s: RestoreState, kind: Kind): Map<number, number> => {
  let m = s.ids.get(kind)
  if (!m) s.ids.set(kind, (m = new Map()))
  return m
}

/** The new id of `old` in `kind`; null stays null. Throws when it is unknown (the reader checked every reference). */
function to(s: RestoreState, kind: Kind, old: unknown): number | null {
  if (old === null || old === undefined) return null
  const id = s.ids.get(kind)?.get(old as number)
  if (id === undefined) throw new AppError('Invalid', `${kind} id ${String(old)} was not imported before it was referred to`)
  return id
}

/** Bodies through the one sanitizer, before the transaction (a long one goes to the worker thread). */
async function cleanBodies(kind: Kind, lines: readonly Line[]): Promise<Line[]> {
  return Promise.all(lines.map(async (l) => {
    if (kind === 'pages') return { ...l, body_html: await sanitizeBodyAsync(l.body_html as string) }
    if (kind === 'articles') {
      const live = l.live as Line | null
      return { ...l, body_html: await sanitizeBodyAsync(l.body_html as string), live: live && { ...live, body_html: await sanitizeBodyAsync(live.body_html as string) } }
    }
    if (kind === 'revisions') {
      const snap = l.snapshot as Line
      return { ...l, snapshot: { ...snap, body_html: await sanitizeBodyAsync(typeof snap.body_html === 'string' ? snap.body_html : '') } }
    }
    return l
  }))
}

/** The columns of an article copy (working or live) with its references mapped. */
const copyColumns = (s: RestoreState, l: Line, fields: typeof KINDS.articles.fields | typeof KINDS.articles.fields.live.fields, skip: string[]): Row => ({
  ...toRow(fields, l, skip), section_id: to(s, 'sections', l.section_id), hero_media_id: to(s, 'media', l.hero_media_id),
})

/** Rows that a batch of articles writes together at its end: one statement per table instead of one per article. */
interface ArticleRows {
  readonly tags: Row[]
  readonly authors: Row[]
  readonly live: Row[]
  readonly liveTags: Row[]
  readonly liveAuthors: Row[]
  readonly documents: { readonly id: number; readonly doc: SearchDocument }[]
}

const newArticleRows = (): ArticleRows => ({ tags: [], authors: [], live: [], liveTags: [], liveAuthors: [], documents: [] })

async function writeArticle(tx: Repositories, s: RestoreState, l: Line, rows: ArticleRows): Promise<void> {
  const group = l.translation_group as number | null
  const row = { ...copyColumns(s, l, KINDS.articles.fields, ['id', 'translation_group']), created_by: to(s, 'users', l.created_by) }
  const own = s.ids.get('articles')?.get(group ?? -1)
  const id = await tx.transfer.insert('articles', { ...row, translation_group: own ?? null })
  mapOf(s, 'articles').set(l.id as number, id)
  // A group is named after its first article, which may be this one or one further on.
  if (group !== null && own === undefined) s.later.push({ table: 'articles', id, column: 'translation_group', kind: 'articles', old: group })
  const links = (list: unknown, kind: 'tags' | 'authors', extra: Row = {}) =>
    (list as number[]).map((old, position) => ({ article_id: id, [kind === 'tags' ? 'tag_id' : 'author_id']: to(s, kind, old), position, ...extra }))
  rows.tags.push(...links(l.tags, 'tags'))
  rows.authors.push(...links(l.authors, 'authors'))
  const live = l.live as Line | null
  if (!live) return
  const liveRow: Row = { article_id: id, ...copyColumns(s, live, KINDS.articles.fields.live.fields, []) }
  // The primary subtag is derived, not exported: listings in a language read it (store/articles.ts writeLive).
  const primary = { primary_subtag: languagePrefix(live.language as string) }
  rows.live.push({ ...liveRow, ...primary })
  const publishedAt = liveRow.published_at as number
  rows.liveTags.push(...links(live.tags, 'tags', { published_at: publishedAt, ...primary }))
  rows.liveAuthors.push(...links(live.authors, 'authors', { published_at: publishedAt, ...primary }))
  // The index follows the live copy in the same transaction, as publishing does: plain text, never HTML.
  rows.documents.push({ id, doc: {
    title: live.title as string, standfirst: live.standfirst as string, body: plainText(live.body_html as string),
    language: live.language as string, sectionId: liveRow.section_id as number, publishedAt,
  } })
}

/**
 * Writes a batch's collected article rows, indexes their live copies for search, and indexes them for related
 * articles the way bulk publishing does (publishing.ts finishBulk): each batch counts its terms and lists its
 * articles' related ones against what came before it, and the related-refresh job carries on from there.
 */
async function finishArticles(tx: Repositories, rows: ArticleRows, now: number): Promise<void> {
  await tx.transfer.insertRows('article_tags', rows.tags)
  await tx.transfer.insertRows('article_authors', rows.authors)
  await tx.transfer.insertRows('article_live', rows.live)
  await tx.transfer.insertRows('live_tags', rows.liveTags)
  await tx.transfer.insertRows('live_authors', rows.liveAuthors)
  const bulk = newBulkPublish()
  for (const d of rows.documents) {
    bulk.documents.push(d)
    bulk.related.push({ id: d.id, previous: null })
  }
  await finishBulk(tx, bulk, { now })
}

/** Writes one checked line of `kind`; references point at rows of earlier kinds (or earlier lines), already mapped. */
async function writeLine(tx: Repositories, s: RestoreState, kind: Kind, l: Line, now: number, rows: ArticleRows): Promise<void> {
  const fields = KINDS[kind].fields
  const insert = async (table: Parameters<Repositories['transfer']['insert']>[0], row: Row) => {
    mapOf(s, kind).set(l.id as number, await tx.transfer.insert(table, row))
  }
  switch (kind) {
    case 'settings': return tx.site.setSetting(l.key as string, l.value)
    // No password travels in an export: a restored user signs in only once `broadsheet user reset-password` gave one.
    case 'users': return insert('users', { ...toRow(fields, l, ['id']), password_hash: NO_PASSWORD, disabled: 1 })
    case 'media': {
      await insert('media', toRow(fields, l, ['id', 'sha256', 'variants']))
      const id = to(s, 'media', l.id)!
      const variants = l.variants as Line[]
      if (variants.length) await tx.transfer.insertRows('media_variants', variants.map((v) => ({ media_id: id, ...v })))
      // Variants are made again when the export had none (not made yet, or lost); drawings have none to make.
      else if (l.mime !== 'image/svg+xml') await tx.media.enqueueVariants(id, now)
      return
    }
    case 'pages': {
      // A page may sit under one exported after it (moved there later): its parent is set at the end, as for tags.
      const parent = s.ids.get('pages')?.get(l.parent_id as number)
      // Pages of a version-1 export carry no language: they are in the site's default language.
      const language = (l.language as string) || String((await tx.site.settings()).language ?? 'en')
      await insert('pages', { ...toRow(fields, l, ['id']), parent_id: parent ?? null, language })
      if (l.parent_id !== null && parent === undefined) s.later.push({ table: 'pages', id: to(s, 'pages', l.id)!, column: 'parent_id', kind: 'pages', old: l.parent_id as number })
      return
    }
    case 'sections': return insert('sections', toRow(fields, l, ['id']))
    case 'tags': {
      const parent = s.ids.get('tags')?.get(l.parent_id as number)
      await insert('tags', { ...toRow(fields, l, ['id', 'names']), parent_id: parent ?? null })
      const names = l.names as Line[]
      if (names.length) await tx.taxonomy.setTagNames(to(s, 'tags', l.id)!, Object.fromEntries(names.map((n) => [String(n.language), String(n.name)])))
      if (l.parent_id !== null && parent === undefined) s.later.push({ table: 'tags', id: to(s, 'tags', l.id)!, column: 'parent_id', kind: 'tags', old: l.parent_id as number })
      return
    }
    case 'authors': return insert('authors', { ...toRow(fields, l, ['id']), photo_media_id: to(s, 'media', l.photo_media_id) })
    case 'speakers': return insert('speakers', {
      ...toRow(fields, l, ['id']), links: JSON.stringify(l.links), country_tag_id: to(s, 'tags', l.country_tag_id), photo_media_id: to(s, 'media', l.photo_media_id),
    })
    case 'articles': return writeArticle(tx, s, l, rows)
    case 'quotes': return insert('quotes', {
      ...toRow(fields, l, ['id']), article_id: to(s, 'articles', l.article_id), speaker_id: to(s, 'speakers', l.speaker_id), place_tag_id: to(s, 'tags', l.place_tag_id),
    })
    case 'live_quotes': {
      const row: Row = { ...toRow(fields, l, ['quote_id']), article_id: to(s, 'articles', l.article_id), speaker_id: to(s, 'speakers', l.speaker_id), place_tag_id: to(s, 'tags', l.place_tag_id) }
      // A live quote keeps its working quote's (new) id, so its address follows the quote across republications. One
      // whose working quote is gone gets a fresh id, reserved with an anchor no mark can have.
      const quoteId = s.ids.get('quotes')?.get(l.quote_id as number) ?? await tx.transfer.reserveQuoteId({
        article_id: row.article_id, anchor: `~${String(l.quote_id)}`, position: row.position, speaker_id: row.speaker_id, text: row.text,
      })
      return tx.transfer.insertRows('live_quotes', [{ ...row, quote_id: quoteId }])
    }
    case 'revisions': {
      const snap = l.snapshot as Line
      // The snapshot names the hero image by id (store/revisions.ts keeps it in this stored form); the rest by slug.
      const hero = typeof snap.hero_media_id === 'number' ? s.ids.get('media')?.get(snap.hero_media_id) ?? null : null
      return insert('revisions', {
        ...toRow(fields, l, ['id', 'snapshot']), article_id: to(s, 'articles', l.article_id), saved_by: to(s, 'users', l.saved_by),
        snapshot: JSON.stringify({ ...snap, hero_media_id: hero }),
      })
    }
    case 'editors_choice': {
      const id = to(s, 'articles', l.article_id)!
      const row = toRow(fields, l)
      if (row.rank !== null || row.until !== null) await tx.transfer.setPick(id, row.rank as number | null, row.until as number | null)
      if (l.lead === true) await tx.site.setSetting(LEAD_SETTING, id)
      return
    }
    case 'related_overrides': return tx.transfer.insertRows('related_overrides', [
      { ...toRow(fields, l), article_id: to(s, 'articles', l.article_id), other_id: to(s, 'articles', l.other_id) },
    ])
    case 'redirects': return insert('redirects', { ...toRow(fields, l, ['id']), to_article_id: to(s, 'articles', l.to_article_id) })
    // Secrets stay behind: a receiver comes back switched off with a new secret, and is added again to get one to share.
    case 'webhooks': return insert('webhook_receivers', {
      ...toRow(fields, l, ['id']), secret: randomBytes(32).toString('hex'), active: 0, deactivated_at: toRow(fields, l).deactivated_at ?? now,
    })
    case 'import_origins': return tx.transfer.insertRows('import_origins', [{ ...toRow(fields, l), target_id: to(s, ORIGIN_TARGETS[l.kind as string]!, l.target_id) }])
  }
}

export function createRestoring({ store, clock }: RestoringDeps) {
  return {
    /** Throws AppError('Forbidden') unless `actor` may restore a whole site (an admin, or the command line). */
    authorize(actor: ImportActor): void {
      if (actor.kind === 'system') return
      const missing = NEEDED.find((action) => !can(actor.role, action))
      if (missing) throw new AppError('Forbidden', `the ${actor.role} role may not restore a site: it lacks ${missing}`)
    },

    /** Throws AppError('Conflict') naming what the site holds, unless it is empty (settings aside). */
    async assertEmpty(): Promise<void> {
      const held = await store.transfer.nonEmptyTables()
      if (held.length) throw new AppError('Conflict', `this site is not empty (it has ${held.join(', ')}); import a Broadsheet export only into a new, empty site`)
    },

    /** Writes checked lines of one kind in one transaction: all of them, or none. */
    async writeBatch(actor: ImportActor, kind: Kind, lines: readonly Line[], state: RestoreState): Promise<void> {
      this.authorize(actor)
      const clean = await cleanBodies(kind, lines)
      const now = clock.now()
      await store.transaction(async (tx) => {
        const rows = newArticleRows()
        for (const l of clean) await writeLine(tx, state, kind, l, now, rows)
        if (kind === 'articles') await finishArticles(tx, rows, now)
      })
      // A restore grows every table from nothing, as an import does (planner-statistics.ts).
      await store.statistics.refreshStale()
    },

    /**
     * Ends a restore: finishes the related articles the batches left marked (related/settle.ts), then points forward
     * references at their rows, writes the audit record and makes every cached page stale, in one transaction.
     */
    async finish(
      actor: ImportActor, state: RestoreState, counts: Readonly<Record<string, number>>, onSettleProgress?: (stage: string, done: number) => void,
    ): Promise<void> {
      this.authorize(actor)
      await settlePending(store, clock.now(), undefined, { clock, ...(onSettleProgress && { onProgress: onSettleProgress }) })
      const now = clock.now()
      await store.transaction(async (tx) => {
        for (const r of state.later) await tx.transfer.setReference(r.table, r.id, r.column, to(state, r.kind, r.old)!)
        await tx.audit.record({
          userId: actor.kind === 'user' ? actor.userId : null, action: 'import.broadsheet', subjectType: 'import', subjectId: 'broadsheet',
          details: { by: actor.kind === 'system' ? actor.name : 'desk', ms: now - state.started, ...counts }, at: now,
        })
        await tx.invalidations.record({ all: true })
      })
    },
  }
}

export type Restoring = ReturnType<typeof createRestoring>
