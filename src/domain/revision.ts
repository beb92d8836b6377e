// Revisions of an article's working copy: what each kept, who kept it, and how two of them differ.

import type { Genre } from './article.ts'
import type { SanitizedHtml } from './sanitized-html.ts'

/** Why a revision was kept: a save, an autosave, a losing concurrent save, a publication, or a restore. */
export const REVISION_KINDS = ['save', 'autosave', 'conflict', 'publish', 'restore'] as const
export type RevisionKind = (typeof REVISION_KINDS)[number]

export const isRevisionKind = (value: string): value is RevisionKind => (REVISION_KINDS as readonly string[]).includes(value)

/** The editable fields of a working copy, references by slug, as a revision keeps them. */
export interface RevisionSnapshot {
  readonly title: string
  readonly slug: string
  readonly standfirst: string
  readonly bodyHtml: SanitizedHtml
  /** Section slug. */
  readonly section: string
  readonly genre: Genre
  readonly language: string
  /** Tag slugs, in order. */
  readonly tags: readonly string[]
  /** Author slugs, in byline order. */
  readonly authors: readonly string[]
  readonly heroMediaId: number | null
  /** The article's own caption and credit for its hero; null shows the media library's. */
  readonly heroCaption: string | null
  readonly heroCredit: string | null
  readonly seoTitle: string
  readonly seoDescription: string
  readonly editorsChoiceRank: number | null
}

/** A revision without its snapshot: one row of the revision list. */
export interface RevisionSummary {
  readonly id: number
  readonly articleId: number
  /**
   * The working-copy version the snapshot is: the version a save produced, or for a conflict the version the losing
   * save was based on.
   */
  readonly version: number
  readonly kind: RevisionKind
  /** The desk user who saved it; null for the system (scheduled publishing) or a deleted account. */
  readonly savedBy: { readonly id: number; readonly name: string } | null
  readonly savedAt: number
  readonly title: string
}

export interface Revision extends RevisionSummary {
  readonly snapshot: RevisionSnapshot
}

/** One run of words of a diff. */
export interface DiffSegment {
  readonly op: 'same' | 'added' | 'removed'
  readonly text: string
}

/** A field compared as a whole (section, tags, authors, slug…): its value before and after. */
export interface FieldChange {
  readonly field: string
  readonly before: string
  readonly after: string
}

/** How revision `to` differs from revision `from`: word diffs of the texts, whole-value changes of the rest. */
export interface RevisionComparison {
  readonly from: RevisionSummary
  readonly to: RevisionSummary
  readonly title: readonly DiffSegment[]
  readonly standfirst: readonly DiffSegment[]
  readonly body: readonly DiffSegment[]
  /** Only the fields that changed. */
  readonly fields: readonly FieldChange[]
  /** True when a text was too long to diff word by word and is shown as wholly removed and added. */
  readonly truncated: boolean
}
