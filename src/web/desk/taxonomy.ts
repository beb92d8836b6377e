// The desk's sections and tags: list, create, edit, reorder sections, merge tags, delete. Editors and admins.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { sectionEditPage, sectionsPage, type SectionsView } from '../../render/desk/sections-page.ts'
import { tagEditPage, tagsPage, type TagEditView, type TagsView, type TagValues } from '../../render/desk/tags-page.ts'
import type { FieldError } from '../../render/desk/form-parts.ts'
import { actorOf, requireUser } from '../viewer.ts'
import { doneQuery, doneRedirect, formText, idParams } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

const SECTION_DONE: Readonly<Record<string, string>> = {
  created: 'The section was added.', saved: 'The section was saved.', moved: 'The menu order was changed.', deleted: 'The section was deleted.',
}
const TAG_DONE: Readonly<Record<string, string>> = { created: 'The tag was added.', saved: 'The tag was saved.', merged: 'The tag was merged.', deleted: 'The tag was deleted.' }
const TAGS_PER_PAGE = 50
const MANAGE = requireUser()

const sectionValues = (body: unknown) => ({
  name: formText(body, 'name', 200), slug: formText(body, 'slug', 200), description: formText(body, 'description', 2000),
  // An unticked checkbox sends nothing: the form always says one or the other.
  allowUnsigned: formText(body, 'allow_unsigned', 1) === '1',
})
const tagValues = (body: unknown): Required<Omit<TagValues, 'names'>> & Pick<TagValues, 'names'> => {
  const names = tagNameValues(body)
  return {
    name: formText(body, 'name', 200), slug: formText(body, 'slug', 200), kind: formText(body, 'kind', 20), parent: formText(body, 'parent', 200),
    isoCode: formText(body, 'isoCode', 20), description: formText(body, 'description', 2000), ...(names && { names }),
  }
}

/** The form's `name_<language>` fields; none (a site of one language) leaves the tag's names as they are. */
function tagNameValues(body: unknown): Record<string, string> | undefined {
  if (!body || typeof body !== 'object') return undefined
  const keys = Object.keys(body).filter((k) => /^name_[a-z]{2,3}$/.test(k))
  if (keys.length === 0) return undefined
  return Object.fromEntries(keys.map((k) => [k.slice('name_'.length), formText(body, k, 200)]))
}

export const deskSectionRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { taxonomyDesk } = kit.services

  async function render(req: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<SectionsView>) {
    const counted = await taxonomyDesk.sectionList(actorOf(req))
    return sendDeskPage(reply, status, sectionsPage(await kit.context(req, await kit.csrfFor(req)), { sections: counted, message: null, error: null, values: {}, ...extra }))
  }

  async function renderEdit(req: FastifyRequest, reply: FastifyReply, id: number, status: number, error: FieldError | null, values?: ReturnType<typeof sectionValues>) {
    const section = await taxonomyDesk.sectionToEdit(actorOf(req), id)
    return sendDeskPage(reply, status, sectionEditPage(await kit.context(req, await kit.csrfFor(req)), { section, error, values: values ?? section }))
  }

  app.get<{ Querystring: { done?: string } }>('/sections', { schema: { querystring: doneQuery(Object.keys(SECTION_DONE)) }, preHandler: MANAGE }, async (req, reply) =>
    render(req, reply, 200, { message: req.query.done ? SECTION_DONE[req.query.done] ?? null : null }))

  app.post('/sections', { preHandler: MANAGE }, async (req, reply) => {
    const values = sectionValues(req.body)
    return attempt(() => taxonomyDesk.createSection(actorOf(req), values), () => doneRedirect(reply, '/desk/sections', 'created'),
      (status, error) => render(req, reply, status, { error: { form: 'new', error }, values }))
  })

  app.get<{ Params: { id: number } }>('/sections/:id', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) =>
    renderEdit(req, reply, req.params.id, 200, null))

  app.post<{ Params: { id: number } }>('/sections/:id', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    const values = sectionValues(req.body)
    return attempt(() => taxonomyDesk.updateSection(actorOf(req), req.params.id, values), () => doneRedirect(reply, '/desk/sections', 'saved'),
      (status, error) => renderEdit(req, reply, req.params.id, status, error, values))
  })

  app.post<{ Params: { id: number } }>('/sections/:id/move', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) =>
    attempt(() => taxonomyDesk.moveSection(actorOf(req), req.params.id, formText(req.body, 'direction', 10)), () => doneRedirect(reply, '/desk/sections', 'moved'),
      (status, error) => render(req, reply, status, { error: { form: req.params.id, error } })))

  app.post<{ Params: { id: number } }>('/sections/:id/delete', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) =>
    attempt(() => taxonomyDesk.deleteSection(actorOf(req), req.params.id), () => doneRedirect(reply, '/desk/sections', 'deleted'),
      (status, error) => render(req, reply, status, { error: { form: req.params.id, error } })))
}

interface TagsQuery { done?: string; kind?: '' | 'topic' | 'place'; q?: string; page?: number }

export const deskTagRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { taxonomyDesk } = kit.services

  async function render(req: FastifyRequest, reply: FastifyReply, status: number, query: TagsQuery, extra: Partial<TagsView>) {
    const page = query.page ?? 1
    const text = query.q?.trim() ?? ''
    const list = await taxonomyDesk.tagPage(actorOf(req), { ...(query.kind && { kind: query.kind }), ...(text && { text }), page, perPage: TAGS_PER_PAGE })
    return sendDeskPage(reply, status, tagsPage(await kit.context(req, await kit.csrfFor(req)), {
      tags: list.items, languages: await taxonomyDesk.tagLanguages(actorOf(req)),
      filters: { ...(query.kind && { kind: query.kind }), ...(text && { q: text }) }, page, hasNext: list.hasNext,
      message: query.done ? TAG_DONE[query.done] ?? null : null, error: null, values: {}, ...extra,
    }))
  }

  async function renderTag(req: FastifyRequest, reply: FastifyReply, id: number, status: number, extra: Partial<TagEditView>) {
    const { tag, parent, articles } = await taxonomyDesk.tagToEdit(actorOf(req), id)
    return sendDeskPage(reply, status, tagEditPage(await kit.context(req, await kit.csrfFor(req)), {
      tag, articles, message: null, error: null, languages: await taxonomyDesk.tagLanguages(actorOf(req)), ...extra,
      values: { name: tag.name, slug: tag.slug, kind: tag.kind, parent: parent?.slug ?? '', isoCode: tag.isoCode ?? '', description: tag.description, names: tag.names ?? {}, ...extra.values },
    }))
  }

  const listQuery = doneQuery(Object.keys(TAG_DONE), {
    kind: { type: 'string', enum: ['', 'topic', 'place'] }, q: { type: 'string', maxLength: 200 }, page: { type: 'integer', minimum: 1, maximum: 100_000 },
  })

  app.get<{ Querystring: TagsQuery }>('/tags', { schema: { querystring: listQuery }, preHandler: MANAGE }, async (req, reply) => render(req, reply, 200, req.query, {}))

  app.post('/tags', { preHandler: MANAGE }, async (req, reply) => {
    const values = tagValues(req.body)
    return attempt(() => taxonomyDesk.createTag(actorOf(req), values), () => doneRedirect(reply, '/desk/tags', 'created'),
      (status, error) => render(req, reply, status, {}, { error, values }))
  })

  app.get<{ Params: { id: number }; Querystring: { done?: string } }>('/tags/:id', {
    schema: { params: idParams, querystring: doneQuery(Object.keys(TAG_DONE)) }, preHandler: MANAGE,
  }, async (req, reply) => renderTag(req, reply, req.params.id, 200, { message: req.query.done ? TAG_DONE[req.query.done] ?? null : null }))

  app.post<{ Params: { id: number } }>('/tags/:id', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    const values = tagValues(req.body)
    return attempt(() => taxonomyDesk.updateTag(actorOf(req), req.params.id, values), () => doneRedirect(reply, `/desk/tags/${req.params.id}`, 'saved'),
      (status, error) => renderTag(req, reply, req.params.id, status, { error: { form: 'edit', error }, values }))
  })

  app.post<{ Params: { id: number } }>('/tags/:id/merge', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) => {
    const into = formText(req.body, 'into', 200)
    return attempt(() => taxonomyDesk.mergeTag(actorOf(req), req.params.id, into), () => doneRedirect(reply, '/desk/tags', 'merged'),
      (status, error) => renderTag(req, reply, req.params.id, status, { error: { form: 'merge', error: { ...error, field: error.field === 'slug' ? 'into' : error.field } }, values: { into } }))
  })

  app.post<{ Params: { id: number } }>('/tags/:id/delete', { schema: { params: idParams }, preHandler: MANAGE }, async (req, reply) =>
    attempt(() => taxonomyDesk.deleteTag(actorOf(req), req.params.id), () => doneRedirect(reply, '/desk/tags', 'deleted'),
      (status, error) => renderTag(req, reply, req.params.id, status, { error: { form: 'edit', error } })))
}
