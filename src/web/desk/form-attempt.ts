// Running a desk form's change: on success the caller's redirect, on a refusal the form again with the message at its field.

import type { FieldError } from '../../render/desk/form-parts.ts'
import { refusal } from './admin-forms.ts'

/** Runs `fn`; a refusal the page shows at a field (Invalid, Conflict) goes to `onRefusal`, anything else to the error handler. */
export async function attempt(fn: () => Promise<unknown>, ok: () => unknown, onRefusal: (status: number, error: FieldError) => unknown): Promise<unknown> {
  try {
    await fn()
  } catch (err) {
    const r = refusal(err)
    if (!r) throw err
    return onRefusal(r.status, r.error)
  }
  return ok()
}
