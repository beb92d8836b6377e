// What every importer (WordPress, Ghost, Broadsheet exports) hands to the import use-case: articles already mapped onto our model.

/** A section, tag or byline as the source names it; `sourceId` is stable within the source site. */
export interface ImportTerm {
  readonly sourceId: string
  readonly slug: string
  readonly name: string
  /** For tags: the parent, created first when missing. */
  readonly parent?: ImportTerm | null
}

export type ImportStatus = 'published' | 'scheduled' | 'draft' | 'in_review'

/** One article of the source, mapped onto our model; the body is still unsanitized HTML. */
export interface ImportArticle {
  /** The source's id for it (a WordPress post id); with the source system and site it names the origin. */
  readonly sourceId: string
  /** The old public URL, for the report. */
  readonly oldUrl: string
  readonly title: string
  readonly slug: string
  readonly standfirst: string
  readonly bodyHtml: string
  readonly genre: string
  /** The article's language; the site's when null. */
  readonly language: string | null
  readonly section: ImportTerm
  readonly tags: readonly ImportTerm[]
  readonly authors: readonly ImportTerm[]
  readonly seoTitle: string
  readonly seoDescription: string
  readonly editorsChoice: boolean
  readonly status: ImportStatus
  /** The original times (epoch ms): published and updated for published articles, publishedAt for scheduled ones. */
  readonly publishedAt: number | null
  readonly updatedAt: number | null
  /** Old paths on this site's host (with their query string) that should answer 301 to the article. */
  readonly oldPaths: readonly string[]
  /** The source's lead image (Ghost's feature image); absent where the source has none to give. */
  readonly hero?: ImportImage | null
  /** The media record the hero became once fetched; it may lack alt text (the report lists those). */
  readonly heroMediaId?: number | null
}

/** An image as the source describes it: its address and the text it came with. */
export interface ImportImage {
  readonly url: string
  readonly alt: string
  readonly caption: string
}

/** A static page of the source (a WordPress or Ghost page): served at its path in the page tree (`/about/team`). */
export interface ImportPage {
  readonly sourceId: string
  readonly oldUrl: string
  readonly slug: string
  readonly title: string
  readonly bodyHtml: string
  readonly updatedAt: number
  /** Old paths that should answer 301 to the page (besides its own slug, which it answers itself). */
  readonly oldPaths: readonly string[]
  /** The source's id of the page above this one (written first), or null for a page at the top. */
  readonly parentSourceId?: string | null
  /** Whether the page is published at the source; a draft is imported as a draft. Published when absent. */
  readonly published?: boolean
  /** The page's language tag at the source; the site's when absent, null, or the same language as the site's. */
  readonly language?: string | null
}

/** Where imported things come from: the source system and the site within it. */
export interface ImportSource {
  readonly system: string
  readonly site: string
}
