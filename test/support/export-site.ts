// A site worth exporting, for export/import tests: the demo newsroom plus what the demo lacks (users, revisions, a
// working copy ahead of its live copy, a scheduled and an unpublished article, an image with variants, redirects,
// a webhook receiver, a pinned lead, a timed pick, an import origin, a tag whose parent came after it). Also the
// environment for a `broadsheet` process on a scratch database, and an export read back for comparison.

import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import type { DatabaseConfig } from '../../src/config.ts'
import type { Clock } from '../../src/domain/clock.ts'
import { KIND_ORDER, KINDS, ORIGIN_TARGETS, type FieldType, type Fields, type Kind } from '../../src/domain/export-format.ts'
import { createAccounts } from '../../src/editorial/accounts.ts'
import { createEditing } from '../../src/editorial/editing.ts'
import { demoNewsroom } from '../../src/importers/demo/newsroom.ts'
import { seedDemo } from '../../src/importers/demo/seed.ts'
import { makeDueVariants } from '../../src/media/variant-queue.ts'
import { createMediaLibrary } from '../../src/media/library.ts'
import type { Store } from '../../src/store/store.ts'
import { pngImage } from './images.ts'

export const SITE_NOW = Date.UTC(2026, 10, 27, 9)

/** The environment of a `broadsheet` process on `db` with `dataDir`. */
export const siteEnv = (db: DatabaseConfig, dataDir: string): Record<string, string> =>
  ({ DATA_DIR: dataDir, DATABASE_URL: db.engine === 'sqlite' ? `sqlite:${db.file}` : db.url })

/** Fills an empty store (media under `mediaDir`) with the site described above. */
export async function buildExportSite(store: Store, mediaDir: string): Promise<void> {
  let now = SITE_NOW
  const clock: Clock = { now: () => (now += 1000) }
  await seedDemo({ store, clock, mediaDir }, demoNewsroom)
  const accounts = createAccounts({ store, clock })
  const admin = await accounts.createUser({ email: 'ed@example.org', name: 'Ed Itor', role: 'admin', password: 'a long enough password' }, null)
  const writer = await accounts.createUser({ email: 'wri@example.org', name: 'Wri Ter', role: 'author', password: 'another long password' }, null)
  const editing = createEditing({ store, clock, siteLanguage: async () => 'en' })
  const actor = { userId: admin.id, role: 'admin' as const }

  const library = createMediaLibrary({ store, clock, mediaDir })
  const image = await library.upload({ data: await pngImage(1600, 900), filename: 'harbour.png', alt: 'A harbour at dawn', credit: 'Staff' })
  await makeDueVariants({ store, clock, mediaDir })

  // Revised, published, then changed again: the working copy is ahead of the live copy.
  const input = { title: 'Ports of the Caspian', section: 'analysis', tags: ['energy'], authors: ['dilnoza-yusupova'], bodyHtml: '<p>First draft.</p>', heroMediaId: image.id, heroCaption: 'The harbour at Aktau, this morning' }
  const a = await editing.create(input, { userId: writer.id, role: 'author' })
  await editing.save({ articleId: a.id, version: a.version, input: { ...input, bodyHtml: '<p>Second draft, with <em>emphasis</em>.</p>' }, actor, kind: 'save' })
  await editing.transition(a.id, 'published', actor)
  const v = (await store.articles.get(a.id))!.version
  await editing.save({ articleId: a.id, version: v, input: { ...input, title: 'Ports of the Caspian, revisited', bodyHtml: '<p>Third draft.</p>' }, actor, kind: 'autosave' })

  const scheduled = await editing.create({ title: 'Next week', section: 'news', authors: ['timur-akhmetov'], bodyHtml: '<p>Soon.</p>' }, actor)
  await editing.transition(scheduled.id, 'scheduled', actor, SITE_NOW + 7 * 86_400_000)
  const demoIds = (await store.transfer.rowsAfter('articles', 0, 5)).map((r) => Number(r.id))
  await editing.transition(demoIds[2]!, 'unpublished', actor)

  await store.transaction(async (tx) => {
    // A child tag written before its parent.
    const child = await tx.taxonomy.insertTag({ slug: 'aktau-port', name: 'Aktau port', kind: 'place', parentId: null, isoCode: null, description: '' })
    const parent = await tx.taxonomy.insertTag({ slug: 'mangystau', name: 'Mangystau', kind: 'place', parentId: null, isoCode: 'KZ-MAN', description: 'A region' })
    await tx.transfer.setReference('tags', child, 'parent_id', parent)
    await tx.taxonomy.setTagNames(parent, { ru: 'Мангистау', kk: 'Маңғыстау' })
    await tx.redirects.put({ fromPath: '/old/ports', status: 301, toArticleId: a.id, toUrl: null, kind: 'manual', createdAt: clock.now() })
    await tx.redirects.put({ fromPath: '/old/elsewhere', status: 301, toArticleId: null, toUrl: 'https://example.org/x', kind: 'manual', createdAt: clock.now() })
    await tx.redirects.put({ fromPath: '/old/gone', status: 410, toArticleId: null, toUrl: null, kind: 'manual', createdAt: clock.now() })
    await tx.webhooks.insertReceiver({ url: 'https://hooks.example.org/broadsheet', secret: 'not for export', createdAt: clock.now() })
    await tx.site.setSetting('lead_article_id', a.id)
    await tx.related.putOverride(a.id, demoIds[1]!, 'pin', 1, clock.now())
    await tx.related.putOverride(a.id, demoIds[3]!, 'exclude', 0, clock.now())
    await tx.transfer.setPick(demoIds[0]!, 1, SITE_NOW + 86_400_000)
    await tx.origins.put({ system: 'wordpress', site: 'https://old.example.org', kind: 'article', sourceId: '12' }, { targetId: a.id, contentHash: 'h1' }, clock.now())
    await tx.origins.put({ system: 'wordpress', site: 'https://old.example.org', kind: 'tag', sourceId: '7' }, { targetId: child, contentHash: '' }, clock.now())
    // A speaker with a photo, a country and links; a quote taken out of a working copy but still live.
    const live = (await tx.transfer.liveQuotesAfter(0, 1))[0]!
    const speaker = (await tx.speakers.speaker(live.speaker_id as number))!
    await tx.speakers.updateSpeaker(speaker.id, { ...speaker, photoMediaId: image.id, countryTagId: parent, links: ['https://example.org/who', 'https://example.org/about'] })
    const quoted = live.article_id as number
    await tx.quotes.replaceForArticle(quoted, (await tx.quotes.forArticle(quoted)).slice(1))
  })
}

type Line = Record<string, unknown>

/** Each kind's lines of the export in `dir`, and the files under its media/ folder. */
export async function readExport(dir: string): Promise<{ manifest: Line; kinds: Record<Kind, Line[]>; mediaFiles: string[] }> {
  const kinds = {} as Record<Kind, Line[]>
  for (const k of KIND_ORDER) {
    const text = await readFile(path.join(dir, KINDS[k].file), 'utf8')
    kinds[k] = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line)
  }
  const mediaFiles = (await readdir(path.join(dir, 'media'), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile()).map((e) => path.relative(path.join(dir, 'media'), path.join(e.parentPath, e.name))).sort()
  return { manifest: JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Line, kinds, mediaFiles }
}

/**
 * An export with every id replaced by its rank within its kind (ids are new on every import, their order is kept),
 * lines put in a fixed order, and what an import deliberately changes left out: users come back disabled, webhook
 * receivers switched off, and the export's own time, engine and checksums differ.
 */
export function normalizeExport(e: Awaited<ReturnType<typeof readExport>>): unknown {
  const rank = new Map<Kind, Map<number, number>>()
  for (const k of KIND_ORDER) {
    const ids = e.kinds[k].map((l) => l.id).filter((id): id is number => typeof id === 'number').sort((x, y) => x - y)
    rank.set(k, new Map(ids.map((id, i) => [id, i + 1])))
  }
  const ref = (kind: Kind, v: unknown) => (typeof v === 'number' ? rank.get(kind)!.get(v) ?? `missing ${kind} ${v}` : v)
  const walk = (fields: Fields, l: Line, own: Kind): Line => Object.fromEntries(Object.entries(fields).map(([name, type]: [string, FieldType]) => {
    const v = l[name]
    if (typeof type !== 'string') {
      if (v === null) return [name, v]
      return [name, type.list ? (v as Line[]).map((x) => walk(type.fields, x, own)) : walk(type.fields, v as Line, own)]
    }
    const base = type.replace(/[?]$/, '').replace(/\[\]$/, '')
    const kind = base === 'id' ? own : base.startsWith('ref:') ? base.slice(4) as Kind : null
    if (!kind) return [name, v]
    return [name, Array.isArray(v) ? v.map((x) => ref(kind, x)) : ref(kind, v)]
  }))
  const kinds: Record<string, Line[]> = {}
  for (const k of KIND_ORDER) {
    kinds[k] = e.kinds[k].map((l) => {
      const n = walk(KINDS[k].fields, l, k)
      // A live quote carries its working quote's id as a plain number (it may have none left).
      if (k === 'live_quotes') n.quote_id = rank.get('quotes')!.get(l.quote_id as number) ?? 'not in a working copy'
      if (k === 'import_origins') n.target_id = ref(ORIGIN_TARGETS[l.kind as string]!, l.target_id)
      if (k === 'revisions') n.snapshot = { ...(l.snapshot as Line), hero_media_id: ref('media', (l.snapshot as Line).hero_media_id) }
      if (k === 'users') delete n.disabled
      if (k === 'webhooks') {
        delete n.active
        delete n.deactivated_at
      }
      return n
    }).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))
  }
  const { format, version, counts } = e.manifest
  return { format, version, counts, kinds, mediaFiles: e.mediaFiles }
}
