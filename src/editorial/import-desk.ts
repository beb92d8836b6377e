// The desk's imports (admins only): an uploaded export kept in the media store (where every instance can read it), its
// dry run and then its import queued as jobs that a runner carries out (importers/import-job-run.ts), and their state
// for the page that watches them.

import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, open, rm } from 'node:fs/promises'
import path from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Clock } from '../domain/clock.ts'
import { sniffExport, SNIFF_BYTES, wrongKindMessage } from '../domain/export-kind.ts'
import { IMPORT_SOURCES, type ImportJob, type ImportJobOptions, type ImportSourceKind } from '../domain/import-job.ts'
import { parseOldSiteUrl } from '../domain/old-site-url.ts'
import { can, type Role } from '../domain/roles.ts'
import { isSlug } from '../domain/slug.ts'
import { AppError } from '../errors.ts'
import type { Store } from '../store/store.ts'
import { isUniqueViolation } from '../store/unique-violation.ts'
import { putImportUpload, removeImportUpload } from '../media/import-uploads.ts'
import type { MediaStore } from '../media/storage/media-store.ts'
import { oldPermalinksInput } from './old-permalinks.ts'

/**
 * A WordPress export of a large archive runs to hundreds of megabytes; the importers stream it, so the cap is the
 * disk's. Hence the media store rather than the database for the upload: 2 GiB is past what a PostgreSQL bytea (1 GB)
 * or a SQLite blob (1 GB by default) holds, and a row that size would pass through memory whole.
 */
export const IMPORT_UPLOAD_MAX_BYTES = 2 * 1024 ** 3

/** Who acts on the desk's imports. */
export interface ImportDeskActor {
  readonly userId: number
  readonly role: Role
}

export interface ImportDeskDeps {
  readonly store: Store
  readonly clock: Clock
  /** Where an upload is received and checked before it goes to the store: DATA_DIR/imports. */
  readonly uploadDir: string
  /** The site's media store, where uploads are kept (media/import-uploads.ts) for whichever instance runs the import. */
  readonly mediaStore: MediaStore
  readonly maxBytes?: number
}

/** The form's fields as sent, before they are checked. */
export interface ImportUploadInput {
  readonly source: string
  readonly fileName: string
  readonly section: string
  readonly siteUrl: string
  readonly media: boolean
  /** (ghost) the old site's permalink structure, or empty. */
  readonly permalink: string
  /** (ghost) the text of the old site's routes.yaml, or null when none was chosen. */
  readonly routesYaml: string | null
}

const ACTIVE = 'another import is queued or running on this site: wait until it ends (one import at a time)'

/** The cut-off reading of a stream: counts bytes and fails once they pass `max`. */
function capped(max: number, seen: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen.bytes += chunk.length
      if (seen.bytes > max) done(new AppError('Invalid', `the file is larger than ${Math.floor(max / 1024 ** 2)} MiB, the most an upload may be`, 'file'))
      else done(null, chunk)
    },
  })
}

async function readHead(file: string): Promise<string> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0)
    return buffer.subarray(0, bytesRead).toString('utf8')
  } finally {
    await handle.close()
  }
}

/** Checks the form's options; the field named in the error is the form's. */
function checkOptions(source: ImportSourceKind, input: ImportUploadInput): ImportJobOptions {
  const section = input.section.trim()
  const siteUrl = input.siteUrl.trim()
  if (source === 'ghost' && section && !isSlug(section)) throw new AppError('Invalid', 'the section must be a slug such as news', 'section')
  let url: string | null = null
  if (source === 'ghost' && siteUrl) {
    const parsed = parseOldSiteUrl(siteUrl)
    if ('error' in parsed) throw new AppError('Invalid', `the old site's address ${parsed.error}`, 'site_url')
    url = parsed.url
  }
  // Custom permalinks are Ghost's: a WordPress export carries each post's permalink itself.
  const permalinks = source === 'ghost' ? oldPermalinksInput({ routesYaml: input.routesYaml, permalink: input.permalink }) : { routesYaml: null, permalink: null }
  return { section: source === 'ghost' && section ? section : null, siteUrl: url, media: input.media, ...permalinks }
}

export function createImportDesk({ store, clock, uploadDir, mediaStore, maxBytes = IMPORT_UPLOAD_MAX_BYTES }: ImportDeskDeps) {
  function authorize(actor: ImportDeskActor): void {
    if (!can(actor.role, 'site.import')) throw new AppError('Forbidden', 'only administrators may import other sites\' exports')
  }

  /** Removes the uploads of finished jobs that nothing will read again. */
  async function pruneUploads(): Promise<void> {
    const stale = await store.importJobs.filesOfFinished()
    for (const f of stale) await removeImportUpload(mediaStore, f.filePath)
    await store.importJobs.clearFiles(stale.map((f) => f.id), clock.now())
  }

  async function queue(actor: ImportDeskActor, job: Omit<Parameters<Store['importJobs']['insert']>[0], 'createdBy'>, action: string): Promise<number> {
    const now = clock.now()
    try {
      return await store.transaction(async (tx) => {
        const id = await tx.importJobs.insert({ ...job, createdBy: actor.userId }, now)
        await tx.audit.record({ userId: actor.userId, action, subjectType: 'import', subjectId: String(id), details: {
          source: job.source, file: job.fileName, dryRun: job.dryRun,
          ...(job.options.permalink !== null && { permalink: job.options.permalink }), ...(job.options.routesYaml !== null && { routes: 'routes.yaml' }),
        }, at: now })
        return id
      })
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('Conflict', ACTIVE)
      throw err
    }
  }

  return {
    authorize,

    /**
     * Stores an uploaded export (read from `stream`, at most `maxBytes`) and queues its dry run. Refuses, keeping
     * nothing, a file of another kind than `input.source` (naming the importer that fits), an empty one, bad options,
     * and any upload while another import is active. Returns the dry run's job id.
     */
    async upload(actor: ImportDeskActor, input: ImportUploadInput, stream: Readable): Promise<number> {
      authorize(actor)
      const source = IMPORT_SOURCES.find((s) => s === input.source)
      if (!source) throw new AppError('Invalid', 'choose WordPress or Ghost as the kind of export', 'source')
      const options = checkOptions(source, input)
      if (await store.importJobs.active()) throw new AppError('Conflict', ACTIVE)
      await pruneUploads()
      await mkdir(uploadDir, { recursive: true })
      const ext = source === 'wordpress' ? 'xml' : 'json'
      const file = path.join(uploadDir, `${randomBytes(12).toString('hex')}.${ext}`)
      const seen = { bytes: 0 }
      let kept: string | null = null
      try {
        await pipeline(stream, capped(maxBytes, seen), createWriteStream(file, { flags: 'wx' }))
        if (seen.bytes === 0) throw new AppError('Invalid', 'choose an export file to upload', 'file')
        const wrong = wrongKindMessage(source, sniffExport(await readHead(file)))
        if (wrong) throw new AppError('Invalid', wrong, 'file')
        const fileName = path.basename(input.fileName.replace(/\\/g, '/')).slice(0, 200) || 'export'
        const upload = await putImportUpload(mediaStore, file, ext)
        kept = upload.key
        return await queue(actor, { source, filePath: upload.key, fileSecret: upload.secret, fileName, fileBytes: seen.bytes, options, dryRun: true }, 'import.upload')
      } catch (err) {
        // The rest of a refused upload is drained so the request ends with its answer rather than a reset.
        stream.resume()
        if (kept) await removeImportUpload(mediaStore, kept)
        throw err
      } finally {
        await rm(file, { force: true })
      }
    },

    /** Queues the import of a finished dry run's file, with the same options; the file passes to the new job. */
    async startImport(actor: ImportDeskActor, dryRunId: number): Promise<number> {
      authorize(actor)
      const dry = await store.importJobs.get(dryRunId)
      if (!dry) throw new AppError('NotFound', 'no such import')
      if (!dry.dryRun || dry.status !== 'done' || !dry.filePath) throw new AppError('Conflict', 'only a finished dry run whose upload is kept can be imported; upload the file again')
      if (dry.report?.error) throw new AppError('Conflict', 'the dry run stopped on an error in the file: fix the file and upload it again')
      const id = await queue(actor, { source: dry.source, filePath: dry.filePath, fileSecret: dry.fileSecret, fileName: dry.fileName, fileBytes: dry.fileBytes, options: dry.options, dryRun: false }, 'import.start')
      await store.importJobs.clearFiles([dry.id], clock.now())
      return id
    },

    /**
     * Asks a running import to stop: it ends at its next batch boundary, with what came before written and a report
     * that says it stopped; `resume` runs the file again from there. A queued one is discarded at once.
     */
    async stop(actor: ImportDeskActor, id: number): Promise<void> {
      authorize(actor)
      const job = await store.importJobs.get(id)
      if (!job) throw new AppError('NotFound', 'no such import')
      if (job.status === 'queued') return this.discard(actor, id)
      const now = clock.now()
      await store.transaction(async (tx) => {
        if (!(await tx.importJobs.requestStop(id, now))) {
          throw new AppError('Conflict', job.status === 'running' ? 'the import has been asked to stop already: it stops after its current batch' : 'the import is not running: it has ended')
        }
        await tx.audit.record({ userId: actor.userId, action: 'import.stop', subjectType: 'import', subjectId: String(id), details: { done: job.doneItems }, at: now })
      })
    },

    /** Queues the file of a stopped import again, with its options: what it wrote is skipped, the rest imported. */
    async resume(actor: ImportDeskActor, stoppedId: number): Promise<number> {
      authorize(actor)
      const stopped = await store.importJobs.get(stoppedId)
      if (!stopped) throw new AppError('NotFound', 'no such import')
      if (stopped.status !== 'done' || !stopped.report?.stopped) throw new AppError('Conflict', 'only an import that was stopped can be resumed')
      if (!stopped.filePath) throw new AppError('Conflict', 'the stopped import\'s upload is no longer kept; upload the file again (what was imported is skipped)')
      const id = await queue(actor, { source: stopped.source, filePath: stopped.filePath, fileSecret: stopped.fileSecret, fileName: stopped.fileName, fileBytes: stopped.fileBytes, options: stopped.options, dryRun: false }, 'import.resume')
      await store.importJobs.clearFiles([stopped.id], clock.now())
      return id
    },

    /** Cancels a queued job, or removes the upload of a finished dry run; a running import is stopped with `stop`. */
    async discard(actor: ImportDeskActor, id: number): Promise<void> {
      authorize(actor)
      const job = await store.importJobs.get(id)
      if (!job) throw new AppError('NotFound', 'no such import')
      const now = clock.now()
      if (job.status === 'running') throw new AppError('Conflict', 'the import is running: stop it first (it stops after its current batch)')
      if (job.status === 'queued') {
        if (!(await store.importJobs.discard(id, now))) throw new AppError('Conflict', 'the import has just started: it cannot be stopped half-way')
      }
      // A finished import's file is gone already; a queued job's or a dry run's is read by nothing once discarded.
      if (job.filePath) await removeImportUpload(mediaStore, job.filePath)
      await store.transaction(async (tx) => {
        await tx.importJobs.clearFiles([id], now)
        await tx.audit.record({ userId: actor.userId, action: 'import.discard', subjectType: 'import', subjectId: String(id), details: { status: job.status }, at: now })
      })
    },

    async get(actor: ImportDeskActor, id: number): Promise<ImportJob> {
      authorize(actor)
      const job = await store.importJobs.get(id)
      if (!job) throw new AppError('NotFound', 'no such import')
      return job
    },

    /** The newest imports first. */
    async list(actor: ImportDeskActor, limit = 20): Promise<ImportJob[]> {
      authorize(actor)
      return store.importJobs.list(limit)
    },
  }
}

export type ImportDesk = ReturnType<typeof createImportDesk>
