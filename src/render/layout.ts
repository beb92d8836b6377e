// The page shell: head and metadata, skip link, masthead and navigation, footer.

import { html, safeUrl, type SafeHtml, EMPTY, jsonScript } from './html.ts'
import { absoluteUrl, type RenderContext } from './context.ts'
import { languageName } from '../domain/language.ts'
import { sectionPath, staticPagePath } from '../domain/paths.ts'
import { FEED_FORMATS, feedPath, type FeedFormat } from '../domain/feeds.ts'

export interface PageMeta {
  readonly title: string
  readonly description: string
  /** Path of the canonical URL; omitted on pages that must not be indexed. */
  readonly path: string
  readonly type?: 'website' | 'article'
  readonly image?: string | null
  readonly noindex?: boolean
  readonly language?: string
  readonly alternates?: readonly { readonly language: string; readonly path: string }[]
  readonly prev?: string | null
  readonly next?: string | null
  readonly jsonLd?: readonly unknown[]
  /** Section slug to mark as current in the navigation. */
  readonly currentSection?: string
  readonly extraHead?: SafeHtml
  /** Feeds of this page's scope (section, tag, author), advertised beside the site's own feeds. */
  readonly feeds?: readonly { readonly title: string; readonly pagePath: string }[]
}

/** Autodiscovery links: the site's feeds on every page, then the page's own. */
const feedLinks = (ctx: RenderContext, meta: PageMeta): SafeHtml[] =>
  [{ title: ctx.settings.name, pagePath: '/' }, ...(meta.feeds ?? [])].flatMap((f) => (Object.keys(FEED_FORMATS) as FeedFormat[]).map((format) =>
    html`<link rel="alternate" type="${FEED_FORMATS[format].type}" title="${f.title} (${FEED_FORMATS[format].label})" href="${absoluteUrl(ctx, feedPath(f.pagePath, format))}">`))

const fullTitle = (ctx: RenderContext, title: string): string =>
  title === ctx.settings.name ? title : `${title} · ${ctx.settings.name}`

function head(ctx: RenderContext, meta: PageMeta): SafeHtml {
  const canonical = absoluteUrl(ctx, meta.path)
  const image = meta.image ? absoluteUrl(ctx, meta.image) : null
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle(ctx, meta.title)}</title>
<meta name="description" content="${meta.description}">
${meta.noindex ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${canonical}">`}
${meta.prev ? html`<link rel="prev" href="${meta.prev}">` : EMPTY}
${meta.next ? html`<link rel="next" href="${meta.next}">` : EMPTY}
${(meta.alternates ?? []).map((a) => html`<link rel="alternate" hreflang="${a.language}" href="${absoluteUrl(ctx, a.path)}">`)}
${feedLinks(ctx, meta)}
<meta name="color-scheme" content="light dark">
<meta property="og:site_name" content="${ctx.settings.name}">
<meta property="og:type" content="${meta.type ?? 'website'}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${canonical}">
${image ? html`<meta property="og:image" content="${image}">` : EMPTY}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
<link rel="stylesheet" href="${ctx.assets.css}">
<link rel="stylesheet" href="${ctx.assets.printCss}" media="print">
${(meta.jsonLd ?? []).map((d) => html`<script type="application/ld+json">${jsonScript(d)}</script>`)}
${meta.extraHead ?? EMPTY}
</head>`
}

function masthead(ctx: RenderContext, current: string | undefined): SafeHtml {
  const { settings, sections } = ctx
  const menu = settings.menu.length
    ? settings.menu
    : [...sections.map((s) => ({ label: s.name, href: sectionPath(s.slug) })), { label: 'Archive', href: '/archive' }]
  return html`<header class="masthead">
<div class="masthead-inner">
<a class="brand" href="/">${settings.logo ? html`<img src="${safeUrl(`/media/${settings.logo}`)}" alt="${settings.name}" height="40">` : settings.name}</a>
<p class="tagline">${settings.description}</p>
<form class="search-form" role="search" action="/search" method="get"><label class="visually-hidden" for="site-search">Search articles</label><input id="site-search" type="search" name="q" placeholder="Search" maxlength="200"><button type="submit">Search</button></form>
</div>
<nav class="primary-nav" aria-label="Sections"><ul>
${menu.map((m) => {
    const isCurrent = current !== undefined && m.href === sectionPath(current)
    return html`<li><a href="${safeUrl(m.href)}"${isCurrent ? html` aria-current="page"` : EMPTY}>${m.label}</a></li>`
  })}
</ul></nav>
</header>`
}

function footer(ctx: RenderContext): SafeHtml {
  const social = Object.entries(ctx.settings.social)
  return html`<footer class="site-footer">
<div class="footer-inner">
<p class="footer-brand">${ctx.settings.name}</p>
<nav aria-label="About the site"><ul>
${['about', 'contact', 'privacy'].map((slug) => html`<li><a href="${staticPagePath(slug)}">${slug[0]!.toUpperCase() + slug.slice(1)}</a></li>`)}
<li><a href="/archive">Archive</a></li><li><a href="/popular">Most read</a></li>
</ul></nav>
${social.length ? html`<nav aria-label="Follow us"><ul>${social.map(([name, url]) => html`<li><a href="${safeUrl(url)}" rel="me noopener">${name === 'x' ? 'X' : name[0]!.toUpperCase() + name.slice(1)}</a></li>`)}</ul></nav>` : EMPTY}
<p class="copyright">© ${ctx.year} ${ctx.settings.name}</p>
</div>
</footer>`
}

/** A whole document: `body` goes inside <main id="main">. */
export function layout(ctx: RenderContext, meta: PageMeta, body: SafeHtml): SafeHtml {
  const lang = meta.language ?? ctx.settings.language
  return html`<!doctype html>
<html lang="${lang}">
${head(ctx, meta)}
<body>
<a class="skip-link" href="#main">Skip to content</a>
${masthead(ctx, meta.currentSection)}
<main id="main" tabindex="-1">
${body}
</main>
${footer(ctx)}
</body>
</html>`
}

/** Links to the same page in other languages, for article pages with translations. */
export const languageLinks = (alternates: readonly { language: string; path: string }[]): SafeHtml =>
  alternates.length
    ? html`<nav class="translations" aria-label="Other languages"><ul>${alternates.map((a) => html`<li><a href="${a.path}" hreflang="${a.language}" lang="${a.language}">${languageName(a.language)}</a></li>`)}</ul></nav>`
    : EMPTY
