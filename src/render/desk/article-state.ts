// What the editor says about an article's state beyond its status: changes readers do not see yet (with the one button
// that puts them live and the one that discards them), why the viewer may only read it, and the way to the trash.

import type { ArticleStatus } from '../../domain/article.ts'
import type { SanitizedHtml } from '../../domain/sanitized-html.ts'
import { html, trusted, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { csrfField, type DeskContext } from './layout.ts'

/** The state of an opened article as the editor shows it. */
export interface ArticleStateView {
  readonly id: number
  readonly version: number
  readonly status: ArticleStatus
  /** Where readers find it, while it is live. */
  readonly livePath: string | null
  /** When the live copy was last published (first publication or update). */
  readonly liveUpdatedAt: number | null
  /** Whether the working copy differs from what readers see. */
  readonly unpublishedChanges: boolean
  /** Whether the viewer may put the changes live (republish). */
  readonly mayPublishChanges: boolean
  /** Whether the viewer may change the working copy; when not, the editor is read-only and says why. */
  readonly mayChange: boolean
  /** Whether the viewer may move the article to the trash. */
  readonly mayDelete: boolean
  /** The body as saved (sanitized), shown instead of the editor when the viewer may only read. */
  readonly body: SanitizedHtml
}

/** The label of the status, with what readers miss when the working copy is ahead of the live copy. */
export const statusLabel = (label: string, unpublishedChanges: boolean): string => (unpublishedChanges ? `${label} · unpublished changes` : label)

/** The box under the status of a published article: readers have the saved text, or they do not yet. */
export function liveChangesBox(ctx: DeskContext, s: ArticleStateView, timeZone: string): SafeHtml {
  if (s.status !== 'published') return EMPTY
  const since = s.liveUpdatedAt === null ? EMPTY
    : html` of <time datetime="${new Date(s.liveUpdatedAt).toISOString()}">${formatDateTime(s.liveUpdatedAt, timeZone)}</time>`
  const where = s.livePath ? html`Readers at <a href="${s.livePath}">${s.livePath}</a>` : html`Readers`
  if (!s.unpublishedChanges) return html`<p class="live-state">${where} see the text as saved.</p>`
  return html`<div class="live-changes" role="note" aria-labelledby="live-changes-title">
<p id="live-changes-title"><strong>Unpublished changes.</strong> ${where} still see the version${since}. What you saved since is not live.</p>
${s.mayPublishChanges ? html`<form method="post" action="/desk/articles/${s.id}/status" class="move">${csrfField(ctx)}<input type="hidden" name="to" value="published"><button type="submit">Publish changes</button></form>` : html`<p class="hint">An editor can publish them.</p>`}
${s.mayChange ? html`<form method="post" action="/desk/articles/${s.id}/discard" class="discard">${csrfField(ctx)}<input type="hidden" name="version" value="${s.version}"><button type="submit" class="secondary">Discard changes</button></form>
<p class="hint">Discarding puts the live text back in the editor; what you saved stays in the revisions.</p>` : EMPTY}
</div>`
}

const APPROVED: Partial<Record<ArticleStatus, string>> = { scheduled: 'scheduled', published: 'published' }

/** Why the viewer may only read this article, shown above the read-only text. */
export function readOnlyNote(s: ArticleStateView): SafeHtml {
  const approved = APPROVED[s.status]
  const why = approved
    ? `An editor has ${approved} this article, so its text is now changed only by editors and authors. Ask an editor if something needs to change.`
    : 'Your role may not change this article.'
  return html`<p class="notice read-only-note" role="note"><strong>Read only.</strong> ${why} You can still preview it and read its revisions.</p>`
}

/** The saved body, as the article page would show it, in place of the editor. */
export const readOnlyBody = (s: ArticleStateView): SafeHtml => html`<div class="field"><span class="label" id="f-body-label">Body</span>
<div class="editor-surface read-only-body" aria-labelledby="f-body-label">${trusted(s.body)}</div></div>`

/** The way to the trash, through its confirmation page (a GET form: it works without JavaScript and changes nothing yet). */
export const trashButton = (s: ArticleStateView): SafeHtml => (s.mayDelete
  ? html`<form method="get" action="/desk/articles/${s.id}/delete" class="move move-delete"><button type="submit" class="danger">Move to trash…</button></form>`
  : EMPTY)
