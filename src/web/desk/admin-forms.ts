// What the desk's administration routes share: reading form fields, the status after a change, refusals as field errors.

import type { FastifyReply } from 'fastify'
import { AppError, isAppError } from '../../errors.ts'
import type { FieldError } from '../../render/desk/form-parts.ts'
import { toProblem } from '../errors.ts'

/**
 * A text field of a parsed form body; '' when absent. Longer than `max` characters is refused with AppError('Invalid')
 * naming the field and the limit: nothing typed is ever cut off silently. (The use-case checks its own, usually
 * smaller, limit with its own message; `max` only bounds what reaches it.)
 */
export function formText(body: unknown, name: string, max: number): string {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined
  if (typeof v !== 'string') return ''
  if (v.length > max) throw new AppError('Invalid', `${name} is too long: at most ${max} characters`, name)
  return v
}

/** After a change: 303 back to `path`, whose page shows the message of `done` (a fixed key, never free text). */
export const doneRedirect = (reply: FastifyReply, path: string, done: string) =>
  reply.redirect(`${path}${path.includes('?') ? '&' : '?'}done=${encodeURIComponent(done)}`, 303)

/** A query string schema: `done` among the page's known messages, plus the page's own properties. */
export const doneQuery = (done: readonly string[], extra: Record<string, object> = {}) => ({
  type: 'object', properties: { done: { type: 'string', enum: [...done] }, ...extra }, additionalProperties: false,
}) as const

/** `:id` as a positive whole number. */
export const idParams = {
  type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } }, required: ['id'], additionalProperties: false,
} as const

/** A refusal the page shows at its field (status 4xx), or null for anything else, which the error handler answers. */
export function refusal(err: unknown): { status: number; error: FieldError } | null {
  if (!isAppError(err) || err.kind === 'NotFound' || err.kind === 'Forbidden') return null
  const problem = toProblem(err)
  return { status: problem.status, error: { field: err.field ?? null, message: err.message } }
}
