// Roles of desk accounts and what each may do: the one permission matrix that the desk and the Admin API enforce.

export const ROLES = ['contributor', 'author', 'editor', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value)

/** Things a user may try; article actions also depend on who created the article. */
export type Action =
  | 'article.create' | 'article.edit' | 'article.submit' | 'article.schedule' | 'article.publish' | 'article.unpublish'
  | 'article.delete' | 'front.curate' | 'taxonomy.manage' | 'authors.manage' | 'redirects.manage' | 'media.upload'
  | 'media.delete' | 'users.manage' | 'settings.manage' | 'webhooks.manage' | 'audit.read' | 'site.import' | 'pages.manage' | 'menu.manage'
  | 'speakers.manage'
  | 'newsletters.manage'

type Grant = 'all' | 'own' | 'none'

// Each role's grants; `own` means articles the user created. Higher roles include everything below them.
const MATRIX: Readonly<Record<Action, Readonly<Record<Role, Grant>>>> = {
  'article.create': { contributor: 'all', author: 'all', editor: 'all', admin: 'all' },
  'article.edit': { contributor: 'own', author: 'own', editor: 'all', admin: 'all' },
  'article.submit': { contributor: 'own', author: 'own', editor: 'all', admin: 'all' },
  'article.schedule': { contributor: 'none', author: 'own', editor: 'all', admin: 'all' },
  'article.publish': { contributor: 'none', author: 'own', editor: 'all', admin: 'all' },
  'article.unpublish': { contributor: 'none', author: 'own', editor: 'all', admin: 'all' },
  'article.delete': { contributor: 'own', author: 'own', editor: 'all', admin: 'all' },
  'front.curate': { contributor: 'none', author: 'none', editor: 'all', admin: 'all' },
  'taxonomy.manage': { contributor: 'none', author: 'none', editor: 'all', admin: 'all' },
  'authors.manage': { contributor: 'none', author: 'none', editor: 'all', admin: 'all' },
  'redirects.manage': { contributor: 'none', author: 'none', editor: 'all', admin: 'all' },
  'media.upload': { contributor: 'all', author: 'all', editor: 'all', admin: 'all' },
  'media.delete': { contributor: 'none', author: 'none', editor: 'all', admin: 'all' },
  'users.manage': { contributor: 'none', author: 'none', editor: 'none', admin: 'all' },
  'settings.manage': { contributor: 'none', author: 'none', editor: 'none', admin: 'all' },
  'webhooks.manage': { contributor: 'none', author: 'none', editor: 'none', admin: 'all' },
  'audit.read': { contributor: 'none', author: 'none', editor: 'all', admin: 'all' },
  // Uploading a whole other site's export rewrites much of this one: admins only.
  'site.import': { contributor: 'none', author: 'none', editor: 'none', admin: 'all' },
  // Static pages and the main menu are the site's standing furniture: the desk's editors keep them, as they keep sections.
  'pages.manage': { contributor: 'none', author: 'none', editor: 'all', admin: 'all' },
  'menu.manage': { contributor: 'none', author: 'none', editor: 'all', admin: 'all' },
  // Anyone who writes may add a speaker while marking a quote (article.create); editing, merging and deleting the
  // records every page of quotes shows is the editors' housekeeping, like tags.
  'speakers.manage': { contributor: 'none', author: 'none', editor: 'all', admin: 'all' },
  // Newsletters reach readers' inboxes and hold their addresses: the desk's editors define, compose and send them.
  'newsletters.manage': { contributor: 'none', author: 'none', editor: 'all', admin: 'all' },
}

/**
 * Whether a user with `role` may do `action`; for article actions pass whether they created the article.
 * A contributor may delete only their own drafts: the caller also checks the article's status.
 */
export function can(role: Role, action: Action, target: { readonly own: boolean } = { own: false }): boolean {
  const grant = MATRIX[action][role]
  return grant === 'all' || (grant === 'own' && target.own)
}
