// What the desk and the Admin API read besides one opened article: the articles list (contributors and authors see only
// their own, by the role matrix), the section and byline choices of forms, tags by id, live paths, and an article as
// the Admin API shows it. Reads only; every change goes through the use-cases of editing.ts and its siblings.

import type { ArticleStatus } from '../domain/article.ts'
import { articlePath } from '../domain/paths.ts'
import type { Author } from '../domain/people.ts'
import type { RevisionSnapshot } from '../domain/revision.ts'
import { can } from '../domain/roles.ts'
import type { Section, Tag } from '../domain/taxonomy.ts'
import { AppError } from '../errors.ts'
import type { Article } from '../store/articles.ts'
import type { DeskListItem } from '../store/desk-articles.ts'
import type { Store } from '../store/store.ts'
import { openFor, type Actor } from './article-access.ts'
import { mayDeleteForever } from './deleting.ts'

export type { Article } from '../store/articles.ts'

/** The filters of the articles list, as the desk's query string and the Admin API's name them (slugs, not ids). */
export interface ArticleListQuery {
  readonly status?: ArticleStatus | undefined
  readonly section?: string | undefined
  readonly author?: string | undefined
  readonly text?: string | undefined
  readonly page: number
  readonly perPage: number
}

/** An article as the Admin API shows it: the row, its working copy, where it is live, and its translation group. */
export interface ArticleView {
  readonly article: Article
  readonly working: { readonly version: number; readonly snapshot: RevisionSnapshot }
  readonly live: { readonly language: string; readonly sectionSlug: string; readonly slug: string } | undefined
  readonly versions: readonly { readonly id: number; readonly language: string; readonly title: string; readonly status: ArticleStatus }[]
}

export function createDeskReads({ store, siteLanguage }: { readonly store: Store; readonly siteLanguage: () => Promise<string> }) {
  return {
    /**
     * One page of working copies as `actor` may list them: everyone's for roles that may edit everyone's articles,
     * otherwise only their own. Unknown section or author slugs are Invalid naming the filter.
     */
    async articles(actor: Actor, q: ArticleListQuery): Promise<{ items: (DeskListItem & { unpublishedChanges: boolean })[]; hasNext: boolean; ownOnly: boolean }> {
      const section = q.section ? await store.taxonomy.sectionBySlug(q.section) : undefined
      if (q.section && !section) throw new AppError('Invalid', `unknown section "${q.section}"`, 'section')
      const author = q.author ? await store.people.authorBySlug(q.author) : undefined
      if (q.author && !author) throw new AppError('Invalid', `unknown author "${q.author}"`, 'author')
      const ownOnly = !can(actor.role, 'article.edit', { own: false })
      if (ownOnly && actor.userId === null) return { items: [], hasNext: false, ownOnly }
      const list = await store.deskArticles.list({
        ...(q.status && { status: q.status }), ...(section && { sectionId: section.id }), ...(author && { authorId: author.id }),
        ...(q.text && { text: q.text }), ...(ownOnly && { createdBy: actor.userId! }), page: q.page, perPage: q.perPage,
      })
      // One query for the page: which published rows have saved changes readers do not see yet.
      const pending = await store.liveChanges.pending(list.items.filter((i) => i.status === 'published').map((i) => i.id))
      return { items: list.items.map((i) => ({ ...i, unpublishedChanges: pending.has(i.id) })), hasNext: list.hasNext, ownOnly }
    },

    /** The sections (menu order) and bylines a form offers. */
    async choices(): Promise<{ sections: Section[]; authors: Author[] }> {
      const [sections, authors] = await Promise.all([store.taxonomy.sections(), store.people.authors()])
      return { sections, authors }
    },

    /** The tags with these ids, in the same order; unknown ids are left out. */
    async tags(ids: readonly number[]): Promise<Tag[]> {
      return (await Promise.all(ids.map((id) => store.taxonomy.tag(id)))).filter((t) => t !== undefined)
    },

    /** The public path where article `id` is live, or null while it is not. */
    async livePath(id: number): Promise<string | null> {
      const live = await store.articles.livePath(id)
      return live ? articlePath(live, await siteLanguage()) : null
    },

    /** Article `id` in the trash, for the "delete for good" confirmation: Forbidden but for editors and admins, NotFound outside the trash. */
    async trashedToDelete(actor: Actor, id: number): Promise<{ id: number; title: string }> {
      if (!mayDeleteForever(actor.role)) throw new AppError('Forbidden', 'Only editors and admins delete articles for good.')
      const article = await store.articles.get(id)
      if (!article || article.deletedAt === null) throw new AppError('NotFound', 'This article is not in the trash.')
      return { id: article.id, title: article.title }
    },

    /** Article `id` as the Admin API shows it, for an `actor` who may open it (NotFound, Forbidden otherwise). */
    async view(actor: Actor, id: number): Promise<ArticleView> {
      const { article } = await openFor(store, id, actor)
      const working = await store.revisions.snapshotOf(id)
      if (!working) throw new AppError('NotFound', 'no such article')
      const live = article.status === 'published' ? await store.articles.livePath(id) : undefined
      const versions = await store.articles.translationGroup(article.translationGroup ?? article.id)
      return { article, working, live, versions }
    },

    /**
     * Ids of the articles `actor` may open with slug `slug` (in any section or language), or the one an import (or a
     * migration script) recorded under `origin`; what the actor may not open is left out.
     */
    async lookup(actor: Actor, by: { readonly slug: string } | { readonly origin: { system: string; site: string; id: string } }): Promise<number[]> {
      let ids: number[]
      if ('origin' in by) {
        const found = await store.origins.find({ system: by.origin.system, site: by.origin.site, kind: 'article', sourceId: by.origin.id })
        ids = found ? [found.targetId] : []
      } else {
        ids = await store.articles.idsBySlug(by.slug, 20)
      }
      const open: number[] = []
      for (const id of ids) {
        try {
          await openFor(store, id, actor)
          open.push(id)
        } catch (err) {
          if (!(err instanceof AppError) || (err.kind !== 'Forbidden' && err.kind !== 'NotFound')) throw err
        }
      }
      return open
    },
  }
}

export type DeskReads = ReturnType<typeof createDeskReads>
