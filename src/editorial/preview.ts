// Signed preview URLs of working copies (each tied to one version), the article page model a preview renders, and the secret's rotation.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { articlePath } from '../domain/paths.ts'
import type { ArticlePage } from '../domain/read-models.ts'
import { readingMinutes } from '../content/reading-time.ts'
import type { Repositories } from '../store/store.ts'

/** How long a preview link works unless the caller says otherwise: a week, long enough to pass a draft around. */
export const PREVIEW_TTL_MS = 7 * 86_400_000
/** The settings key of the HMAC secret, 32 random bytes in hex, made on first use. */
export const PREVIEW_SECRET_KEY = 'preview_secret'

const MAX_ID = 2 ** 52

const signature = (articleId: number, version: number, expiresAt: number, secret: string): string =>
  createHmac('sha256', Buffer.from(secret, 'hex')).update(`preview:${articleId}:${version}:${expiresAt}`).digest('hex')

/**
 * The signed preview URL of version `version` of article `articleId`, valid until `expiresAt` (epoch ms).
 *
 * @example previewToken(42, 7, secret, Date.now() + PREVIEW_TTL_MS) → '/preview/42?v=7&exp=1764234000000&sig=3f…'
 */
export function previewToken(articleId: number, version: number, secret: string, expiresAt: number): string {
  return `/preview/${articleId}?v=${version}&exp=${expiresAt}&sig=${signature(articleId, version, expiresAt, secret)}`
}

const wholeNumber = (value: unknown): number | null => {
  if (typeof value !== 'string' || !/^[0-9]{1,16}$/.test(value)) return null
  const n = Number(value)
  return n >= 1 && n < MAX_ID ? n : null
}

/**
 * The article and version a preview request names when its signature is right and it has not expired; null for
 * anything else (missing, malformed, tampered or expired), which the route answers with 404. The comparison is
 * constant-time.
 */
export function verifyPreview(q: { id: unknown; v: unknown; exp: unknown; sig: unknown }, secret: string, now: number): { articleId: number; version: number } | null {
  const articleId = wholeNumber(q.id), version = wholeNumber(q.v), expiresAt = wholeNumber(q.exp)
  if (articleId === null || version === null || expiresAt === null) return null
  if (typeof q.sig !== 'string' || !/^[0-9a-f]{64}$/.test(q.sig)) return null
  if (expiresAt <= now) return null
  const expected = Buffer.from(signature(articleId, version, expiresAt, secret), 'hex')
  return timingSafeEqual(expected, Buffer.from(q.sig, 'hex')) ? { articleId, version } : null
}

/**
 * The preview secret, created (32 random bytes) and stored in the settings table on first use; every instance shares
 * it. Read on every use, not kept in memory, so a rotation ends old links at once on every instance.
 */
export async function previewSecret(tx: Pick<Repositories, 'site'>): Promise<string> {
  const stored = await tx.site.settingOrInsert(PREVIEW_SECRET_KEY, randomBytes(32).toString('hex'))
  if (typeof stored === 'string' && /^[0-9a-f]{64}$/.test(stored)) return stored
  // A damaged value is replaced: links signed with it stop working, which is the safe way to fail.
  const fresh = randomBytes(32).toString('hex')
  await tx.site.setSetting(PREVIEW_SECRET_KEY, fresh)
  return fresh
}

/**
 * Replaces the preview secret with a new random one: every preview link made so far stops working. `actorId` is the
 * desk user doing it, null from the command line (the operator is trusted).
 */
export async function rotatePreviewSecret(tx: Pick<Repositories, 'site' | 'audit'>, actorId: number | null, now: number): Promise<void> {
  await tx.site.setSetting(PREVIEW_SECRET_KEY, randomBytes(32).toString('hex'))
  await tx.audit.record({ userId: actorId, action: 'preview.rotate-secret', subjectType: 'site', subjectId: PREVIEW_SECRET_KEY, details: {}, at: now })
}

/** What a preview link opens: the page of the version it was signed for, or a notice that the working copy has moved on. */
export type PreviewResult = { readonly kind: 'page'; readonly page: ArticlePage } | { readonly kind: 'superseded' }

/**
 * Opens a preview request: null when the link is bad, tampered, expired, signed with a secret since rotated, or names
 * an article that no longer exists; `superseded` when the working copy is no longer the version the link was made for
 * (the link must not show text its sender never saw); else the page.
 */
export async function openPreview(tx: Repositories, q: { id: unknown; v: unknown; exp: unknown; sig: unknown }, ctx: { siteLanguage: string; now: number }): Promise<PreviewResult | null> {
  const ok = verifyPreview(q, await previewSecret(tx), ctx.now)
  if (!ok) return null
  const article = await tx.articles.get(ok.articleId)
  // An article in the trash is shown to no one outside the desk, not even through a link made before.
  if (!article || article.deletedAt !== null) return null
  if (article.version !== ok.version) return { kind: 'superseded' }
  const page = await previewModel(tx, ok.articleId, ctx)
  return page ? { kind: 'page', page } : null
}

/**
 * The article page of the working copy of `articleId` (whatever its status), as the reader page would show it once
 * published; undefined when there is no such article. The reading blocks stay empty: a preview is about the article.
 */
export async function previewModel(tx: Repositories, articleId: number, ctx: { siteLanguage: string; now: number }): Promise<ArticlePage | undefined> {
  const a = await tx.articles.get(articleId)
  if (!a) return undefined
  const sections = await tx.taxonomy.sections()
  const section = sections.find((s) => s.id === a.sectionId)
  if (!section) return undefined
  const allAuthors = a.authorIds.length ? await tx.people.authors() : []
  const authors = a.authorIds.flatMap((id) => allAuthors.filter((p) => p.id === id).map((p) => ({ name: p.name, slug: p.slug })))
  const tags = []
  for (const id of a.tagIds) {
    const tag = await tx.taxonomy.tag(id)
    if (tag) tags.push({ slug: tag.slug, name: tag.name, kind: tag.kind })
  }
  const image = a.heroMediaId === null ? undefined : await tx.media.get(a.heroMediaId)
  // As readers will see it: the article's own caption and credit over the library's (store/live.ts).
  const hero = image ? { ...image, caption: a.heroCaption ?? image.caption, credit: a.heroCredit ?? image.credit } : null
  const publishedAt = a.publishedAt ?? ctx.now
  return {
    article: {
      id: a.id, path: articlePath({ language: a.language, sectionSlug: section.slug, slug: a.slug }, ctx.siteLanguage),
      title: a.title, standfirst: a.standfirst, genre: a.genre, language: a.language,
      section: { slug: section.slug, name: section.name }, authors, publishedAt,
      updatedAt: a.publishedAt === null ? publishedAt : Math.max(a.updatedAt ?? publishedAt, a.modifiedAt),
      hero, slug: a.slug, bodyHtml: a.bodyHtml, seoTitle: a.seoTitle, seoDescription: a.seoDescription, tags,
      translations: [], readingMinutes: readingMinutes(a.bodyHtml),
    },
    related: [], picks: [], popular: [],
  }
}
