// The search page: validate the filters, ask the index, and build results with snippets for the page shown.

import { isCalendarDate, startOfDay, startOfNextDay } from '../domain/calendar.ts'
import type { SearchFilter, SearchHit, SearchPage } from '../domain/read-models.ts'
import { isLanguageTag } from '../domain/language.ts'
import { isSlug } from '../domain/slug.ts'
import { AppError } from '../errors.ts'
import { isSearchable, MAX_QUERY_CHARS, parseQuery, toSearchExpression, wantedWords } from '../search/query.ts'
import { snippet, wordMatcher } from '../search/snippet.ts'
import type { Store } from '../store/store.ts'
import type { Reading } from './reading.ts'
import type { SiteContextCache } from './site-settings.ts'

export const SEARCH_PER_PAGE = 20
/** Ranking every match to reach a deep page costs more than any reader needs: 50 pages of 20. */
export const SEARCH_MAX_PAGE = 50

export interface SearchDeps {
  readonly store: Pick<Store, 'search' | 'live' | 'taxonomy'>
  readonly site: SiteContextCache
  readonly reading: Pick<Reading, 'summarize'>
}

export function createSearch({ store, site, reading }: SearchDeps) {
  return {
    /**
     * One page of results. Unknown sections or tags, bad dates, `from` after `to`, a page beyond 50 and a query
     * over 200 characters are AppError('Invalid') naming the parameter. A query with nothing to look for has no results list.
     */
    async search(filter: SearchFilter): Promise<SearchPage> {
      const { sections, settings } = await site.get()
      if (filter.q.length > MAX_QUERY_CHARS) throw new AppError('Invalid', `q must be at most ${MAX_QUERY_CHARS} characters`, 'q')
      if (!Number.isInteger(filter.page) || filter.page < 1 || filter.page > SEARCH_MAX_PAGE) {
        throw new AppError('Invalid', `page must be a whole number from 1 to ${SEARCH_MAX_PAGE}`, 'page')
      }
      const sectionIds = filter.sections.map((slug) => {
        const s = sections.find((x) => x.slug === slug)
        if (!s) throw new AppError('Invalid', `there is no section "${slug}"`, 'section')
        return s.id
      })
      const tag = filter.tag === null ? undefined : isSlug(filter.tag) ? await store.taxonomy.publicTag({ slug: filter.tag }) : undefined
      if (filter.tag !== null && !tag) throw new AppError('Invalid', `there is no tag "${filter.tag}"`, 'tag')
      for (const [name, value] of [['from', filter.from], ['to', filter.to]] as const) {
        if (value !== null && !isCalendarDate(value)) throw new AppError('Invalid', `${name} must be a date written YYYY-MM-DD, got "${value}"`, name)
      }
      if (filter.language != null && !isLanguageTag(filter.language)) {
        throw new AppError('Invalid', `language must be a language tag such as en or ru, got "${filter.language}"`, 'language')
      }
      if (filter.from && filter.to && filter.from > filter.to) throw new AppError('Invalid', '`from` must not be after `to`', 'from')

      const parsed = parseQuery(filter.q)
      if (!isSearchable(parsed)) return { filter, allSections: sections, perPage: SEARCH_PER_PAGE, results: null }
      const matches = await store.search.query({
        expression: toSearchExpression(parsed), sectionIds, tagId: tag?.id ?? null, language: filter.language ?? null,
        fromMs: filter.from ? startOfDay(filter.from, settings.timeZone) : null,
        toMs: filter.to ? startOfNextDay(filter.to, settings.timeZone) : null,
        limit: SEARCH_PER_PAGE + 1, offset: (filter.page - 1) * SEARCH_PER_PAGE,
      })
      const ids = matches.slice(0, SEARCH_PER_PAGE).map((m) => m.articleId)
      // Snippets only for the rows shown; summariesByIds keeps the ranking order.
      const [summaries, texts] = await Promise.all([store.live.summariesByIds(ids).then(reading.summarize), store.search.texts(ids)])
      const wanted = wordMatcher(wantedWords(parsed))
      const items: SearchHit[] = summaries.map((a) => {
        const t = texts.get(a.id) ?? { standfirst: '', body: '' }
        const fromBody = snippet(t.body, wanted)
        return { ...a, snippet: fromBody.hits > 0 || !t.standfirst ? fromBody.parts : snippet(t.standfirst, wanted).parts }
      })
      return { filter, allSections: sections, perPage: SEARCH_PER_PAGE, results: { items, page: filter.page, hasNext: matches.length > SEARCH_PER_PAGE } }
    },
  }
}

export type Search = ReturnType<typeof createSearch>
