// Refusals of an upload that are not plain invalid input: too large, too many pixels, a type we do not take.

import { AppError } from '../errors.ts'

/** Why an upload was refused; web/errors.ts maps each to its status (413 or 415), everything else sees an Invalid. */
export type MediaRefusal = 'too-large' | 'too-many-pixels' | 'unsupported-type'

/** An AppError('Invalid', …, 'file') that also says which refusal it is; it knows no HTTP. */
export class MediaError extends AppError {
  readonly refusal: MediaRefusal
  constructor(refusal: MediaRefusal, message: string) {
    super('Invalid', message, 'file')
    this.name = 'MediaError'
    this.refusal = refusal
  }
}

export const isMediaError = (err: unknown): err is MediaError => err instanceof MediaError
