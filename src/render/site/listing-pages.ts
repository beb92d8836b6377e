// Index pages: a section, a tag (topic or place), an author; each in the page's language, with its versions in the others.

import type { ArticleSummary, AuthorPage, Page, SectionPage, TagPage } from '../../domain/read-models.ts'
import { authorPath, sectionPath, tagPath } from '../../domain/paths.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { everyLanguage, layout, type PageMeta } from '../layout.ts'
import { absoluteUrl, localPath, sectionName, type RenderContext } from '../context.ts'
import { articleCard, image } from './components/article-card.ts'
import { pagination, prevNext } from './components/pagination.ts'
import { fill } from '../../i18n/catalogue.ts'
import { pageSignUp } from './components/newsletter-signup.ts'

/** The list of an index page, or a sentence saying there is nothing yet. */
export const listing = (list: Page<ArticleSummary>, ctx: RenderContext): SafeHtml =>
  list.items.length
    ? html`<div class="listing">${list.items.map((a) => articleCard(a, ctx, { level: 2 }))}</div>`
    : html`<p class="empty-state">${ctx.t.noArticles}</p>`

/** A page's title, with its page number past the first. */
export const titled = (ctx: RenderContext, title: string, page: number): string => (page > 1 ? fill(ctx.t.pagedTitle, { title, n: page }) : title)

/** Structured data of an index page: its place under the front page. */
const breadcrumbs = (ctx: RenderContext, name: string, path: string): unknown => ({
  '@context': 'https://schema.org', '@type': 'BreadcrumbList', inLanguage: ctx.language.tag,
  itemListElement: [
    { '@type': 'ListItem', position: 1, name: ctx.settings.name, item: absoluteUrl(ctx, localPath(ctx, '/')) },
    { '@type': 'ListItem', position: 2, name, item: absoluteUrl(ctx, path) },
  ],
})

/**
 * What every index page's head holds: canonical path and page links in the page's language, the same listing in every
 * site language (hreflang, switcher), breadcrumbs and the listing's own feeds.
 */
function indexMeta(ctx: RenderContext, basePath: string, name: string, list: Page<unknown>): Pick<PageMeta, 'path' | 'prev' | 'next' | 'alternates' | 'jsonLd' | 'feeds'> {
  const path = localPath(ctx, basePath)
  return {
    path: list.page > 1 ? `${path}?page=${list.page}` : path, ...prevNext(list, path),
    alternates: list.page > 1 ? [] : everyLanguage(ctx, basePath),
    jsonLd: [breadcrumbs(ctx, name, path)], feeds: [{ title: fill(ctx.t.feedTitle, { name, site: ctx.settings.name }), pagePath: path }],
  }
}

export function sectionPage(ctx: RenderContext, p: SectionPage): SafeHtml {
  const name = sectionName(ctx, p.section)
  const own = ctx.language.sectionNames[p.section.slug] === undefined
  const description = own ? p.section.description : ''
  return layout(ctx, {
    title: titled(ctx, name, p.list.page), description: description || fill(ctx.t.sectionDescription, { section: name, site: ctx.settings.name }),
    currentSection: p.section.slug, ...indexMeta(ctx, sectionPath(p.section.slug), name, p.list),
  }, html`<header class="page-header"><h1>${name}</h1>${description ? html`<p class="page-description">${description}</p>` : EMPTY}</header>
${listing(p.list, ctx)}
${pagination(ctx, p.list, localPath(ctx, sectionPath(p.section.slug)))}
${pageSignUp(ctx, 'section-newsletter')}`)
}

export function tagPage(ctx: RenderContext, p: TagPage): SafeHtml {
  const kind = p.tag.kind === 'place' ? ctx.t.place : ctx.t.topic
  return layout(ctx, {
    title: titled(ctx, p.tag.name, p.list.page), description: p.tag.description || fill(ctx.t.tagDescription, { kind, tag: p.tag.name, site: ctx.settings.name }),
    ...indexMeta(ctx, tagPath(p.tag.slug), p.tag.name, p.list),
  }, html`<header class="page-header"><p class="kicker">${kind}${p.parent ? html` · <a href="${localPath(ctx, tagPath(p.parent.slug))}">${p.parent.name}</a>` : EMPTY}</p><h1>${p.tag.name}</h1>${p.tag.description ? html`<p class="page-description">${p.tag.description}</p>` : EMPTY}</header>
${listing(p.list, ctx)}
${pagination(ctx, p.list, localPath(ctx, tagPath(p.tag.slug)))}`)
}

export function authorPage(ctx: RenderContext, p: AuthorPage): SafeHtml {
  return layout(ctx, {
    title: titled(ctx, p.author.name, p.list.page), description: p.author.bio || fill(ctx.t.authorDescription, { name: p.author.name }),
    ...indexMeta(ctx, authorPath(p.author.slug), p.author.name, p.list),
  }, html`<header class="page-header author-header">${p.photo ? html`<div class="author-photo">${image(p.photo, ctx, { eager: true })}</div>` : EMPTY}<div><p class="kicker">${ctx.t.authorKinds[p.author.kind]}</p><h1>${p.author.name}</h1>${p.author.bio ? html`<p class="page-description">${p.author.bio}</p>` : EMPTY}</div></header>
${listing(p.list, ctx)}
${pagination(ctx, p.list, localPath(ctx, authorPath(p.author.slug)))}`)
}
