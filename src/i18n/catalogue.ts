// The shape of a message catalogue (one file per language in catalogues/), and filling its messages in.

/** A message that depends on a count: one text per plural category of the language (Intl.PluralRules), `other` always. */
export type PluralMessage = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & { readonly other: string }

/**
 * Every piece of interface text the reader site shows. `{name}` marks a value filled in at render time; plural
 * messages hold one text per plural category of the catalogue's language. `npm run check` (scripts/check-catalogues.ts)
 * checks that every catalogue has every key of the English one, the same placeholders, and every plural category.
 */
export interface Catalogue {
  /** The locale `Intl` formats dates and plurals with (`en-GB`, `ru-RU`). */
  readonly locale: string
  /** Open Graph's locale, language_TERRITORY (`en_GB`, `ru_RU`). */
  readonly ogLocale: string
  readonly skipToContent: string
  readonly searchLabel: string
  readonly searchPlaceholder: string
  readonly searchButton: string
  readonly sectionsNav: string
  readonly languagesNav: string
  readonly archive: string
  readonly mostRead: string
  readonly editorsChoice: string
  readonly relatedArticles: string
  readonly highlights: string
  readonly aboutSiteNav: string
  readonly staticPages: Readonly<Record<'about' | 'contact' | 'privacy', string>>
  readonly followUs: string
  readonly feedsNav: string
  readonly otherLanguages: string
  readonly home: string
  readonly breadcrumb: string
  /** `{names}`: the linked author names. */
  readonly byline: string
  readonly listAnd: string
  readonly listComma: string
  readonly published: string
  readonly updated: string
  readonly minRead: PluralMessage
  readonly topicsAndPlaces: string
  readonly genres: Readonly<Record<'news' | 'opinion' | 'analysis' | 'commentary' | 'interview' | 'statement', string>>
  readonly nothingPublished: string
  readonly nothingPublishedText: string
  readonly noArticles: string
  readonly pagedTitle: string
  readonly sectionDescription: string
  readonly place: string
  readonly topic: string
  readonly tagDescription: string
  readonly authorDescription: string
  readonly authorKinds: Readonly<Record<'staff' | 'guest' | 'agency', string>>
  readonly speakerKinds: Readonly<Record<'person' | 'organisation', string>>
  /** A speaker page's description: `{name}`, `{site}`. */
  readonly speakerDescription: string
  readonly quotesHeading: string
  readonly noQuotes: string
  /** Before the article a quote is from. */
  readonly quotedIn: string
  readonly quoteSource: string
  readonly quoteLink: string
  /** A quote page's title: `{name}`, `{text}`. */
  readonly quoteTitle: string
  /** Link from a quote to its speaker's page: `{name}`. */
  readonly allQuotesOf: string
  readonly olderQuotes: string
  readonly pagesNav: string
  readonly newer: string
  readonly older: string
  readonly pageNumber: string
  readonly archiveDescription: string
  readonly sections: string
  readonly from: string
  readonly to: string
  readonly filter: string
  readonly searchTitle: string
  readonly searchQueryTitle: string
  readonly searchDescription: string
  readonly searchFor: string
  readonly searchHelp: string
  readonly typeAWord: string
  readonly noMoreResults: string
  readonly nothingFound: string
  readonly results: string
  readonly moreOnNextPage: string
  /** `{max}`: the number of characters searched. */
  readonly searchTrimmed: string
  /** `{q}`: the corrected query, as a link. */
  readonly didYouMean: string
  readonly searchTips: string
  readonly latestArticles: string
  readonly narrowResults: string
  readonly authorsFacet: string
  readonly anySection: string
  readonly removeFilter: string
  /** `{n}`: how many of the newest matches the counts cover. */
  readonly countsCapped: string
  readonly suggestionsLabel: string
  readonly popularDescription: string
  readonly noViews: string
  readonly last24Hours: string
  readonly last7Days: string
  readonly errors: Readonly<Record<'400' | '404' | '410' | '413' | '415' | '429' | '500', string>>
  /** `{front}` and `{archive}`: links named by frontPageLink and archiveLink. */
  readonly errorTry: string
  readonly frontPageLink: string
  readonly archiveLink: string
  readonly backToFront: string
  readonly addressUnreadable: string
  readonly feedTitle: string
  readonly feedTagDescription: string
  readonly feedAuthorDescription: string
  /** Newsletter sign-up, confirmation and manage pages, and the newsletter messages themselves. */
  readonly newsletter: Readonly<Record<'signUpHeading' | 'emailLabel' | 'signUpButton' | 'noCookies' | 'checkInboxTitle' | 'checkInboxText' | 'confirmTitle' | 'confirmText' | 'confirmButton' | 'confirmedTitle' | 'confirmedText' | 'manageTitle' | 'manageIntro' | 'leave' | 'leaveAll' | 'leftTitle' | 'leftText' | 'statusActive' | 'statusPending' | 'statusLeft' | 'confirmSubject' | 'confirmMail' | 'confirmIgnore' | 'manageLink' | 'unsubscribeLink' | 'youReceive' | 'readMore' | 'inBrowser', string>>
}

/** `template` with each `{name}` replaced by `values[name]`; unknown names are left as they are. */
export const fill = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))

// One PluralRules per locale: building one costs far more than using it (TRAPS.md).
const pluralRules = new Map<string, Intl.PluralRules>()

/** The form of a plural message for `n` in `locale`, filled with `{n}`. */
export function plural(locale: string, message: PluralMessage, n: number): string {
  let rules = pluralRules.get(locale)
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)))
  return fill(message[rules.select(n)] ?? message.other, { n })
}
