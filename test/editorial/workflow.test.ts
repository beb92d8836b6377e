// Every workflow move for every role, as creator and not, on both engines (src/editorial/workflow.ts).

import assert from 'node:assert/strict'
import { forEachDatabase } from '../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { HOUR, NOW } from '../support/editing.ts'
import { ARTICLE_STATUSES, type ArticleStatus } from '../../src/domain/article.ts'
import { ROLES, type Role } from '../../src/domain/roles.ts'
import { publish, unpublish } from '../../src/editorial/publishing.ts'
import { transition } from '../../src/editorial/workflow.ts'
import { AppError } from '../../src/errors.ts'
import type { Store } from '../../src/store/store.ts'

// The workflow of the issue, written out by hand: every move that exists, republishing (Update) included.
const MOVES = new Set([
  'draft>in_review', 'draft>scheduled', 'draft>published', 'in_review>draft', 'in_review>scheduled', 'in_review>published',
  'scheduled>draft', 'scheduled>published', 'published>unpublished', 'published>published', 'unpublished>draft', 'unpublished>published',
])

/** What the issue says: contributors move their own between draft and review; authors do everything with their own; editors and admins all. */
function expected(role: Role, own: boolean, from: ArticleStatus, to: ArticleStatus): 'ok' | 'Conflict' | 'Forbidden' {
  if (!MOVES.has(`${from}>${to}`)) return 'Conflict'
  if (role === 'editor' || role === 'admin') return 'ok'
  if (role === 'author') return own ? 'ok' : 'Forbidden'
  return own && ((from === 'draft' && to === 'in_review') || (from === 'in_review' && to === 'draft')) ? 'ok' : 'Forbidden'
}

async function articleIn(store: Store, status: ArticleStatus): Promise<number> {
  const id = await seedArticle(store, { draft: true })
  await store.transaction(async (tx) => {
    if (status === 'published' || status === 'unpublished') await publish(tx, id, { now: NOW, siteLanguage: 'en' })
    if (status === 'unpublished') await unpublish(tx, id, { now: NOW, siteLanguage: 'en' })
    if (status === 'in_review') await tx.articles.setStatus(id, 'in_review', {})
    if (status === 'scheduled') await tx.articles.setStatus(id, 'scheduled', { scheduledAt: NOW + HOUR })
  })
  return id
}

forEachDatabase('every transition is allowed or refused per role and ownership exactly as the permission matrix says', async (store) => {
  await seedTaxonomy(store)
  const wrong: string[] = []
  let allowed = 0
  for (const from of ARTICLE_STATUSES) {
    for (const to of ARTICLE_STATUSES) {
      for (const role of ROLES) {
        for (const own of [true, false]) {
          const want = expected(role, own, from, to)
          const id = await articleIn(store, from)
          const got = await store.transaction((tx) => transition(tx, {
            articleId: id, to, userRole: role, userIsCreator: own, at: NOW + 2 * HOUR, now: NOW + 60_000, siteLanguage: 'en',
          })).then(() => 'ok', (err: unknown) => (err instanceof AppError ? err.kind : String(err)))
          const status = (await store.articles.get(id))?.status
          if (got !== want) wrong.push(`${role}${own ? ' (own)' : ''} ${from} → ${to}: expected ${want}, got ${got}`)
          else if (got === 'ok' && status !== to) wrong.push(`${role} ${from} → ${to}: allowed but status is ${status}`)
          else if (got !== 'ok' && status !== from) wrong.push(`${role} ${from} → ${to}: refused but status moved to ${status}`)
          if (got === 'ok') allowed++
        }
      }
    }
  }
  assert.deepEqual(wrong, [])
  // 12 moves × (editor + admin) × 2, + 12 × author-own, + 2 contributor-own.
  assert.equal(allowed, 12 * 4 + 12 + 2)
})

forEachDatabase('scheduling needs a time in the future, named `at`, and sets the scheduled time', async (store) => {
  await seedTaxonomy(store)
  const id = await articleIn(store, 'draft')
  const move = (at: number | undefined) => store.transaction((tx) => transition(tx, {
    articleId: id, to: 'scheduled', userRole: 'editor', userIsCreator: false, now: NOW, siteLanguage: 'en', ...(at !== undefined && { at }),
  }))
  for (const at of [NOW - HOUR, NOW, undefined, Number.NaN]) {
    await assert.rejects(move(at), (err: unknown) => err instanceof AppError && err.kind === 'Invalid' && err.field === 'at', String(at))
  }
  assert.equal((await store.articles.get(id))?.status, 'draft')
  await move(NOW + HOUR)
  const a = await store.articles.get(id)
  assert.equal(a?.status, 'scheduled')
  assert.equal(a?.scheduledAt, NOW + HOUR)
  // Back to draft: the schedule no longer applies.
  await store.transaction((tx) => transition(tx, { articleId: id, to: 'draft', userRole: 'editor', userIsCreator: false, now: NOW, siteLanguage: 'en' }))
  assert.equal((await store.articles.get(id))?.scheduledAt, null)
})

forEachDatabase('an unknown status or article is refused with a clear error', async (store) => {
  await seedTaxonomy(store)
  const id = await articleIn(store, 'draft')
  const attempt = (articleId: number, to: string) => store.transaction((tx) => transition(tx, {
    articleId, to: to as ArticleStatus, userRole: 'admin', userIsCreator: true, now: NOW, siteLanguage: 'en',
  }))
  await assert.rejects(attempt(id, 'live'), (err: unknown) => err instanceof AppError && err.kind === 'Invalid' && err.field === 'status')
  await assert.rejects(attempt(999_999, 'in_review'), (err: unknown) => err instanceof AppError && err.kind === 'NotFound')
  await assert.rejects(attempt(-1, 'in_review'), (err: unknown) => err instanceof AppError && err.kind === 'NotFound')
})
