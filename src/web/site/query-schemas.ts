// JSON schemas for reader-page parameters: bad values are rejected before a handler runs.

const slug = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 } as const

/**
 * A page number: any whole number from 1 upwards, however long, kept as its digits (Ajv's coercion would turn
 * "Infinity", "1e3" or "0x10" into numbers, and a number of hundreds of digits is Infinity, which strictNumbers
 * refuses). pageNumber reads it; a page past the end (or past MAX_PAGE, which no listing serves) is a 404, not a 400.
 */
export const pageParam = { type: 'string', pattern: '^0*[1-9][0-9]*$', default: '1' } as const

/** The validated digits of `page` as a number: Infinity past Number's range, which the read model answers as not found. */
export const pageNumber = (digits: string): number => Number(digits)

export const pageQuery = {
  type: 'object',
  properties: { page: pageParam },
} as const

export const archiveQuery = {
  type: 'object',
  properties: {
    page: pageParam,
    section: { type: 'array', items: slug, maxItems: 50, default: [] },
    from: { type: 'string', maxLength: 10 },
    to: { type: 'string', maxLength: 10 },
  },
} as const

export interface PageQuery { page: string }
export interface ArchiveQuery { page: string; section: string[]; from?: string; to?: string }
