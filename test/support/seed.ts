// Builders for test content, written through the same editorial use-cases the desk and importers use.

import type { Store } from '../../src/store/store.ts'
import { createDraft, publish } from '../../src/editorial/publishing.ts'
import { sanitizeBody } from '../../src/content/sanitize.ts'
import type { ArticleInput } from '../../src/editorial/article-input.ts'

export const DAY = 86_400_000

/** Sections news, opinion, analysis, monday-commentary; tags energy (topic), kazakhstan (place, parent central-asia); two authors. */
export async function seedTaxonomy(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    for (const [position, [slug, name]] of [['news', 'News'], ['opinion', 'Opinion'], ['analysis', 'Analysis'], ['monday-commentary', 'Monday Commentary']].entries()) {
      await tx.taxonomy.insertSection({ slug: slug!, name: name!, description: `${name} from the newsroom`, position })
    }
    const region = await tx.taxonomy.insertTag({ slug: 'central-asia', name: 'Central Asia', kind: 'place', parentId: null, isoCode: null, description: '' })
    await tx.taxonomy.insertTag({ slug: 'kazakhstan', name: 'Kazakhstan', kind: 'place', parentId: region, isoCode: 'KZ', description: '' })
    await tx.taxonomy.insertTag({ slug: 'energy', name: 'Energy', kind: 'topic', parentId: null, isoCode: null, description: '' })
    await tx.taxonomy.insertTag({ slug: 'elections', name: 'Elections', kind: 'topic', parentId: null, isoCode: null, description: '' })
    await tx.people.insertAuthor({ slug: 'aigerim-sadykova', name: 'Aigerim Sadykova', bio: 'Central Asia correspondent.', kind: 'staff', photoMediaId: null })
    await tx.people.insertAuthor({ slug: 'newsroom', name: 'Newsroom', bio: '', kind: 'agency', photoMediaId: null })
  })
}

/**
 * Lets sections publish unsigned pieces: for suites about permissions and audit, whose articles are created through the
 * desk and the API without a byline (the byline rule has its own tests in test/editorial/bylines-presence.test.ts).
 */
export async function allowUnsigned(store: Store, ...slugs: string[]): Promise<void> {
  for (const slug of slugs) {
    const section = await store.taxonomy.sectionBySlug(slug)
    if (section) await store.taxonomy.updateSection(section.id, { allowUnsigned: true })
  }
}

export interface TestArticle extends Partial<ArticleInput> {
  readonly publishedAt?: number
  readonly draft?: boolean
  /** 'later' publishes as imports do, leaving related indexing to rebuildRelated. */
  readonly related?: 'now' | 'later'
}

let counter = 0

/** Creates an article (published unless `draft`); returns its id. */
export async function seedArticle(store: Store, a: TestArticle = {}, now = Date.UTC(2026, 10, 27, 9)): Promise<number> {
  counter++
  return store.transaction(async (tx) => {
    const id = await createDraft(tx, {
      title: a.title ?? `Article number ${counter}`, section: a.section ?? 'news', standfirst: a.standfirst ?? 'A standfirst.',
      bodyHtml: sanitizeBody(a.bodyHtml ?? '<p>Body text.</p>'), authors: a.authors ?? ['aigerim-sadykova'], tags: a.tags ?? [],
      ...(a.slug !== undefined && { slug: a.slug }), ...(a.genre !== undefined && { genre: a.genre }),
      ...(a.language !== undefined && { language: a.language }), ...(a.translationOf !== undefined && { translationOf: a.translationOf }),
      ...(a.editorsChoiceRank !== undefined && { editorsChoiceRank: a.editorsChoiceRank }),
      ...(a.heroMediaId !== undefined && { heroMediaId: a.heroMediaId }),
    }, { now, siteLanguage: 'en' })
    if (!a.draft) await publish(tx, id, { now, siteLanguage: 'en', publishedAt: a.publishedAt ?? now - counter * 60_000, ...(a.related && { related: a.related }) })
    return id
  })
}

/** `count` published articles in `section`, one a day going back from `now`. */
export async function seedArticles(store: Store, opts: { section: string; count: number; tags?: string[] }, now = Date.UTC(2026, 10, 27, 9)): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < opts.count; i++) {
    ids.push(await seedArticle(store, { section: opts.section, title: `${opts.section} story ${i + 1}`, tags: opts.tags ?? [], publishedAt: now - i * DAY }, now))
  }
  return ids
}

/** Publishes the site in these languages (the first is the default), as the `languages` setting holds them. */
export async function setSiteLanguages(store: Store, languages: readonly (string | { tag: string; sections?: Record<string, string> })[]): Promise<void> {
  const entries = languages.map((l) => (typeof l === 'string' ? { tag: l } : l))
  await store.transaction(async (tx) => {
    await tx.site.setSetting('language', entries[0]!.tag)
    await tx.site.setSetting('languages', entries)
  })
}

/** A published top-level page written straight to the store (as the 0021 migration leaves About, Contact, Privacy). */
export async function seedPage(store: Store, p: { slug: string; title: string; bodyHtml: string; updatedAt: number }): Promise<number> {
  return store.pages.insert({
    parentId: null, slug: p.slug, path: `/${p.slug}`, title: p.title, bodyHtml: p.bodyHtml as never, language: 'en', status: 'published',
    createdAt: p.updatedAt, updatedAt: p.updatedAt, publishedAt: p.updatedAt,
  })
}
