// Checks shared by the desk's housekeeping use-cases: names, slugs, optional ids; each failure names its field.

import { isReservedSegment } from '../domain/paths.ts'
import { isSlug, MAX_SLUG_LENGTH } from '../domain/slug.ts'
import { AppError } from '../errors.ts'

/** Trimmed text of 1..max characters. Throws AppError('Invalid') naming `field`. */
export function requiredText(value: unknown, field: string, label: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) throw new AppError('Invalid', `${label} is required`, field)
  if (text.length > max) throw new AppError('Invalid', `${label} is longer than ${max} characters`, field)
  return text
}

/** Trimmed text of at most max characters; empty is fine. */
export function optionalText(value: unknown, field: string, label: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : ''
  if (text.length > max) throw new AppError('Invalid', `${label} is longer than ${max} characters`, field)
  return text
}

/** A well-formed slug; `firstSegment` slugs (sections) may not take a reserved path segment or a language code. */
export function slugInput(value: unknown, opts: { readonly firstSegment?: boolean } = {}): string {
  const slug = typeof value === 'string' ? value.trim() : ''
  if (!slug) throw new AppError('Invalid', 'the slug is required', 'slug')
  if (!isSlug(slug)) {
    throw new AppError('Invalid', `the slug may hold only lower-case letters, digits and single hyphens (at most ${MAX_SLUG_LENGTH} characters)`, 'slug')
  }
  if (opts.firstSegment && isReservedSegment(slug)) throw new AppError('Invalid', `"${slug}" is a reserved address and cannot be a section slug`, 'slug')
  return slug
}

/** A positive whole number (a database id) or null when empty. */
export function optionalId(value: unknown, field: string, label: string): number | null {
  if (value === undefined || value === null || value === '') return null
  const n = typeof value === 'number' ? value : /^\d{1,15}$/.test(String(value)) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < 1) throw new AppError('Invalid', `${label} must be a whole number`, field)
  return n
}

/** Like optionalId, but required. */
export function requiredId(value: unknown, field: string, label: string): number {
  const id = optionalId(value, field, label)
  if (id === null) throw new AppError('Invalid', `${label} is required`, field)
  return id
}

/** 'up' or 'down'. */
export function direction(value: unknown): 'up' | 'down' {
  if (value === 'up' || value === 'down') return value
  throw new AppError('Invalid', 'move up or down', 'direction')
}

