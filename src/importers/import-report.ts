// The import report: counts by outcome, each refusal with its reason, and what was altered on the way in.

import type { ImportReport, Outcomes, ReportedItem } from '../domain/import-report.ts'

export type { ImportReport, Outcomes, ReportedItem }

/** Lists in the report keep at most this many entries each, so a report of a huge site stays readable. */
export const REPORT_LIST_CAP = 1000

export function emptyReport(source: ImportReport['source'], dryRun: boolean): ImportReport {
  return {
    source, dryRun, articles: { imported: 0, updated: 0, skipped: 0, refused: 0 }, pages: { imported: 0, updated: 0, skipped: 0, refused: 0 },
    media: { imported: 0, reused: 0, failed: 0 }, mediaFailures: [], heroesWithoutAlt: [], notImported: {}, refusals: [],
    drafted: [], notes: [], altered: { shortcodesConverted: {}, shortcodesKept: {}, removedMarkup: {}, imagesLeftRemote: 0, galleryIdsUnresolved: [] },
    error: null, omitted: 0,
  }
}

/** Appends to one of the report's lists, counting what the cap leaves out. */
export function listIn<T>(report: ImportReport, list: T[], entry: T): void {
  if (list.length < REPORT_LIST_CAP) list.push(entry)
  else report.omitted++
}

export const countIn = (counts: Record<string, number>, key: string, by = 1): void => {
  counts[key] = (counts[key] ?? 0) + by
}

// Names of elements and of their attributes; cheap enough to run on every body (no second parse).
const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g
const ATTR_NAME = /([^\s=>/"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?/g
// What the sanitizer renames rather than removes.
const RENAMED: Readonly<Record<string, string>> = { b: 'strong', i: 'em' }

function markupCounts(html: string): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1)
  for (const m of html.matchAll(TAG)) {
    const name = m[1]!.toLowerCase()
    const tag = RENAMED[name] ?? name
    add(tag)
    for (const a of (m[2] ?? '').matchAll(ATTR_NAME)) add(`${tag}[${a[1]!.toLowerCase()}]`)
  }
  return counts
}

/**
 * Elements and attributes present before sanitizing and gone after, by name and count: the difference of the two
 * tallies. Elements dropped whole (`script`) take their attributes with them, which are then not listed again.
 */
export function removedMarkup(before: string, after: string): Map<string, number> {
  const a = markupCounts(before), b = markupCounts(after)
  const removed = new Map<string, number>()
  for (const [key, n] of a) {
    const gone = n - (b.get(key) ?? 0)
    if (gone <= 0) continue
    const bracket = key.indexOf('[')
    if (bracket > 0 && removed.has(key.slice(0, bracket)) && (b.get(key.slice(0, bracket)) ?? 0) === 0) continue
    removed.set(key, gone)
  }
  return removed
}

/** The report as lines of text for the terminal. */
export function formatReport(r: ImportReport): string {
  const lines: string[] = []
  const a = r.articles
  lines.push(`${r.dryRun ? 'Dry run (nothing was written): ' : ''}${r.source.system} import of ${r.source.site || r.source.file}`)
  lines.push(`articles: ${a.imported} imported, ${a.updated} updated, ${a.skipped} skipped, ${a.refused} refused`)
  const p = r.pages
  if (p.imported + p.updated + p.skipped + p.refused) lines.push(`pages: ${p.imported} imported, ${p.updated} updated, ${p.skipped} skipped, ${p.refused} refused`)
  const old = r.oldAddresses
  if (old) lines.push(`old addresses (from ${old.from === 'export' ? 'the export\'s setting' : old.from}): ${old.permalinks.join(', ')}; ${old.posts} posts of the export had such an address, which leads to the new one`)
  const other = Object.entries(r.notImported)
  if (other.length) lines.push(`not imported: ${other.map(([k, n]) => `${n} ${k}`).join(', ')}`)
  const section = (title: string, items: readonly ReportedItem[]) => {
    if (!items.length) return
    lines.push(`${title}:`)
    for (const i of items) lines.push(`  - ${i.item} (${i.oldUrl || 'no address'}): ${i.reason}`)
  }
  section('refused', r.refusals)
  section('imported as drafts', r.drafted)
  section('notes', r.notes)
  const m = r.media
  if (m.imported + m.reused + m.failed) lines.push(`images: ${m.imported} imported, ${m.reused} already in the library, ${m.failed} could not be had`)
  section('images not imported (left at their old address)', r.mediaFailures)
  section('hero images without alt text (add it in the media library)', r.heroesWithoutAlt)
  const counts = (title: string, c: Record<string, number>) => {
    const e = Object.entries(c)
    if (e.length) lines.push(`${title}: ${e.map(([k, n]) => `${k} ×${n}`).join(', ')}`)
  }
  counts('shortcodes converted', r.altered.shortcodesConverted)
  counts('shortcodes kept as text', r.altered.shortcodesKept)
  counts('markup removed by the sanitizer', r.altered.removedMarkup)
  if (r.altered.imagesLeftRemote) lines.push(`images left remote: ${r.altered.imagesLeftRemote}`)
  if (r.altered.galleryIdsUnresolved.length) lines.push(`gallery images not found in the export (attachment ids): ${r.altered.galleryIdsUnresolved.join(', ')}`)
  if (r.omitted) lines.push(`(${r.omitted} more list entries left out)`)
  if (r.error) lines.push(`stopped: ${r.error.message}`)
  return lines.join('\n')
}
