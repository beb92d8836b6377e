// Admin API sections, tags, bylines and redirects: what a newsroom's own migration script creates before its articles,
// through the desk's use-cases (the same validation, audit records and invalidations).

import type { FastifyPluginAsync } from 'fastify'
import type { Author } from '../../domain/people.ts'
import type { Tag } from '../../domain/taxonomy.ts'
import type { Services } from '../../services.ts'
import { actorOf } from '../viewer.ts'
import { HOUSEKEEPING_INPUTS } from './admin-openapi.ts'
import { sectionJson } from './admin-pages.ts'

export type HousekeepingServices = Pick<Services, 'taxonomyDesk' | 'bylines' | 'redirectDesk'>

const { AdminSectionInput, AdminTagInput, AdminBylineInput, AdminRedirectInput } = HOUSEKEEPING_INPUTS

function tagJson(t: Tag, parentSlug: string | null) {
  return { id: t.id, slug: t.slug, name: t.name, kind: t.kind, parent: parentSlug, iso_code: t.isoCode, description: t.description, names: t.names ?? {} }
}
const bylineJson = (a: Author) => ({ id: a.id, slug: a.slug, name: a.name, kind: a.kind, bio: a.bio, photo_media: a.photoMediaId })

/** Tags a listing reads per use-case call: the list is read whole, page by page. */
const TAG_PAGE = 500

export const adminHousekeepingRoutes = (s: HousekeepingServices): FastifyPluginAsync => async (app) => {
  app.get('/sections', async (req) => ({ items: (await s.taxonomyDesk.sectionList(actorOf(req))).map(sectionJson) }))
  app.post<{ Body: { name: string; slug: string; description?: string; allow_unsigned?: boolean } }>('/sections',
    { schema: { body: AdminSectionInput } }, async (req, reply) => {
      const { allow_unsigned: allowUnsigned, ...b } = req.body
      const id = await s.taxonomyDesk.createSection(actorOf(req), { ...b, ...(allowUnsigned !== undefined && { allowUnsigned }) })
      const section = await s.taxonomyDesk.sectionToEdit(actorOf(req), id)
      return reply.code(201).header('location', `/api/v1/admin/sections/${id}`).send(sectionJson(section))
    })

  app.get('/tags', async (req) => {
    const items = []
    for (let page = 1; ; page++) {
      const got = await s.taxonomyDesk.tagPage(actorOf(req), { page, perPage: TAG_PAGE })
      items.push(...got.items.map((t) => tagJson(t, t.parentSlug)))
      if (!got.hasNext) break
    }
    return { items }
  })
  app.post<{ Body: { name: string; slug: string; kind?: string; parent?: string; iso_code?: string; description?: string; names?: Record<string, string> } }>('/tags', {
    schema: { body: AdminTagInput },
  }, async (req, reply) => {
    const b = req.body
    const id = await s.taxonomyDesk.createTag(actorOf(req), { name: b.name, slug: b.slug, kind: b.kind ?? 'topic', parent: b.parent, isoCode: b.iso_code, description: b.description, names: b.names })
    const { tag, parent } = await s.taxonomyDesk.tagToEdit(actorOf(req), id)
    return reply.code(201).header('location', `/api/v1/admin/tags/${id}`).send(tagJson(tag, parent?.slug ?? null))
  })

  app.get('/bylines', async (req) => ({ items: (await s.bylines.authorList(actorOf(req))).map(bylineJson) }))
  app.post<{ Body: { name: string; slug: string; kind?: string; bio?: string; photo_media?: number | null } }>('/bylines', {
    schema: { body: AdminBylineInput },
  }, async (req, reply) => {
    const b = req.body
    const id = await s.bylines.createAuthor(actorOf(req), { name: b.name, slug: b.slug, kind: b.kind ?? 'staff', bio: b.bio, photo: b.photo_media ?? undefined })
    const { author } = await s.bylines.authorToEdit(actorOf(req), id)
    return reply.code(201).header('location', `/api/v1/admin/bylines/${id}`).send(bylineJson(author))
  })

  app.post<{ Body: { from: string; to?: string; status?: number } }>('/redirects', {
    schema: { body: AdminRedirectInput },
  }, async (req, reply) => {
    const b = req.body
    await s.redirectDesk.add(actorOf(req), { from: b.from, to: b.to ?? '', status: b.status ?? 301 })
    const { items } = await s.redirectDesk.page(actorOf(req), { text: b.from, page: 1, perPage: 50 })
    const r = items.find((x) => x.fromPath === b.from) ?? items[0]!
    return reply.code(201).send({ from: r.fromPath, status: r.status, to_article: r.toArticleId, to_url: r.toUrl })
  })
}
