// The import report as the desk shows it: counts by kind, refusals with their old address and reason, what was altered.

import type { ImportReport, Outcomes, ReportedItem } from '../../domain/import-report.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'

const outcomeRow = (label: string, o: Outcomes): SafeHtml =>
  html`<tr><th scope="row">${label}</th><td>${o.imported}</td><td>${o.updated}</td><td>${o.skipped}</td><td>${o.refused}</td></tr>`

function itemList(id: string, title: string, items: readonly ReportedItem[], hint: string | null = null): SafeHtml {
  if (!items.length) return EMPTY
  return html`<section aria-labelledby="${id}"><h3 id="${id}">${title} (${items.length})</h3>${hint ? html`<p class="hint">${hint}</p>` : EMPTY}
<table class="report-items"><thead><tr><th scope="col">Item</th><th scope="col">Old address</th><th scope="col">Reason</th></tr></thead>
<tbody>${items.map((i) => html`<tr><td>${i.item}</td><td class="url">${i.oldUrl || '—'}</td><td>${i.reason}</td></tr>`)}</tbody></table></section>`
}

function counts(title: string, c: Readonly<Record<string, number>>): SafeHtml {
  const entries = Object.entries(c)
  if (!entries.length) return EMPTY
  return html`<dt>${title}</dt><dd><ul class="counts">${entries.map(([k, n]) => html`<li><code>${k}</code> × ${n}</li>`)}</ul></dd>`
}

const RULE_FROM = { 'routes.yaml': 'the routes.yaml given', permalink: 'the permalink structure given', export: 'the export\'s own permalink setting' } as const

/** Which custom permalinks the posts' old addresses were worked out from, and how many posts have one. */
function oldAddresses(r: ImportReport): SafeHtml {
  const o = r.oldAddresses
  if (!o) return EMPTY
  return html`<dt>Old addresses</dt><dd id="report-old-addresses">from ${RULE_FROM[o.from]}: ${o.permalinks.map((p, i) => html`${i ? ', ' : ''}<code>${p}</code>`)};
${o.posts} ${o.posts === 1 ? 'post' : 'posts'} of the export had such an address, which ${r.dryRun ? 'would lead' : 'leads'} to the new one as <code>/slug/</code> does</dd>`
}

/** The whole report; `dryRun` reports say what would be written. */
export function importReportView(r: ImportReport): SafeHtml {
  const m = r.media
  const notImported = Object.entries(r.notImported)
  const a = r.altered
  return html`<section class="import-report" aria-labelledby="report-title">
<h2 id="report-title">${r.dryRun ? 'Dry run report: what the import would do' : 'Import report'}</h2>
${r.stopped ? html`<p class="alert" role="status" id="report-stopped">Stopped on request after ${r.articles.imported + r.articles.updated + r.articles.skipped + r.articles.refused} articles: those are in. Resume it to import the rest; what is in is skipped.</p>` : EMPTY}
${r.error ? html`<p class="alert" role="alert">The file stopped the ${r.dryRun ? 'dry run' : 'import'}: ${r.error.message}${r.error.line !== null ? ` (line ${r.error.line}, column ${r.error.column})` : ''}.${r.dryRun ? '' : ' Everything before that point was imported.'}</p>` : EMPTY}
<p>${r.source.system === 'wordpress' ? 'WordPress' : 'Ghost'} export of <strong>${r.source.site || 'an unnamed site'}</strong>.</p>
<table class="report-counts"><caption>Items by outcome</caption>
<thead><tr><th scope="col">Kind</th><th scope="col">${r.dryRun ? 'New' : 'Imported'}</th><th scope="col">Updated</th><th scope="col">Unchanged</th><th scope="col">Refused</th></tr></thead>
<tbody>${outcomeRow('Articles', r.articles)}${outcomeRow('Pages', r.pages)}</tbody></table>
<dl class="report-facts">
<dt>Images</dt><dd>${m.imported} ${r.dryRun ? 'to import' : 'imported'}, ${m.reused} already in the library, ${m.failed} could not be had${a.imagesLeftRemote ? `, ${a.imagesLeftRemote} left at their old address` : ''}</dd>
${oldAddresses(r)}
${notImported.length ? html`<dt>Not imported</dt><dd>${notImported.map(([k, n]) => `${n} ${k}`).join(', ')}</dd>` : EMPTY}
${counts('Shortcodes converted', a.shortcodesConverted)}
${counts('Shortcodes kept as text', a.shortcodesKept)}
${counts('Markup removed by the sanitizer', a.removedMarkup)}
${a.galleryIdsUnresolved.length ? html`<dt>Gallery images not in the export</dt><dd>attachment ids ${a.galleryIdsUnresolved.join(', ')}</dd>` : EMPTY}
</dl>
${itemList('report-refused', 'Refused', r.refusals)}
${itemList('report-drafted', 'Imported as drafts', r.drafted, 'Published on the old site but private or password-protected there.')}
${itemList('report-media', 'Images left at their old address', r.mediaFailures)}
${itemList('report-alt', 'Hero images without alt text', r.heroesWithoutAlt, 'Add the alt text in the media library.')}
${itemList('report-notes', 'Notes', r.notes)}
${r.omitted ? html`<p class="hint">${r.omitted} more entries were left out of the lists above.</p>` : EMPTY}
</section>`
}
