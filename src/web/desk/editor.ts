// The desk's article editor: new article, edit form, save, autosave (JSON), workflow moves and the preview link.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { ARTICLE_STATUSES, type ArticleStatus } from '../../domain/article.ts'
import { languageName, languagePrefix, PATH_LANGUAGES } from '../../domain/language.ts'
import { mayCurate } from '../../editorial/curation.ts'
import { AppError, isAppError } from '../../errors.ts'
import type { Actor, OpenedArticle } from '../../editorial/editing.ts'
import { SaveConflictError } from '../../editorial/saving.ts'
import { UnknownTagsError } from '../../editorial/article-input.ts'
import type { Article } from '../../editorial/desk-reads.ts'
import type { PresentUser } from '../../editorial/presence.ts'
import { editorPage, type EditorMove, type EditorView } from '../../render/desk/editor-page.ts'
import { toProblem } from '../errors.ts'
import { requireUser, viewerOf } from '../viewer.ts'
import { AUTHOR_FIELD, articleFieldProperties, articleFieldsSchema, readArticleForm, type ArticleFields } from './article-form.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'
import { instantOfLocal, localOfInstant } from '../../domain/calendar.ts'

const ID = { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2_147_483_647 } }, required: ['id'], additionalProperties: false } as const
const CSRF = { type: 'string', maxLength: 200 } as const

const formSchema = {
  ...articleFieldsSchema,
  properties: { ...articleFieldProperties, _csrf: CSRF, version: { type: 'string', pattern: '^[0-9]{1,9}$' } },
} as const

const autosaveSchema = {
  type: 'object',
  properties: { _csrf: CSRF, version: { type: 'integer', minimum: 1, maximum: 2_147_483_647 }, fields: articleFieldsSchema },
  required: ['version', 'fields'],
  additionalProperties: false,
} as const

const presenceSchema = {
  type: 'object', properties: { _csrf: CSRF, leaving: { type: 'boolean' } }, additionalProperties: false,
} as const

/** Others with the article open, as the editor shows them: name and since when (ISO time). */
const presentJson = (others: readonly PresentUser[]) => others.map((o) => ({ name: o.name, since: new Date(o.since).toISOString() }))

const moveSchema = {
  type: 'object',
  properties: { _csrf: CSRF, to: { type: 'string', enum: [...ARTICLE_STATUSES] }, at: { type: 'string', maxLength: 40 }, confirm: { type: 'string', enum: ['yes'] } },
  required: ['to'],
  additionalProperties: false,
} as const

const NOTICES = {
  created: 'Draft created.', saved: 'Saved.', restored: 'Revision restored.',
  translated: 'Translation draft created from the original: translate its text, then save.', linked: 'Linked to its translations.', unlinked: 'Unlinked from its translations.',
  untrashed: 'Restored from the trash as a draft.',
  discarded: 'Changes discarded: the editor holds the published text again, and what was discarded is kept in the revisions.',
} as const
/** After a save of a published article whose text readers do not have yet: "Saved." alone would suggest they do. */
const SAVED_NOT_LIVE = 'Saved. Readers still see the published version until you publish the changes.'
const discardSchema = {
  type: 'object', properties: { _csrf: CSRF, version: { type: 'string', pattern: '^[0-9]{1,9}$' } }, required: ['version'], additionalProperties: false,
} as const
const editQuerySchema = {
  type: 'object',
  properties: { notice: { type: 'string', enum: Object.keys(NOTICES) }, moved: { type: 'string', enum: [...ARTICLE_STATUSES] } },
  additionalProperties: false,
} as const

const MOVED: Readonly<Record<ArticleStatus, string>> = {
  draft: 'Back to draft.', in_review: 'Submitted for review.', scheduled: 'Scheduled.', published: 'Published.', unpublished: 'Unpublished.',
}

/** The workflow buttons the editing service allows, in its order; labels depend on where the article is. */
function movesFor({ article, moves }: OpenedArticle): EditorMove[] {
  const from = article.status
  const label = (to: ArticleStatus): string => {
    if (to === 'in_review') return 'Submit for review'
    if (to === 'draft') return from === 'scheduled' ? 'Unschedule (back to draft)' : 'Back to draft'
    if (to === 'scheduled') return 'Schedule'
    if (to === 'published') return from === 'published' ? 'Publish changes' : 'Publish now'
    return 'Unpublish'
  }
  return moves.map((to) => ({ to, label: label(to) }))
}

type Values = Record<string, string>

// Intl objects are expensive (TRAPS.md): one, for the languages domain/language.ts has no own name for.
const ENGLISH_NAMES = new Intl.DisplayNames(['en'], { type: 'language' })

/** Languages a translation may still be added in: the path languages the group has no version in, by name. */
const languagesToAdd = (versions: readonly { readonly language: string }[]) => PATH_LANGUAGES
  .filter((code) => !versions.some((v) => languagePrefix(v.language) === code))
  .map((code) => ({ code, name: languageName(code) === code ? ENGLISH_NAMES.of(code) ?? code : languageName(code) }))
  .sort((x, y) => x.name.localeCompare(y.name))

/** The viewer as the acting user of the editing service. */
export const actorOf = (req: FastifyRequest): Actor => {
  const { user } = viewerOf(req)!
  return { userId: user.id, role: user.role }
}

/** The article as the viewer may open it (the editing service decides: 404 for none, 403 when not theirs to open). */
export async function editableArticle(kit: DeskKit, req: FastifyRequest, id: number): Promise<OpenedArticle & { actor: Actor }> {
  const actor = actorOf(req)
  return { ...(await kit.services.editing.open(id, actor)), actor }
}

export const deskEditorRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { deskReads, editing, media, site } = kit.services
  const editable = (req: FastifyRequest, id: number) => editableArticle(kit, req, id)

  async function valuesOf(article: Article): Promise<{ values: Values; authors: string[] }> {
    const [{ sections, authors }, tags] = await Promise.all([deskReads.choices(), deskReads.tags(article.tagIds)])
    return {
      values: {
        title: article.title, standfirst: article.standfirst, body: article.bodyHtml, section: sections.find((s) => s.id === article.sectionId)?.slug ?? '',
        genre: article.genre, tags: tags.map((t) => t.name).join(', '), hero: article.heroMediaId ? String(article.heroMediaId) : '',
        hero_caption: article.heroCaption ?? '', hero_credit: article.heroCredit ?? '',
        seo_title: article.seoTitle, seo_description: article.seoDescription, slug: article.slug, editors_choice_rank: article.editorsChoiceRank ? String(article.editorsChoiceRank) : '',
        editors_choice_rank_was: article.editorsChoiceRank ? String(article.editorsChoiceRank) : '',
        language: article.language,
      },
      authors: article.authorIds.map((a) => authors.find((x) => x.id === a)?.slug).filter((s) => s !== undefined),
    }
  }

  /** Renders the form with `values` (what the writer sent, after an error, or the article's). */
  async function render(req: FastifyRequest, reply: FastifyReply, status: number, v: {
    values: Values; authors: readonly string[]; article?: OpenedArticle; error?: unknown; notice?: string | null
  }) {
    const [{ settings }, { sections, authors }, library] = await Promise.all([site.get(), deskReads.choices(), media.list({ perPage: 100 })])
    const a = v.article?.article
    const livePath = a ? await deskReads.livePath(a.id) : null
    // The chosen hero, which may be older than the newest hundred images the select offers.
    const heroId = /^\d{1,9}$/.test(v.values.hero ?? '') ? Number(v.values.hero) : null
    const hero = heroId === null ? null : library.items.find((m) => m.id === heroId) ?? await media.get(heroId).catch(() => null)
    const versions = a ? await kit.services.translations.versions(a.id, actorOf(req)) : []
    const opened = v.article
    const view: EditorView = {
      ...(a && opened && { state: {
        id: a.id, version: a.version, status: a.status, livePath, liveUpdatedAt: livePath ? a.updatedAt : null, unpublishedChanges: opened.unpublishedChanges,
        mayPublishChanges: opened.moves.includes('published'), mayChange: opened.mayChange, mayDelete: opened.mayDelete, body: a.bodyHtml,
      } }),
      ...(a && v.article && { article: { id: a.id, version: a.version, status: a.status, scheduledAt: a.scheduledAt, livePath } }),
      values: v.values, selectedAuthors: v.authors,
      sections: sections.map((s) => ({ slug: s.slug, name: s.name })), authors: authors.map((x) => ({ slug: x.slug, name: x.name })),
      media: library.items.filter((m) => m.alt.trim() !== ''), hero,
      moves: v.article ? movesFor(v.article) : [],
      scheduleDefault: localOfInstant(a?.scheduledAt ?? kit.services.clock.now() + 3_600_000, settings.timeZone),
      ...(a && { translations: { versions, languages: languagesToAdd(versions) } }),
      canCurate: mayCurate(viewerOf(req)!.user.role), timeZone: settings.timeZone, error: v.error instanceof Error ? v.error.message : null,
      unknownTags: v.error instanceof UnknownTagsError ? v.error.names : [], notice: v.notice ?? null, editorScript: kit.editorScript(),
    }
    return sendDeskPage(reply, status, editorPage(await kit.context(req, await kit.csrfFor(req)), view))
  }

  const sentAuthors = (fields: ArticleFields): string[] =>
    Object.keys(fields).filter((k) => k.startsWith(AUTHOR_FIELD) && fields[k]).map((k) => k.slice(AUTHOR_FIELD.length))
  const formValues = ({ _csrf: _c, version: _v, ...rest }: Values): Values => rest

  app.get('/articles/new', { preHandler: requireUser() }, async (req, reply) => {
    const [{ sections }, { settings }, own] = await Promise.all([deskReads.choices(), site.get(), kit.services.bylines.ownByline(viewerOf(req)!.user.id)])
    // The writer's own byline is ticked: most pieces are signed by whoever starts them.
    return render(req, reply, 200, { values: { section: sections[0]?.slug ?? '', genre: 'news', language: settings.language }, authors: own ? [own.slug] : [] })
  })

  // The form's Create draft, and the editor's first autosave of a new article (the same fields as JSON, answered in JSON).
  app.post<{ Body: Values }>('/articles', { schema: { body: formSchema }, attachValidation: true, preHandler: requireUser() }, async (req, reply) => {
    const json = (req.headers.accept ?? '').includes('application/json')
    if (req.validationError) {
      if (json) return reply.code(400).send({ error: `the draft was not understood: ${req.validationError.message}` })
      throw req.validationError
    }
    const values = formValues(req.body)
    try {
      const { id, version } = await editing.create(readArticleForm(values), actorOf(req), { kind: json ? 'autosave' : 'save' })
      if (json) return reply.code(201).send({ id, version, edit: `/desk/articles/${id}/edit`, autosave: `/desk/articles/${id}/autosave`, action: `/desk/articles/${id}` })
      return reply.redirect(`/desk/articles/${id}/edit?notice=created`, 303)
    } catch (err) {
      if (!isAppError(err) || (!json && err.kind !== 'Invalid')) throw err
      if (json) return reply.code(toProblem(err).status).send({ error: err.message, ...(err.field && { field: err.field }) })
      return render(req, reply, 400, { values, authors: sentAuthors(values), error: err })
    }
  })

  app.post<{ Params: { id: number }; Body: { leaving?: boolean } }>('/articles/:id/presence',
    { schema: { params: ID, body: presenceSchema }, attachValidation: true, preHandler: requireUser() }, async (req, reply) => {
      if (req.validationError) return reply.code(400).send({ error: `the heartbeat was not understood: ${req.validationError.message}` })
      try {
        return reply.send({ others: presentJson(await editing.present(req.params.id, actorOf(req), req.body.leaving === true)) })
      } catch (err) {
        if (!isAppError(err)) throw err
        return reply.code(toProblem(err).status).send({ error: err.message })
      }
    })

  app.get<{ Params: { id: number }; Querystring: { notice?: keyof typeof NOTICES; moved?: ArticleStatus } }>('/articles/:id/edit',
    { schema: { params: ID, querystring: editQuerySchema }, preHandler: requireUser() }, async (req, reply) => {
      const e = await editable(req, req.params.id)
      const { values: fields, authors } = await valuesOf(e.article)
      const values = { ...fields, quotes: JSON.stringify(await kit.services.quoteDesk.articleQuotes(e.actor, e.article.id)) }
      const notice = req.query.moved ? MOVED[req.query.moved]
        : req.query.notice === 'saved' && e.unpublishedChanges ? SAVED_NOT_LIVE : req.query.notice ? NOTICES[req.query.notice] : null
      return render(req, reply, 200, { values, authors, article: e, notice })
    })

  app.post<{ Params: { id: number }; Body: Values }>('/articles/:id',
    { schema: { params: ID, body: formSchema }, preHandler: requireUser() }, async (req, reply) => {
      const e = await editable(req, req.params.id)
      const values = formValues(req.body)
      const version = Number(req.body.version ?? NaN)
      try {
        if (!Number.isSafeInteger(version)) throw new AppError('Invalid', 'the form has no version; reload the page', 'version')
        await editing.save({ articleId: e.article.id, version, input: readArticleForm(values), actor: e.actor, kind: 'save' })
        return reply.redirect(`/desk/articles/${e.article.id}/edit?notice=saved`, 303)
      } catch (err) {
        if (!isAppError(err) || (err.kind !== 'Invalid' && err.kind !== 'Conflict')) throw err
        // The writer's text comes back in the form whatever went wrong; a conflict also kept it as a revision.
        const fresh = err instanceof SaveConflictError ? { ...e, article: (await editing.open(e.article.id, e.actor)).article } : e
        const status = err.kind === 'Conflict' ? 409 : 400
        return render(req, reply, status, { values, authors: sentAuthors(values), article: fresh, error: err })
      }
    })

  app.post<{ Params: { id: number }; Body: { version: number; fields: ArticleFields } }>('/articles/:id/autosave',
    { schema: { params: ID, body: autosaveSchema }, attachValidation: true, preHandler: requireUser() }, async (req, reply) => {
      if (req.validationError) return reply.code(400).send({ error: `the autosave was not understood: ${req.validationError.message}` })
      try {
        const e = await editable(req, req.params.id)
        const input = readArticleForm(req.body.fields)
        const saved = await editing.save({ articleId: e.article.id, version: req.body.version, input, actor: e.actor, kind: 'autosave' })
        // The round trip refreshes presence too: the writer learns who else has the article open.
        const others = presentJson(await editing.present(e.article.id, e.actor))
        return reply.send({ version: saved.version, revisionId: saved.revisionId, savedAt: kit.services.clock.now(), others })
      } catch (err) {
        if (!isAppError(err)) throw err
        const status = toProblem(err).status
        const conflict = err instanceof SaveConflictError ? { currentVersion: err.conflict.currentVersion, revisionId: err.conflict.revisionId } : {}
        return reply.code(status).send({ error: err.message, ...(err.field && { field: err.field }), ...conflict })
      }
    })

  app.post<{ Params: { id: number }; Body: { to: ArticleStatus; at?: string; confirm?: 'yes' } }>('/articles/:id/status',
    { schema: { params: ID, body: moveSchema }, preHandler: requireUser() }, async (req, reply) => {
      const e = await editable(req, req.params.id)
      // Taking an article off the site is confirmed on its own page first, which says what readers will get.
      if (req.body.to === 'unpublished' && req.body.confirm !== 'yes') return reply.redirect(`/desk/articles/${e.article.id}/unpublish`, 303)
      let at: number | undefined
      if (req.body.to === 'scheduled') {
        const { settings } = await site.get()
        const instant = instantOfLocal(req.body.at ?? '', settings.timeZone)
        if (instant === null) throw new AppError('Invalid', 'Give the time to publish at as a date and time (YYYY-MM-DDTHH:MM).', 'at')
        at = instant
      }
      await editing.transition(e.article.id, req.body.to, e.actor, at)
      return reply.redirect(`/desk/articles/${e.article.id}/edit?moved=${req.body.to}`, 303)
    })

  app.post<{ Params: { id: number }; Body: { version: string } }>('/articles/:id/discard',
    { schema: { params: ID, body: discardSchema }, preHandler: requireUser() }, async (req, reply) => {
      const e = await editable(req, req.params.id)
      await editing.discardChanges(e.article.id, Number(req.body.version), e.actor)
      return reply.redirect(`/desk/articles/${e.article.id}/edit?notice=discarded`, 303)
    })

  app.get<{ Params: { id: number } }>('/articles/:id/preview', { schema: { params: ID }, preHandler: requireUser() }, async (req, reply) => {
    const e = await editable(req, req.params.id)
    return reply.redirect((await editing.previewUrl(e.article.id)).url, 303)
  })
}
