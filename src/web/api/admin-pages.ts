// Admin API static pages and section settings: the page tree (list, create, change, delete) and a section's
// allow_unsigned flag, through the desk's use-cases (editorial/pages.ts, taxonomy.ts): the same checks, audit and caches.

import type { FastifyPluginAsync } from 'fastify'
import type { PageSummary } from '../../domain/pages.ts'
import type { Section } from '../../domain/taxonomy.ts'
import type { Services } from '../../services.ts'
import { actorOf } from '../viewer.ts'
import { HOUSEKEEPING_INPUTS } from './admin-openapi.ts'
import { bodyObject } from './admin-article-json.ts'

export type PageApiServices = Pick<Services, 'pageDesk' | 'taxonomyDesk'>

const { AdminSectionPatch, AdminPageInput, AdminPagePatch } = HOUSEKEEPING_INPUTS
/**
 * Refuses a body field the schema does not name, with a 400 naming it: the schema check alone would drop it without a
 * word (Fastify's Ajv removes additional properties), and a misspelt `allow_unsinged` must not look accepted.
 */
export const onlyKnownFields = (schema: Readonly<Record<string, unknown>>) => {
  const allowed = Object.keys(schema.properties as object)
  return async (req: { body: unknown }) => { bodyObject(req.body, allowed) }
}

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } } } as const

/** A section as the Admin API shows it (also for POST /sections, in admin-housekeeping.ts). */
export const sectionJson = (s: Section) => ({ id: s.id, slug: s.slug, name: s.name, description: s.description, position: s.position, allow_unsigned: s.allowUnsigned ?? false })

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())
const pageSummaryJson = (p: PageSummary) => ({
  id: p.id, parent: p.parentId, slug: p.slug, path: p.path, title: p.title, language: p.language, status: p.status,
  created_at: iso(p.createdAt)!, updated_at: iso(p.updatedAt)!, published_at: iso(p.publishedAt),
})

interface PageBody { title?: string; slug?: string; parent?: number | null; body_html?: string; language?: string; status?: 'draft' | 'published' }
interface SectionBody { name?: string; slug?: string; description?: string; allow_unsigned?: boolean }

export const adminPageRoutes = (s: PageApiServices): FastifyPluginAsync => async (app) => {
  const { pageDesk, taxonomyDesk } = s
  const pageJson = async (req: Parameters<typeof actorOf>[0], id: number) => {
    const page = await pageDesk.get(actorOf(req), id)
    return { ...pageSummaryJson(page), body_html: page.bodyHtml as string }
  }

  app.patch<{ Params: { id: number }; Body: SectionBody }>('/sections/:id', { schema: { params: idParams, body: AdminSectionPatch }, preValidation: onlyKnownFields(AdminSectionPatch) }, async (req) => {
    const actor = actorOf(req)
    const before = await taxonomyDesk.sectionToEdit(actor, req.params.id)
    const b = req.body
    // Fields not sent keep their values; the use-case checks the whole section as the desk's form sends it.
    await taxonomyDesk.updateSection(actor, before.id, {
      name: b.name ?? before.name, slug: b.slug ?? before.slug, description: b.description ?? before.description,
      ...(b.allow_unsigned !== undefined && { allowUnsigned: b.allow_unsigned }),
    })
    return sectionJson(await taxonomyDesk.sectionToEdit(actor, before.id))
  })

  app.get('/pages', async (req) => ({ items: (await pageDesk.list(actorOf(req))).map(pageSummaryJson) }))

  app.post<{ Body: PageBody }>('/pages', { schema: { body: AdminPageInput }, preValidation: onlyKnownFields(AdminPageInput) }, async (req, reply) => {
    const b = req.body
    const id = await pageDesk.create(actorOf(req), { title: b.title, slug: b.slug, parent: b.parent ?? '', body: b.body_html, language: b.language }, { publish: b.status === 'published' })
    return reply.code(201).header('location', `/api/v1/admin/pages/${id}`).send(await pageJson(req, id))
  })

  app.get<{ Params: { id: number } }>('/pages/:id', { schema: { params: idParams } }, async (req) => pageJson(req, req.params.id))

  app.patch<{ Params: { id: number }; Body: PageBody }>('/pages/:id', { schema: { params: idParams, body: AdminPagePatch }, preValidation: onlyKnownFields(AdminPagePatch) }, async (req) => {
    const actor = actorOf(req)
    const before = await pageDesk.get(actor, req.params.id)
    const { status, ...fields } = req.body
    if (Object.keys(fields).length) {
      const b = fields
      await pageDesk.update(actor, before.id, {
        title: b.title ?? before.title, slug: b.slug ?? before.slug, parent: b.parent === undefined ? before.parentId ?? '' : b.parent ?? '',
        body: b.body_html ?? before.bodyHtml, language: b.language ?? before.language,
      })
    }
    if (status === 'published') await pageDesk.publish(actor, before.id)
    if (status === 'draft') await pageDesk.unpublish(actor, before.id)
    return pageJson(req, before.id)
  })

  app.delete<{ Params: { id: number } }>('/pages/:id', { schema: { params: idParams } }, async (req, reply) => {
    await pageDesk.delete(actorOf(req), req.params.id)
    return reply.code(204).send()
  })
}
