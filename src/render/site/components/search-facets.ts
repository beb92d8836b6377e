// The search page's filters with counts: sections, tags and authors among the matches, each a link that narrows them.

import type { SearchFacet, SearchFilter, SearchPage } from '../../../domain/read-models.ts'
import { fill } from '../../../i18n/catalogue.ts'
import { html, EMPTY, type SafeHtml } from '../../html.ts'
import { sectionName, type RenderContext } from '../../context.ts'

/** The search URL of `filter` with one change, back on page 1. */
export type SearchUrl = (change: Partial<SearchFilter>) => string

/** One facet group: the values as links with counts; a chosen value links to the search without it. */
function group(title: string, values: readonly SearchFacet[], chosen: (v: SearchFacet) => boolean, choose: (v: SearchFacet) => string,
  clear: string, ctx: RenderContext): SafeHtml {
  if (values.length === 0) return EMPTY
  return html`<section class="facet"><h3>${title}</h3><ul>
${values.map((v) => chosen(v)
    ? html`<li class="facet-chosen"><a href="${clear}" aria-label="${ctx.t.removeFilter}: ${v.name}"><span>${v.name}</span> <span class="facet-count">${v.count}</span> <span aria-hidden="true">×</span></a></li>`
    : html`<li><a href="${choose(v)}"><span>${v.name}</span> <span class="facet-count">${v.count}</span></a></li>`)}
</ul></section>`
}

/** The filters aside: counts of the matches by section, tag and author. Empty without matches. */
export function searchFacets(ctx: RenderContext, p: SearchPage, url: SearchUrl): SafeHtml {
  const facets = p.facets
  if (!facets || !p.matched || p.matched.count === 0) return EMPTY
  const f = p.filter
  const { t } = ctx
  return html`<aside class="search-facets" aria-labelledby="facets-title"><h2 id="facets-title">${t.narrowResults}</h2>
${group(t.sections, facets.sections.map((v) => ({ ...v, name: sectionName(ctx, v) })), (v) => f.sections.length === 1 && f.sections[0] === v.slug, (v) => url({ sections: [v.slug] }), url({ sections: [] }), ctx)}
${group(t.topicsAndPlaces, facets.tags, (v) => f.tag === v.slug, (v) => url({ tag: v.slug }), url({ tag: null }), ctx)}
${group(t.authorsFacet, facets.authors, (v) => f.author === v.slug, (v) => url({ author: v.slug }), url({ author: null }), ctx)}
${p.matched.capped ? html`<p class="facet-note">${fill(t.countsCapped, { n: p.matched.count })}</p>` : EMPTY}
</aside>`
}
