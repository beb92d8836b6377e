// The parts of a multipart upload, with a malformed stream refused as 400 instead of the parser's bare error (a 500).

import type { Multipart } from '@fastify/multipart'
import type { FastifyRequest } from 'fastify'
import { AppError } from '../errors.ts'
import { NUL_MESSAGE } from './input-guard.ts'

const MALFORMED = 'the upload is not well-formed multipart/form-data (it is cut short, or a part has no name)'

/** The multipart parser's own errors carry no status; its limit errors (413) and everything else keep theirs. */
const refused = (err: unknown): unknown =>
  err instanceof Error && !('statusCode' in err) && !('kind' in err) ? new AppError('Invalid', MALFORMED) : err

/** Runs `read`, which reads a file part's stream: the parser's own errors (a stream cut short) become the 400 they are. */
export const readFilePart = <T>(read: () => Promise<T>): Promise<T> => read().catch((err: unknown) => Promise.reject(refused(err)))

/**
 * `req.parts()` for upload routes: a stream cut short (while reading the next part or a file's bytes), no boundary,
 * a part without a name, or a NUL in a name, filename or text field answers 400. Only errors raised by the parser
 * are translated, never the route's own.
 */
export async function* uploadParts(req: FastifyRequest): AsyncGenerator<Multipart> {
  const parts = req.parts()[Symbol.asyncIterator]()
  try {
    for (;;) {
      let next: IteratorResult<Multipart>
      try {
        next = await parts.next()
      } catch (err) {
        throw refused(err)
      }
      if (next.done) return
      const part = next.value
      // busboy hands over a part whose Content-Disposition has no name with an undefined fieldname.
      if (typeof part.fieldname !== 'string') {
        if (part.type === 'file') part.file.resume()
        throw new AppError('Invalid', MALFORMED)
      }
      // The body is read here, after input-guard's hooks: its text is checked for NUL as theirs is.
      const text = part.type === 'file' ? part.filename : typeof part.value === 'string' ? part.value : ''
      if (part.fieldname.includes('\u0000') || text.includes('\u0000')) {
        if (part.type === 'file') part.file.resume()
        throw new AppError('Invalid', NUL_MESSAGE)
      }
      if (part.type === 'file') {
        const toBuffer = part.toBuffer.bind(part)
        part.toBuffer = () => toBuffer().catch((err: unknown) => Promise.reject(refused(err)))
      }
      yield part
    }
  } finally {
    await parts.return?.()
  }
}
