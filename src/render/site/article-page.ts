// An article: headline, standfirst, byline and dates, hero figure, body, tags, then the reading blocks.

import { quotationLd, quoteCard } from './quote-pages.ts'
import { schemaType } from '../../domain/article.ts'
import { authorPath, sectionPath, tagPath } from '../../domain/paths.ts'
import { mediaUrl, shareImageUrl } from '../../domain/media.ts'
import type { ArticlePage, ArticleView } from '../../domain/read-models.ts'
import { html, trusted, EMPTY, type SafeHtml } from '../html.ts'
import { formatDateTime, isoTime } from '../format.ts'
import { layout, languageLinks } from '../layout.ts'
import { absoluteUrl, localPath, readerBody, sectionName, type RenderContext } from '../context.ts'
import { block, byline, image, kicker } from './components/article-card.ts'
import { plural } from '../../i18n/catalogue.ts'
import { publisherLogo } from '../publisher-logo.ts'
import { pageSignUp } from './components/newsletter-signup.ts'

function structuredData(ctx: RenderContext, a: ArticleView): unknown[] {
  const url = absoluteUrl(ctx, a.path)
  const article = {
    '@context': 'https://schema.org', '@type': schemaType(a.genre), headline: a.title, description: a.seoDescription || a.standfirst,
    datePublished: isoTime(a.publishedAt), dateModified: isoTime(a.updatedAt), inLanguage: a.language,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url }, url, articleSection: sectionName(ctx, a.section),
    keywords: a.tags.map((t) => t.name),
    // Without a hero the publisher's logo stands in: search engines want an image on every article.
    // SVG is no image to search engines either: its raster share image stands in.
    image: [a.hero ? absoluteUrl(ctx, a.hero.mime === 'image/svg+xml' ? shareImageUrl(a.hero) : mediaUrl(a.hero)) : publisherLogo(ctx).url],
    author: a.authors.map((p) => ({ '@type': 'Person', name: p.name, url: absoluteUrl(ctx, localPath(ctx, authorPath(p.slug))) })),
    publisher: { '@type': 'NewsMediaOrganization', name: ctx.settings.name, url: absoluteUrl(ctx, localPath(ctx, '/')), logo: publisherLogo(ctx) },
  }
  const breadcrumbs = {
    '@context': 'https://schema.org', '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: ctx.settings.name, item: absoluteUrl(ctx, localPath(ctx, '/')) },
      { '@type': 'ListItem', position: 2, name: sectionName(ctx, a.section), item: absoluteUrl(ctx, localPath(ctx, sectionPath(a.section.slug))) },
      { '@type': 'ListItem', position: 3, name: a.title, item: url },
    ],
  }
  return [article, breadcrumbs]
}

const dates = (a: ArticleView, ctx: RenderContext): SafeHtml => {
  const updated = a.updatedAt - a.publishedAt > 60_000
  const when = (ms: number) => html`<time datetime="${isoTime(ms)}">${formatDateTime(ms, ctx.settings.timeZone, ctx.t.locale)}</time>`
  return html`<p class="dates">${ctx.t.published} ${when(a.publishedAt)}${updated ? html`<span class="updated"> · ${ctx.t.updated} ${when(a.updatedAt)}</span>` : EMPTY}</p>`
}

/** The article page; `preview` (a signed preview of a working copy) adds a banner saying so and noindex, and drops the canonical link and the view beacon. */
export function articlePage(ctx: RenderContext, page: ArticlePage, opts: { readonly preview?: boolean } = {}): SafeHtml {
  const a = page.article
  const { t } = ctx
  const alternates = [{ language: a.language, path: a.path }, ...a.translations]
  // The banner is for the newsroom, who work in the desk's language (English), whatever the article's language.
  const banner = opts.preview
    ? html`<div class="preview-banner" role="note"><strong>Preview</strong> · This is the saved working copy, not what readers see: it is not published and this page is not indexed. The link stops working when it expires or the article changes.</div>
`
    : EMPTY
  const body = html`${banner}<article class="article" lang="${a.language}">
<header class="article-header">
<nav class="breadcrumbs" aria-label="${t.breadcrumb}"><ol><li><a href="${localPath(ctx, '/')}">${t.home}</a></li><li><a href="${localPath(ctx, sectionPath(a.section.slug))}">${sectionName(ctx, a.section)}</a></li></ol></nav>
${kicker(a, ctx, { always: true })}
<h1 class="article-title">${a.title}</h1>
${a.standfirst ? html`<p class="standfirst">${a.standfirst}</p>` : EMPTY}
<div class="article-meta">${byline(a.authors, ctx)}${dates(a, ctx)}<p class="reading-time">${plural(t.locale, t.minRead, a.readingMinutes)}</p></div>
${languageLinks(ctx, a.translations)}
</header>
${a.hero ? html`<figure class="hero">${image(a.hero, ctx, { eager: true, sizes: '(min-width: 72rem) 72rem, 100vw' })}${a.hero.caption || a.hero.credit ? html`<figcaption>${a.hero.caption}${a.hero.credit ? html` <small class="credit">${a.hero.credit}</small>` : EMPTY}</figcaption>` : EMPTY}</figure>` : EMPTY}
<div class="article-body">${trusted(readerBody(ctx, a.bodyHtml))}</div>
${page.quotes?.length ? html`<footer class="article-quotes"><h2 class="block-title">${t.quotesHeading}</h2><div class="quote-list">${page.quotes.map((q) => quoteCard(ctx, q, { speaker: true }))}</div></footer>` : EMPTY}
${a.tags.length ? html`<footer class="article-tags"><h2 class="visually-hidden">${t.topicsAndPlaces}</h2><ul class="tag-list">${a.tags.map((tag) => html`<li><a class="tag tag-${tag.kind}" href="${localPath(ctx, tagPath(tag.slug))}">${tag.name}</a></li>`)}</ul></footer>` : EMPTY}
</article>
${pageSignUp(ctx, 'article-newsletter')}
<div class="reading-blocks">
${block('related', t.relatedArticles, page.related, ctx)}
${block('picks', t.editorsChoice, page.picks, ctx)}
${block('popular', t.mostRead, page.popular, ctx, { numbered: true })}
</div>`
  return layout(ctx, {
    title: a.seoTitle || a.title, description: a.seoDescription || a.standfirst, path: a.path, type: 'article',
    // A raster at the networks' size: they refuse SVG heroes and crop others where they like.
    image: a.hero ? shareImageUrl(a.hero) : null, ...(a.hero && { imageShare: { alt: a.hero.alt } }), language: a.language, alternates: a.translations.length ? alternates : [],
    jsonLd: [...structuredData(ctx, a), ...(page.quotes ?? []).map((q) => quotationLd(ctx, q))], currentSection: a.section.slug, noindex: opts.preview === true,
    // The view beacon: a separate request, so views count behind the page cache and a CDN.
    extraHead: opts.preview ? EMPTY : html`<script src="${ctx.assets.beacon}" defer></script>`,
  }, body)
}
