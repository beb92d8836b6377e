// Feeds of the site, a section, a tag or an author: the newest live articles with full content.

import type { Clock } from '../domain/clock.ts'
import type { FeedItem, FeedModel, FeedScope } from '../domain/feeds.ts'
import { languagePrefix, localizedPath, sameLanguage, type SiteLanguage } from '../domain/language.ts'
import { authorPath, sectionPath, tagPath, speakerPath } from '../domain/paths.ts'
import { tagNameIn } from '../domain/taxonomy.ts'
import { AppError } from '../errors.ts'
import { fill } from '../i18n/catalogue.ts'
import { catalogueFor } from '../i18n/catalogues.ts'
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
  /** Summaries that replace the articles' own (a speaker's feed: what they said in each article). */
  readonly summaries?: ReadonlyMap<number, string>
}

export function createFeeds({ store, clock, site, reading }: FeedsDeps) {
  const window = { page: 1, perPage: FEED_SIZE }

  /**
   * Title, page and newest items of a scope in a site language; AppError('NotFound') when the section, tag or author
   * does not exist.
   */
  async function scopeHead(scope: FeedScope, lang: SiteLanguage): Promise<ScopeHead> {
    const { settings, sections } = await site.get()
    const siteName = settings.name
    const t = catalogueFor(lang.tag)
    const w = { ...window, language: languagePrefix(lang.tag) }
    const at = (path: string) => localizedPath(lang.prefix, path)
    switch (scope.kind) {
      case 'site':
        return { title: siteName, description: lang.description ?? settings.description, pagePath: at('/'), items: await store.live.latest(FEED_SIZE, w.language) }
      case 'section': {
        const section = sections.find((s) => s.slug === scope.slug)
        if (!section) throw new AppError('NotFound', 'no such section')
        const name = lang.sectionNames[section.slug] ?? section.name
        return {
          title: fill(t.feedTitle, { name, site: siteName }), description: (name === section.name && section.description) || fill(t.sectionDescription, { section: name, site: siteName }),
          pagePath: at(sectionPath(section.slug)), items: (await store.live.bySection(section.id, w)).items,
        }
      }
      case 'tag': {
        const tag = await store.taxonomy.publicTag({ slug: scope.slug })
        if (!tag) throw new AppError('NotFound', 'no such tag')
        const name = tagNameIn(tag, await store.taxonomy.tagNamesIn([tag.id], w.language))
        return {
          // The description is written in the default language: another language's feed describes the tag itself.
          title: fill(t.feedTitle, { name, site: siteName }), description: (name === tag.name && tag.description) || fill(t.feedTagDescription, { tag: name, site: siteName }),
          pagePath: at(tagPath(tag.slug)), items: (await store.live.byTag(tag.id, w)).items,
        }
      }
      case 'author': {
        const author = await store.people.authorBySlug(scope.slug)
        if (!author) throw new AppError('NotFound', 'no such author')
        return {
          title: fill(t.feedTitle, { name: author.name, site: siteName }), description: author.bio || fill(t.feedAuthorDescription, { name: author.name, site: siteName }),
          pagePath: at(authorPath(author.slug)), items: (await store.live.byAuthor(author.id, w)).items,
        }
      }
      case 'speaker': {
        // The articles that quote the speaker, by the newest quote in each; each item's summary is what they said there.
        const speaker = await store.speakers.publicSpeaker({ slug: scope.slug })
        if (!speaker) throw new AppError('NotFound', 'no such speaker')
        const { items: quotes } = await store.quotes.liveQuotes({ speakerId: speaker.id, limit: FEED_SIZE })
        const said = new Map<number, string>()
        for (const q of quotes) said.set(q.articleId, said.has(q.articleId) ? `${said.get(q.articleId)} … “${q.text}”` : `“${q.text}”`)
        const order = [...said.keys()]
        const items = (await store.live.summariesByIds(order)).sort((x, y) => order.indexOf(x.id) - order.indexOf(y.id))
        return {
          title: fill(t.feedTitle, { name: speaker.name, site: siteName }), description: speaker.description || fill(t.speakerDescription, { name: speaker.name, site: siteName }),
          pagePath: at(speakerPath(speaker.slug)), items, summaries: said,
        }
      }
    }
  }

  return {
    /**
     * The feed of a scope in a site language (the default when none is given), newest first, at most FEED_SIZE items
     * with their full bodies: only articles in that language. A language the site is not published in is NotFound.
     */
    async feed(scope: FeedScope, languageTag?: string): Promise<FeedModel> {
      const { settings } = await site.get()
      const lang = languageTag === undefined ? settings.languages[0]! : settings.languages.find((l) => sameLanguage(l.tag, languageTag))
      if (!lang) throw new AppError('NotFound', 'the site is not published in that language')
      const head = await scopeHead(scope, lang)
      const [summaries, contents] = await Promise.all([reading.summarize(head.items), store.live.contents(head.items.map((i) => i.id))])
      // An article unpublished between the two queries has no content any more: it is left out, not shown empty.
      const items = summaries.flatMap((s): FeedItem[] => {
        const c = contents.get(s.id)
        return c ? [{ ...s, bodyHtml: c.bodyHtml, summary: head.summaries?.get(s.id) ?? (c.seoDescription || s.standfirst), tags: c.tags }] : []
      })
      return {
        title: head.title, description: head.description, pagePath: head.pagePath, language: lang.tag,
        updatedAt: items.length ? Math.max(...items.map((i) => i.updatedAt)) : clock.now(), items,
      }
    },
  }
}

export type Feeds = ReturnType<typeof createFeeds>
