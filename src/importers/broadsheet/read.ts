// Reading an export back: the manifest, then each kind's lines one at a time, every line checked against format.ts
// (types, allowed values, references to ids seen before) and every file against its checksum. A fault names the file
// and the line.

import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { ARTICLE_STATUSES, GENRES } from '../../domain/article.ts'
import { AUTHOR_KINDS } from '../../domain/people.ts'
import { REVISION_KINDS } from '../../domain/revision.ts'
import { ROLES } from '../../domain/roles.ts'
import { TAG_KINDS } from '../../domain/taxonomy.ts'
import { isQuoteAnchor, isWebUrl, SPEAKER_KINDS } from '../../domain/quotes.ts'
import { FORMAT_NAME, FORMAT_VERSION, hasKind, READABLE_VERSIONS, upgradeLine, KIND_ORDER, KINDS, ORIGIN_TARGETS, parseTime, type Fields, type FieldType, type Kind, type Manifest } from '../../domain/export-format.ts'
import { baseType } from '../../domain/export-records.ts'

/** A fault in the export: the file, the line (0 for the file as a whole) and what is wrong. */
export class ExportFileError extends Error {
  readonly file: string
  readonly line: number
  constructor(file: string, line: number, message: string) {
    super(`${file}${line ? `, line ${line}` : ''}: ${message}`)
    this.file = file
    this.line = line
  }
}

/** A line of a kind, checked. */
export type Line = Record<string, unknown>

/** The ids seen so far, per kind: what later lines may refer to; `live articles`: the articles with a live copy. */
export type SeenIds = Map<Kind | 'live articles', Set<number>>

/** Values a field may take beyond its type. Unknown values would be stored and then break pages, so they are refused. */
const ALLOWED: Readonly<Record<string, readonly (string | number)[]>> = {
  'articles.status': ARTICLE_STATUSES, 'articles.genre': GENRES, 'articles.live.genre': GENRES, 'users.role': ROLES,
  'tags.kind': TAG_KINDS, 'authors.kind': AUTHOR_KINDS, 'revisions.kind': REVISION_KINDS, 'redirects.status': [301, 410],
  'import_origins.kind': Object.keys(ORIGIN_TARGETS), 'speakers.kind': SPEAKER_KINDS, 'related_overrides.kind': ['pin', 'exclude'], 'pages.status': ['draft', 'published'],
}

/** Longest line read: a body is at most a few hundred KB; anything far beyond is not an export of ours. */
const MAX_LINE = 16 * 1024 * 1024

/** Reads and checks manifest.json. */
export async function readManifest(dir: string): Promise<Manifest> {
  let m: Manifest
  try {
    m = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest
  } catch (err) {
    const why = (err as { code?: string }).code === 'ENOENT' ? 'missing: this is not a finished Broadsheet export' : `not JSON (${(err as Error).message})`
    throw new ExportFileError('manifest.json', 0, why)
  }
  if (!m || typeof m !== 'object' || m.format !== FORMAT_NAME) throw new ExportFileError('manifest.json', 0, `"format" is not "${FORMAT_NAME}"`)
  if (!READABLE_VERSIONS.includes(m.version)) throw new ExportFileError('manifest.json', 0, `format version ${String(m.version)}; this Broadsheet reads versions ${READABLE_VERSIONS.join(', ')} (it writes ${FORMAT_VERSION})`)
  for (const k of KIND_ORDER) {
    if (!hasKind(m.version, k)) continue
    const f = m.files?.[KINDS[k].file]
    if (!f || typeof f.sha256 !== 'string' || !Number.isInteger(m.counts?.[k])) throw new ExportFileError('manifest.json', 0, `no checksum or count for ${KINDS[k].file}`)
  }
  return m
}

/** Why `v` is not of `type` (the field named `at`), or null when it is. */
function problem(type: FieldType, v: unknown, at: string, seen: SeenIds, pending: { at: string; kind: Kind; id: number }[], own: Kind): string | null {
  if (typeof type !== 'string') {
    if (v === null && type.nullable) return null
    if (type.list) {
      if (!Array.isArray(v)) return `${at} must be a list`
      for (const [i, item] of v.entries()) {
        const p = problem({ ...type, list: false, nullable: false }, item, `${at}[${i}]`, seen, pending, own)
        if (p) return p
      }
      return null
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) return `${at} must be an object`
    return fieldsProblem(type.fields, v as Line, at, seen, pending, own)
  }
  if (type.endsWith('[]')) {
    if (!Array.isArray(v)) return `${at} must be a list`
    for (const [i, item] of v.entries()) {
      const p = problem(type.slice(0, -2), item, `${at}[${i}]`, seen, pending, own)
      if (p) return p
    }
    return null
  }
  if (v === null) return type.endsWith('?') ? null : `${at} must not be null`
  const base = baseType(type)
  if (base === 'json') return null
  if (base === 'string') return typeof v === 'string' && !v.includes('\u0000') ? null : `${at} must be text (without NUL)`
  if (base === 'bool') return typeof v === 'boolean' ? null : `${at} must be true or false`
  if (base === 'number') return typeof v === 'number' && Number.isFinite(v) ? null : `${at} must be a number`
  if (base === 'time') return typeof v === 'string' && !Number.isNaN(parseTime(v)) ? null : `${at} must be a time like 2026-01-31T09:00:00.000Z`
  if (!Number.isSafeInteger(v)) return `${at} must be a whole number`
  if (base === 'int') return null
  if ((v as number) < 1) return `${at} must be a positive id`
  if (base === 'id') return null
  const target = base.slice('ref:'.length) as Kind
  if (seen.get(target)?.has(v as number)) return null
  // A kind may refer to its own later lines (a tag's parent, a translation's original): checked at the end of the file.
  if (target === own) {
    pending.push({ at, kind: target, id: v as number })
    return null
  }
  return `${at} refers to ${target} id ${String(v)}, which the export does not hold`
}

function fieldsProblem(fields: Fields, line: Line, at: string, seen: SeenIds, pending: { at: string; kind: Kind; id: number }[], own: Kind): string | null {
  for (const name of Object.keys(line)) if (!(name in fields)) return `unknown field ${at ? `${at}.` : ''}${name}`
  for (const [name, type] of Object.entries(fields)) {
    const where = at ? `${at}.${name}` : name
    if (!(name in line)) return `missing field ${where}`
    const p = problem(type, line[name], where, seen, pending, own)
    if (p) return p
    const allowed = ALLOWED[`${own}.${where}`]
    if (allowed && line[name] !== null && !allowed.includes(line[name] as string)) return `${where} must be one of ${allowed.join(', ')}`
  }
  return null
}

/**
 * The checked lines of `kind`, one at a time, each with its line number; records its ids in `seen`. Throws
 * ExportFileError for the first bad line, for a reference to a missing id, and, at the end, for a file whose line
 * count or checksum differs from the manifest.
 */
export async function* readKind(dir: string, kind: Kind, manifest: Manifest, seen: SeenIds): AsyncGenerator<{ line: Line; n: number }> {
  const { file, fields } = KINDS[kind]
  const ids = new Set<number>()
  seen.set(kind, ids)
  if (!hasKind(manifest.version, kind)) return
  const liveArticles = new Set<number>()
  if (kind === 'articles') seen.set('live articles', liveArticles)
  /** Keys that must be unique within the file beyond the id: a quote's article and anchor, a live quote's id. */
  const keys = new Set<string>()
  const pending: { at: string; kind: Kind; id: number }[] = []
  const hash = createHash('sha256')
  const stream = createReadStream(path.join(dir, file), { encoding: 'utf8' })
  stream.on('data', (chunk) => hash.update(chunk as string))
  const lines = createInterface({ input: stream, crlfDelay: Infinity })
  let n = 0
  try {
    for await (const text of lines) {
      n++
      if (text.length > MAX_LINE) throw new ExportFileError(file, n, `a line longer than ${MAX_LINE} characters`)
      let line: unknown
      try {
        line = JSON.parse(text)
      } catch (err) {
        throw new ExportFileError(file, n, `not JSON: ${(err as Error).message}`)
      }
      if (!line || typeof line !== 'object' || Array.isArray(line)) throw new ExportFileError(file, n, 'not a JSON object')
      const l = upgradeLine(manifest.version, kind, line as Line) as Line
      const p = fieldsProblem(fields, l, '', seen, pending, kind)
      if (p) throw new ExportFileError(file, n, p)
      if ('id' in fields) {
        if (ids.has(l.id as number)) throw new ExportFileError(file, n, `id ${String(l.id)} appears twice`)
        ids.add(l.id as number)
      }
      if (kind === 'revisions' && (!l.snapshot || typeof l.snapshot !== 'object' || Array.isArray(l.snapshot))) throw new ExportFileError(file, n, 'snapshot must be an object')
      if (kind === 'articles' && l.live !== null) liveArticles.add(l.id as number)
      const quoteProblem = quoteLineProblem(kind, l, seen, keys)
      if (quoteProblem) throw new ExportFileError(file, n, quoteProblem)
      if (kind === 'import_origins') {
        const target = ORIGIN_TARGETS[l.kind as string]!
        if (!seen.get(target)?.has(l.target_id as number)) throw new ExportFileError(file, n, `target_id refers to ${target} id ${String(l.target_id)}, which the export does not hold`)
      }
      yield { line: l, n }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') throw new ExportFileError(file, 0, 'missing')
    throw err
  }
  const missing = pending.find((p) => !ids.has(p.id))
  if (missing) throw new ExportFileError(file, 0, `${missing.at} refers to ${missing.kind} id ${missing.id}, which the export does not hold`)
  if (n !== manifest.counts[kind]) throw new ExportFileError(file, 0, `${n} lines, but the manifest counts ${manifest.counts[kind]}`)
  if (hash.digest('hex') !== manifest.files[file]!.sha256) throw new ExportFileError(file, 0, 'its checksum differs from the manifest: the file was changed or cut short')
}

/**
 * What the table cannot say about a speaker or quote line, or null: addresses are http(s) (pages link them); working
 * quotes need a valid anchor, once per article; live quotes a positive id, once in the file, and a live article.
 */
function quoteLineProblem(kind: Kind, l: Line, seen: SeenIds, keys: Set<string>): string | null {
  if (kind === 'speakers' && !(l.links as string[]).every(isWebUrl)) return 'links must be http(s) addresses'
  if ((kind === 'quotes' || kind === 'live_quotes') && l.source_url !== '' && !isWebUrl(l.source_url as string)) return 'source_url must be empty or an http(s) address'
  if (kind === 'quotes') {
    if (!isQuoteAnchor(l.anchor as string)) return 'anchor must be lower-case letters, digits and hyphens (at most 40)'
    const key = `${String(l.article_id)} ${String(l.anchor)}`
    if (keys.has(key)) return `anchor "${String(l.anchor)}" appears twice in article ${String(l.article_id)}`
    keys.add(key)
  }
  if (kind === 'live_quotes') {
    if ((l.quote_id as number) < 1) return 'quote_id must be a positive id'
    if (keys.has(String(l.quote_id))) return `quote_id ${String(l.quote_id)} appears twice`
    keys.add(String(l.quote_id))
    if (!seen.get('live articles')?.has(l.article_id as number)) return `article_id refers to article ${String(l.article_id)}, which has no live copy`
  }
  return null
}

/** The sha256 (hex) of a file, read as a stream; null when it does not exist. */
export async function fileSha256(file: string): Promise<string | null> {
  const hash = createHash('sha256')
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null
    throw err
  }
  return hash.digest('hex')
}
