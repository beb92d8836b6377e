// Previous/next links for paged listings.

import type { Page } from '../../../domain/read-models.ts'
import { html, EMPTY, type SafeHtml } from '../../html.ts'
import type { RenderContext } from '../../context.ts'
import { fill } from '../../../i18n/catalogue.ts'

/** The URL of page `n` of a listing at `basePath` with its other query parameters kept. */
export function pageUrl(basePath: string, params: URLSearchParams, n: number): string {
  const p = new URLSearchParams(params)
  if (n <= 1) p.delete('page')
  else p.set('page', String(n))
  const q = p.toString()
  return q ? `${basePath}?${q}` : basePath
}

export const prevNext = (page: Page<unknown>, basePath: string, params = new URLSearchParams()) => ({
  prev: page.page > 1 ? pageUrl(basePath, params, page.page - 1) : null,
  next: page.hasNext ? pageUrl(basePath, params, page.page + 1) : null,
})

export function pagination(ctx: RenderContext, page: Page<unknown>, basePath: string, params = new URLSearchParams()): SafeHtml {
  const { prev, next } = prevNext(page, basePath, params)
  if (!prev && !next) return EMPTY
  const { t } = ctx
  return html`<nav class="pagination" aria-label="${t.pagesNav}">
${prev ? html`<a rel="prev" href="${prev}">${t.newer}</a>` : html`<span></span>`}
<span class="page-number">${fill(t.pageNumber, { n: page.page })}</span>
${next ? html`<a rel="next" href="${next}">${t.older}</a>` : html`<span></span>`}
</nav>`
}
