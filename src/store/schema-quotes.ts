// The tables of speakers and quotes (migration 0033), apart from schema.ts to keep each file readable.

import type { Generated } from 'kysely'

export interface SpeakersTable {
  id: Generated<number>
  slug: string
  name: string
  /** 'person' or 'organisation'. */
  kind: string
  description: Generated<string>
  country_tag_id: number | null
  photo_media_id: number | null
  /** JSON array of URLs. */
  links: Generated<string>
  created_at: number
}

/** A quote marked in an article's working copy. */
export interface QuotesTable {
  id: Generated<number>
  article_id: number
  /** The key of its mark in the body: data-quote="<anchor>". */
  anchor: string
  position: number
  speaker_id: number
  text: string
  role: Generated<string>
  organisation: Generated<string>
  /** Epoch ms at 00:00 UTC of the day said; null: the article's date. */
  said_at: number | null
  place_tag_id: number | null
  event: Generated<string>
  source_url: Generated<string>
  language: Generated<string>
}

/** A quote of a live copy, as readers see it. */
export interface LiveQuotesTable {
  quote_id: number
  article_id: number
  position: number
  speaker_id: number
  text: string
  role: string
  organisation: string
  /** Resolved on publication: the day said, or the article's publication time. */
  said_at: number
  place_tag_id: number | null
  event: string
  source_url: string
  language: string
  published_at: number
}
