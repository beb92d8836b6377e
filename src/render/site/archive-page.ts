// The archive: a filter form (sections, date range) over a paged list, in the page's language.

import type { ArchivePage } from '../../domain/read-models.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { everyLanguage, layout } from '../layout.ts'
import { localPath, sectionName, type RenderContext } from '../context.ts'
import { listing, titled } from './listing-pages.ts'
import { pagination, prevNext } from './components/pagination.ts'
import { fill } from '../../i18n/catalogue.ts'

/** The archive's query string for a filter, without the page. */
export function archiveParams(f: ArchivePage['filter']): URLSearchParams {
  const p = new URLSearchParams()
  for (const s of f.sections) p.append('section', s)
  if (f.from) p.set('from', f.from)
  if (f.to) p.set('to', f.to)
  return p
}

/** The section checkboxes and date range that the archive and search forms share. */
export const sectionAndDateFields = (ctx: RenderContext, sections: ArchivePage['allSections'], f: { sections: readonly string[]; from: string | null; to: string | null }): SafeHtml =>
  html`<fieldset><legend>${ctx.t.sections}</legend>
${sections.map((s) => html`<label><input type="checkbox" name="section" value="${s.slug}"${f.sections.includes(s.slug) ? html` checked` : EMPTY}> ${sectionName(ctx, s)}</label>`)}
</fieldset>
<div class="date-range">
<label>${ctx.t.from} <input type="date" name="from" value="${f.from ?? ''}"></label>
<label>${ctx.t.to} <input type="date" name="to" value="${f.to ?? ''}"></label>
</div>`

export function archivePage(ctx: RenderContext, p: ArchivePage): SafeHtml {
  const params = archiveParams(p.filter)
  const filtered = params.toString() !== ''
  const path = localPath(ctx, '/archive')
  const { t } = ctx
  return layout(ctx, {
    title: titled(ctx, t.archive, p.list.page), description: fill(t.archiveDescription, { site: ctx.settings.name }),
    path, noindex: filtered || p.list.page > 1, ...prevNext(p.list, path, params), alternates: filtered || p.list.page > 1 ? [] : everyLanguage(ctx, '/archive'),
  }, html`<header class="page-header"><h1>${t.archive}</h1></header>
<form class="archive-filter" action="${path}" method="get">
${sectionAndDateFields(ctx, p.allSections, p.filter)}
<button type="submit">${t.filter}</button>
</form>
${listing(p.list, ctx)}
${pagination(ctx, p.list, path, params)}`)
}
