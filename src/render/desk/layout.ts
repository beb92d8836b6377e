// The desk's page shell: its own stylesheet, a bar with the sections of the desk and the logout form, and error pages.

import { html, EMPTY, type SafeHtml } from '../html.ts'
import { can, isRole, type Action } from '../../domain/roles.ts'

/** What every desk template needs. */
export interface DeskContext {
  readonly siteName: string
  /** URL of desk.css. */
  readonly css: string
  /** The logged-in user, or null on the login and setup pages. */
  readonly viewer: { readonly name: string; readonly role: string } | null
  /** The CSRF token for forms of this page. */
  readonly csrf: string | null
}

/** The hidden CSRF field every state-changing form carries. */
export const csrfField = (ctx: DeskContext): SafeHtml => (ctx.csrf ? html`<input type="hidden" name="_csrf" value="${ctx.csrf}">` : EMPTY)

/** The desk's sections, each shown to the roles that may use it (the routes check again). */
const NAV: readonly { readonly href: string; readonly label: string; readonly needs: Action | null }[] = [
  { href: '/desk', label: 'Articles', needs: null },
  { href: '/desk/articles/new', label: 'New article', needs: 'article.create' },
  { href: '/desk/media', label: 'Media', needs: 'media.upload' },
  { href: '/desk/trash', label: 'Trash', needs: 'article.delete' },
  { href: '/desk/front', label: 'Front page', needs: 'front.curate' },
  { href: '/desk/sections', label: 'Sections', needs: 'taxonomy.manage' },
  { href: '/desk/tags', label: 'Tags', needs: 'taxonomy.manage' },
  { href: '/desk/pages', label: 'Pages', needs: 'pages.manage' },
  { href: '/desk/menu', label: 'Menu', needs: 'menu.manage' },
  { href: '/desk/newsletters', label: 'Newsletters', needs: 'newsletters.manage' },
  { href: '/desk/authors', label: 'Authors', needs: 'authors.manage' },
  { href: '/desk/speakers', label: 'Speakers', needs: 'speakers.manage' },
  { href: '/desk/redirects', label: 'Redirects', needs: 'redirects.manage' },
  { href: '/desk/users', label: 'Users', needs: 'users.manage' },
  { href: '/desk/webhooks', label: 'Webhooks', needs: 'webhooks.manage' },
  { href: '/desk/settings', label: 'Settings', needs: 'settings.manage' },
  { href: '/desk/import', label: 'Import', needs: 'site.import' },
  { href: '/desk/audit', label: 'Audit log', needs: 'audit.read' },
  { href: '/desk/account', label: 'My account', needs: null },
]

function nav(role: string): SafeHtml {
  const items = NAV.filter((item) => item.needs === null || (isRole(role) && can(role, item.needs, { own: true })))
  return html`<nav aria-label="Desk"><ul>${items.map((item) => html`<li><a href="${item.href}">${item.label}</a></li>`)}<li><a href="/">View site</a></li></ul></nav>`
}

function bar(ctx: DeskContext): SafeHtml {
  return html`<header class="desk-bar">
<a class="desk-brand" href="/desk">${ctx.siteName} · Desk</a>
${ctx.viewer ? html`${nav(ctx.viewer.role)}
<div class="desk-user"><span>${ctx.viewer.name} (${ctx.viewer.role})</span>
<form method="post" action="/desk/logout">${csrfField(ctx)}<button type="submit" class="link">Log out</button></form>
<form method="post" action="/desk/logout">${csrfField(ctx)}<input type="hidden" name="everywhere" value="1"><button type="submit" class="link">Log out everywhere</button></form></div>` : EMPTY}
</header>`
}

/** A whole desk document; never indexed. `head` adds to its head (a page that refreshes itself). */
export function deskLayout(ctx: DeskContext, title: string, body: SafeHtml, head: SafeHtml = EMPTY): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · ${ctx.siteName} desk</title>
<link rel="stylesheet" href="${ctx.css}">
${head}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
${bar(ctx)}
<main id="main" class="desk-main" tabindex="-1">
${body}
</main>
</body>
</html>`
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'That request could not be understood', 403: 'Not allowed', 404: 'Not found', 429: 'Too many attempts', 500: 'Something went wrong',
}

/** A desk error page; `detail` is safe to show (never internals). */
export function deskErrorPage(ctx: DeskContext, status: number, detail: string | null): SafeHtml {
  const title = TITLES[status] ?? (status >= 500 ? TITLES[500]! : TITLES[400]!)
  return deskLayout(ctx, title, html`<section class="card" aria-labelledby="error-title">
<h1 id="error-title">${title}</h1>
${detail ? html`<p>${detail}</p>` : EMPTY}
<p><a href="/desk">Back to the desk</a></p>
</section>`)
}
