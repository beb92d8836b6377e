// Statements and quotes as data: who said what, in what role, when and where, and the rules on their fields.

import { calendarDate } from './calendar.ts'
import type { Media } from './media.ts'

export const SPEAKER_KINDS = ['person', 'organisation'] as const
export type SpeakerKind = (typeof SPEAKER_KINDS)[number]

export const isSpeakerKind = (value: string): value is SpeakerKind => (SPEAKER_KINDS as readonly string[]).includes(value)

/** A person or organisation that is quoted; kept apart from bylines (the people who write). */
export interface Speaker {
  readonly id: number
  readonly slug: string
  readonly name: string
  readonly kind: SpeakerKind
  readonly description: string
  /** The place tag of their country, or null. */
  readonly countryTagId: number | null
  readonly photoMediaId: number | null
  /** Official site, profile pages: absolute http(s) URLs. */
  readonly links: readonly string[]
}

/** A quote marked in an article's working copy. */
export interface Quote {
  readonly id: number
  readonly articleId: number
  /** The key of its mark in the body (data-quote="<anchor>"); STATEMENT_ANCHOR for a statement article's issuer. */
  readonly anchor: string
  readonly position: number
  readonly speakerId: number
  readonly text: string
  /** The speaker's role at the time ("Foreign Minister"). */
  readonly role: string
  /** The organisation they spoke for at the time. */
  readonly organisation: string
  /** Epoch ms at 00:00 UTC of the day said; null: the article's own date. */
  readonly saidAt: number | null
  readonly placeTagId: number | null
  readonly event: string
  readonly sourceUrl: string
  /** BCP 47 tag of the original language; empty when it is the article's. */
  readonly language: string
}

/** A quote as readers see it: from a live article, with its speaker and article. */
export interface LiveQuote {
  readonly id: number
  readonly articleId: number
  /** Its place among the article's quotes (body order). */
  readonly position: number
  readonly text: string
  readonly role: string
  readonly organisation: string
  /** Epoch ms: the day said, or the article's publication time when none was given. */
  readonly saidAt: number
  readonly event: string
  readonly sourceUrl: string
  readonly language: string
  readonly publishedAt: number
  readonly speaker: Pick<Speaker, 'id' | 'slug' | 'name' | 'kind'>
  readonly place: { readonly slug: string; readonly name: string } | null
  readonly article: { readonly title: string; readonly path: string; readonly language: string }
}

/**
 * The anchor of the one quote a statement article (genre statement) carries with no mark in the body: it names the
 * issuing organisation as the speaker of the whole text.
 */
export const STATEMENT_ANCHOR = 'statement'

/** Anchors are short keys the editor makes: letters, digits, hyphens. */
export const isQuoteAnchor = (value: string): boolean => /^[a-z0-9][a-z0-9-]{0,39}$/.test(value)

/** The longest quote kept: a quote is a passage, not an article. */
export const MAX_QUOTE_LENGTH = 4000
/** The most quotes one article carries. */
export const MAX_QUOTES_PER_ARTICLE = 200

/** A day ("2024-11-18") as epoch ms at 00:00 UTC, or null when it is not a real calendar day. */
export function dayToEpoch(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return null
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return new Date(ms).toISOString().slice(0, 10) === day ? ms : null
}

/** Epoch ms as the day it falls on in UTC ("2024-11-18"). */
export const epochToDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/**
 * The day a live quote was said, as readers see it ("2024-11-18"). A day the newsroom gave is a calendar day, stored at
 * 00:00 UTC, and stays that day everywhere; a quote without one took its article's publication instant (saidAt equals
 * publishedAt), which falls on a day of the site's time zone: 22:00 UTC is already the next day in Almaty.
 */
export const quoteDay = (q: Pick<LiveQuote, 'saidAt' | 'publishedAt'>, timeZone: string): string =>
  q.saidAt === q.publishedAt ? calendarDate(q.saidAt, timeZone) : epochToDay(q.saidAt)

/** Whether `url` is an absolute http(s) URL (sources and speaker links). */
export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== ''
  } catch {
    return false
  }
}

/** The anchors of quote marks in a body (data-quote="…"), in document order. */
export function markedAnchors(bodyHtml: string): string[] {
  return [...bodyHtml.matchAll(/\sdata-quote="([a-z0-9][a-z0-9-]{0,39})"/g)].map((m) => m[1]!)
}

/** A speaker's page: who they are and a page of what live articles quote them saying, newest first. */
export interface SpeakerPage {
  readonly speaker: Speaker
  readonly photo: Media | null
  readonly country: { readonly slug: string; readonly name: string } | null
  readonly quotes: readonly LiveQuote[]
  /** The cursor of the next (older) page, or null on the last. */
  readonly next: string | null
  /** Whether this is a later page (a cursor was given). */
  readonly later: boolean
}

/** One quote's own page. */
export interface QuotePage {
  readonly quote: LiveQuote
  readonly speaker: Speaker
}

/** A keyset cursor over quotes newest first, as text: "<saidAt>.<id>". */
export const quoteCursor = (q: Pick<LiveQuote, 'saidAt' | 'id'>): string => `${q.saidAt}.${q.id}`

/** The (saidAt, id) of a cursor, or null when it is not one. */
export function parseQuoteCursor(text: string): { saidAt: number; id: number } | null {
  const m = /^(-?\d{1,15})\.(\d{1,15})$/.exec(text)
  if (!m) return null
  const saidAt = Number(m[1]), id = Number(m[2])
  return Number.isSafeInteger(saidAt) && Number.isSafeInteger(id) ? { saidAt, id } : null
}
