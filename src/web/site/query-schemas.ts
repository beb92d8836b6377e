// JSON schemas for reader-page parameters: bad values are rejected before a handler runs.

import { MAX_PAGE } from '../../reading/reading.ts'

const slug = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 } as const

/**
 * A page number. The digits are checked on the string first: Ajv's type coercion turns "Infinity" and "1e400"
 * into Infinity and then skips minimum and maximum for non-finite numbers, which would reach SQL as OFFSET.
 */
export const pageParam = {
  allOf: [{ type: 'string', pattern: `^[0-9]{1,${String(MAX_PAGE).length}}$` }, { type: 'integer', minimum: 1, maximum: MAX_PAGE }],
  default: 1,
} as const

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

export interface PageQuery { page: number }
export interface ArchiveQuery { page: number; section: string[]; from?: string; to?: string }
