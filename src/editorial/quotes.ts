// Quotes of an article: checked against its body and saved beside it as data, in the transaction of the save.

import type { Clock } from '../domain/clock.ts'
import { isLanguageTag } from '../domain/language.ts'
import {
  dayToEpoch, epochToDay, isQuoteAnchor, isWebUrl, markedAnchors, MAX_QUOTE_LENGTH, MAX_QUOTES_PER_ARTICLE, STATEMENT_ANCHOR, type Quote,
} from '../domain/quotes.ts'
import { AppError } from '../errors.ts'
import type { Article } from '../store/articles.ts'
import type { NewQuote } from '../store/quotes.ts'
import type { Repositories, Store } from '../store/store.ts'
import { changeableBy, openFor, type Actor } from './article-access.ts'

/** One quote as the editor (or the Admin API) sends it; every field is checked. */
export interface QuoteInput {
  readonly anchor?: unknown; readonly speaker?: unknown; readonly text?: unknown; readonly role?: unknown; readonly organisation?: unknown
  /** The day said, "YYYY-MM-DD"; empty: the article's date. */
  readonly said?: unknown
  /** A place tag's slug; empty for none. */
  readonly place?: unknown
  readonly event?: unknown; readonly source?: unknown; readonly language?: unknown
}

const text = (value: unknown, field: string, label: string, max: number): string => {
  if (value !== undefined && value !== null && typeof value !== 'string') throw new AppError('Invalid', `${label} is text`, field)
  const t = (value ?? '').trim()
  if (t.length > max) throw new AppError('Invalid', `${label} is longer than ${max} characters`, field)
  if (t.includes('\u0000')) throw new AppError('Invalid', `${label} holds a NUL character`, field)
  return t
}

/**
 * Checks quotes for `article` and returns them ready to store, in the order given. Each names a speaker that exists (by
 * id), a mark in the body (its anchor) or, for a statement article, the statement anchor; the field of the first
 * problem is `quotes[i].field`.
 */
export async function checkQuotes(tx: Repositories, article: Pick<Article, 'bodyHtml' | 'genre'>, raw: unknown): Promise<NewQuote[]> {
  if (!Array.isArray(raw)) throw new AppError('Invalid', 'quotes are a list', 'quotes')
  if (raw.length > MAX_QUOTES_PER_ARTICLE) throw new AppError('Invalid', `an article carries at most ${MAX_QUOTES_PER_ARTICLE} quotes`, 'quotes')
  const marked = new Set(markedAnchors(article.bodyHtml))
  const seen = new Set<string>()
  const speakerIds = raw.map((q: QuoteInput | null) => (q && typeof q === 'object' ? q.speaker : undefined))
  const speakers = await tx.speakers.speakersByIds(speakerIds.filter((s): s is number => Number.isSafeInteger(s)))
  const out: NewQuote[] = []
  for (const [i, q] of (raw as unknown[]).entries()) {
    const at = (f: string) => `quotes[${i}].${f}`
    if (!q || typeof q !== 'object') throw new AppError('Invalid', `quote ${i + 1} is not a quote`, `quotes[${i}]`)
    const input = q as QuoteInput
    const anchor = text(input.anchor, at('anchor'), 'The anchor', 40)
    if (!isQuoteAnchor(anchor)) throw new AppError('Invalid', `quote ${i + 1} has no valid anchor`, at('anchor'))
    if (seen.has(anchor)) throw new AppError('Invalid', `two quotes share the anchor "${anchor}"`, at('anchor'))
    seen.add(anchor)
    if (anchor === STATEMENT_ANCHOR ? article.genre !== 'statement' : !marked.has(anchor)) {
      throw new AppError('Invalid', anchor === STATEMENT_ANCHOR ? 'only a statement article names an issuer' : `quote ${i + 1} is not marked in the body`, at('anchor'))
    }
    const speaker = typeof input.speaker === 'number' ? speakers.get(input.speaker) : undefined
    if (!speaker) throw new AppError('Invalid', `quote ${i + 1} needs a speaker`, at('speaker'))
    const quoted = text(input.text, at('text'), 'The quote', MAX_QUOTE_LENGTH)
    if (!quoted) throw new AppError('Invalid', `quote ${i + 1} has no text`, at('text'))
    const said = text(input.said, at('said'), 'The date', 10)
    const saidAt = said ? dayToEpoch(said) : null
    if (said && saidAt === null) throw new AppError('Invalid', `"${said}" is not a date (YYYY-MM-DD)`, at('said'))
    const placeSlug = text(input.place, at('place'), 'The place', 120)
    let placeTagId: number | null = null
    if (placeSlug) {
      const tag = await tx.taxonomy.tagBySlug(placeSlug)
      if (!tag || tag.kind !== 'place') throw new AppError('Invalid', `there is no place tag "${placeSlug}"`, at('place'))
      placeTagId = tag.id
    }
    const sourceUrl = text(input.source, at('source'), 'The source', 1000)
    if (sourceUrl && !isWebUrl(sourceUrl)) throw new AppError('Invalid', 'the source is an http(s) address', at('source'))
    const language = text(input.language, at('language'), 'The language', 35)
    if (language && !isLanguageTag(language)) throw new AppError('Invalid', `"${language}" is not a language tag (en, ru, kk…)`, at('language'))
    out.push({
      anchor, speakerId: speaker.id, text: quoted, role: text(input.role, at('role'), 'The role', 200),
      organisation: text(input.organisation, at('organisation'), 'The organisation', 200), saidAt, placeTagId,
      event: text(input.event, at('event'), 'The event', 200), sourceUrl, language,
    })
  }
  return out
}

/** A quote of a working copy as the editor holds it: the fields QuoteInput takes, with the speaker's name to show. */
export interface DeskQuote {
  readonly anchor: string; readonly speaker: number; readonly speakerName: string; readonly text: string; readonly role: string
  readonly organisation: string; readonly said: string; readonly place: string; readonly event: string; readonly source: string; readonly language: string
}

const deskQuote = (q: Quote, speakerName: string, place: string): DeskQuote => ({
  anchor: q.anchor, speaker: q.speakerId, speakerName, text: q.text, role: q.role, organisation: q.organisation,
  said: q.saidAt === null ? '' : epochToDay(q.saidAt), place, event: q.event, source: q.sourceUrl, language: q.language,
})

export function createQuoteDesk({ store, clock }: { readonly store: Store; readonly clock: Clock }) {
  return {
    /** The quotes of an article's working copy, in body order, for whoever may open it. */
    async articleQuotes(actor: Actor, articleId: number): Promise<DeskQuote[]> {
      return store.transaction(async (tx) => {
        await openFor(tx, articleId, actor)
        const quotes = await tx.quotes.forArticle(articleId)
        const speakers = await tx.speakers.speakersByIds(quotes.map((q) => q.speakerId))
        const places = new Map<number, string>()
        for (const q of quotes) if (q.placeTagId !== null && !places.has(q.placeTagId)) places.set(q.placeTagId, (await tx.taxonomy.tag(q.placeTagId))?.slug ?? '')
        return quotes.map((q) => deskQuote(q, speakers.get(q.speakerId)?.name ?? '', q.placeTagId === null ? '' : places.get(q.placeTagId) ?? ''))
      })
    },

    /**
     * Replaces the quotes of an article's working copy (for whoever may change it); they reach readers with its next
     * publication. Audited with how many there are.
     */
    async saveQuotes(actor: Actor, articleId: number, raw: unknown): Promise<void> {
      await store.transaction(async (tx) => {
        const { article } = await changeableBy(tx, articleId, actor)
        await saveQuotesIn(tx, article, raw, actor, clock.now())
      })
    },
  }
}

/**
 * Checks and stores quotes for `article` inside a transaction the caller holds. `withSave`: they come with a save of the
 * article (its audit record covers them), and quotes whose mark the writer deleted with the text are dropped rather
 * than refused.
 */
export async function saveQuotesIn(tx: Repositories, article: Pick<Article, 'id' | 'bodyHtml' | 'genre'>, raw: unknown, actor: Actor, now: number, opts: { readonly withSave?: boolean } = {}): Promise<void> {
  const marked = new Set([...markedAnchors(article.bodyHtml), ...(article.genre === 'statement' ? [STATEMENT_ANCHOR] : [])])
  const kept = opts.withSave && Array.isArray(raw)
    ? raw.filter((q: unknown) => !(q && typeof q === 'object' && typeof (q as QuoteInput).anchor === 'string' && !marked.has((q as QuoteInput).anchor as string)))
    : raw
  const quotes = await checkQuotes(tx, article, kept)
  await tx.quotes.replaceForArticle(article.id, quotes)
  if (opts.withSave) return
  await tx.audit.record({ userId: actor.userId, action: 'quotes.save', subjectType: 'article', subjectId: String(article.id), details: { quotes: quotes.length, speakers: [...new Set(quotes.map((q) => q.speakerId))] }, at: now })
}

export type QuoteDesk = ReturnType<typeof createQuoteDesk>
