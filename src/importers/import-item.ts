// The fingerprint of a mapped item: what lets a second run of an import skip what did not change.

import { createHash } from 'node:crypto'
import type { ImportArticle, ImportPage } from '../editorial/import-input.ts'

/** A fingerprint of everything the write path stores from an item: an unchanged item is skipped on a second run. */
export function contentHash(a: ImportArticle | ImportPage, mappingVersion: string): string {
  return createHash('sha256').update(mappingVersion).update('\0').update(JSON.stringify(a)).digest('base64url')
}
