// Refuses what no field of ours can hold, before any route reads it: a NUL character anywhere in a request's path, query
// string or body, and a number that is not finite in its validated parameters or body.

import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors.ts'

/** The one message for a NUL, wherever it came from (multipart.ts checks upload fields with it too). */
export const NUL_MESSAGE = 'the request holds a NUL character, which no field may contain'

/**
 * Whether `test` holds for any string, number or key inside a parsed value (a string, or objects and arrays of them).
 * Iterative, so a deeply nested JSON body cannot overflow the stack; linear in the value's size, which the body limit bounds.
 */
function holdsAny(value: unknown, test: (leaf: string | number) => boolean): boolean {
  const stack: unknown[] = [value]
  while (stack.length) {
    const v = stack.pop()
    if (typeof v === 'string' || typeof v === 'number') {
      if (test(v)) return true
    } else if (Array.isArray(v)) {
      for (const inner of v) stack.push(inner)
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, inner] of Object.entries(v)) {
        if (test(k)) return true
        stack.push(inner)
      }
    }
  }
  return false
}

/** Whether a parsed body holds a NUL anywhere, keys included. */
export const holdsNul = (value: unknown): boolean => holdsAny(value, (leaf) => typeof leaf === 'string' && leaf.includes('\u0000'))

/**
 * Whether a value holds Infinity or NaN. Ajv's coercion turns "Infinity" and "1e400" into Infinity and then passes it
 * as an integer within any minimum and maximum, and JSON.parse reads 1e400 as Infinity; PostgreSQL refuses it (a 500).
 */
export const holdsNonFinite = (value: unknown): boolean => holdsAny(value, (leaf) => typeof leaf === 'number' && !Number.isFinite(leaf))

/**
 * Adds the hooks to the root app, before any route: PostgreSQL refuses NUL in text and non-finite numbers (a 500 deep
 * inside a query) and no field of ours has a use for either, so every request that carries one answers 400 whichever
 * engine is behind it.
 */
export function refuseUnstorable(app: FastifyInstance): void {
  // The raw target: a NUL can only arrive percent-encoded (the HTTP parser refuses a bare one), in the path or the query.
  app.addHook('onRequest', async (req) => {
    if (req.url.includes('%00')) throw new AppError('Invalid', NUL_MESSAGE)
  })
  // After the body is parsed and before validation, so the same answer comes for forms, JSON and text bodies.
  app.addHook('preValidation', async (req) => {
    if (holdsNul(req.body)) throw new AppError('Invalid', NUL_MESSAGE)
  })
  // After validation has coerced parameters to numbers, before any handler (or the routes' own preHandlers) uses them.
  app.addHook('preHandler', async (req) => {
    if (holdsNonFinite(req.params) || holdsNonFinite(req.query) || holdsNonFinite(req.body)) {
      throw new AppError('Invalid', 'a number in the request is not finite (Infinity, 1e400 or NaN are not numbers we take)')
    }
  })
}
