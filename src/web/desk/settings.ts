// The desk's settings page (admins only): one form for the site's settings; saving refreshes the site at once.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { mediaUrl } from '../../domain/media.ts'
import { SOCIAL_NETWORKS } from '../../editorial/site-admin.ts'
import { LANGUAGES_MAX, type SiteLanguageRow } from '../../editorial/site-languages.ts'
import { settingsPage } from '../../render/desk/settings-page.ts'
import type { SiteSettingsForm } from '../../domain/site.ts'
import { actorOf, requireUser } from '../viewer.ts'
import { doneQuery, doneRedirect, formText } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'
import type { FieldError } from '../../render/desk/form-parts.ts'

const DONE: Readonly<Record<string, string>> = {
  saved: 'The settings were saved; the site shows them now.', languages: 'The languages were saved; the site shows them now.',
}
/** Empty rows under the stored languages, for adding languages. */
const EXTRA_LANGUAGE_ROWS = 2
const LOGO_CHOICES = 100

const MANAGE = requireUser()

export const deskSettingsRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { siteAdmin, site, media } = kit.services

  /** The languages form's rows as stored, with empty rows to add languages (at most LANGUAGES_MAX in all). */
  async function storedLanguages(): Promise<SiteLanguageRow[]> {
    const { settings } = await site.get()
    const rows = settings.languages.map((l) => ({ tag: l.tag, name: l.name, description: l.description ?? '' }))
    return [...rows, ...Array.from({ length: Math.max(0, Math.min(EXTRA_LANGUAGE_ROWS, LANGUAGES_MAX - rows.length)) }, () => ({ tag: '', name: '', description: '' }))]
  }

  async function render(req: FastifyRequest, reply: FastifyReply, status: number, values: SiteSettingsForm,
    extra: { status?: string | null; error?: FieldError; languages?: readonly SiteLanguageRow[]; languagesError?: FieldError }) {
    const { settings } = await site.get()
    const images = (await media.list({ perPage: LOGO_CHOICES })).items
    const current = images.find((m) => m.path === settings.logo)
    const choices: [string, string][] = images.map((m) => [String(m.id), `${m.alt || m.path.split('/').pop() || m.path} (${m.width}×${m.height})`])
    // The stored logo keeps its place in the list even when it is older than the images offered.
    if (settings.logo) choices.unshift(['current', `Current logo: ${current ? current.alt || mediaUrl(current) : `/media/${settings.logo}`}`])
    return sendDeskPage(reply, status, settingsPage(await kit.context(req, await kit.csrfFor(req)), {
      values, networks: SOCIAL_NETWORKS, logoChoices: choices, timeZone: settings.timeZone,
      status: extra.status ?? null, error: extra.error ?? null,
      languages: extra.languages ?? await storedLanguages(), languagesError: extra.languagesError ?? null,
    }))
  }

  app.get<{ Querystring: { done?: string } }>('/settings', { schema: { querystring: doneQuery(Object.keys(DONE)) }, preHandler: MANAGE }, async (req, reply) =>
    render(req, reply, 200, await siteAdmin.form(actorOf(req)), { status: req.query.done ? DONE[req.query.done] ?? null : null }))

  app.post('/settings', { preHandler: MANAGE }, async (req, reply) => {
    const b = req.body
    const input: SiteSettingsForm = {
      name: formText(b, 'name', 200), description: formText(b, 'description', 400),
      social: Object.fromEntries(SOCIAL_NETWORKS.map((n) => [n, formText(b, `social_${n}`, 400)])),
      logo: formText(b, 'logo', 30),
    }
    return attempt(() => siteAdmin.save(actorOf(req), input), () => doneRedirect(reply, '/desk/settings', 'saved'),
      (status, error) => render(req, reply, status, input, { error }))
  })

  app.post('/settings/languages', { preHandler: MANAGE }, async (req, reply) => {
    const b = req.body
    const rows: SiteLanguageRow[] = Array.from({ length: LANGUAGES_MAX + EXTRA_LANGUAGE_ROWS }, (_, i) => ({
      tag: formText(b, `lang_tag_${i}`, 40), name: formText(b, `lang_name_${i}`, 120), description: formText(b, `lang_description_${i}`, 600),
    }))
    return attempt(() => siteAdmin.saveLanguages(actorOf(req), rows), () => doneRedirect(reply, '/desk/settings', 'languages'), async (status, error) => {
      // The rows as typed, without the trailing empty ones beyond what the page offers.
      let last = rows.length
      while (last > 1 && !rows[last - 1]!.tag && !rows[last - 1]!.name && !rows[last - 1]!.description) last--
      const shown = [...rows.slice(0, last), { tag: '', name: '', description: '' }].slice(0, LANGUAGES_MAX + EXTRA_LANGUAGE_ROWS)
      return render(req, reply, status, await siteAdmin.form(actorOf(req)), { languages: shown, languagesError: error })
    })
  })
}
