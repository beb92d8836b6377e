// Shapes of the demo newsroom: plain data the demo importer turns into sections, tags, people, media and articles.

/** A top-level section of the site, addressed as /<slug>. */
export interface DemoSection { readonly slug: string; readonly name: string; readonly description: string }

/** A topic or a place; places may name a parent region and carry an ISO 3166-1 alpha-2 code. */
export interface DemoTag { readonly slug: string; readonly name: string; readonly kind: 'topic' | 'place'; readonly parent?: string; readonly isoCode?: string; readonly description?: string }

/** A byline: staff writer, guest contributor, or a collective agency byline. */
export interface DemoAuthor { readonly slug: string; readonly name: string; readonly bio: string; readonly kind: 'staff' | 'guest' | 'agency' }

/** A generated illustration, served as /media/demo/<slug>.svg. */
export interface DemoImage { readonly slug: string; readonly alt: string; readonly caption: string; readonly credit: string; readonly width: number; readonly height: number; readonly svg: string }

/** One article; section, tags, authors, hero and translationOf are slugs resolved by the importer. */
export interface DemoArticle {
  readonly slug: string; readonly section: string; readonly genre: 'news' | 'opinion' | 'analysis' | 'commentary' | 'interview' | 'statement'
  readonly title: string; readonly standfirst: string; readonly bodyHtml: string
  readonly tags: readonly string[]; readonly authors: readonly string[]
  readonly hoursAgo: number          // published this many hours before the seed runs
  readonly updatedHoursAgo?: number  // some articles were updated after publication
  readonly editorsChoice?: number    // rank 1..n when picked
  readonly hero?: string             // DemoImage slug
  readonly language?: 'en' | 'ru'    // default 'en'
  readonly translationOf?: string    // slug of the English original, for Russian translations
}

/** A language of the site, as the `languages` setting holds it (domain/language.ts, siteLanguages); the first is the default. */
export interface DemoLanguage { readonly tag: string; readonly name: string; readonly description?: string; readonly sections?: Readonly<Record<string, string>> }

/** A static page such as /about. */
export interface DemoPage { readonly slug: string; readonly title: string; readonly bodyHtml: string }

/** Everything the demo importer seeds into an empty site. */
export interface DemoNewsroom { readonly siteName: string; readonly siteDescription: string; readonly sections: readonly DemoSection[]; readonly tags: readonly DemoTag[]; readonly authors: readonly DemoAuthor[]; readonly images: readonly DemoImage[]; readonly articles: readonly DemoArticle[]; readonly pages: readonly DemoPage[]; readonly menu: readonly { readonly label: string; readonly href: string }[]; readonly languages: readonly DemoLanguage[]; readonly social: Readonly<Record<string, string>> }
