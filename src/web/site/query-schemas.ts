// JSON schemas for reader-page parameters: bad values are rejected before a handler runs.

const slug = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 } as const

/**
 * A page number: any whole number from 1 upwards, however long; a page past the end (or past MAX_PAGE, which no
 * listing serves) is a 404 from the read model, not a 400. The digits are checked on the string first:
 * Ajv's type coercion would turn "Infinity", "1e3" or "0x10" into numbers.
 */
export const pageParam = {
  allOf: [{ type: 'string', pattern: '^[0-9]+$' }, { type: 'integer', minimum: 1 }],
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
