// One newsletter issue in the desk: reorder, trim and annotate its items, introduce it, preview it (a sandboxed frame and
// the plain text), send a test to oneself, send it, and watch its progress (the page refreshes itself while it goes out).

import type { Issue, Newsletter } from '../../domain/newsletter.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, input, statusLine, type FieldError } from './form-parts.ts'
import { editorToolbar, TEXT_TOOLS } from './editor-page.ts'

export interface IssueView {
  readonly issue: Issue
  readonly newsletter: Newsletter
  readonly progress: { readonly sent: number; readonly pending: number; readonly failed: number }
  readonly text: string
  readonly viewerEmail: string
  readonly message: string | null
  readonly error: FieldError | null
  /** URL of the editor bundle, or null while it is being built (the introduction is then an HTML textarea). */
  readonly editorScript: string | null
}

const STATUS: Readonly<Record<string, string>> = { draft: 'Draft', awaiting_approval: 'Waiting for approval', sending: 'Sending', sent: 'Sent' }

/**
 * The introduction, in the articles' editor: the body field's ids, which the editor island mounts on, and the tools that
 * need no article. Without JavaScript the textarea takes HTML, and either way the use-case's sanitizer keeps what is allowed.
 */
function introField(value: string, error: FieldError | null): SafeHtml {
  const bad = error?.field === 'intro'
  return html`<div class="field body-field intro-field"><label for="f-body" id="f-body-label">Introduction</label>
${editorToolbar(TEXT_TOOLS)}
<textarea id="f-body" name="intro" rows="5" maxlength="20000" aria-describedby="f-body-hint${bad ? ' f-body-error' : ''}"${bad ? html` aria-invalid="true"` : EMPTY} data-editor-hint="Ctrl+B bold, Ctrl+I italic; the toolbar above has headings, links, lists, quotes and a rule.">${value}</textarea>
<span class="hint" id="f-body-hint">HTML as in the article body (paragraphs, links, emphasis); the same sanitizer keeps what is allowed.</span>
${bad ? html`<span class="field-error" id="f-body-error">${error.message}</span>` : EMPTY}</div>`
}

export function newsletterIssuePage(ctx: DeskContext, v: IssueView): SafeHtml {
  const { issue, newsletter: n, progress: p } = v
  const editable = issue.status === 'draft' || issue.status === 'awaiting_approval'
  const base = `/desk/newsletters/issues/${issue.id}`
  const head = issue.status === 'sending' ? html`<meta http-equiv="refresh" content="5">` : EMPTY
  return deskLayout(ctx, issue.subject, html`<p><a href="/desk/newsletters/${String(n.id)}">${n.name}</a></p>
<h1>${issue.subject}</h1>
${statusLine(v.message)}
<section class="hk-panel" aria-labelledby="progress" data-status="${issue.status}">
<h2 id="progress">${STATUS[issue.status] ?? issue.status}</h2>
<p><span data-count="sent">${String(p.sent)}</span> sent · <span data-count="pending">${String(p.pending)}</span> pending · <span data-count="failed">${String(p.failed)}</span> failed${issue.status === 'sending' ? html` <small>(this page refreshes every 5 seconds)</small>` : EMPTY}</p>
${editable ? html`<form method="post" action="${base}/send" class="inline">${csrfField(ctx)}<button type="submit">Send to every subscriber</button></form>
<form method="post" action="${base}/test" class="inline">${csrfField(ctx)}<button type="submit" class="secondary">Send a test to ${v.viewerEmail}</button></form>` : EMPTY}
</section>
${editable ? html`<section class="hk-panel" aria-labelledby="compose">
<h2 id="compose">Contents</h2>
${formAlert(v.error, 'issue-error')}
<form method="post" action="${base}" class="hk-form">${csrfField(ctx)}
${input({ id: 'i-subject', name: 'subject', label: 'Subject', value: issue.subject, required: true, maxlength: 200 }, v.error)}
${introField(issue.introHtml, v.error)}
<table class="hk-table">
<caption>Items: untick to leave one out, change the numbers to reorder, add a note under any</caption>
<thead><tr><th scope="col">Keep</th><th scope="col">Order</th><th scope="col">Article</th><th scope="col">Note</th></tr></thead>
<tbody>${issue.items.map((item, i) => html`<tr data-item="${String(item.articleId)}">
<td><input type="checkbox" name="keep-${String(item.articleId)}" value="1" checked aria-label="Keep ${item.title}"></td>
<td><input type="number" name="pos-${String(item.articleId)}" value="${String(i + 1)}" min="1" max="99" class="issue-position" aria-label="Position of ${item.title}"></td>
<td><a href="${item.url}">${item.title}</a></td>
<td><input type="text" name="note-${String(item.articleId)}" value="${item.note}" maxlength="1000" aria-label="Note on ${item.title}"></td></tr>`)}</tbody>
</table>
<div class="form-actions"><button type="submit">Save</button><span class="save-status" role="status" aria-live="polite"></span></div>
</form>
</section>` : EMPTY}
<section class="hk-panel" aria-labelledby="preview">
<h2 id="preview">Preview</h2>
<iframe src="${base}/preview" title="The issue as subscribers see it" sandbox="" class="issue-preview"></iframe>
<h3>Plain text</h3>
<pre class="issue-text">${v.text}</pre>
</section>
${v.editorScript ? html`<script type="module" src="${v.editorScript}"></script>` : EMPTY}`, head)
}
