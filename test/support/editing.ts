// Desk-side changes for tests, through the same store and editorial use-cases the desk uses: edit, republish, unpublish, curate.

import type { ArticleDraft } from '../../src/store/articles.ts'
import type { Store } from '../../src/store/store.ts'
import { publish, unpublish } from '../../src/editorial/publishing.ts'

/** The time seed.ts publishes at, and the fixed clock of buildTestApp. */
export const NOW = Date.UTC(2026, 10, 27, 9)
export const HOUR = 3_600_000

/** Changes the working copy of an article (not the live copy). */
export async function editArticle(store: Store, id: number, changes: Partial<ArticleDraft>, now = NOW): Promise<void> {
  await store.transaction(async (tx) => {
    const article = await tx.articles.get(id)
    if (!article) throw new Error(`no article ${id}`)
    if (!(await tx.articles.update(id, article.version, { ...article, ...changes }, now))) throw new Error('version conflict')
  })
}

/** Publishes the current working copy again (or for the first time). */
export const republish = (store: Store, id: number, now = NOW): Promise<void> =>
  store.transaction((tx) => publish(tx, id, { now, siteLanguage: 'en' }))

/** Takes an article off the site. */
export const takeDown = (store: Store, id: number, now = NOW): Promise<void> => store.transaction((tx) => unpublish(tx, id, { now, siteLanguage: 'en' }))

/** Makes an article an editor's choice with `rank`, optionally until `until`. */
export const pick = (store: Store, id: number, rank: number, until: number | null = null): Promise<void> =>
  editArticle(store, id, { editorsChoice: true, editorsChoiceRank: rank, editorsChoiceUntil: until })

/** Ids of tags by slug (seedTaxonomy's tags). */
export async function tagIds(store: Store, ...slugs: string[]): Promise<number[]> {
  const ids: number[] = []
  for (const slug of slugs) {
    const tag = await store.taxonomy.tagBySlug(slug)
    if (!tag) throw new Error(`no tag ${slug}`)
    ids.push(tag.id)
  }
  return ids
}

/** The id of a section by slug. */
export async function sectionId(store: Store, slug: string): Promise<number> {
  const section = await store.taxonomy.sectionBySlug(slug)
  if (!section) throw new Error(`no section ${slug}`)
  return section.id
}

/** The id of an author by slug. */
export async function authorId(store: Store, slug: string): Promise<number> {
  const author = await store.people.authorBySlug(slug)
  if (!author) throw new Error(`no author ${slug}`)
  return author.id
}
