// Pages with little structure: most read, static pages, and errors, in the page's language.

import type { PopularPage } from '../../domain/read-models.ts'
import type { PublishedPage } from '../../domain/pages.ts'
import { html, trusted, EMPTY, fillHtml, type SafeHtml } from '../html.ts'
import { everyLanguage, layout } from '../layout.ts'
import { localPath, readerBody, type RenderContext } from '../context.ts'
import { headlineList } from './components/article-card.ts'
import type { Catalogue } from '../../i18n/catalogue.ts'
import { fill } from '../../i18n/catalogue.ts'

export function popularPage(ctx: RenderContext, p: PopularPage): SafeHtml {
  const { t } = ctx
  const empty = p.day.length === 0 && p.week.length === 0
  return layout(ctx, { title: t.mostRead, description: fill(t.popularDescription, { site: ctx.settings.name }), path: localPath(ctx, '/popular'), alternates: everyLanguage(ctx, '/popular') }, html`
<header class="page-header"><h1>${t.mostRead}</h1></header>
${empty ? html`<p class="empty-state">${t.noViews}</p>` : EMPTY}
<div class="popular-columns">
${p.day.length ? html`<section aria-labelledby="popular-day"><h2 id="popular-day">${t.last24Hours}</h2>${headlineList(p.day, ctx, { numbered: true })}</section>` : EMPTY}
${p.week.length ? html`<section aria-labelledby="popular-week"><h2 id="popular-week">${t.last7Days}</h2>${headlineList(p.week, ctx, { numbered: true })}</section>` : EMPTY}
</div>`)
}

/** A static page at its path, with breadcrumbs to the published pages above it; `preview` keeps it out of search engines. */
export const staticPage = (ctx: RenderContext, { page: p, breadcrumbs }: PublishedPage, opts: { readonly preview?: boolean } = {}): SafeHtml =>
  layout(ctx, { title: p.title, description: `${p.title} – ${ctx.settings.name}`, path: p.path, ...(opts.preview && { noindex: true }) }, html`
<article class="static-page" lang="${p.language}">
${breadcrumbs.length ? html`<nav class="breadcrumbs" aria-label="${ctx.t.breadcrumb}"><ol><li><a href="/">${ctx.settings.name}</a></li>${breadcrumbs.map((b) => html`<li><a href="${b.path}">${b.title}</a></li>`)}<li aria-current="page">${p.title}</li></ol></nav>` : EMPTY}
<h1>${p.title}</h1><div class="article-body">${trusted(readerBody(ctx, p.bodyHtml))}</div></article>`)

/** The title of an error status in the page's language: 4xx without its own fall back to 400's, 5xx to 500's. */
const errorTitle = (t: Catalogue, status: number): string =>
  t.errors[String(status) as keyof Catalogue['errors']] ?? (status >= 500 ? t.errors[500] : t.errors[400])

/** An error page; `detail` says what was wrong with the request (never internals). */
export function errorPage(ctx: RenderContext, status: number, detail: string | null): SafeHtml {
  const { t } = ctx
  const title = errorTitle(t, status)
  const front = localPath(ctx, '/')
  return layout(ctx, { title, description: title, path: front, noindex: true }, html`
<section class="error-page">
<p class="error-code">${status}</p>
<h1>${title}</h1>
${detail ? html`<p class="error-detail">${detail}</p>` : EMPTY}
${status === 404 || status === 410 ? html`<p>${fillHtml(t.errorTry, { front: html`<a href="${front}">${t.frontPageLink}</a>`, archive: html`<a href="${localPath(ctx, '/archive')}">${t.archiveLink}</a>` })}</p>
<form class="search-form" role="search" action="${localPath(ctx, '/search')}" method="get"><label class="visually-hidden" for="error-search">${t.searchLabel}</label><input id="error-search" type="search" name="q" maxlength="200"><button type="submit">${t.searchButton}</button></form>` : html`<p><a href="${front}">${t.backToFront}</a></p>`}
</section>`)
}
