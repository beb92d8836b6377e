// The desk's menu editor (editors and admins): form rows in, the menu use-case's checks and save, the rows again on a
// refusal. Up, down and remove are submit buttons that reorder the posted rows and save them.

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { menuPage, type MenuRowValues } from '../../render/desk/menu-page.ts'
import type { FieldError } from '../../render/desk/form-parts.ts'
import { actorOf, requireUser } from '../viewer.ts'
import { doneQuery, doneRedirect, formText } from './admin-forms.ts'
import { attempt } from './form-attempt.ts'
import { sendDeskPage, type DeskKit } from './desk.ts'

const DONE: Readonly<Record<string, string>> = { saved: 'The menu was saved; the site shows it now.' }
const MANAGE = requireUser()
/** Rows read from one form at most (the use-case allows fewer links; blank rows are dropped). */
const ROWS_MAX = 40

/** The posted rows, then the one row operation the pressed button names (`up-3`, `down-1`, `remove-2`) applied. */
function postedRows(body: unknown): MenuRowValues[] {
  const count = Math.min(ROWS_MAX, Math.max(0, Number.parseInt(formText(body, 'rows', 4), 10) || 0))
  const rows = Array.from({ length: count }, (_, i) => ({
    label: formText(body, `label_${i + 1}`, 200), href: formText(body, `href_${i + 1}`, 400), pick: formText(body, `pick_${i + 1}`, 400),
  }))
  const op = /^(up|down|remove)-(\d{1,2})$/.exec(formText(body, 'op', 12))
  if (!op) return rows
  const i = Number(op[2]) - 1
  if (i < 0 || i >= rows.length) return rows
  if (op[1] === 'remove') return rows.filter((_, j) => j !== i)
  const j = op[1] === 'up' ? i - 1 : i + 1
  if (j < 0 || j >= rows.length) return rows
  ;[rows[i], rows[j]] = [rows[j]!, rows[i]!]
  return rows
}

export const deskMenuRoutes = (kit: DeskKit): FastifyPluginAsync => async (app) => {
  const { menuDesk } = kit.services

  async function render(req: FastifyRequest, reply: FastifyReply, status: number, rows: readonly MenuRowValues[], message: string | null, error: FieldError | null) {
    const choices = await menuDesk.choices(actorOf(req))
    return sendDeskPage(reply, status, menuPage(await kit.context(req, await kit.csrfFor(req)), { rows, choices, message, error }))
  }

  app.get<{ Querystring: { done?: string } }>('/menu', { schema: { querystring: doneQuery(Object.keys(DONE)) }, preHandler: MANAGE }, async (req, reply) => {
    const items = await menuDesk.items(actorOf(req))
    return render(req, reply, 200, items.map((m) => ({ label: m.label, href: m.href, pick: '' })), req.query.done ? DONE[req.query.done] ?? null : null, null)
  })

  app.post('/menu', { preHandler: MANAGE }, async (req, reply) => {
    const rows = postedRows(req.body)
    return attempt(() => menuDesk.save(actorOf(req), rows), () => doneRedirect(reply, '/desk/menu', 'saved'),
      (status, error) => render(req, reply, status, rows, null, error))
  })
}
