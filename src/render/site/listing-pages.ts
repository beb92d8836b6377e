// Index pages: a section, a tag (topic or place), an author.

import type { ArticleSummary, AuthorPage, Page, SectionPage, TagPage } from '../../domain/read-models.ts'
import { authorPath, sectionPath, tagPath } from '../../domain/paths.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { layout } from '../layout.ts'
import { absoluteUrl, type RenderContext } from '../context.ts'
import { articleCard, image } from './components/article-card.ts'
import { pagination, prevNext } from './components/pagination.ts'

/** The list of an index page, or a sentence saying there is nothing yet. */
export const listing = (list: Page<ArticleSummary>, ctx: RenderContext): SafeHtml =>
  list.items.length
    ? html`<div class="listing">${list.items.map((a) => articleCard(a, ctx, { level: 2 }))}</div>`
    : html`<p class="empty-state">No articles published here yet.</p>`

const titled = (title: string, page: number): string => (page > 1 ? `${title} – page ${page}` : title)

/** Structured data of an index page: its place under the front page. */
const breadcrumbs = (ctx: RenderContext, name: string, path: string): unknown => ({
  '@context': 'https://schema.org', '@type': 'BreadcrumbList',
  itemListElement: [
    { '@type': 'ListItem', position: 1, name: ctx.settings.name, item: absoluteUrl(ctx, '/') },
    { '@type': 'ListItem', position: 2, name, item: absoluteUrl(ctx, path) },
  ],
})

/** The page's feeds, for autodiscovery. */
const scopeFeeds = (ctx: RenderContext, name: string, path: string) => [{ title: `${name} · ${ctx.settings.name}`, pagePath: path }]

export function sectionPage(ctx: RenderContext, p: SectionPage): SafeHtml {
  const path = sectionPath(p.section.slug)
  const links = prevNext(p.list, path)
  return layout(ctx, {
    title: titled(p.section.name, p.list.page), description: p.section.description || `${p.section.name} from ${ctx.settings.name}`,
    path: p.list.page > 1 ? `${path}?page=${p.list.page}` : path, ...links, currentSection: p.section.slug,
    jsonLd: [breadcrumbs(ctx, p.section.name, path)], feeds: scopeFeeds(ctx, p.section.name, path),
  }, html`<header class="page-header"><h1>${p.section.name}</h1>${p.section.description ? html`<p class="page-description">${p.section.description}</p>` : EMPTY}</header>
${listing(p.list, ctx)}
${pagination(p.list, path)}`)
}

export function tagPage(ctx: RenderContext, p: TagPage): SafeHtml {
  const path = tagPath(p.tag.slug)
  const kind = p.tag.kind === 'place' ? 'Place' : 'Topic'
  return layout(ctx, {
    title: titled(p.tag.name, p.list.page), description: p.tag.description || `${kind}: ${p.tag.name}. Articles from ${ctx.settings.name}`,
    path: p.list.page > 1 ? `${path}?page=${p.list.page}` : path, ...prevNext(p.list, path),
    jsonLd: [breadcrumbs(ctx, p.tag.name, path)], feeds: scopeFeeds(ctx, p.tag.name, path),
  }, html`<header class="page-header"><p class="kicker">${kind}${p.parent ? html` · <a href="${tagPath(p.parent.slug)}">${p.parent.name}</a>` : EMPTY}</p><h1>${p.tag.name}</h1>${p.tag.description ? html`<p class="page-description">${p.tag.description}</p>` : EMPTY}</header>
${listing(p.list, ctx)}
${pagination(p.list, path)}`)
}

export function authorPage(ctx: RenderContext, p: AuthorPage): SafeHtml {
  const path = authorPath(p.author.slug)
  return layout(ctx, {
    title: titled(p.author.name, p.list.page), description: p.author.bio || `Articles by ${p.author.name}`,
    path: p.list.page > 1 ? `${path}?page=${p.list.page}` : path, ...prevNext(p.list, path),
    jsonLd: [breadcrumbs(ctx, p.author.name, path)], feeds: scopeFeeds(ctx, p.author.name, path),
  }, html`<header class="page-header author-header">${p.photo ? html`<div class="author-photo">${image(p.photo, { eager: true })}</div>` : EMPTY}<div><p class="kicker">${p.author.kind === 'agency' ? 'Byline' : p.author.kind === 'guest' ? 'Contributor' : 'Staff'}</p><h1>${p.author.name}</h1>${p.author.bio ? html`<p class="page-description">${p.author.bio}</p>` : EMPTY}</div></header>
${listing(p.list, ctx)}
${pagination(p.list, path)}`)
}
