// The article editor: the form (which works without JavaScript as plain fields and an HTML textarea), the workflow
// buttons the viewer's role allows, and the data the editor island reads from data-* attributes and a JSON block.

import { GENRES, genreLabel, type ArticleStatus } from '../../domain/article.ts'
import { mediaUrl, type Media } from '../../domain/media.ts'
import { STATEMENT_ANCHOR } from '../../domain/quotes.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { translationsPanel, type TranslationsView } from './translations-panel.ts'
import { tagField } from './tag-picker.ts'
import { heroField } from './hero-picker.ts'
import { liveChangesBox, readOnlyBody, readOnlyNote, statusLabel, trashButton, type ArticleStateView } from './article-state.ts'

/** A workflow move offered on the page. */
export interface EditorMove {
  readonly to: ArticleStatus
  readonly label: string
}

export interface EditorView {
  /** Absent on the New article form. */
  readonly article?: {
    readonly id: number
    readonly version: number
    readonly status: ArticleStatus
    readonly scheduledAt: number | null
    readonly livePath: string | null
  }
  /** What the viewer may do with the opened article, and whether readers have its saved text; absent on New article. */
  readonly state?: ArticleStateView
  /** Field values by form name (title, body, tags as a comma-separated list…). */
  readonly values: Readonly<Record<string, string>>
  /** Author slugs ticked, in byline order. */
  readonly selectedAuthors: readonly string[]
  readonly sections: readonly { readonly slug: string; readonly name: string }[]
  readonly authors: readonly { readonly slug: string; readonly name: string }[]
  /** Recent images of the library that have alt text, for the hero select (the pickers search the whole library). */
  readonly media: readonly Media[]
  /** The article's hero image, whether or not it is among `media`. */
  readonly hero?: Media | null
  readonly moves: readonly EditorMove[]
  /** The datetime-local value offered for scheduling, in the site's time zone. */
  readonly scheduleDefault: string
  readonly timeZone: string
  /** Whether the viewer may set the editor's choice rank (curation); others see it read-only. */
  readonly canCurate: boolean
  readonly error: string | null
  /** Tag names a refused save found to be no tag: the form offers to create each. */
  readonly unknownTags?: readonly string[]
  readonly notice: string | null
  /** URL of the editor bundle, or null while it is being built (the page then works as a plain form). */
  readonly editorScript: string | null
  /** The article's translation group (absent on the New article form). */
  readonly translations?: TranslationsView
}

const STATUS_LABELS: Readonly<Record<ArticleStatus, string>> = {
  draft: 'Draft', in_review: 'In review', scheduled: 'Scheduled', published: 'Published', unpublished: 'Unpublished',
}

/** The srcset the site would use for an image in a body: variants of the original's own format, then the original. */
export function bodySrcset(m: Media): string {
  const own = m.variants.filter((v) => (m.mime === 'image/webp' ? v.format === 'webp' : `image/${v.format}` === m.mime))
  if (!own.length) return ''
  const widest = own.reduce((w, v) => Math.max(w, v.width), 0)
  return [...own.map((v) => `${v.url} ${v.width}w`), ...(m.width > widest ? [`${mediaUrl(m)} ${m.width}w`] : [])].join(', ')
}


const selected = (on: boolean): SafeHtml => (on ? html` selected` : EMPTY)
/** The side fields sit beside the workflow forms, outside the article form's element, and belong to it by this attribute. */
const OF_FORM = html` form="article-form"`

const input = (v: EditorView, name: string, label: string, opts: { max: number; hint?: string; type?: string; required?: boolean; disabled?: boolean }): SafeHtml =>
  html`<div class="field"><label for="f-${name}">${label}</label><input id="f-${name}"${OF_FORM} name="${name}" type="${opts.type ?? 'text'}" maxlength="${opts.max}" value="${v.values[name] ?? ''}"${opts.required ? html` required` : EMPTY}${opts.disabled ? html` disabled` : EMPTY}${opts.hint ? html` aria-describedby="f-${name}-hint"` : EMPTY}>${opts.hint ? html`<span class="hint" id="f-${name}-hint">${opts.hint}</span>` : EMPTY}</div>`

function authorsField(v: EditorView): SafeHtml {
  // Ticked authors first, in byline order: the order of the boxes is the order of the byline.
  const chosen = v.selectedAuthors.map((slug) => v.authors.find((a) => a.slug === slug)).filter((a) => a !== undefined)
  const rest = v.authors.filter((a) => !v.selectedAuthors.includes(a.slug))
  return html`<fieldset class="field authors"><legend>Authors</legend>
${[...chosen, ...rest].map((a) => html`<label class="check"><input type="checkbox"${OF_FORM} name="author:${a.slug}" value="1"${v.selectedAuthors.includes(a.slug) ? html` checked` : EMPTY}> ${a.name}</label>`)}
</fieldset>`
}


function sideFields(v: EditorView): SafeHtml {
  const fields = sideFieldList(v)
  // A disabled fieldset disables every control in it, whichever form they belong to: the read-only view sends nothing.
  return v.state && !v.state.mayChange ? html`<fieldset class="read-only-fields" disabled>${fields}</fieldset>` : fields
}

/** The issuer a statement article names: its quote with the statement anchor, from the form's quotes field. */
function issuerOf(v: EditorView): string {
  try {
    const quotes: unknown = JSON.parse(v.values.quotes || '[]')
    const q = Array.isArray(quotes) ? (quotes as { anchor?: unknown; speakerName?: unknown }[]).find((x) => x.anchor === STATEMENT_ANCHOR) : undefined
    return typeof q?.speakerName === 'string' ? q.speakerName : ''
  } catch {
    return ''
  }
}

/**
 * A statement article's issuing organisation: shown for the statement genre (the editor script follows the genre
 * select), set through the quote dialog by a button that the keyboard reaches after the genre.
 */
function issuerField(v: EditorView): SafeHtml {
  const issuer = issuerOf(v)
  return html`<div class="field issuer-field" id="f-issuer-field"${v.values.genre === 'statement' ? EMPTY : html` hidden`}>
<span class="label" id="f-issuer-label">Issued by</span>
<p class="issuer-name" id="f-issuer-name" aria-live="polite">${issuer || 'No issuer named yet.'}</p>
<button type="button" class="secondary" id="f-issuer" aria-describedby="f-issuer-label f-issuer-name f-issuer-hint">${issuer ? 'Change issuer' : 'Name the issuer'}</button>
<span class="hint" id="f-issuer-hint">The organisation whose statement this is: readers find it among what they said. Needs JavaScript.</span></div>`
}

function sideFieldList(v: EditorView): SafeHtml {
  return html`<div class="side-fields">
<div class="field"><label for="f-section">Section</label><select id="f-section"${OF_FORM} name="section" required>
${v.sections.map((s) => html`<option value="${s.slug}"${selected(s.slug === v.values.section)}>${s.name}</option>`)}
</select></div>
<div class="field"><label for="f-genre">Genre</label><select id="f-genre"${OF_FORM} name="genre">
${GENRES.map((g) => html`<option value="${g}"${selected(g === (v.values.genre || 'news'))}>${genreLabel(g)}</option>`)}
</select></div>
${issuerField(v)}
${tagField({ tags: v.values.tags ?? '', newTags: v.values.new_tags ?? '', unknownTags: v.unknownTags ?? [] })}
${authorsField(v)}
${heroField(v.media, v.hero ?? null, { caption: v.values.hero_caption ?? '', credit: v.values.hero_credit ?? '' })}
${input(v, 'slug', 'Slug', { max: 120, hint: 'Made from the title when empty. Changing a published slug leaves a redirect.' })}
${input(v, 'seo_title', 'SEO title', { max: 300 })}
<div class="field"><label for="f-seo_description">SEO description</label><textarea id="f-seo_description"${OF_FORM} name="seo_description" rows="3" maxlength="500">${v.values.seo_description ?? ''}</textarea></div>
${input(v, 'editors_choice_rank', "Editor's choice rank", { max: 4, type: 'number', hint: v.canCurate ? "1 to 1000; empty when not an editor's choice." : "Set by editors.", disabled: !v.canCurate })}
${input(v, 'language', 'Language', { max: 35, hint: 'A language tag such as en or ru.' })}
</div>`
}

/** The toolbar the editor island wires up; without JavaScript it stays hidden and the textarea is the editor. */
const TOOLS: readonly [string, string, string][] = [
  ['h2', 'Heading', 'H2'], ['h3', 'Subheading', 'H3'], ['bold', 'Bold (Ctrl+B)', 'B'], ['italic', 'Italic (Ctrl+I)', 'I'],
  ['link', 'Link', 'Link'], ['bulletList', 'Bulleted list', '• List'], ['orderedList', 'Numbered list', '1. List'],
  ['blockquote', 'Block quote', '“ Quote'], ['pullQuote', 'Pull quote', 'Pull quote'], ['figure', 'Figure from the media library', 'Figure'], ['caption', 'Caption and credit of the selected figure', 'Caption'],
  ['embed', 'Embed a video or post', 'Embed'], ['rule', 'Horizontal rule', '—'], ['quote', 'Mark the selection as a quote (Ctrl+Alt+Q)', 'Who said it'],
]

/** The tools that need nothing but the text: what a newsletter's introduction offers (no figures, embeds or quotes, which belong to articles). */
export const TEXT_TOOLS: readonly string[] = ['h2', 'h3', 'bold', 'italic', 'link', 'bulletList', 'orderedList', 'blockquote', 'rule']

/** The toolbar, with every tool or only those named in `only`. */
export const editorToolbar = (only?: readonly string[]): SafeHtml => html`<div class="editor-toolbar" role="toolbar" aria-label="Formatting" aria-controls="editor-surface" hidden>
${TOOLS.filter(([cmd]) => !only || only.includes(cmd)).map(([cmd, label, text]) => html`<button type="button" class="tool" data-command="${cmd}" aria-label="${label}" title="${label}"${['link', 'figure', 'caption', 'embed', 'rule', 'quote'].includes(cmd) ? EMPTY : html` aria-pressed="false"`}>${text}</button>`)}
</div>`

function articleForm(ctx: DeskContext, v: EditorView): SafeHtml {
  const a = v.article
  if (v.state && !v.state.mayChange) return readOnlyForm(v, v.state)
  const action = a ? `/desk/articles/${a.id}` : '/desk/articles'
  // data-draft-key names the copy the editor keeps in the browser; a new article is created by its first autosave (data-create).
  return html`<form id="article-form" class="article-form" method="post" action="${action}"${a ? html` data-autosave="/desk/articles/${a.id}/autosave" data-presence="/desk/articles/${a.id}/presence"` : html` data-create="/desk/articles"`} data-draft-key="${a ? String(a.id) : 'new'}" data-csrf="${ctx.csrf ?? ''}">
${csrfField(ctx)}
${a ? html`<input type="hidden" name="version" value="${a.version}"><input type="hidden" name="editors_choice_rank_was" value="${v.values.editors_choice_rank_was ?? ''}">` : EMPTY}
<div class="editor-main">
<div class="editor-state"><p id="autosave-state" class="autosave-state" role="status" aria-live="polite"></p><p id="presence" class="presence" aria-live="polite" hidden></p></div>
<div class="field"><label for="f-title">Title</label><input id="f-title" class="title-input" name="title" type="text" maxlength="300" required value="${v.values.title ?? ''}"></div>
<div class="field"><label for="f-standfirst">Standfirst</label><textarea id="f-standfirst" name="standfirst" rows="2" maxlength="1000">${v.values.standfirst ?? ''}</textarea></div>
<div class="field body-field"><label for="f-body" id="f-body-label">Body</label>
${editorToolbar()}
<textarea id="f-body" name="body" rows="20" aria-describedby="f-body-hint">${v.values.body ?? ''}</textarea>
<span class="hint" id="f-body-hint">HTML: paragraphs, h2 and h3, lists, quotes, figures and embeds from the allowed players.</span></div>
<input type="hidden" id="f-quotes" name="quotes" value="${v.values.quotes ?? '[]'}" data-suggest="/desk/speakers/suggest" data-create="/desk/speakers.json">
<div class="form-actions"><button type="submit" class="save">${a ? 'Save' : 'Create draft'}</button><span class="save-status" role="status" aria-live="polite"></span></div>
</div>
</form>`
}

/** The article as the viewer may only read it: the fields shown disabled, the body as it reads, no save. */
function readOnlyForm(v: EditorView, s: ArticleStateView): SafeHtml {
  return html`<div id="article-form" class="article-form read-only">
${readOnlyNote(s)}
<fieldset class="read-only-fields editor-main" disabled>
<div class="field"><label for="f-title">Title</label><input id="f-title" class="title-input" type="text" value="${v.values.title ?? ''}"></div>
<div class="field"><label for="f-standfirst">Standfirst</label><textarea id="f-standfirst" rows="2">${v.values.standfirst ?? ''}</textarea></div>
</fieldset>
${readOnlyBody(s)}
</div>`
}

function workflow(ctx: DeskContext, v: EditorView): SafeHtml {
  const a = v.article
  if (!a) return EMPTY
  const published = a.status === 'published'
  // A published article's Update is the box's "Publish changes"; Unpublish goes through its confirmation page.
  const moves = v.moves.filter((m) => !(published && m.to === 'published'))
  const forms = moves.map((m) => m.to === 'unpublished'
    ? html`<form method="get" action="/desk/articles/${a.id}/unpublish" class="move"><button type="submit" class="danger">${m.label}…</button></form>`
    : m.to === 'scheduled'
    ? html`<form method="post" action="/desk/articles/${a.id}/status" class="move move-schedule">${csrfField(ctx)}<input type="hidden" name="to" value="scheduled">
<div class="field"><label for="f-at">Publish at (${v.timeZone})</label><input id="f-at" name="at" type="datetime-local" required value="${v.scheduleDefault}"></div>
<button type="submit">${m.label}</button></form>`
    : html`<form method="post" action="/desk/articles/${a.id}/status" class="move">${csrfField(ctx)}<input type="hidden" name="to" value="${m.to}"><button type="submit">${m.label}</button></form>`)
  return html`<section class="workflow" aria-labelledby="workflow-title">
<h2 id="workflow-title">Status: <span class="status status-${a.status}${v.state?.unpublishedChanges ? ' status-pending' : ''}">${statusLabel(STATUS_LABELS[a.status], v.state?.unpublishedChanges ?? false)}</span></h2>
${v.state ? liveChangesBox(ctx, v.state, v.timeZone) : EMPTY}
${a.status === 'scheduled' && a.scheduledAt ? html`<p>Publishes at <time datetime="${new Date(a.scheduledAt).toISOString()}">${formatDateTime(a.scheduledAt, v.timeZone)}</time>.</p>` : EMPTY}
<p class="links"><a href="/desk/articles/${a.id}/preview" target="_blank" rel="noopener">Preview<span class="visually-hidden"> (opens in a new tab)</span></a>
${a.livePath ? html` · <a href="${a.livePath}" target="_blank" rel="noopener">View live<span class="visually-hidden"> (opens in a new tab)</span></a>` : EMPTY}
· <a href="/desk/articles/${a.id}/revisions">Revisions</a></p>
${forms}
${v.state ? trashButton(v.state) : EMPTY}
</section>`
}

/** The New article and Edit article pages. */
export function editorPage(ctx: DeskContext, v: EditorView): SafeHtml {
  const title = v.article ? `Edit: ${v.values.title ?? ''}` : 'New article'
  const page = html`<div class="editor-page">
<h1>${v.article ? 'Edit article' : 'New article'}</h1>
${v.error ? html`<p class="alert" role="alert" id="form-error">${v.error}</p>` : EMPTY}
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : EMPTY}
${v.state?.unpublishedChanges ? html`<p class="live-changes-summary"><a href="#workflow-title">Published · unpublished changes</a>: readers do not have what was saved yet.</p>` : EMPTY}
<div class="editor-columns">
${articleForm(ctx, v)}
<div class="editor-side">
${workflow(ctx, v)}
${v.article && v.translations ? translationsPanel(ctx, v.article.id, v.translations) : EMPTY}
${sideFields(v)}
</div>
</div>
${v.editorScript ? html`<script type="module" src="${v.editorScript}"></script>` : EMPTY}
</div>`
  return deskLayout(ctx, title, page)
}
