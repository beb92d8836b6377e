// The archive: a filter form (sections, date range) over a paged list.

import type { ArchivePage } from '../../domain/read-models.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { layout } from '../layout.ts'
import type { RenderContext } from '../context.ts'
import { listing } from './listing-pages.ts'
import { pagination, prevNext } from './components/pagination.ts'

/** The archive's query string for a filter, without the page. */
export function archiveParams(f: ArchivePage['filter']): URLSearchParams {
  const p = new URLSearchParams()
  for (const s of f.sections) p.append('section', s)
  if (f.from) p.set('from', f.from)
  if (f.to) p.set('to', f.to)
  return p
}

export function archivePage(ctx: RenderContext, p: ArchivePage): SafeHtml {
  const params = archiveParams(p.filter)
  const filtered = params.toString() !== ''
  const links = prevNext(p.list, '/archive', params)
  return layout(ctx, {
    title: p.list.page > 1 ? `Archive – page ${p.list.page}` : 'Archive', description: `Every article published by ${ctx.settings.name}`,
    path: '/archive', noindex: filtered || p.list.page > 1, ...links,
  }, html`<header class="page-header"><h1>Archive</h1></header>
<form class="archive-filter" action="/archive" method="get">
<fieldset><legend>Sections</legend>
${p.allSections.map((s) => html`<label><input type="checkbox" name="section" value="${s.slug}"${p.filter.sections.includes(s.slug) ? html` checked` : EMPTY}> ${s.name}</label>`)}
</fieldset>
<div class="date-range">
<label>From <input type="date" name="from" value="${p.filter.from ?? ''}"></label>
<label>To <input type="date" name="to" value="${p.filter.to ?? ''}"></label>
</div>
<button type="submit">Filter</button>
</form>
${listing(p.list, ctx)}
${pagination(p.list, '/archive', params)}`)
}
