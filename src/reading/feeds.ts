// Feeds of the site, a section, a tag or an author: the newest live articles with full content.

import type { Clock } from '../domain/clock.ts'
import type { FeedItem, FeedModel, FeedScope } from '../domain/feeds.ts'
import { authorPath, sectionPath, tagPath } from '../domain/paths.ts'
import { AppError } from '../errors.ts'
import type { LiveSummary } from '../store/live.ts'
import type { Store } from '../store/store.ts'
import type { Reading } from './reading.ts'
import type { SiteContextCache } from './site-settings.ts'

/** How many items every feed holds. */
export const FEED_SIZE = 50

export interface FeedsDeps {
  readonly store: Store
  readonly clock: Clock
  readonly site: SiteContextCache
  readonly reading: Pick<Reading, 'summarize'>
}

interface ScopeHead {
  readonly title: string
  readonly description: string
  readonly pagePath: string
  readonly items: readonly LiveSummary[]
}

export function createFeeds({ store, clock, site, reading }: FeedsDeps) {
  const window = { page: 1, perPage: FEED_SIZE }

  /** Title, page and newest items of a scope; AppError('NotFound') when the section, tag or author does not exist. */
  async function scopeHead(scope: FeedScope): Promise<ScopeHead> {
    const { settings, sections } = await site.get()
    const name = settings.name
    switch (scope.kind) {
      case 'site':
        return { title: name, description: settings.description, pagePath: '/', items: await store.live.latest(FEED_SIZE) }
      case 'section': {
        const section = sections.find((s) => s.slug === scope.slug)
        if (!section) throw new AppError('NotFound', 'no such section')
        return {
          title: `${section.name} · ${name}`, description: section.description || `${section.name} from ${name}`,
          pagePath: sectionPath(section.slug), items: (await store.live.bySection(section.id, window)).items,
        }
      }
      case 'tag': {
        const tag = await store.taxonomy.publicTag({ slug: scope.slug })
        if (!tag) throw new AppError('NotFound', 'no such tag')
        return {
          title: `${tag.name} · ${name}`, description: tag.description || `Articles about ${tag.name} from ${name}`,
          pagePath: tagPath(tag.slug), items: (await store.live.byTag(tag.id, window)).items,
        }
      }
      case 'author': {
        const author = await store.people.authorBySlug(scope.slug)
        if (!author) throw new AppError('NotFound', 'no such author')
        return {
          title: `${author.name} · ${name}`, description: author.bio || `Articles by ${author.name} in ${name}`,
          pagePath: authorPath(author.slug), items: (await store.live.byAuthor(author.id, window)).items,
        }
      }
    }
  }

  return {
    /** The feed of a scope, newest first, at most FEED_SIZE items with their full bodies. */
    async feed(scope: FeedScope): Promise<FeedModel> {
      const head = await scopeHead(scope)
      const [summaries, contents, { settings }] = await Promise.all([
        reading.summarize(head.items), store.live.contents(head.items.map((i) => i.id)), site.get(),
      ])
      // An article unpublished between the two queries has no content any more: it is left out, not shown empty.
      const items = summaries.flatMap((s): FeedItem[] => {
        const c = contents.get(s.id)
        return c ? [{ ...s, bodyHtml: c.bodyHtml, summary: c.seoDescription || s.standfirst, tags: c.tags }] : []
      })
      return {
        title: head.title, description: head.description, pagePath: head.pagePath, language: settings.language,
        updatedAt: items.length ? Math.max(...items.map((i) => i.updatedAt)) : clock.now(), items,
      }
    },
  }
}

export type Feeds = ReturnType<typeof createFeeds>
