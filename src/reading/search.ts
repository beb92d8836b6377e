// The search page: validate the filters, ask the index, and build results with snippets, counts and corrections.

import type { Clock } from '../domain/clock.ts'
import { isCalendarDate, startOfDay, startOfNextDay } from '../domain/calendar.ts'
import type { ArticleSummary, SearchFilter, SearchHit, SearchPage, SearchSuggestions } from '../domain/read-models.ts'
import { authorPath, tagPath } from '../domain/paths.ts'
import { isLanguageTag, languagePrefix, localizedPath, sameLanguage } from '../domain/language.ts'
import { tagNameIn } from '../domain/taxonomy.ts'
import { isSlug } from '../domain/slug.ts'
import { AppError } from '../errors.ts'
import { correctQuery, queryText } from '../search/corrections.ts'
import { isSearchable, MAX_QUERY_CHARS, parseQuery, toSearchExpression, wantedWords, wordsOf, type ParsedQuery } from '../search/query.ts'
import { mostUsed, namesStartingWith, type NameCandidate } from '../search/name-match.ts'
import { formMatcher, snippet } from '../search/snippet.ts'
import { RANKED_CANDIDATES, type SearchQuery } from '../store/search-index.ts'
import type { SearchFacets } from '../store/search-facets.ts'
import type { Store } from '../store/store.ts'
import { stemmerOf } from '../text/stem.ts'
import type { Reading } from './reading.ts'
import type { SiteContextCache } from './site-settings.ts'

export const SEARCH_PER_PAGE = 20
/** Ranking every match to reach a deep page costs more than any reader needs: 50 pages of 20 (RANKED_CANDIDATES). */
export const SEARCH_MAX_PAGE = 50
/** Fewer results than this on the first page: offer a corrected query. */
const FEW_RESULTS = 3
/** Newest articles shown when nothing is found. */
const LATEST_ON_EMPTY = 5
/** Titles, tags and authors offered as readers type, of each. */
const SUGGESTIONS = 5

/** Tag and author names change seldom and are looked through at every keystroke: a list is kept this long. */
const NAMES_KEPT_MS = 30_000

export interface SearchDeps {
  readonly store: Pick<Store, 'search' | 'live' | 'taxonomy' | 'people'>
  readonly clock: Clock
  readonly site: SiteContextCache
  readonly reading: Pick<Reading, 'summarize'>
}

export function createSearch({ store, clock, site, reading }: SearchDeps) {
  // By language (or '' for the default's names): a rename shows in suggestions within NAMES_KEPT_MS.
  const kept = new Map<string, { readonly at: number; readonly names: Promise<readonly NameCandidate[]> }>()
  const namesOf = (key: string, load: () => Promise<readonly NameCandidate[]>): Promise<readonly NameCandidate[]> => {
    const hit = kept.get(key)
    if (hit && clock.now() - hit.at < NAMES_KEPT_MS) return hit.names
    const names = load()
    kept.set(key, { at: clock.now(), names })
    names.catch(() => kept.delete(key))
    return names
  }

  /** The filters as ids, or AppError('Invalid') naming the parameter. */
  async function resolve(filter: SearchFilter) {
    const { sections, settings } = await site.get()
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
    const authorSlug = filter.author ?? null
    const author = authorSlug === null ? undefined : isSlug(authorSlug) ? await store.people.authorBySlug(authorSlug) : undefined
    if (authorSlug !== null && !author) throw new AppError('Invalid', `there is no author "${authorSlug}"`, 'author')
    for (const [name, value] of [['from', filter.from], ['to', filter.to]] as const) {
      if (value !== null && !isCalendarDate(value)) throw new AppError('Invalid', `${name} must be a date written YYYY-MM-DD, got "${value}"`, name)
    }
    if (filter.language != null && !isLanguageTag(filter.language)) {
      throw new AppError('Invalid', `language must be a language tag such as en or ru, got "${filter.language}"`, 'language')
    }
    if (filter.from && filter.to && filter.from > filter.to) throw new AppError('Invalid', '`from` must not be after `to`', 'from')
    return {
      sections, settings, sectionIds, tagId: tag?.id ?? null, authorId: author?.id ?? null,
      fromMs: filter.from ? startOfDay(filter.from, settings.timeZone) : null,
      toMs: filter.to ? startOfNextDay(filter.to, settings.timeZone) : null,
    }
  }

  /** The tag filters named in the searched language where tags have names there (the site's languages otherwise). */
  async function facetsIn(facets: SearchFacets, language: string | null | undefined): Promise<SearchFacets> {
    if (language == null || facets.tags.length === 0) return facets
    const names = await store.taxonomy.tagNamesIn(facets.tags.map((t) => t.id), languagePrefix(language))
    return names.size === 0 ? facets : { ...facets, tags: facets.tags.map((t) => ({ ...t, name: tagNameIn(t, names) })) }
  }

  return {
    /**
     * Titles (newest first), tags and authors (most used first) with a word starting with what was typed, `limit` of
     * each: what the search box offers as readers type. In another site language, tags go by their names there and
     * links lead to that language's pages. Fewer than two letters, or nothing but punctuation, suggests nothing.
     */
    async suggest(typed: string, language: string | null, limit = SUGGESTIONS): Promise<SearchSuggestions> {
      if (language !== null && !isLanguageTag(language)) {
        throw new AppError('Invalid', `language must be a language tag such as en or ru, got "${language}"`, 'language')
      }
      const words = wordsOf(typed.slice(0, MAX_QUERY_CHARS))
      const prefix = words.join(' ')
      if (prefix.length < 2) return { titles: [], tags: [], authors: [] }
      const last = words.at(-1)!
      const { settings } = await site.get()
      // In another of the site's languages, tags answer to their name there too, show it, and link that language's pages.
      const other = language === null ? undefined : settings.languages.find((l) => l.prefix !== '' && sameLanguage(l.tag, language))
      const at = (path: string) => localizedPath(other?.prefix ?? '', path)
      const suggestions = store.search.suggestions
      const [ids, tagRows, authorRows] = await Promise.all([
        suggestions.titles(prefix, language, limit),
        // A tag named in this language shows that name and answers to its own as well.
        namesOf(`tags:${other ? languagePrefix(other.tag) : ''}`, async () => (await suggestions.tagNames(other ? languagePrefix(other.tag) : null))
          .map((t) => (t.localName ? { ...t, name: t.localName, aliases: [t.name] } : t))),
        namesOf('authors', () => suggestions.authorNames()),
      ])
      const tagMatches = namesStartingWith(tagRows, last)
      const authorMatches = namesStartingWith(authorRows, last)
      const [titles, tagUses, authorUses] = await Promise.all([
        store.live.summariesByIds(ids).then(reading.summarize),
        suggestions.liveUse('tags', tagMatches.map((t) => t.id)), suggestions.liveUse('authors', authorMatches.map((a) => a.id)),
      ])
      return {
        titles: titles.map((a) => ({ title: a.title, path: a.path })),
        tags: mostUsed(tagMatches, tagUses, limit).map((t) => ({ name: t.name, path: at(tagPath(t.slug)) })),
        authors: mostUsed(authorMatches, authorUses, limit).map((a) => ({ name: a.name, path: at(authorPath(a.slug)) })),
      }
    },

    /**
     * One page of results. Unknown sections, tags or authors, bad dates, `from` after `to` and a page beyond 50 are
     * AppError('Invalid') naming the parameter; a query over 200 characters is cut to them (`trimmed`). A query with
     * nothing to look for has no results list. Words match in every form in the searched language (stems), phrases
     * exactly; few results bring a correction, none the newest articles.
     */
    async search(input: SearchFilter): Promise<SearchPage> {
      const trimmed = input.q.length > MAX_QUERY_CHARS
      const filter: SearchFilter = trimmed ? { ...input, q: input.q.slice(0, MAX_QUERY_CHARS) } : input
      const r = await resolve(filter)
      const base = { filter, allSections: r.sections, perPage: SEARCH_PER_PAGE, trimmed }
      const parsed = parseQuery(filter.q)
      if (!isSearchable(parsed)) return { ...base, results: null }
      const language = filter.language ?? r.settings.language
      const query = (q: ParsedQuery): SearchQuery => ({
        expression: toSearchExpression(q, { language }), sectionIds: r.sectionIds, tagId: r.tagId, authorId: r.authorId,
        language: filter.language ?? null, fromMs: r.fromMs, toMs: r.toMs, limit: RANKED_CANDIDATES, offset: 0,
      })
      // Every ranked candidate comes back (at most RANKED_CANDIDATES): the page is a slice, and the counts cover them all.
      const matches = await store.search.query(query(parsed))
      const start = (filter.page - 1) * SEARCH_PER_PAGE
      const ids = matches.slice(start, start + SEARCH_PER_PAGE).map((m) => m.articleId)
      const stem = stemmerOf(language)
      const [summaries, texts, facets, correction] = await Promise.all([
        store.live.summariesByIds(ids).then(reading.summarize), store.search.texts(ids),
        store.search.facets(matches.map((m) => m.articleId)).then((f) => facetsIn(f, filter.language)),
        filter.page === 1 && matches.length < FEW_RESULTS ? betterQuery(parsed, matches.length, query) : null,
      ])
      const wanted = formMatcher(wantedWords(parsed), stem)
      const items: SearchHit[] = summaries.map((a) => {
        const t = texts.get(a.id) ?? { standfirst: '', body: '' }
        const fromBody = snippet(t.body, wanted)
        return { ...a, snippet: fromBody.hits > 0 || !t.standfirst ? fromBody.parts : snippet(t.standfirst, wanted).parts }
      })
      const latest: ArticleSummary[] = matches.length === 0 ? await reading.summarize(await store.live.latest(LATEST_ON_EMPTY, filter.language ?? undefined)) : []
      return {
        ...base, correction, latest, facets, matched: { count: matches.length, capped: matches.length >= RANKED_CANDIDATES },
        results: { items, page: filter.page, hasNext: matches.length > start + SEARCH_PER_PAGE },
      }
    },
  }

  /** A corrected query text when one exists and finds more than `found`; else null. */
  async function betterQuery(parsed: ParsedQuery, found: number, query: (q: ParsedQuery) => SearchQuery): Promise<string | null> {
    const corrected = await correctQuery(store.search.vocabulary, parsed)
    if (!corrected) return null
    const more = await store.search.query({ ...query(corrected), limit: FEW_RESULTS + 1 })
    return more.length > found ? queryText(corrected) : null
  }
}

export type Search = ReturnType<typeof createSearch>
