// The import report's shape: counts by outcome, each refusal with its reason, and what was altered on the way in.
// Importers fill it (importers/import-report.ts); the command line prints it and the desk shows it.

/** An item named in the report: the source's title (or id) and its old address. */
export interface ReportedItem {
  readonly item: string
  readonly oldUrl: string
  readonly reason: string
}

/** Items by outcome: new, changed since the last run, unchanged (or deleted here since), refused. */
export interface Outcomes { imported: number; updated: number; skipped: number; refused: number }

export interface ImportReport {
  /** `site` is filled in once the source names itself (a WXR file's `<channel><link>`). */
  readonly source: { readonly system: string; site: string; readonly file: string }
  readonly dryRun: boolean
  /** Articles by outcome: new, changed since the last run, unchanged (or deleted here since), refused. */
  readonly articles: Outcomes
  /** Static pages (Ghost's pages) by outcome; all zero for sources whose pages are not imported. */
  readonly pages: Outcomes
  /** Images put into the media library (fetched, or read from --media-dir), found there from an earlier run, or not had. */
  readonly media: { imported: number; reused: number; failed: number }
  /** Images that could not be had (the article keeps the old address): the article, the image's address and why. */
  readonly mediaFailures: ReportedItem[]
  /** Articles whose imported hero image has no alt text: an editor should add it in the media library. */
  readonly heroesWithoutAlt: ReportedItem[]
  /** Items of the source this importer does not bring over, counted by kind (pages, attachments, comments, menus…). */
  readonly notImported: Record<string, number>
  readonly refusals: ReportedItem[]
  /** Imported as drafts although the source had them published (private, password-protected). */
  readonly drafted: ReportedItem[]
  /** Notes about single items: empty titles taken from the body, slugs changed, old paths left alone. */
  readonly notes: ReportedItem[]
  readonly altered: {
    readonly shortcodesConverted: Record<string, number>
    readonly shortcodesKept: Record<string, number>
    /** Elements (`script`) and attributes (`div[style]`) the sanitizer removed, by how often. */
    readonly removedMarkup: Record<string, number>
    /** Images still served from the old site's addresses. */
    imagesLeftRemote: number
    readonly galleryIdsUnresolved: string[]
  }
  /** Why the import stopped early, with the place in the file when it was malformed. */
  error: { readonly message: string; readonly line: number | null; readonly column: number | null } | null
  /** How many entries the capped lists above left out. */
  omitted: number
  /**
   * Set when the run was stopped on request (the desk's Stop button) at a batch boundary: what came before is in, and
   * running the same file again resumes (skips what is in). Absent in reports of runs that were not stopped.
   */
  stopped?: boolean
  /** (ghost) the custom permalinks the posts' old addresses were worked out from; absent under Ghost's default `/{slug}/`. */
  oldAddresses?: OldAddressRule
}

/** Where an import's custom permalinks came from, their templates in Ghost's form, and how many posts have such an address. */
export interface OldAddressRule {
  /** The routes.yaml given, the permalink structure given, or the export's own `permalinks` setting (Ghost 1 and 2). */
  readonly from: 'routes.yaml' | 'permalink' | 'export'
  readonly permalinks: readonly string[]
  /** Posts of the export whose address under them differs from `/{slug}/`: that address redirects too. */
  readonly posts: number
}
