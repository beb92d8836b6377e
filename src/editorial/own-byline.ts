// A desk account's own byline: made with the account (named after it), edited by its owner, offered on new articles.

import { authorPath } from '../domain/paths.ts'
import type { Author } from '../domain/people.ts'
import { slugify } from '../domain/slug.ts'
import { AppError } from '../errors.ts'
import type { Repositories } from '../store/store.ts'

/** A slug for `name` that no byline has yet: the name's slug, then -2, -3… */
async function freeSlug(tx: Repositories, name: string): Promise<string> {
  const base = slugify(name).slice(0, 100).replace(/-+$/, '') || 'author'
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    if (!(await tx.people.authorBySlug(slug))) return slug
  }
  throw new AppError('Conflict', `too many bylines are called “${name}”: choose the slug on the Authors page`, 'slug')
}

/**
 * Gives account `userId` its own staff byline named `name`, inside the caller's transaction (the one creating the
 * account, or the owner's own request). Returns the existing one when the account has it already.
 */
export async function createOwnByline(tx: Repositories, userId: number, name: string, now: number): Promise<Author> {
  const existing = await tx.people.authorOfAccount(userId)
  if (existing) return existing
  const slug = await freeSlug(tx, name)
  const id = await tx.people.insertAuthor({ name, slug, bio: '', kind: 'staff', photoMediaId: null })
  await tx.people.linkAccount(id, userId)
  // A byline deleted earlier may have left its author page answering 410: the new one takes the address.
  await tx.redirects.remove(authorPath(slug))
  await tx.audit.record({ userId, action: 'author.create', subjectType: 'author', subjectId: String(id), details: { slug, account: userId }, at: now })
  return (await tx.people.author(id))!
}
