// Refuses a NUL character anywhere in a request's path, query string or parsed body, before any route reads it.

import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors.ts'

/** The one message for a NUL, wherever it came from (multipart.ts checks upload fields with it too). */
export const NUL_MESSAGE = 'the request holds a NUL character, which no field may contain'

/**
 * Whether a parsed body (a string, or objects and arrays of them) holds a NUL anywhere, keys included. Iterative, so a
 * deeply nested JSON body cannot overflow the stack; linear in the body's size, which the body limit bounds.
 */
export function holdsNul(value: unknown): boolean {
  const stack: unknown[] = [value]
  while (stack.length) {
    const v = stack.pop()
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true
    } else if (Array.isArray(v)) {
      for (const inner of v) stack.push(inner)
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, inner] of Object.entries(v)) {
        if (k.includes('\u0000')) return true
        stack.push(inner)
      }
    }
  }
  return false
}

/**
 * Adds the hooks to the root app, before any route: PostgreSQL refuses NUL in text (a 500 deep inside a query) and no
 * field of ours has a use for it, so every request that carries one answers 400 whichever engine is behind it.
 */
export function refuseNul(app: FastifyInstance): void {
  // The raw target: a NUL can only arrive percent-encoded (the HTTP parser refuses a bare one), in the path or the query.
  app.addHook('onRequest', async (req) => {
    if (req.url.includes('%00')) throw new AppError('Invalid', NUL_MESSAGE)
  })
  // After the body is parsed and before validation, so the same answer comes for forms, JSON and text bodies.
  app.addHook('preValidation', async (req) => {
    if (holdsNul(req.body)) throw new AppError('Invalid', NUL_MESSAGE)
  })
}
