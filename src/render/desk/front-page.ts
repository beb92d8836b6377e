// The desk's front-page curation: the pinned lead story and the ordered editor's choice, with plain forms (no script).

import { html, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, statusLine, type FieldError } from './form-parts.ts'

export interface FrontDeskView {
  readonly leadArticleId: number | null
  readonly candidates: readonly { readonly id: number; readonly title: string; readonly publishedAt: number }[]
  readonly picks: readonly {
    readonly id: number
    readonly title: string
    readonly rank: number | null
    /** The expiry as a datetime-local value in the site's time zone, '' when none. */
    readonly untilLocal: string
    readonly until: number | null
    readonly live: boolean
  }[]
  /** Published articles matching `q`, to add to the picks. */
  readonly search: { readonly q: string; readonly results: readonly { readonly id: number; readonly title: string; readonly publishedAt: number | null }[] } | null
  readonly now: number
  readonly timeZone: string
  readonly message: string | null
  /** A refused change; `articleId` names the pick row it belongs to. */
  readonly error: (FieldError & { readonly articleId?: number }) | null
  readonly values: { readonly article?: string }
}

const hidden = (name: string, value: string | number): SafeHtml => html`<input type="hidden" name="${name}" value="${String(value)}">`
const errorFor = (v: FrontDeskView, field: string, articleId?: number): SafeHtml =>
  v.error?.field === field && (articleId === undefined || v.error.articleId === articleId)
    ? html`<span class="field-error" id="${field}-error${articleId ?? ''}">${v.error.message}</span>` : EMPTY

function leadForm(ctx: DeskContext, v: FrontDeskView): SafeHtml {
  const pinned = v.leadArticleId
  const known = pinned === null || v.candidates.some((c) => c.id === pinned)
  const pinnedTitle = v.candidates.find((c) => c.id === pinned)?.title ?? (pinned === null ? null : `article ${pinned}`)
  return html`<section class="hk-panel" aria-labelledby="lead-title">
<h2 id="lead-title">Lead story</h2>
<p class="hint">${pinnedTitle === null ? 'No pin: the newest article in the site language leads the front page.' : html`Pinned: <strong>${pinnedTitle}</strong>.`}</p>
<div class="hk-row">
<form method="post" action="/desk/front/lead" class="hk-inline">${csrfField(ctx)}
<div class="field"><label for="lead">Lead article</label>
<select id="lead" name="lead"${v.error?.field === 'lead' ? html` aria-invalid="true" aria-describedby="lead-error"` : EMPTY}>
<option value=""${pinned === null ? html` selected` : EMPTY}>Newest article (no pin)</option>
${known ? EMPTY : html`<option value="${String(pinned)}" selected>Article ${String(pinned)} (not among the recent)</option>`}
${v.candidates.map((c) => html`<option value="${String(c.id)}"${c.id === pinned ? html` selected` : EMPTY}>${c.title} · ${formatDateTime(c.publishedAt, v.timeZone)}</option>`)}
</select>${errorFor(v, 'lead')}</div>
<button type="submit">Pin</button>
</form>
${pinned === null ? EMPTY : html`<form method="post" action="/desk/front/lead" class="hk-inline">${csrfField(ctx)}${hidden('lead', '')}<button type="submit" class="secondary">Clear the pin</button></form>`}
</div>
</section>`
}

function pickRow(ctx: DeskContext, v: FrontDeskView, p: FrontDeskView['picks'][number], i: number): SafeHtml {
  const expired = p.until !== null && p.until <= v.now
  // The front page leaves the lead out of its picks; article pages still show it.
  const state = !p.live ? 'not published' : expired ? 'expired' : p.id === v.leadArticleId ? 'the lead: not in the front page’s picks' : null
  return html`<tr data-pick="${String(p.id)}">
<td>${String(i + 1)}</td>
<td>${p.title}${state ? html` <span class="status">${state}</span>` : EMPTY}</td>
<td><form method="post" action="/desk/front/picks/move" class="hk-buttons">${csrfField(ctx)}${hidden('article', p.id)}
<button type="submit" name="direction" value="up" class="secondary"${i === 0 ? html` disabled` : EMPTY} aria-label="Move “${p.title}” up">Up</button>
<button type="submit" name="direction" value="down" class="secondary"${i === v.picks.length - 1 ? html` disabled` : EMPTY} aria-label="Move “${p.title}” down">Down</button></form></td>
<td><form method="post" action="/desk/front/picks/expiry" class="hk-buttons">${csrfField(ctx)}${hidden('article', p.id)}
<label class="visually-hidden" for="until-${String(p.id)}">Expiry of “${p.title}”</label>
<input type="datetime-local" id="until-${String(p.id)}" name="until" value="${p.untilLocal}"${v.error?.field === 'until' && v.error.articleId === p.id ? html` aria-invalid="true" aria-describedby="until-error${String(p.id)}"` : EMPTY}>
<button type="submit" class="secondary">Set</button></form>
${p.until === null ? EMPTY : html`<form method="post" action="/desk/front/picks/expiry" class="hk-buttons">${csrfField(ctx)}${hidden('article', p.id)}${hidden('until', '')}<button type="submit" class="link">Clear expiry</button></form>`}
${errorFor(v, 'until', p.id)}</td>
<td><form method="post" action="/desk/front/picks/remove">${csrfField(ctx)}${hidden('article', p.id)}<button type="submit" class="danger" aria-label="Remove “${p.title}” from the picks">Remove</button></form></td>
</tr>`
}

function picksSection(ctx: DeskContext, v: FrontDeskView): SafeHtml {
  return html`<section class="hk-panel" aria-labelledby="picks-title">
<h2 id="picks-title">Editor's choice</h2>
<p class="hint">The front page shows the first six live, unexpired picks; article pages show five. Expiry is in ${v.timeZone} time.</p>
${v.picks.length === 0 ? html`<p class="empty">No picks yet.</p>` : html`<table class="hk-table">
<caption class="visually-hidden">Editor's choice in order</caption>
<thead><tr><th scope="col">Rank</th><th scope="col">Article</th><th scope="col">Order</th><th scope="col">Expires</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
<tbody>${v.picks.map((p, i) => pickRow(ctx, v, p, i))}</tbody></table>`}
<h3>Add a pick</h3>
<div class="hk-pair">
<form method="post" action="/desk/front/picks/add" class="hk-inline">${csrfField(ctx)}
<div class="field"><label for="add-article">Article id</label>
<input id="add-article" name="article" type="text" inputmode="numeric" value="${v.values.article ?? ''}"${v.error?.field === 'article' && v.error.articleId === undefined ? html` aria-invalid="true" aria-describedby="article-error"` : EMPTY}>
${v.error?.articleId === undefined ? errorFor(v, 'article') : EMPTY}</div>
<button type="submit">Add</button></form>
<form method="get" action="/desk/front" class="hk-inline" role="search" aria-label="Find published articles">
<div class="field"><label for="q">Find by title</label><input id="q" name="q" type="search" maxlength="200" value="${v.search?.q ?? ''}"></div>
<button type="submit" class="secondary">Search</button></form>
</div>
${v.search ? v.search.results.length === 0 ? html`<p class="empty">No published article matches “${v.search.q}”.</p>` : html`<ul class="hk-results">
${v.search.results.map((r) => html`<li><form method="post" action="/desk/front/picks/add">${csrfField(ctx)}${hidden('article', r.id)}
<span>${r.title}${r.publishedAt === null ? EMPTY : html` · ${formatDateTime(r.publishedAt, v.timeZone)}`}</span>
${v.picks.some((p) => p.id === r.id) ? html`<span class="hint">In the picks</span>` : html`<button type="submit" class="secondary" aria-label="Add “${r.title}” to the picks">Add</button>`}</form></li>`)}</ul>` : EMPTY}
</section>`
}

/** Whether a refusal has a place beside a field of this page; any other is shown above the page's forms. */
const shownAtField = (e: NonNullable<FrontDeskView['error']>): boolean =>
  e.field === 'lead' || (e.field === 'until' && e.articleId !== undefined) || (e.field === 'article' && e.articleId === undefined)

export function frontDeskPage(ctx: DeskContext, v: FrontDeskView): SafeHtml {
  return deskLayout(ctx, 'Front page', html`<h1>Front page</h1>
${statusLine(v.message)}
${formAlert(v.error && !shownAtField(v.error) ? { field: null, message: v.error.message } : null, 'front-error')}
<div class="hk-grid">${leadForm(ctx, v)}${picksSection(ctx, v)}</div>`)
}
