// Admin API media: multipart upload into the media library (type from the bytes, size and pixel limits), and the list.

import fastifyMultipart from '@fastify/multipart'
import type { FastifyPluginAsync } from 'fastify'
import type { Media } from '../../domain/media.ts'
import { absoluteMediaUrl, mediaUrl } from '../../domain/media.ts'
import { AppError } from '../../errors.ts'
import { MAX_BYTES } from '../../media/limits.ts'
import type { StagedFile } from '../../media/upload-staging.ts'
import { viewerOf } from '../viewer.ts'
import { readFilePart, uploadParts } from '../multipart.ts'
import type { AdminServices } from './admin.ts'

const TEXT_FIELDS = ['alt', 'caption', 'credit'] as const
type TextField = (typeof TEXT_FIELDS)[number]

interface ListQuery { page?: number; per_page?: number; q?: string }

const listQuerySchema = {
  type: 'object',
  properties: {
    page: { type: 'integer', minimum: 1, maximum: 100_000 },
    per_page: { type: 'integer', minimum: 1, maximum: 100 },
    q: { type: 'string', maxLength: 200 },
  },
  additionalProperties: false,
} as const

/** An image as the Admin API shows it: absolute URLs, snake_case, ISO time. */
export function mediaJson(m: Media, siteUrl: URL, mediaBase: string | null = null) {
  const base = `${siteUrl.origin}${siteUrl.pathname}`.replace(/\/+$/, '')
  return {
    id: m.id, url: absoluteMediaUrl(mediaUrl(m), base, mediaBase), mime: m.mime, width: m.width, height: m.height, bytes: m.bytes, alt: m.alt, caption: m.caption,
    credit: m.credit, focal_x: m.focalX, focal_y: m.focalY, created_at: new Date(m.createdAt).toISOString(),
    variants: m.variants.map((v) => ({ width: v.width, height: v.height, format: v.format, url: absoluteMediaUrl(v.url, base, mediaBase), bytes: v.bytes })),
  }
}

export const adminMediaRoutes = (s: AdminServices): FastifyPluginAsync => async (app) => {
  // One byte over the library's limit, so a larger file is cut there and refused as 413 rather than read whole.
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_BYTES + 1, files: 1, fields: TEXT_FIELDS.length, fieldSize: 4096, parts: TEXT_FIELDS.length + 1 } })

  app.post('/', async (req, reply) => {
    // A status of its own, as for any other body type this route does not take.
    if (!req.isMultipart()) throw Object.assign(new Error('send the image as multipart/form-data, in a field named file'), { statusCode: 415 })
    // The file is staged on disk as it arrives and removed once answered, whatever the answer.
    let file: { data: StagedFile; filename: string } | undefined
    try {
      const text: Partial<Record<TextField, string>> = {}
      for await (const part of uploadParts(req)) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file') {
            part.file.resume()
            throw new AppError('Invalid', `unknown field "${part.fieldname.slice(0, 100)}": send the image as "file"`, part.fieldname.slice(0, 100))
          }
          file = { data: await readFilePart(() => s.media.stage(part.file)), filename: part.filename }
        } else {
          if (!(TEXT_FIELDS as readonly string[]).includes(part.fieldname)) {
            throw new AppError('Invalid', `unknown field "${part.fieldname.slice(0, 100)}"`, part.fieldname.slice(0, 100))
          }
          if (part.valueTruncated) throw new AppError('Invalid', `${part.fieldname} is too long`, part.fieldname)
          text[part.fieldname as TextField] = String(part.value)
        }
      }
      if (!file) throw new AppError('Invalid', 'an image is required in the field named file', 'file')
      const { user } = viewerOf(req)!
      const media = await s.media.upload({ ...file, ...text }, { userId: user.id, role: user.role })
      return reply.code(201).header('location', `/api/v1/admin/media/${media.id}`).send(mediaJson(media, s.config.siteUrl, s.config.media.publicUrl))
    } finally {
      await file?.data.discard()
    }
  })

  app.get<{ Querystring: ListQuery }>('/', { schema: { querystring: listQuerySchema } }, async (req) => {
    const list = await s.media.list({ page: req.query.page ?? 1, perPage: req.query.per_page ?? 30, text: req.query.q ?? '' })
    return { items: list.items.map((m) => mediaJson(m, s.config.siteUrl, s.config.media.publicUrl)), page: list.page, has_next: list.hasNext }
  })

  app.get<{ Params: { id: number } }>('/:id', {
    schema: { params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } } } },
  }, async (req) => mediaJson(await s.media.get(req.params.id), s.config.siteUrl, s.config.media.publicUrl))
}
