// An import's custom-permalink options (Ghost's routes.yaml, or one permalink structure) checked once for every door:
// the desk's upload form, the command line and the job that runs a desk import all come through here.

import { checkOldPermalinks, PermalinkOptionError, type OldPermalinks } from '../domain/ghost-permalinks.ts'
import { AppError } from '../errors.ts'

/**
 * The options checked (domain/ghost-permalinks.ts checkOldPermalinks); AppError('Invalid') naming the field, `routes`
 * or `permalink`, when one is bad.
 */
export function oldPermalinksInput(o: { readonly routesYaml?: string | null; readonly permalink?: string | null }): OldPermalinks {
  try {
    return checkOldPermalinks(o)
  } catch (err) {
    if (err instanceof PermalinkOptionError) throw new AppError('Invalid', err.message, err.option)
    throw err
  }
}
