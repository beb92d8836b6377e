// Reading time of an article body.

import { plainText } from './excerpt.ts'

const WORDS_PER_MINUTE = 230

/** Whole minutes to read the HTML, at least 1. */
export const readingMinutes = (html: string): number =>
  Math.max(1, Math.round(plainText(html).split(' ').filter(Boolean).length / WORDS_PER_MINUTE))
