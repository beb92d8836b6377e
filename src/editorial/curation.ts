// Curation of the front page: the pinned lead story and the ordered, expiring editor's choice. One transaction each.

import type { Clock } from '../domain/clock.ts'
import type { Invalidation } from '../domain/invalidation.ts'
import { can, type Role } from '../domain/roles.ts'
import { AppError } from '../errors.ts'
import type { Repositories, Store } from '../store/store.ts'
import type { SiteContextCache } from '../reading/site-settings.ts'
import { direction, requiredId } from './desk-input.ts'
import type { Actor } from './article-access.ts'
import { requirePermission } from './permission.ts'

export interface CurationDeps {
  readonly store: Store
  readonly clock: Clock
  /** Settings are cached in memory: the pin must drop that cache once it is written. */
  readonly site: SiteContextCache
}

export interface FrontPick {
  readonly id: number
  readonly title: string
  readonly rank: number | null
  readonly until: number | null
  readonly live: boolean
  readonly publishedAt: number | null
}

export interface FrontState {
  /** The pinned lead, or null when the newest article leads. */
  readonly leadArticleId: number | null
  /** Recent live articles to pin, newest first. */
  readonly candidates: readonly { readonly id: number; readonly title: string; readonly publishedAt: number }[]
  readonly picks: readonly FrontPick[]
}

// Picks and the lead appear on the front page, picks on every article page too (domain/invalidation.ts).
const picksChanged = (ids: readonly number[]): Invalidation => ({ all: false, articleIds: ids, scopes: ['picks', 'front'] })

const LEAD_KEY = 'lead_article_id'

/** Whether `role` may curate the front page (editors and admins); the editor shows the rank field by it. */
export const mayCurate = (role: Role): boolean => can(role, 'front.curate')

/**
 * Editor's choice is curation of the front page, whichever door sets it (the desk's form, the Admin API's
 * `editors_choice`): throws Forbidden when `role` may not curate and the rank would change from `before` to `after`.
 * `after` undefined means the rank is left as it is.
 */
export function checkCurating(role: Role, before: number | null, after: number | null | undefined): void {
  if (after === undefined || after === before || can(role, 'front.curate')) return
  throw new AppError('Forbidden', `the ${role} role may not curate the front page: editor's choice is set by editors`, 'editors_choice')
}

/** Rewrites ranks 1..n in the given order, keeping each pick's expiry; returns the ids whose rank changed. */
async function rank(tx: Repositories, order: readonly FrontPick[]): Promise<number[]> {
  const moved: number[] = []
  for (const [i, p] of order.entries()) {
    if (p.rank === i + 1) continue
    await tx.articles.setEditorsChoice(p.id, { rank: i + 1, until: p.until })
    moved.push(p.id)
  }
  return moved
}

/**
 * Keeps editor's choice ranks unique after `articleId`'s rank was written as `after` (null: out of the picks) over
 * `before`, inside the transaction of that write (a save, a create, a restore, from the desk or the Admin API): the
 * article takes place `after` and the picks from there on move down one, or the others close ranks when it left.
 * Ranks are rewritten 1..n, so a rank past the end puts the article last. Records the picks as stale. Returns the
 * article's rank as stored.
 *
 * @example a save moving article 7 to the top: `await placePick(tx, 7, 3, 1)` makes the old 1 and 2 become 2 and 3.
 */
export async function placePick(tx: Repositories, articleId: number, before: number | null, after: number | null): Promise<number | null> {
  if (before === after) return after
  const list = await tx.articles.editorsChoice()
  const self = list.find((p) => p.id === articleId)
  const others = list.filter((p) => p.id !== articleId)
  if (after === null || !self) {
    const moved = await rank(tx, others)
    await tx.invalidations.record(picksChanged([articleId, ...moved]))
    return null
  }
  const at = Math.min(Math.max(after, 1), others.length + 1) - 1
  const moved = await rank(tx, [...others.slice(0, at), self, ...others.slice(at)])
  await tx.invalidations.record(picksChanged([articleId, ...moved]))
  return at + 1
}

export function createCuration({ store, clock, site }: CurationDeps) {

  async function pickOf(tx: Repositories, id: number): Promise<{ list: FrontPick[]; index: number }> {
    const list = await tx.articles.editorsChoice()
    const index = list.findIndex((p) => p.id === id)
    if (index < 0) throw new AppError('NotFound', 'that article is not in the editor\'s choice')
    return { list, index }
  }

  async function audit(tx: Repositories, userId: number | null, action: string, articleId: number | null, details: Record<string, unknown>): Promise<void> {
    await tx.audit.record({ userId, action, subjectType: articleId === null ? null : 'article', subjectId: articleId === null ? null : String(articleId), details, at: clock.now() })
  }

  return {
    /** Published articles whose title holds `text`, to add to the front page: at most `limit`, for curators only. */
    async findPublished(actor: Actor, text: string, limit: number): Promise<{ id: number; title: string; publishedAt: number | null }[]> {
      requirePermission(actor, 'front.curate')
      const found = await store.deskArticles.list({ status: 'published', text, page: 1, perPage: limit })
      return found.items.map((a) => ({ id: a.id, title: a.title, publishedAt: a.publishedAt }))
    },

    /** The front page as `actor` curates it (Forbidden for roles that may not curate). */
    async state(actor: Actor): Promise<FrontState> {
      requirePermission(actor, 'front.curate')
      const { leadArticleId } = await site.get()
      const [latest, picks] = await Promise.all([store.live.latest(30), store.articles.editorsChoice()])
      return { leadArticleId, candidates: latest.map((a) => ({ id: a.id, title: a.title, publishedAt: a.publishedAt })), picks }
    },

    /** Pins a live article as the front page's lead, or clears the pin (`articleId` empty) so the newest leads. */
    async pinLead(actor: Actor, articleId: unknown): Promise<void> {
      requirePermission(actor, 'front.curate')
      const id = articleId === '' || articleId === undefined ? null : requiredId(articleId, 'lead', 'The lead article')
      await store.transaction(async (tx) => {
        if (id !== null && !(await tx.articles.livePath(id))) throw new AppError('Invalid', 'only a published article can lead the front page', 'lead')
        const before = (await tx.site.settings())[LEAD_KEY]
        await tx.site.setSetting(LEAD_KEY, id)
        const ids = [id, typeof before === 'number' ? before : null].filter((x): x is number => x !== null)
        await tx.invalidations.record({ all: false, articleIds: ids, scopes: ['front'] })
        await audit(tx, actor.userId, id === null ? 'front.lead-clear' : 'front.lead-pin', id, { previous: before ?? null })
      })
      site.invalidate()
    },

    /** Adds a live article at the end of the editor's choice. */
    async addPick(actor: Actor, articleId: unknown): Promise<void> {
      requirePermission(actor, 'front.curate')
      const id = requiredId(articleId, 'article', 'The article id')
      await store.transaction(async (tx) => {
        if (!(await tx.articles.livePath(id))) throw new AppError('Invalid', `article ${id} is not published`, 'article')
        const list = await tx.articles.editorsChoice()
        if (list.some((p) => p.id === id)) throw new AppError('Invalid', `article ${id} is already in the editor's choice`, 'article')
        await rank(tx, list)
        await tx.articles.setEditorsChoice(id, { rank: list.length + 1, until: null })
        await tx.invalidations.record(picksChanged([id]))
        await audit(tx, actor.userId, 'front.pick-add', id, { rank: list.length + 1 })
      })
    },

    /** Moves a pick one place up or down. */
    async movePick(actor: Actor, articleId: unknown, dir: unknown): Promise<void> {
      requirePermission(actor, 'front.curate')
      const id = requiredId(articleId, 'article', 'The article id')
      const d = direction(dir)
      await store.transaction(async (tx) => {
        const { list, index } = await pickOf(tx, id)
        const other = d === 'up' ? index - 1 : index + 1
        if (other < 0 || other >= list.length) return
        const order = [...list]
        ;[order[index], order[other]] = [order[other]!, order[index]!]
        await rank(tx, order)
        await tx.invalidations.record(picksChanged([id, list[other]!.id]))
        await audit(tx, actor.userId, 'front.pick-move', id, { direction: d, rank: other + 1 })
      })
    },

    /** Sets when a pick leaves the editor's choice (epoch ms, in the future), or clears it (null). */
    async setPickExpiry(actor: Actor, articleId: unknown, until: number | null): Promise<void> {
      requirePermission(actor, 'front.curate')
      const id = requiredId(articleId, 'article', 'The article id')
      if (until !== null && until <= clock.now()) throw new AppError('Invalid', 'the expiry must be in the future', 'until')
      await store.transaction(async (tx) => {
        const { list, index } = await pickOf(tx, id)
        await tx.articles.setEditorsChoice(id, { rank: list[index]!.rank ?? index + 1, until })
        await tx.invalidations.record(picksChanged([id]))
        await audit(tx, actor.userId, until === null ? 'front.pick-expiry-clear' : 'front.pick-expiry', id, { until })
      })
    },

    /** Takes an article out of the editor's choice; the others close ranks. */
    async removePick(actor: Actor, articleId: unknown): Promise<void> {
      requirePermission(actor, 'front.curate')
      const id = requiredId(articleId, 'article', 'The article id')
      await store.transaction(async (tx) => {
        const { list, index } = await pickOf(tx, id)
        await tx.articles.setEditorsChoice(id, null)
        await rank(tx, list.filter((_, i) => i !== index))
        await tx.invalidations.record(picksChanged([id]))
        await audit(tx, actor.userId, 'front.pick-remove', id, {})
      })
    },
  }
}

export type Curation = ReturnType<typeof createCuration>
