// The desk's Import page (admins): the upload form with the command line's options, past imports, and one import's
// state: its progress while it runs (the page refreshes itself, no script needed), then its report.

import type { ImportJob, ImportProgress } from '../../domain/import-job.ts'
import { isActive } from '../../domain/import-job.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, input, select, statusLine, type FieldError } from './form-parts.ts'
import { importReportView } from './import-report-view.ts'

export interface ImportFormValues {
  readonly source: string
  readonly section: string
  readonly siteUrl: string
  readonly media: boolean
  readonly permalink: string
}

export interface ImportListView {
  readonly jobs: readonly ImportJob[]
  readonly timeZone: string
  readonly status: string | null
  readonly error?: FieldError | null
  readonly values?: ImportFormValues
  /** The largest upload, for the form's hint. */
  readonly maxMiB: number
}

export interface ImportJobView {
  readonly job: ImportJob
  readonly progress: ImportProgress
  readonly timeZone: string
  readonly status: string | null
  readonly error?: FieldError | null
  /** Seconds between refreshes while the job is active. */
  readonly refreshSeconds: number
}

const NAMES = { wordpress: 'WordPress', ghost: 'Ghost' } as const
const STATES = { queued: 'Waiting to start', running: 'Running', done: 'Finished', failed: 'Failed', discarded: 'Discarded' } as const
const when = (ms: number, tz: string): SafeHtml => html`<time datetime="${new Date(ms).toISOString()}">${formatDateTime(ms, tz)}</time>`
const what = (job: ImportJob) => (job.dryRun ? 'Dry run' : 'Import')

function uploadForm(ctx: DeskContext, v: ImportListView): SafeHtml {
  const values = v.values ?? { source: 'wordpress', section: '', siteUrl: '', media: true, permalink: '' }
  // The token rides in the action's query: a multipart body is read after the desk's CSRF check.
  return html`<form method="post" action="/desk/import?_csrf=${ctx.csrf ?? ''}" enctype="multipart/form-data" class="import-form">
${formAlert(v.error, 'import-error')}
${select({ id: 'import-source', name: 'source', label: 'Kind of export', value: values.source, options: [['wordpress', 'WordPress (WXR .xml, Tools → Export)'], ['ghost', 'Ghost (.json, Settings → Labs → Export)']] }, v.error)}
<fieldset><legend>Ghost options</legend>
${input({ id: 'import-site-url', name: 'site_url', label: 'Old site address', type: 'url', value: values.siteUrl, maxlength: 300, hint: 'https://blog.example.org: makes its images\' addresses absolute and names the source for later runs' }, v.error)}
${input({ id: 'import-section', name: 'section', label: 'Section for posts without one', value: values.section, maxlength: 120, hint: 'a section slug such as news (the default)' }, v.error)}
${permalinkFields(values.permalink, v.error)}
</fieldset>
<div class="field"><label class="check"><input name="media" type="checkbox" value="1"${values.media ? html` checked` : EMPTY}> Bring images into the media library (fetched from the old site); unchecked leaves them at their old addresses</label></div>
<!-- Last: the server reads the options before the file streams in. -->
<div class="field"><label for="import-file">Export file</label>
<input id="import-file" name="file" type="file" accept=".xml,.json,application/xml,text/xml,application/json" required aria-describedby="import-file-hint${v.error?.field === 'file' ? ' import-file-error' : ''}"${v.error?.field === 'file' ? html` aria-invalid="true"` : EMPTY}>
<span class="hint" id="import-file-hint">Up to ${v.maxMiB} MiB. The file is checked first in a dry run that writes nothing.</span>
${v.error?.field === 'file' ? html`<span class="field-error" id="import-file-error">${v.error.message}</span>` : EMPTY}</div>
<div><button type="submit">Upload and check</button></div>
</form>`
}

const fieldError = (id: string, field: string, error: FieldError | null | undefined): SafeHtml =>
  error?.field === field ? html`<span class="field-error" id="${id}-error">${error.message}</span>` : EMPTY
const invalidAttrs = (id: string, field: string, error: FieldError | null | undefined, described: string): SafeHtml =>
  html` aria-describedby="${described}${error?.field === field ? ` ${id}-error` : ''}"${error?.field === field ? html` aria-invalid="true"` : EMPTY}`

/**
 * Ghost's custom permalinks: one structure for all posts, or the site's routes.yaml (before the export in the form, so
 * the server has it when the export streams in). The common structures are spelt out in both notations.
 */
function permalinkFields(value: string, error: FieldError | null | undefined): SafeHtml {
  return html`<div class="field"><label for="import-permalink">Old permalink structure (optional)</label>
<input id="import-permalink" name="permalink" type="text" value="${value}" maxlength="300" spellcheck="false"${invalidAttrs('import-permalink', 'permalink', error, 'import-permalink-hint import-permalink-choices')}>
<span class="hint" id="import-permalink-hint">Only when the old site's posts were not at <code>/slug/</code>: each post's old address then redirects too.
Leave it empty for Ghost's default, or when the export has its own setting. WordPress exports need none: each post's permalink is in the file.</span>
<ul class="hint permalink-choices" id="import-permalink-choices">
<li><code>/{year}/{month}/{day}/{slug}/</code> — day and name (WordPress: <code>/%year%/%monthnum%/%day%/%postname%/</code>)</li>
<li><code>/{year}/{month}/{slug}/</code> — month and name (WordPress: <code>/%year%/%monthnum%/%postname%/</code>)</li>
<li><code>/{primary_tag}/{slug}/</code> — under the primary tag (WordPress: <code>/%category%/%postname%/</code>)</li>
<li><code>/{primary_author}/{slug}/</code> — under the first author (WordPress: <code>/%author%/%postname%/</code>)</li>
</ul>
${fieldError('import-permalink', 'permalink', error)}</div>
<div class="field"><label for="import-routes">Ghost's routes.yaml (optional)</label>
<input id="import-routes" name="routes" type="file" accept=".yaml,.yml,text/yaml,application/yaml,application/x-yaml"${invalidAttrs('import-routes', 'routes', error, 'import-routes-hint')}>
<span class="hint" id="import-routes-hint">For a site whose collections have permalinks of their own (Settings → Labs → Routes → Download current
routes.yaml). Give it or a structure, not both.</span>
${fieldError('import-routes', 'routes', error)}</div>`
}

function jobRows(v: ImportListView): SafeHtml {
  if (!v.jobs.length) return html`<p class="empty">No imports yet.</p>`
  return html`<table>
<caption class="visually-hidden">Imports, newest first</caption>
<thead><tr><th scope="col">Id</th><th scope="col">What</th><th scope="col">File</th><th scope="col">State</th><th scope="col">Started</th></tr></thead>
<tbody>${v.jobs.map((j) => html`<tr data-import="${j.id}"><td><a href="/desk/import/${j.id}">${j.id}</a></td><td>${what(j)} of ${NAMES[j.source]}</td>
<td>${j.fileName}</td><td><span class="status status-${j.status}">${STATES[j.status]}</span></td><td>${when(j.createdAt, v.timeZone)}</td></tr>`)}</tbody>
</table>`
}

export function importListPage(ctx: DeskContext, v: ImportListView): SafeHtml {
  return deskLayout(ctx, 'Import', html`<h1>Import from WordPress or Ghost</h1>
${statusLine(v.status)}
<p class="hint">Every article, byline, section, tag and image comes in with its original dates, and every old address redirects
to its new one. Running the same import again updates what changed and skips the rest.</p>
<section aria-labelledby="upload-title"><h2 id="upload-title">Upload an export</h2>${uploadForm(ctx, v)}</section>
<section aria-labelledby="jobs-title"><h2 id="jobs-title">Imports</h2>${jobRows(v)}</section>`)
}

function progressView(v: ImportJobView): SafeHtml {
  const p = v.progress
  const total = p.totalItems === null ? 'counting' : `about ${p.totalItems}`
  return html`<section class="import-progress" aria-labelledby="progress-title"><h2 id="progress-title">Progress</h2>
<progress id="import-bar" max="100" value="${p.percent}" aria-describedby="import-progress-text">${p.percent}%</progress>
<p id="import-progress-text" data-done="${p.doneItems}">${p.doneItems} articles done of ${total} (${p.percent}% of the file)${p.ratePerSecond !== null ? `, ${p.ratePerSecond} a second` : ''}${p.secondsLeft !== null ? `, about ${p.secondsLeft} s left` : ''}.</p>
<p class="hint">This page refreshes itself every ${v.refreshSeconds} seconds. You may leave it: the import goes on in the background.
Stopping it ends it after the batch it is writing; resuming runs the file again and skips what is in.</p></section>`
}

function actions(ctx: DeskContext, job: ImportJob): SafeHtml {
  const canImport = job.dryRun && job.status === 'done' && job.filePath !== '' && !job.report?.error
  const buttons: SafeHtml[] = []
  if (canImport) buttons.push(html`<form method="post" action="/desk/import/${job.id}/start" class="inline-form">${csrfField(ctx)}<button type="submit">Start the import</button></form>`)
  if (job.status === 'running') {
    buttons.push(job.stopRequestedAt === null
      ? html`<form method="post" action="/desk/import/${job.id}/stop" class="inline-form">${csrfField(ctx)}<button type="submit" class="secondary" id="import-stop">Stop the import</button></form>`
      : html`<p class="hint" id="import-stopping">Stopping after the current batch…</p>`)
  }
  if (job.status === 'done' && job.report?.stopped && job.filePath !== '') {
    buttons.push(html`<form method="post" action="/desk/import/${job.id}/resume" class="inline-form">${csrfField(ctx)}<button type="submit" id="import-resume">Resume the import</button></form>`)
  }
  if (job.status === 'queued' || (job.dryRun && job.filePath !== '' && !isActive(job))) {
    buttons.push(html`<form method="post" action="/desk/import/${job.id}/discard" class="inline-form">${csrfField(ctx)}<button type="submit" class="secondary">${job.status === 'queued' ? 'Cancel' : 'Discard the upload'}</button></form>`)
  }
  return buttons.length ? html`<div class="actions">${buttons}</div>` : EMPTY
}

/** The custom permalinks the job was given, before its report says what became of them. */
function oldPermalinksLine(job: ImportJob): SafeHtml {
  const o = job.options
  if (o.permalink) return html`<p id="import-permalinks">Old permalink structure: <code>${o.permalink}</code></p>`
  return o.routesYaml ? html`<p id="import-permalinks">Old permalinks: from the routes.yaml uploaded with the export</p>` : EMPTY
}

export function importJobPage(ctx: DeskContext, v: ImportJobView): SafeHtml {
  const job = v.job
  const active = isActive(job)
  const head = active ? html`<meta http-equiv="refresh" content="${v.refreshSeconds}">` : EMPTY
  return deskLayout(ctx, `${what(job)} ${job.id}`, html`<p><a href="/desk/import">← Imports</a></p>
<h1>${what(job)} of ${NAMES[job.source]} export “${job.fileName}”</h1>
${statusLine(v.status)}
${formAlert(v.error, 'job-error')}
<p>State: <span class="status status-${job.status}" id="import-state" data-status="${job.status}">${STATES[job.status]}</span>
· uploaded ${when(job.createdAt, v.timeZone)}${job.finishedAt !== null ? html` · ended ${when(job.finishedAt, v.timeZone)}` : EMPTY}
${job.attempts > 1 ? html` · taken up again ${job.attempts - 1} time(s) after an instance stopped` : EMPTY}</p>
${oldPermalinksLine(job)}
${active ? progressView(v) : EMPTY}
${job.error ? html`<p class="alert" role="alert">${job.error}</p>` : EMPTY}
${job.report ? importReportView(job.report) : EMPTY}
${actions(ctx, job)}
${job.status === 'done' && !job.dryRun ? html`<p><a href="/desk">See the articles</a></p>` : EMPTY}`, head)
}
