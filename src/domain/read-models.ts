// What reader pages show: the read models that reading/ builds and render/ turns into HTML.

import type { LiveQuote } from './quotes.ts'
import type { Genre } from './article.ts'
import type { Media } from './media.ts'
import type { SanitizedHtml } from './sanitized-html.ts'
import type { Author } from './people.ts'
import type { Section, Tag } from './taxonomy.ts'

export interface Byline {
  readonly name: string
  readonly slug: string
}

/** An article as listed in blocks and on index pages. */
export interface ArticleSummary {
  readonly id: number
  readonly path: string
  readonly title: string
  readonly standfirst: string
  readonly genre: Genre
  readonly language: string
  readonly section: { readonly slug: string; readonly name: string }
  readonly authors: readonly Byline[]
  readonly publishedAt: number
  readonly updatedAt: number
  readonly hero: Media | null
}

export interface Translation {
  readonly language: string
  readonly path: string
  readonly title: string
}

/** The live copy of a published article, as readers see it. */
export interface ArticleView extends ArticleSummary {
  readonly slug: string
  readonly bodyHtml: SanitizedHtml
  readonly tags: readonly Pick<Tag, 'slug' | 'name' | 'kind'>[]
  readonly seoTitle: string
  readonly seoDescription: string
  readonly translations: readonly Translation[]
  readonly readingMinutes: number
}

/** One page of a listing; `hasNext` comes from fetching one row more than shown. */
export interface Page<T> {
  readonly items: readonly T[]
  readonly page: number
  readonly hasNext: boolean
}

export interface FrontPage {
  readonly lead: ArticleSummary | null
  readonly picks: readonly ArticleSummary[]
  readonly sections: readonly { readonly section: Section; readonly items: readonly ArticleSummary[] }[]
  readonly popular: readonly ArticleSummary[]
}

export interface ArticlePage {
  readonly article: ArticleView
  readonly related: readonly ArticleSummary[]
  readonly picks: readonly ArticleSummary[]
  readonly popular: readonly ArticleSummary[]
  /** The quotes its live copy carries, in body order: attribution under the body and Quotation data. */
  readonly quotes?: readonly LiveQuote[]
}

export interface SectionPage {
  readonly section: Section
  readonly list: Page<ArticleSummary>
}

export interface TagPage {
  readonly tag: Tag
  readonly parent: Pick<Tag, 'slug' | 'name'> | null
  readonly list: Page<ArticleSummary>
}

export interface AuthorPage {
  readonly author: Author
  readonly photo: Media | null
  readonly list: Page<ArticleSummary>
}

export interface ArchiveFilter {
  readonly sections: readonly string[]
  /** Calendar dates (YYYY-MM-DD) in the site's time zone; `to` is inclusive. */
  readonly from: string | null
  readonly to: string | null
  readonly page: number
}

export interface ArchivePage {
  readonly filter: ArchiveFilter
  readonly allSections: readonly Section[]
  readonly list: Page<ArticleSummary>
}

export interface PopularPage {
  readonly day: readonly ArticleSummary[]
  readonly week: readonly ArticleSummary[]
}

/** A piece of a search snippet: raw text, marked when it is a word the reader searched for. */
export interface SnippetPart {
  readonly text: string
  readonly mark: boolean
}

/** A search result: the article as listed, plus the passage that matched. */
export interface SearchHit extends ArticleSummary {
  readonly snippet: readonly SnippetPart[]
}

export interface SearchFilter {
  /** What the reader typed (the search cuts it to 200 characters, and says so). */
  readonly q: string
  readonly sections: readonly string[]
  readonly tag: string | null
  /** An author's slug: only articles in their byline. */
  readonly author?: string | null
  /** Calendar dates (YYYY-MM-DD) in the site's time zone; `to` is inclusive. */
  readonly from: string | null
  readonly to: string | null
  readonly page: number
  /** Only articles in this language (the language of the search page); absent or null: every language. */
  readonly language?: string | null
}

/** One value of a search filter with how many of the matches it holds. */
export interface SearchFacet {
  readonly slug: string
  readonly name: string
  readonly count: number
}

export interface SearchPage {
  /** The filter searched: `q` cut to the limit when it was longer. */
  readonly filter: SearchFilter
  readonly allSections: readonly Section[]
  readonly perPage: number
  /** Null when the query has nothing to look for: the page shows the form alone. */
  readonly results: Page<SearchHit> | null
  /** The query was longer than the limit and was cut to it. */
  readonly trimmed?: boolean
  /** "Did you mean …?": a corrected query that finds more, offered when this one finds nothing or little. */
  readonly correction?: string | null
  /** When nothing is found: the newest articles, so the page is never empty. */
  readonly latest?: readonly ArticleSummary[]
  /** Counts of the matches (the newest RANKED_CANDIDATES of them) by section, tag and author. */
  readonly facets?: { readonly sections: readonly SearchFacet[]; readonly tags: readonly SearchFacet[]; readonly authors: readonly SearchFacet[] }
  /** How many matches the counts cover, and whether there were more than that. */
  readonly matched?: { readonly count: number; readonly capped: boolean }
}

/** Search-as-you-type: titles, tags and authors whose words start with what was typed. */
export interface SearchSuggestions {
  readonly titles: readonly { readonly title: string; readonly path: string }[]
  readonly tags: readonly { readonly name: string; readonly path: string }[]
  readonly authors: readonly { readonly name: string; readonly path: string }[]
}
