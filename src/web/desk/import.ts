// The desk's Import page: the upload (streamed to the use-case, read here after the CSRF check), an import's state as a
// page and as a small JSON document, and the forms that start the import after its dry run or discard the upload.

import fastifyMultipart from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { PERMALINK_MAX_LENGTH, ROUTES_YAML_MAX_BYTES } from '../../domain/ghost-permalinks.ts'
import { importProgress } from '../../domain/import-job.ts'
import { IMPORT_UPLOAD_MAX_BYTES, type ImportDeskActor, type ImportUploadInput } from '../../editorial/import-desk.ts'
import { AppError } from '../../errors.ts'
import { importJobPage, importListPage, type ImportFormValues, type ImportListView } from '../../render/desk/import-page.ts'
import { NO_STORE } from '../caching.ts'
import { uploadParts } from '../multipart.ts'
import { requireUser, viewerOf } from '../viewer.ts'
import { doneQuery, doneRedirect, idParams, refusal } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

const DONE: Readonly<Record<string, string>> = {
  uploaded: 'The file was uploaded; its dry run writes nothing and shows what the import would do.',
  started: 'The import was started. It runs in the background: this page shows how far it has come.',
  discarded: 'The import was discarded.',
  stopping: 'The import was asked to stop: it ends after the batch it is writing, and its report will say so.',
  resumed: 'The import was resumed: what the stopped run imported is skipped.',
}
const REFRESH_SECONDS = 2
const uploadQuery = { type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 } }, additionalProperties: false } as const

const actorOf = (req: FastifyRequest): ImportDeskActor => {
  const { user } = viewerOf(req)!
  return { userId: user.id, role: user.role }
}

const valuesOf = (f: Record<string, string>): ImportFormValues => ({
  source: (f.source ?? '').slice(0, 20), section: (f.section ?? '').slice(0, 121), siteUrl: (f.site_url ?? '').slice(0, 301), media: f.media === '1',
  permalink: (f.permalink ?? '').slice(0, PERMALINK_MAX_LENGTH + 1),
})

/** The routes.yaml part read whole, but never more than one byte over the cap: the use-case refuses what is over. */
async function readCapped(file: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  let bytes = 0
  for await (const chunk of file as AsyncIterable<Buffer>) {
    if (bytes <= ROUTES_YAML_MAX_BYTES) chunks.push(chunk)
    bytes += chunk.length
  }
  return Buffer.concat(chunks).subarray(0, ROUTES_YAML_MAX_BYTES + 1).toString('utf8')
}

export const deskImportRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { importDesk, config } = kit.services
  // The file streams to disk; one byte over the cap lets the use-case see that it was passed.
  await app.register(fastifyMultipart, { limits: { fileSize: IMPORT_UPLOAD_MAX_BYTES + 1, files: 2, fields: 10, fieldSize: 8 * 1024, parts: 13 } })
  const maxMiB = Math.floor(IMPORT_UPLOAD_MAX_BYTES / 1024 ** 2)

  async function list(req: FastifyRequest, extra: Partial<ImportListView> = {}): Promise<ImportListView> {
    return { jobs: await importDesk.list(actorOf(req)), timeZone: config.timeZone, status: null, maxMiB, ...extra }
  }

  app.get<{ Querystring: { done?: string } }>('/import', { schema: { querystring: doneQuery(Object.keys(DONE)) }, preHandler: requireUser() }, async (req, reply) =>
    sendDeskPage(reply, 200, importListPage(await kit.context(req, await kit.csrfFor(req)), await list(req, { status: req.query.done ? DONE[req.query.done] ?? null : null }))))

  app.post('/import', { schema: { querystring: uploadQuery }, preHandler: requireUser() }, async (req, reply) => {
    const again = async (status: number, error: { field: string | null; message: string }, values?: ImportFormValues) =>
      sendDeskPage(reply, status, importListPage(await kit.context(req, await kit.csrfFor(req)), await list(req, { error, ...(values && { values }) })))
    if (!req.isMultipart()) return again(415, { field: 'file', message: 'send the export as a multipart/form-data upload' })
    const fields: Record<string, string> = {}
    let routesYaml: string | null = null
    let id: number | null = null
    try {
      for await (const part of uploadParts(req)) {
        if (part.type === 'file') {
          // routes.yaml comes before the export in the form, and is small: it is read whole, like a text field.
          if (part.fieldname === 'routes' && id === null && part.filename && routesYaml === null) {
            routesYaml = await readCapped(part.file)
            continue
          }
          // The form puts the file last, so its options have arrived; the use-case checks rights before storing a byte.
          if (part.fieldname !== 'file' || id !== null || !part.filename) {
            part.file.resume()
            continue
          }
          const input: ImportUploadInput = { ...valuesOf(fields), routesYaml, fileName: part.filename }
          id = await importDesk.upload(actorOf(req), input, part.file)
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value
        }
      }
      if (id === null) return again(400, { field: 'file', message: 'choose an export file to upload' }, valuesOf(fields))
    } catch (err) {
      const r = refusal(err)
      if (!r) throw err
      return again(r.status, r.error, valuesOf(fields))
    }
    return doneRedirect(reply, `/desk/import/${id}`, 'uploaded')
  })

  app.get<{ Params: { id: number }; Querystring: { done?: string } }>('/import/:id',
    { schema: { params: idParams, querystring: doneQuery(Object.keys(DONE)) }, preHandler: requireUser() }, async (req, reply) => {
      const job = await importDesk.get(actorOf(req), req.params.id)
      return sendDeskPage(reply, 200, importJobPage(await kit.context(req, await kit.csrfFor(req)), {
        job, progress: importProgress(job, kit.services.clock.now()), timeZone: config.timeZone, refreshSeconds: REFRESH_SECONDS,
        status: req.query.done ? DONE[req.query.done] ?? null : null,
      }))
    })

  // For a page or a script that polls: the state in a few hundred bytes.
  app.get<{ Params: { id: number } }>('/import/:id/progress.json', { schema: { params: idParams }, preHandler: requireUser() }, async (req, reply) => {
    const job = await importDesk.get(actorOf(req), req.params.id)
    const report = job.report && { articles: job.report.articles, pages: job.report.pages, media: job.report.media, error: job.report.error, stopped: job.report.stopped === true }
    return reply.header('cache-control', NO_STORE).send({ id: job.id, status: job.status, dryRun: job.dryRun, attempts: job.attempts, ...importProgress(job, kit.services.clock.now()), error: job.error, report })
  })

  app.post<{ Params: { id: number } }>('/import/:id/start', { schema: { params: idParams }, preHandler: requireUser() }, async (req, reply) => {
    let started = 0
    return attempt(async () => { started = await importDesk.startImport(actorOf(req), req.params.id) }, () => doneRedirect(reply, `/desk/import/${started}`, 'started'),
      async (status, error) => showJob(req, reply, status, error))
  })

  app.post<{ Params: { id: number } }>('/import/:id/stop', { schema: { params: idParams }, preHandler: requireUser() }, async (req, reply) =>
    attempt(() => importDesk.stop(actorOf(req), req.params.id), () => doneRedirect(reply, `/desk/import/${req.params.id}`, 'stopping'),
      async (status, error) => showJob(req, reply, status, error)))

  app.post<{ Params: { id: number } }>('/import/:id/resume', { schema: { params: idParams }, preHandler: requireUser() }, async (req, reply) => {
    let resumed = 0
    return attempt(async () => { resumed = await importDesk.resume(actorOf(req), req.params.id) }, () => doneRedirect(reply, `/desk/import/${resumed}`, 'resumed'),
      async (status, error) => showJob(req, reply, status, error))
  })

  app.post<{ Params: { id: number } }>('/import/:id/discard', { schema: { params: idParams }, preHandler: requireUser() }, async (req, reply) =>
    attempt(() => importDesk.discard(actorOf(req), req.params.id), () => doneRedirect(reply, '/desk/import', 'discarded'),
      async (status, error) => showJob(req, reply, status, error)))

  async function showJob(req: FastifyRequest<{ Params: { id: number } }>, reply: Parameters<typeof sendDeskPage>[0], status: number, error: { field: string | null; message: string }) {
    const job = await importDesk.get(actorOf(req), req.params.id)
    if (!job) throw new AppError('NotFound', 'no such import')
    return sendDeskPage(reply, status, importJobPage(await kit.context(req, await kit.csrfFor(req)), {
      job, progress: importProgress(job, kit.services.clock.now()), timeZone: config.timeZone, refreshSeconds: REFRESH_SECONDS, status: null, error,
    }))
  }
}
