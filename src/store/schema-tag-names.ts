// The table of tags' names per language (migration 0036), apart from schema.ts to keep each file readable.

/** A tag's name in a site language other than the default, by primary subtag (`ru`). */
export interface TagNamesTable {
  tag_id: number
  language: string
  name: string
}
