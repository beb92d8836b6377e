// The terms an article is counted by: its live text as the engine reads it, and the boosted frequencies of its terms.

import { indexText } from '../content/index-text.ts'
import type { RelatedSource } from '../store/related.ts'
import { DEFAULT_TERM_PARAMS, termFrequencies, type TermParams } from './terms.ts'

/**
 * The text an article's terms are counted from: its body's first INDEX_TEXT_MAX characters, read in slices that let
 * the event loop turn (content/index-text.ts), so a 2 MB body never holds it.
 */
export const textOf = async (s: RelatedSource) =>
  ({ title: s.title, standfirst: s.standfirst, body: await indexText(s.bodyHtml), tags: s.tags, language: s.language })

/** The boosted term frequencies of an article (terms.ts termFrequencies over textOf). */
export const countTerms = async (s: RelatedSource, p: TermParams = DEFAULT_TERM_PARAMS): Promise<Map<string, number>> =>
  termFrequencies(await textOf(s), p)
