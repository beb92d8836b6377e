// The desk's media library: the grid, uploads (multipart, read here after the CSRF check), details and delete.

import fastifyMultipart from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Readable } from 'node:stream'
import { MAX_BYTES } from '../../media/limits.ts'
import { mediaDetailPage, mediaLibraryPage, type MediaDetailView, type MediaLibraryView } from '../../render/desk/media-page.ts'
import { requireUser, viewerOf } from '../viewer.ts'
import { readFilePart, uploadParts } from '../multipart.ts'
import { doneQuery, doneRedirect, formText, idParams, refusal } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'
import { mayDeleteMedia } from '../../media/library.ts'
import type { StagedFile } from '../../media/upload-staging.ts'

const PER_PAGE = 30

const DONE: Readonly<Record<string, string>> = {
  uploaded: 'The image was uploaded. Its sizes for readers are made in the background.',
  saved: 'The details were saved.',
  deleted: 'The image was deleted.',
}

const listQuery = doneQuery(Object.keys(DONE), { page: { type: 'integer', minimum: 1, maximum: 100_000 }, q: { type: 'string', maxLength: 200 } })
const uploadQuery = { type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 } }, additionalProperties: false } as const

interface ListQuery { done?: string; page?: number; q?: string }

/**
 * The upload's text fields and its one file, read from the multipart stream: the file is staged on disk as it arrives
 * (refused at the first byte past the limit). The staged file is the caller's to discard, also when this throws later.
 */
async function readUpload(req: FastifyRequest, stage: (file: Readable) => Promise<StagedFile>, got: { file: StagedFile | null }): Promise<{ fields: Record<string, string>; filename: string }> {
  const fields: Record<string, string> = {}
  let filename = ''
  for await (const part of uploadParts(req)) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || got.file) {
        part.file.resume()
        continue
      }
      const staged = await readFilePart(() => stage(part.file))
      // An empty file field is what a browser sends when no file was chosen.
      if (staged.bytes > 0) {
        got.file = staged
        filename = part.filename
      } else {
        await staged.discard()
      }
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value
    }
  }
  return { fields, filename }
}

export const deskMediaRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { media } = kit.services
  // One byte over the library's limit: a larger file stops the stream (413) before it is all in memory.
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_BYTES + 1, files: 1, fields: 10, fieldSize: 8 * 1024, parts: 12 } })

  async function library(req: FastifyRequest, q: ListQuery, extra: Partial<MediaLibraryView> = {}): Promise<MediaLibraryView> {
    const page = q.page ?? 1
    const text = q.q?.trim() ?? ''
    const list = await media.list({ page, perPage: PER_PAGE, text })
    return { items: list.items, page, hasNext: list.hasNext, q: text, status: q.done ? DONE[q.done] ?? null : null, ...extra }
  }

  async function detail(req: FastifyRequest, id: number, extra: Partial<MediaDetailView> = {}): Promise<MediaDetailView> {
    const viewer = viewerOf(req)!
    return { media: await media.get(id), canDelete: mayDeleteMedia(viewer.user.role), status: null, script: kit.editorScript(), ...extra }
  }

  app.get<{ Querystring: ListQuery }>('/media', { schema: { querystring: listQuery }, preHandler: requireUser() }, async (req, reply) =>
    sendDeskPage(reply, 200, mediaLibraryPage(await kit.context(req, await kit.csrfFor(req)), await library(req, req.query))))

  app.post('/media', { schema: { querystring: uploadQuery }, preHandler: requireUser() }, async (req, reply) => {
    if (!req.isMultipart()) {
      return sendDeskPage(reply, 415, mediaLibraryPage(await kit.context(req, await kit.csrfFor(req)),
        await library(req, {}, { error: { field: 'file', message: 'send the image as a multipart/form-data upload' } })))
    }
    const got: { file: StagedFile | null } = { file: null }
    let values: Record<'alt' | 'caption' | 'credit', string> = { alt: '', caption: '', credit: '' }
    try {
      const { fields, filename } = await readUpload(req, (file) => media.stage(file), got)
      values = { alt: formText(fields, 'alt', 1001), caption: formText(fields, 'caption', 2001), credit: formText(fields, 'credit', 301) }
      if (!got.file) return sendDeskPage(reply, 400, mediaLibraryPage(await kit.context(req, await kit.csrfFor(req)), await library(req, {}, { error: { field: 'file', message: 'choose an image to upload' }, values })))
      const { user } = viewerOf(req)!
      await media.upload({ data: got.file, filename, ...values }, { userId: user.id, role: user.role })
      return doneRedirect(reply, '/desk/media', 'uploaded')
    } catch (err) {
      const r = refusal(err)
      if (!r) throw err
      return sendDeskPage(reply, r.status, mediaLibraryPage(await kit.context(req, await kit.csrfFor(req)), await library(req, {}, { error: r.error, values })))
    } finally {
      await got.file?.discard()
    }
  })

  app.get<{ Params: { id: number }; Querystring: { done?: string } }>('/media/:id',
    { schema: { params: idParams, querystring: doneQuery(Object.keys(DONE)) }, preHandler: requireUser() }, async (req, reply) =>
      sendDeskPage(reply, 200, mediaDetailPage(await kit.context(req, await kit.csrfFor(req)),
        await detail(req, req.params.id, { status: req.query.done ? DONE[req.query.done] ?? null : null }))))

  app.post<{ Params: { id: number } }>('/media/:id', { schema: { params: idParams }, preHandler: requireUser() }, async (req, reply) => {
    const values = {
      alt: formText(req.body, 'alt', 1001), caption: formText(req.body, 'caption', 2001), credit: formText(req.body, 'credit', 301),
      focalX: formText(req.body, 'focal_x', 30), focalY: formText(req.body, 'focal_y', 30),
    }
    const { user } = viewerOf(req)!
    return attempt(() => media.describe(req.params.id, values, { userId: user.id, role: user.role }), () => doneRedirect(reply, `/desk/media/${req.params.id}`, 'saved'),
      async (status, error) => sendDeskPage(reply, status, mediaDetailPage(await kit.context(req, await kit.csrfFor(req)), await detail(req, req.params.id, { error, values }))))
  })

  app.post<{ Params: { id: number } }>('/media/:id/delete', { schema: { params: idParams }, preHandler: requireUser() }, async (req, reply) => {
    return attempt(() => media.remove(req.params.id, { userId: viewerOf(req)!.user.id, role: viewerOf(req)!.user.role }), () => doneRedirect(reply, '/desk/media', 'deleted'),
      async (status, error) => sendDeskPage(reply, status, mediaDetailPage(await kit.context(req, await kit.csrfFor(req)), await detail(req, req.params.id, { error }))))
  })
}
