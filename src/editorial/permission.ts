// The permission check every use-case makes first: the acting user's role read against the matrix of domain/roles.ts.
// Routes only require a login; whether the user may do the thing is answered here, the same for every door.

import { can, type Action } from '../domain/roles.ts'
import { AppError } from '../errors.ts'
import type { Actor } from './article-access.ts'

/** What each action is, for the refusal's message ("the author role may not manage users"). */
const WHAT: Readonly<Record<Action, string>> = {
  'article.create': 'create articles', 'article.edit': 'edit this article', 'article.submit': 'submit this article for review',
  'article.schedule': 'schedule articles', 'article.publish': 'publish articles', 'article.unpublish': 'unpublish articles',
  'article.delete': 'delete this article', 'front.curate': 'curate the front page', 'taxonomy.manage': 'manage sections and tags',
  'authors.manage': 'manage bylines', 'redirects.manage': 'manage redirects', 'media.upload': 'upload media',
  'media.delete': 'delete media', 'users.manage': 'manage users', 'settings.manage': 'change the site settings',
  'webhooks.manage': 'manage webhooks', 'audit.read': 'read the audit log', 'site.import': 'import content into the site',
  'pages.manage': 'change static pages', 'menu.manage': 'change the menu', 'speakers.manage': 'manage speakers',
  'newsletters.manage': 'manage newsletters',
}

/** The command line acts as the operator at the shell: no desk user, with every permission (audited with no user). */
export const OPERATOR: Actor = { userId: null, role: 'admin' }

/** Throws AppError('Forbidden') unless `actor`'s role may do `action` (for article actions: on articles of their own). */
export function requirePermission(actor: Actor, action: Action): void {
  if (!can(actor.role, action, { own: true })) throw new AppError('Forbidden', `the ${actor.role} role may not ${WHAT[action]}`)
}
