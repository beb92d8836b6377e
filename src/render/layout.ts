// The page shell: head and metadata, skip link, masthead and navigation, footer.

import { SHARE_IMAGE } from '../domain/media.ts'
import { html, safeUrl, type SafeHtml, EMPTY, jsonScript } from './html.ts'
import { absoluteUrl, localPath, mediaSrc, sectionName, siteDescription, type RenderContext } from './context.ts'
import { languageName, localizedPath, sameLanguage } from '../domain/language.ts'
import { sectionPath } from '../domain/paths.ts'
import { FEED_FORMATS, feedPath, type FeedFormat } from '../domain/feeds.ts'
import { ogLocaleOf } from '../i18n/catalogues.ts'
import { siteCardPath, siteIconUrl } from './publisher-logo.ts'
import { pageSignUp } from './site/components/newsletter-signup.ts'

export interface PageMeta {
  /** False on the newsletter pages themselves, which need no second sign-up form in the footer. */
  readonly newsletterSignUp?: false
  readonly title: string
  readonly description: string
  /** Path of the canonical URL; omitted on pages that must not be indexed. */
  readonly path: string
  readonly type?: 'website' | 'article'
  readonly image?: string | null
  /** `image` is a share image (SHARE_IMAGE's size), whose width and height the page can state; its alt text. */
  readonly imageShare?: { readonly alt: string }
  readonly noindex?: boolean
  /** The language of the page's content, when it is not the page's site language (an article in another language). */
  readonly language?: string
  /** The page in every language it exists in, itself included: hreflang links and the language switcher. */
  readonly alternates?: readonly Alternate[]
  readonly prev?: string | null
  readonly next?: string | null
  readonly jsonLd?: readonly unknown[]
  /** Section slug to mark as current in the navigation. */
  readonly currentSection?: string
  readonly extraHead?: SafeHtml
  /** Feeds of this page's scope (section, tag, author), advertised beside the site's own feeds. */
  readonly feeds?: readonly { readonly title: string; readonly pagePath: string }[]
}

export interface Alternate {
  readonly language: string
  readonly path: string
}

/** A listing that exists in every site language: `basePath` (`/news`) with each language's prefix. */
export const everyLanguage = (ctx: RenderContext, basePath: string): Alternate[] =>
  ctx.settings.languages.map((l) => ({ language: l.tag, path: localizedPath(l.prefix, basePath) }))

/** The site's feeds in the page's language, then the page's own (`pagePath` already in that language). */
const pageFeeds = (ctx: RenderContext, meta: PageMeta) => [{ title: ctx.settings.name, pagePath: localPath(ctx, '/') }, ...(meta.feeds ?? [])]

/** Autodiscovery links of the page's feeds. */
const feedLinks = (ctx: RenderContext, meta: PageMeta): SafeHtml[] =>
  pageFeeds(ctx, meta).flatMap((f) => (Object.keys(FEED_FORMATS) as FeedFormat[]).map((format) =>
    html`<link rel="alternate" type="${FEED_FORMATS[format].type}" title="${f.title} (${FEED_FORMATS[format].label})" href="${absoluteUrl(ctx, feedPath(f.pagePath, format))}">`))

/** hreflang links of a page with versions in other languages, and x-default: the version in the site's default language. */
function hreflangLinks(ctx: RenderContext, alternates: readonly Alternate[]): SafeHtml {
  if (alternates.length < 2) return EMPTY
  const fallback = alternates.find((a) => sameLanguage(a.language, ctx.settings.language))
  return html`${alternates.map((a) => html`<link rel="alternate" hreflang="${a.language}" href="${absoluteUrl(ctx, a.path)}">`)}
${fallback ? html`<link rel="alternate" hreflang="x-default" href="${absoluteUrl(ctx, fallback.path)}">` : EMPTY}`
}

const fullTitle = (ctx: RenderContext, title: string): string =>
  title === ctx.settings.name ? title : `${title} · ${ctx.settings.name}`

function head(ctx: RenderContext, meta: PageMeta): SafeHtml {
  const canonical = absoluteUrl(ctx, meta.path)
  // Without an image of its own a page shares the site's card: a link preview always has a picture.
  const image = absoluteUrl(ctx, meta.image ?? siteCardPath(ctx.settings.name))
  const share = meta.image ? meta.imageShare : { alt: ctx.settings.name }
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle(ctx, meta.title)}</title>
<meta name="description" content="${meta.description}">
${meta.noindex ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${canonical}">`}
${meta.prev ? html`<link rel="prev" href="${meta.prev}">` : EMPTY}
${meta.next ? html`<link rel="next" href="${meta.next}">` : EMPTY}
${hreflangLinks(ctx, meta.alternates ?? [])}
${feedLinks(ctx, meta)}
<meta name="color-scheme" content="light dark">
<meta property="og:site_name" content="${ctx.settings.name}">
<meta property="og:type" content="${meta.type ?? 'website'}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${canonical}">
<meta property="og:locale" content="${ogLocaleOf(meta.language ?? ctx.language.tag)}">
${(meta.alternates ?? []).filter((a) => !sameLanguage(a.language, meta.language ?? ctx.language.tag)).map((a) => html`<meta property="og:locale:alternate" content="${ogLocaleOf(a.language)}">`)}
<meta property="og:image" content="${image}">
${share ? html`<meta property="og:image:width" content="${SHARE_IMAGE.width}">
<meta property="og:image:height" content="${SHARE_IMAGE.height}">
<meta property="og:image:alt" content="${share.alt}">` : EMPTY}
<meta name="twitter:card" content="summary_large_image">
<link rel="icon" href="${mediaSrc(ctx, siteIconUrl(ctx.settings))}"${ctx.settings.favicon ? EMPTY : html` type="image/svg+xml"`}>
<link rel="stylesheet" href="${ctx.assets.css}">
<link rel="stylesheet" href="${ctx.assets.printCss}" media="print">
${(meta.jsonLd ?? []).map((d) => html`<script type="application/ld+json">${jsonScript(d)}</script>`)}
${meta.extraHead ?? EMPTY}
</head>`
}

/**
 * The language switcher: every site language, each linking to this page in it where the page has a version there,
 * else to that language's front page. Readers choose; nothing redirects by Accept-Language.
 */
function languageSwitcher(ctx: RenderContext, alternates: readonly Alternate[]): SafeHtml {
  const { languages } = ctx.settings
  if (languages.length < 2) return EMPTY
  return html`<nav class="language-switcher" aria-label="${ctx.t.languagesNav}"><ul>${languages.map((l) => {
    if (l.tag === ctx.language.tag) return html`<li><a href="${localizedPath(l.prefix, '/')}" lang="${l.tag}" aria-current="true">${l.name}</a></li>`
    const target = alternates.find((a) => sameLanguage(a.language, l.tag))?.path ?? localizedPath(l.prefix, '/')
    return html`<li><a href="${target}" hreflang="${l.tag}" lang="${l.tag}">${l.name}</a></li>`
  })}</ul></nav>`
}

/** The main menu: the desk's menu in the default language; elsewhere the sections and the archive in that language. */
const menuOf = (ctx: RenderContext) => (ctx.settings.menu.length && ctx.language.prefix === ''
  ? ctx.settings.menu
  : [...ctx.sections.map((s) => ({ label: sectionName(ctx, s), href: localPath(ctx, sectionPath(s.slug)) })), { label: ctx.t.archive, href: localPath(ctx, '/archive') }])

function masthead(ctx: RenderContext, meta: PageMeta): SafeHtml {
  const { settings, t } = ctx
  const current = meta.currentSection
  return html`<header class="masthead">
<div class="masthead-inner">
<a class="brand" href="${localPath(ctx, '/')}">${settings.logo ? html`<img src="${safeUrl(mediaSrc(ctx, `/media/${settings.logo}`))}" alt="${settings.name}" height="40">` : settings.name}</a>
<p class="tagline">${siteDescription(ctx)}</p>
<form class="search-form" role="search" action="${localPath(ctx, '/search')}" method="get"><label class="visually-hidden" for="site-search">${t.searchLabel}</label><input id="site-search" type="search" name="q" placeholder="${t.searchPlaceholder}" maxlength="200"><button type="submit">${t.searchButton}</button></form>
${languageSwitcher(ctx, meta.alternates ?? [])}
</div>
<nav class="primary-nav" aria-label="${t.sectionsNav}"><ul>
${menuOf(ctx).map((m) => {
    const isCurrent = current !== undefined && (m.href === sectionPath(current) || m.href === localPath(ctx, sectionPath(current)))
    return html`<li><a href="${safeUrl(m.href)}"${isCurrent ? html` aria-current="page"` : EMPTY}>${m.label}</a></li>`
  })}
</ul></nav>
</header>`
}

function footer(ctx: RenderContext, meta: PageMeta): SafeHtml {
  const { t } = ctx
  const social = Object.entries(ctx.settings.social)
  const feeds = pageFeeds(ctx, meta)
  return html`<footer class="site-footer">
<div class="footer-inner">
${meta.newsletterSignUp === false ? EMPTY : pageSignUp(ctx, 'footer-newsletter')}
<p class="footer-brand">${ctx.settings.name}</p>
<nav aria-label="${t.aboutSiteNav}"><ul>
${(ctx.footerPages ?? []).filter((p) => sameLanguage(p.language, ctx.language.tag)).map((p) => html`<li><a href="${p.path}">${p.title}</a></li>`)}
<li><a href="${localPath(ctx, '/archive')}">${t.archive}</a></li><li><a href="${localPath(ctx, '/popular')}">${t.mostRead}</a></li>
</ul></nav>
${social.length ? html`<nav aria-label="${t.followUs}"><ul>${social.map(([name, url]) => html`<li><a href="${safeUrl(url)}" rel="me noopener">${name === 'x' ? 'X' : name[0]!.toUpperCase() + name.slice(1)}</a></li>`)}</ul></nav>` : EMPTY}
<nav class="footer-feeds" aria-label="${t.feedsNav}"><ul>
${feeds.map((f) => html`<li><a href="${feedPath(f.pagePath, 'rss')}" type="${FEED_FORMATS.rss.type}">${FEED_FORMATS.rss.label}: ${f.title}</a></li>`)}
</ul></nav>
<p class="copyright">© ${ctx.year} ${ctx.settings.name}</p>
</div>
</footer>`
}

/** A whole document: `body` goes inside <main id="main">. */
export function layout(ctx: RenderContext, meta: PageMeta, body: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html lang="${ctx.language.tag}">
${head(ctx, meta)}
<body>
<a class="skip-link" href="#main">${ctx.t.skipToContent}</a>
${masthead(ctx, meta)}
<main id="main" tabindex="-1">
${body}
</main>
${footer(ctx, meta)}
</body>
</html>`
}

/** Links to the same page in other languages, for article pages with translations. */
export const languageLinks = (ctx: RenderContext, alternates: readonly Alternate[]): SafeHtml =>
  alternates.length
    ? html`<nav class="translations" aria-label="${ctx.t.otherLanguages}"><ul>${alternates.map((a) => html`<li><a href="${a.path}" hreflang="${a.language}" lang="${a.language}">${languageName(a.language)}</a></li>`)}</ul></nav>`
    : EMPTY
