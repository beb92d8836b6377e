// An article's revisions: the list (kind, who, when) with restore buttons, and a readable comparison of two of them.

import type { DiffSegment, RevisionComparison, RevisionKind, RevisionSummary } from '../../domain/revision.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'

export interface RevisionsView {
  readonly article: { readonly id: number; readonly title: string }
  readonly items: readonly RevisionSummary[]
  readonly page: number
  readonly hasNext: boolean
  /** The two revisions compared, when the page was asked for a comparison. */
  readonly comparison: RevisionComparison | null
  readonly canRestore: boolean
  readonly timeZone: string
}

const KIND_LABELS: Readonly<Record<RevisionKind, string>> = {
  save: 'Saved', autosave: 'Autosaved', conflict: 'Kept after a conflict', publish: 'Published', restore: 'Restored',
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  slug: 'Slug', section: 'Section', genre: 'Genre', language: 'Language', tags: 'Tags', authors: 'Authors', hero_media: 'Hero image',
  hero_caption: 'Hero caption', hero_credit: 'Hero credit',
  seo_title: 'SEO title', seo_description: 'SEO description', editors_choice: "Editor's choice rank",
}

const when = (ms: number, tz: string): SafeHtml => html`<time datetime="${new Date(ms).toISOString()}">${formatDateTime(ms, tz)}</time>`

/** Diff segments as text with <ins> and <del>; paragraphs (blank lines) stay visible. */
const diff = (segments: readonly DiffSegment[]): SafeHtml => html`<div class="diff">${segments.map((s) =>
  s.op === 'added' ? html`<ins>${s.text}</ins>` : s.op === 'removed' ? html`<del>${s.text}</del>` : html`${s.text}`)}</div>`

const label = (r: RevisionSummary, tz: string): SafeHtml => html`${KIND_LABELS[r.kind]} by ${r.savedBy?.name ?? 'the system'}, ${when(r.savedAt, tz)}`

function comparison(c: RevisionComparison, tz: string): SafeHtml {
  const changed = (segments: readonly DiffSegment[]) => segments.some((s) => s.op !== 'same')
  return html`<section class="comparison" aria-labelledby="compare-title">
<h2 id="compare-title">Changes from revision ${c.from.id} to revision ${c.to.id}</h2>
<p class="hint">From: ${label(c.from, tz)}. To: ${label(c.to, tz)}. Added text is <ins>underlined</ins>, removed text is <del>struck through</del>.</p>
${c.truncated ? html`<p class="alert">The texts differ too much to align word by word: they are shown as removed and added whole.</p>` : EMPTY}
<h3>Title</h3>${diff(c.title)}
${changed(c.standfirst) || c.standfirst.length ? html`<h3>Standfirst</h3>${diff(c.standfirst)}` : EMPTY}
<h3>Body</h3>${changed(c.body) || c.body.length ? diff(c.body) : html`<p class="empty">No text.</p>`}
${c.fields.length ? html`<h3>Other fields</h3><table><thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
<tbody>${c.fields.map((f) => html`<tr><th scope="row">${FIELD_LABELS[f.field] ?? f.field}</th><td><del>${f.before || '—'}</del></td><td><ins>${f.after || '—'}</ins></td></tr>`)}</tbody></table>` : html`<p>No other field changed.</p>`}
</section>`
}

export function revisionsPage(ctx: DeskContext, v: RevisionsView): SafeHtml {
  const base = `/desk/articles/${v.article.id}/revisions`
  const from = v.comparison?.from.id ?? v.items[1]?.id, to = v.comparison?.to.id ?? v.items[0]?.id
  return deskLayout(ctx, `Revisions: ${v.article.title}`, html`<h1>Revisions of “${v.article.title}”</h1>
<p><a href="/desk/articles/${v.article.id}/edit">Back to the editor</a></p>
${v.comparison ? comparison(v.comparison, v.timeZone) : EMPTY}
${v.items.length === 0 ? html`<p class="empty">No revisions yet.</p>` : html`<form id="compare-form" method="get" action="${base}"></form>
<table class="revisions">
<caption class="visually-hidden">Revisions, newest first</caption>
<thead><tr><th scope="col">Revision</th><th scope="col">What</th><th scope="col">Who</th><th scope="col">When</th><th scope="col">Compare from</th><th scope="col">Compare to</th>${v.canRestore ? html`<th scope="col"><span class="visually-hidden">Restore</span></th>` : EMPTY}</tr></thead>
<tbody>
${v.items.map((r) => html`<tr data-revision="${r.id}"><td>${r.id} <span class="hint">(version ${r.version})</span></td><td>${KIND_LABELS[r.kind]}</td><td>${r.savedBy?.name ?? 'System'}</td><td>${when(r.savedAt, v.timeZone)}</td>
<td><input type="radio" form="compare-form" name="from" value="${r.id}" aria-label="Compare from revision ${r.id}"${r.id === from ? html` checked` : EMPTY}></td>
<td><input type="radio" form="compare-form" name="to" value="${r.id}" aria-label="Compare to revision ${r.id}"${r.id === to ? html` checked` : EMPTY}></td>
${v.canRestore ? html`<td><form method="post" action="${base}/${r.id}/restore">${csrfField(ctx)}<button type="submit" class="secondary" aria-label="Restore revision ${r.id}">Restore</button></form></td>` : EMPTY}</tr>`)}
</tbody>
</table>
<p><button type="submit" form="compare-form">Compare the chosen revisions</button></p>`}
<nav class="pager" aria-label="Pages">
${v.page > 1 ? html`<a rel="prev" href="${base}?page=${v.page - 1}">Newer</a>` : EMPTY}
${v.hasNext ? html`<a rel="next" href="${base}?page=${v.page + 1}">Older</a>` : EMPTY}
</nav>`)
}
