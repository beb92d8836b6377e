// Admin API sections, tags, bylines and redirects: what a newsroom's own migration script creates before its articles,
// through the desk's use-cases (the same validation, audit records and invalidations).

import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Action } from '../../domain/roles.ts'
import { can } from '../../domain/roles.ts'
import type { Author } from '../../domain/people.ts'
import type { Section, Tag } from '../../domain/taxonomy.ts'
import { AppError } from '../../errors.ts'
import type { Services } from '../../services.ts'
import { viewerOf } from '../viewer.ts'
import { HOUSEKEEPING_INPUTS } from './admin-openapi.ts'

export type HousekeepingServices = Pick<Services, 'store' | 'taxonomyDesk' | 'bylines' | 'redirectDesk'>

/** The user behind the token, when the role matrix lets them do `action` (as the desk's pages for these use-cases check). */
function actingUser(req: FastifyRequest, action: Action): number {
  const { user } = viewerOf(req)!
  if (!can(user.role, action)) throw new AppError('Forbidden', `the ${user.role} role may not do this`)
  return user.id
}

const { AdminSectionInput, AdminTagInput, AdminBylineInput, AdminRedirectInput } = HOUSEKEEPING_INPUTS

const sectionJson = (s: Section) => ({ id: s.id, slug: s.slug, name: s.name, description: s.description, position: s.position })
function tagJson(t: Tag, slugs: ReadonlyMap<number, string>) {
  return { id: t.id, slug: t.slug, name: t.name, kind: t.kind, parent: t.parentId === null ? null : slugs.get(t.parentId) ?? null, iso_code: t.isoCode, description: t.description }
}
const bylineJson = (a: Author) => ({ id: a.id, slug: a.slug, name: a.name, kind: a.kind, bio: a.bio, photo_media: a.photoMediaId })

export const adminHousekeepingRoutes = (s: HousekeepingServices): FastifyPluginAsync => async (app) => {
  app.get('/sections', async () => ({ items: (await s.store.taxonomy.sections()).map(sectionJson) }))
  app.post<{ Body: { name: string; slug: string; description?: string } }>('/sections',
    { schema: { body: AdminSectionInput } }, async (req, reply) => {
      const id = await s.taxonomyDesk.createSection(actingUser(req, 'taxonomy.manage'), req.body)
      const section = (await s.store.taxonomy.section(id))!
      return reply.code(201).header('location', `/api/v1/admin/sections/${id}`).send(sectionJson(section))
    })

  app.get('/tags', async () => {
    const tags = await s.store.taxonomy.tags()
    const slugs = new Map(tags.map((t) => [t.id, t.slug]))
    return { items: tags.map((t) => tagJson(t, slugs)) }
  })
  app.post<{ Body: { name: string; slug: string; kind?: string; parent?: string; iso_code?: string; description?: string } }>('/tags', {
    schema: { body: AdminTagInput },
  }, async (req, reply) => {
    const b = req.body
    const id = await s.taxonomyDesk.createTag(actingUser(req, 'taxonomy.manage'), { name: b.name, slug: b.slug, kind: b.kind ?? 'topic', parent: b.parent, isoCode: b.iso_code, description: b.description })
    const tag = (await s.store.taxonomy.tag(id))!
    const parent = tag.parentId === null ? undefined : await s.store.taxonomy.tag(tag.parentId)
    return reply.code(201).header('location', `/api/v1/admin/tags/${id}`).send(tagJson(tag, new Map(parent ? [[parent.id, parent.slug]] : [])))
  })

  app.get('/bylines', async () => ({ items: (await s.store.people.authors()).map(bylineJson) }))
  app.post<{ Body: { name: string; slug: string; kind?: string; bio?: string; photo_media?: number | null } }>('/bylines', {
    schema: { body: AdminBylineInput },
  }, async (req, reply) => {
    const b = req.body
    const id = await s.bylines.createAuthor(actingUser(req, 'authors.manage'), { name: b.name, slug: b.slug, kind: b.kind ?? 'staff', bio: b.bio, photo: b.photo_media ?? undefined })
    const author = (await s.store.people.author(id))!
    return reply.code(201).header('location', `/api/v1/admin/bylines/${id}`).send(bylineJson(author))
  })

  app.post<{ Body: { from: string; to?: string; status?: number } }>('/redirects', {
    schema: { body: AdminRedirectInput },
  }, async (req, reply) => {
    const b = req.body
    await s.redirectDesk.add(actingUser(req, 'redirects.manage'), { from: b.from, to: b.to ?? '', status: b.status ?? 301 })
    const r = (await s.store.redirects.find(b.from))!
    return reply.code(201).send({ from: r.fromPath, status: r.status, to_article: r.toArticleId, to_url: r.toUrl })
  })
}
