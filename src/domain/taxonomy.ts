// Sections (where an article is filed) and tags (what and where it is about).

export interface Section {
  readonly id: number
  readonly slug: string
  readonly name: string
  readonly description: string
  readonly position: number
  /** Whether articles may be published here without a byline (statements from the newsroom); false when absent. */
  readonly allowUnsigned?: boolean
}

export const TAG_KINDS = ['topic', 'place'] as const
export type TagKind = (typeof TAG_KINDS)[number]

export interface Tag {
  readonly id: number
  readonly slug: string
  readonly name: string
  readonly kind: TagKind
  readonly parentId: number | null
  /** ISO 3166 code, for places that are countries or territories. */
  readonly isoCode: string | null
  readonly description: string
  /** Its names in site languages other than the default, by primary subtag (`ru` → "Энергетика"); read where edited. */
  readonly names?: TagNames
}

/** A tag's name per language (primary subtag → name); a language with none shows the tag's own name. */
export type TagNames = Readonly<Record<string, string>>

/** The name of a tag in a language (a primary subtag), from its names there, else its own. */
export const tagNameIn = (tag: { readonly id: number; readonly name: string }, names: ReadonlyMap<number, string>): string => names.get(tag.id) ?? tag.name

export const isTagKind = (value: string): value is TagKind => (TAG_KINDS as readonly string[]).includes(value)

const ISO_3166 = /^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/

/** Whether a code is ISO 3166-1 alpha-2 or a 3166-2 subdivision ("KZ", "GE-AB"). */
export const isIsoCode = (value: string): boolean => ISO_3166.test(value)
