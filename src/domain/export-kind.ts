// Which kind of export a file is, told from its first bytes, so an upload of the wrong kind can say which importer fits.

import type { ImportSourceKind } from './import-job.ts'

export type ExportKind = ImportSourceKind | 'broadsheet' | 'unknown'

/** How many bytes of the head `sniffExport` needs. */
export const SNIFF_BYTES = 4096

/**
 * The kind of export whose file begins with `head`: a WXR (an RSS document of WordPress's export namespace), a Ghost
 * export (JSON whose top holds `db` or Ghost's `meta`), a Broadsheet export's manifest, or unknown.
 */
export function sniffExport(head: string): ExportKind {
  const text = head.replace(/^\uFEFF/, '').trimStart()
  if (text.startsWith('<')) {
    return /<rss\b/i.test(text) && /wordpress\.org\/export\//i.test(text) ? 'wordpress' : 'unknown'
  }
  if (text.startsWith('{')) {
    if (/"db"\s*:/.test(text) || /"meta"\s*:\s*\{[^}]*"exported_on"/.test(text)) return 'ghost'
    if (/"format"\s*:\s*"broadsheet/.test(text)) return 'broadsheet'
  }
  return 'unknown'
}

const NAMES: Readonly<Record<ImportSourceKind, string>> = { wordpress: 'WordPress (WXR .xml)', ghost: 'Ghost (.json)' }

/** Why a file of kind `found` cannot go to the `chosen` importer, naming the one that fits; null when it fits. */
export function wrongKindMessage(chosen: ImportSourceKind, found: ExportKind): string | null {
  if (found === chosen) return null
  if (found === 'wordpress' || found === 'ghost') return `this file is a ${NAMES[found]} export: choose ${NAMES[found]} as its kind`
  if (found === 'broadsheet') return 'this file belongs to a Broadsheet export: read the whole folder with "broadsheet import broadsheet DIR" on the command line'
  return `this file is not a ${NAMES[chosen]} export: WordPress writes one under Tools → Export, Ghost under Settings → Labs → Export`
}
