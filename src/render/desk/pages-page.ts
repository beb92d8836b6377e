// The desk's static pages: the tree (indented by depth) and the page editor, which uses the article editor's bundle
// over a plain form that works without JavaScript.

import { pathDepth, type Page, type PageRevision, type PageSummary } from '../../domain/pages.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { editorToolbar } from './editor-page.ts'
import { formAlert, input, select, statusLine, type FieldError } from './form-parts.ts'

export interface PagesView {
  readonly pages: readonly PageSummary[]
  readonly message: string | null
  readonly error: FieldError | null
}

export interface PageValues { readonly title: string; readonly slug: string; readonly parent: string; readonly language: string; readonly body: string }

export interface PageEditView {
  /** The page being edited; null for a new one. */
  readonly page: Page | null
  readonly values: PageValues
  /** Pages it may sit below (not itself or its own pages). */
  readonly parents: readonly PageSummary[]
  readonly revisions: readonly PageRevision[]
  readonly timeZone: string
  readonly editorScript: string | null
  readonly message: string | null
  readonly error: FieldError | null
}

const postButton = (ctx: DeskContext, action: string, label: string, cls = ''): SafeHtml =>
  html`<form method="post" action="${action}" class="inline-form">${csrfField(ctx)}<button type="submit"${cls ? html` class="${cls}"` : EMPTY}>${label}</button></form>`

/** The tree of pages: each row indented by its depth, with its status and actions. */
export function pagesPage(ctx: DeskContext, v: PagesView): SafeHtml {
  return deskLayout(ctx, 'Pages', html`<h1>Pages</h1>
${statusLine(v.message)}
${formAlert(v.error, 'pages-error')}
<p><a class="button" href="/desk/pages/new">New page</a></p>
${v.pages.length === 0 ? html`<p class="empty-state">No pages yet.</p>` : html`<ul class="page-tree">
${v.pages.map((p) => html`<li class="page-row depth-${pathDepth(p.path)}">
<span class="page-title"><a href="/desk/pages/${p.id}">${p.title}</a> <code>${p.path}</code> <span class="badge status-${p.status}">${p.status === 'published' ? 'Published' : 'Draft'}</span></span>
<span class="row-actions"><a href="/desk/pages/new?parent=${p.id}">Add child page</a>${p.status === 'published' ? html` <a href="${p.path}">View</a>` : EMPTY}</span>
${v.error?.field === String(p.id) ? html`<span class="field-error">${v.error.message}</span>` : EMPTY}
</li>`)}
</ul>`}`)
}

/** The editor of one page: title, slug, parent, language and body; publish, unpublish, preview, delete; revisions. */
export function pageEditPage(ctx: DeskContext, v: PageEditView): SafeHtml {
  const p = v.page
  const err = v.error
  const options: [string, string][] = [['', '— None: a page at the top —'], ...v.parents.map((x): [string, string] => [String(x.id), `${'  '.repeat(pathDepth(x.path) - 1)}${x.title} (${x.path})`])]
  const bodyBad = err?.field === 'body'
  return deskLayout(ctx, p ? `Page: ${p.title}` : 'New page', html`<div class="editor-page">
<h1>${p ? p.title : 'New page'}</h1>
${statusLine(v.message)}
${formAlert(err, 'page-error')}
${p ? html`<p class="page-state">${p.path} · <strong>${p.status === 'published' ? 'Published' : 'Draft'}</strong> · <a href="/desk/pages/${p.id}/preview">Preview</a>${p.status === 'published' ? html` · <a href="${p.path}">View on the site</a>` : EMPTY}</p>` : EMPTY}
<form id="article-form" class="article-form page-form" method="post" action="${p ? `/desk/pages/${p.id}` : '/desk/pages'}" data-csrf="${ctx.csrf ?? ''}">
${csrfField(ctx)}
${input({ id: 'f-title', name: 'title', label: 'Title', value: v.values.title, required: true, maxlength: 200 }, err)}
${input({ id: 'f-slug', name: 'slug', label: 'Slug', value: v.values.slug, required: true, maxlength: 120, hint: 'The last part of the address: lower-case letters, digits and hyphens. Changing it leaves a redirect from the old address.' }, err)}
${select({ id: 'f-parent', name: 'parent', label: 'Parent page', value: v.values.parent, options }, err)}
${input({ id: 'f-language', name: 'language', label: 'Language', value: v.values.language, maxlength: 35, hint: 'A language tag: en, ru, pt-BR…' }, err)}
<div class="field body-field"><label for="f-body" id="f-body-label">Body</label>
${editorToolbar()}
<textarea id="f-body" name="body" rows="16" aria-describedby="f-body-hint"${bodyBad ? html` aria-invalid="true"` : EMPTY}>${v.values.body}</textarea>
<span class="hint" id="f-body-hint">HTML: paragraphs, h2 and h3, lists, quotes, figures and embeds from the allowed players.</span>
${bodyBad ? html`<span class="field-error" id="f-body-error">${err.message}</span>` : EMPTY}</div>
<div class="form-actions"><button type="submit" class="save">${p ? 'Save' : 'Create draft'}</button>${p ? EMPTY : html` <button type="submit" name="publish" value="1">Create and publish</button>`}<span class="save-status" role="status" aria-live="polite"></span></div>
</form>
${p ? html`<div class="page-actions">
${p.status === 'published' ? postButton(ctx, `/desk/pages/${p.id}/unpublish`, 'Unpublish') : postButton(ctx, `/desk/pages/${p.id}/publish`, 'Publish')}
${postButton(ctx, `/desk/pages/${p.id}/delete`, 'Delete page', 'danger')}
</div>
<section aria-labelledby="revisions-heading"><h2 id="revisions-heading">Revisions</h2>
<ol class="revision-list">${v.revisions.map((r, i) => html`<li>${formatDateTime(r.savedAt, v.timeZone)}: ${r.title}${i === 0 ? html` <em>(current)</em>` : postButton(ctx, `/desk/pages/${p.id}/revisions/${r.id}/restore`, 'Restore')}</li>`)}</ol>
</section>` : EMPTY}
${v.editorScript ? html`<script type="application/json" id="editor-media">[]</script><script type="module" src="${v.editorScript}"></script>` : EMPTY}
</div>`)
}
