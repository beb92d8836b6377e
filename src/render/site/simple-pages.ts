// Pages with little structure: most read, static pages, and errors.

import type { PopularPage } from '../../domain/read-models.ts'
import type { StaticPage } from '../../domain/site.ts'
import { staticPagePath } from '../../domain/paths.ts'
import { html, trusted, EMPTY, type SafeHtml } from '../html.ts'
import { layout } from '../layout.ts'
import type { RenderContext } from '../context.ts'
import { headlineList } from './components/article-card.ts'

export function popularPage(ctx: RenderContext, p: PopularPage): SafeHtml {
  const empty = p.day.length === 0 && p.week.length === 0
  return layout(ctx, { title: 'Most read', description: `The most-read articles on ${ctx.settings.name}`, path: '/popular' }, html`
<header class="page-header"><h1>Most read</h1></header>
${empty ? html`<p class="empty-state">No views have been counted yet.</p>` : EMPTY}
<div class="popular-columns">
${p.day.length ? html`<section aria-labelledby="popular-day"><h2 id="popular-day">Last 24 hours</h2>${headlineList(p.day, ctx, { numbered: true })}</section>` : EMPTY}
${p.week.length ? html`<section aria-labelledby="popular-week"><h2 id="popular-week">Last 7 days</h2>${headlineList(p.week, ctx, { numbered: true })}</section>` : EMPTY}
</div>`)
}

export const staticPage = (ctx: RenderContext, p: StaticPage): SafeHtml =>
  layout(ctx, { title: p.title, description: `${p.title} – ${ctx.settings.name}`, path: staticPagePath(p.slug) }, html`
<article class="static-page"><h1>${p.title}</h1><div class="article-body">${trusted(p.bodyHtml)}</div></article>`)

const ERROR_TITLES: Readonly<Record<number, string>> = {
  400: 'That request could not be understood', 404: 'Page not found', 410: 'This page has been removed',
  413: 'That is too large', 415: 'That kind of content is not accepted', 429: 'Too many requests', 500: 'Something went wrong',
}

/** An error page; `detail` says what was wrong with the request (never internals). */
export function errorPage(ctx: RenderContext, status: number, detail: string | null): SafeHtml {
  const title = ERROR_TITLES[status] ?? (status >= 500 ? ERROR_TITLES[500]! : ERROR_TITLES[400]!)
  return layout(ctx, { title, description: title, path: '/', noindex: true }, html`
<section class="error-page">
<p class="error-code">${status}</p>
<h1>${title}</h1>
${detail ? html`<p class="error-detail">${detail}</p>` : EMPTY}
${status === 404 || status === 410 ? html`<p>Try the <a href="/">front page</a>, the <a href="/archive">archive</a> or a search:</p>
<form class="search-form" role="search" action="/search" method="get"><label class="visually-hidden" for="error-search">Search articles</label><input id="error-search" type="search" name="q" maxlength="200"><button type="submit">Search</button></form>` : html`<p><a href="/">Back to the front page</a></p>`}
</section>`)
}

