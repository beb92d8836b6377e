// Fills a new database with the demo newsroom, once: the offer is recorded, so a newsroom that deletes it never gets it back.

import type { Clock } from '../../domain/clock.ts'
import { sanitizeBody, sanitizeBodyAsync } from '../../content/sanitize.ts'
import { AppError } from '../../errors.ts'
import type { Repositories, Store } from '../../store/store.ts'
import { createDraft, publish } from '../../editorial/publishing.ts'
import type { DemoNewsroom } from './demo-types.ts'
import { mediaStoreOf, type MediaPlace } from '../../media/storage/open.ts'

const HOUR = 3_600_000
const OFFERED = 'demo_offered_at'

/** The database, the clock, and the media store; demo images are written under `demo/` there. */
export type SeedDeps = { readonly store: Store; readonly clock: Clock } & MediaPlace

/** Writes the demo newsroom into the store. Throws AppError('Conflict') when the site already has articles. */
export async function seedDemo(deps: SeedDeps, newsroom: DemoNewsroom): Promise<{ articles: number }> {
  if ((await deps.store.live.count()) > 0) throw new AppError('Conflict', 'the site already has published articles; the demo goes only into an empty site')
  // Files first: nothing slow may run inside the transaction.
  const files = mediaStoreOf(deps)
  await Promise.all(newsroom.images.map((img) => {
    const data = Buffer.from(img.svg)
    return files.put(`demo/${img.slug}.svg`, data, { contentType: 'image/svg+xml', size: data.length })
  }))
  // Bodies are cleaned before the transaction too: a long one goes to the sanitizer's worker thread.
  const bodies = new Map(await Promise.all(newsroom.articles.map(async (a) => [a, await sanitizeBodyAsync(a.bodyHtml)] as const)))
  const now = deps.clock.now()
  return deps.store.transaction(async (tx) => {
    await tx.site.setSetting(OFFERED, now)
    await writeSettings(tx, newsroom)
    for (const [position, s] of newsroom.sections.entries()) await tx.taxonomy.insertSection({ ...s, position })
    await writeTags(tx, newsroom)
    for (const a of newsroom.authors) await tx.people.insertAuthor({ slug: a.slug, name: a.name, bio: a.bio, kind: a.kind, photoMediaId: null })
    const media = new Map<string, number>()
    for (const img of newsroom.images) {
      media.set(img.slug, await tx.media.insert({
        path: `demo/${img.slug}.svg`, mime: 'image/svg+xml', width: img.width, height: img.height, bytes: Buffer.byteLength(img.svg),
        alt: img.alt, caption: img.caption, credit: img.credit, focalX: 0.5, focalY: 0.5, createdAt: now,
        uploadedBy: null, // the system, not a desk account
      }))
    }
    for (const p of newsroom.pages) {
      await tx.pages.insert({ parentId: null, slug: p.slug, path: `/${p.slug}`, title: p.title, bodyHtml: sanitizeBody(p.bodyHtml), language: 'en', status: 'published', createdAt: now, updatedAt: now, publishedAt: now })
    }
    // Originals before translations, so a translation can name its original.
    const ordered = [...newsroom.articles].sort((a, b) => Number(!!a.translationOf) - Number(!!b.translationOf))
    const ids = new Map<string, number>()
    for (const a of ordered) {
      const id = await createDraft(tx, {
        title: a.title, slug: a.slug, standfirst: a.standfirst, bodyHtml: bodies.get(a)!, section: a.section, genre: a.genre,
        language: a.language ?? 'en', tags: a.tags, authors: a.authors, heroMediaId: a.hero ? media.get(a.hero) ?? null : null,
        editorsChoiceRank: a.editorsChoice ?? null, translationOf: a.translationOf ? ids.get(a.translationOf) ?? null : null,
        origin: { system: 'demo', id: `${a.language ?? 'en'}/${a.section}/${a.slug}` },
      }, { now, siteLanguage: 'en' })
      ids.set(a.slug, id)
      const publishedAt = Math.round(now - a.hoursAgo * HOUR)
      await publish(tx, id, { now, siteLanguage: 'en', publishedAt, updatedAt: a.updatedHoursAgo !== undefined ? Math.round(now - a.updatedHoursAgo * HOUR) : publishedAt })
    }
    return { articles: ids.size }
  })
}

async function writeSettings(tx: Repositories, n: DemoNewsroom): Promise<void> {
  await tx.site.setSetting('name', n.siteName)
  await tx.site.setSetting('description', n.siteDescription)
  await tx.site.setSetting('language', n.languages[0]?.tag ?? 'en')
  await tx.site.setSetting('languages', n.languages)
  await tx.site.setSetting('social', n.social)
  await tx.site.setSetting('menu', n.menu)
}

async function writeTags(tx: Repositories, n: DemoNewsroom): Promise<void> {
  const ids = new Map<string, number>()
  // Parents first, so children can point to them.
  const ordered = [...n.tags].sort((a, b) => Number(!!a.parent) - Number(!!b.parent))
  for (const t of ordered) {
    ids.set(t.slug, await tx.taxonomy.insertTag({
      slug: t.slug, name: t.name, kind: t.kind, parentId: t.parent ? ids.get(t.parent) ?? null : null,
      isoCode: t.isoCode ?? null, description: t.description ?? '',
    }))
  }
}

/**
 * Seeds the demo right after the first migration of a new database, if enabled. Records the offer either way,
 * so starting once with the demo off, or deleting the demo later, never brings it back.
 */
export async function seedDemoOnce(deps: SeedDeps, enabled: boolean, load: () => Promise<DemoNewsroom>): Promise<number | null> {
  const settings = await deps.store.site.settings()
  if (OFFERED in settings) return null
  if (!enabled || (await deps.store.live.count()) > 0) {
    await deps.store.site.setSetting(OFFERED, deps.clock.now())
    return null
  }
  return (await seedDemo(deps, await load())).articles
}
