// A WXR stream as mapped items in file order: parsing, the channel's context and the mapping, with nothing written.

import { plainText } from '../../content/excerpt.ts'
import { mapItem, newContext, type MappedItem, type WxrContext } from './mapping.ts'
import { parseWxr } from './wxr-parser.ts'
import { WxrError } from './wxr-records.ts'

/** What the import needs of an item besides its mapping: the counts it reports and, for an attachment, its image. */
export interface ReadItem {
  readonly postId: string
  readonly postType: string
  readonly comments: number
  readonly attachmentUrl: string
  /** The attachment's alt text (`_wp_attachment_image_alt`), as plain text. */
  readonly alt: string
  /** The attachment's caption (its excerpt). */
  readonly caption: string
  /** The item as the report names it: its title as plain text, or empty. */
  readonly title: string
}

/** One step of a WXR file, in file order: the site it came from (before any item), then its items. */
export type WxrEvent =
  | { readonly kind: 'site'; readonly site: string }
  | {
    readonly kind: 'item'
    readonly item: ReadItem
    readonly mapped: MappedItem
    /** For an attachment: the posts read before it that named it as their featured image. */
    readonly waiting?: readonly string[]
  }

/**
 * The site and the mapped items of a WXR stream. Plain data only, so it can be handed from one thread to another
 * (wxr-thread.ts). Throws WxrError, after yielding every item before the fault, as parseWxr does, and when the export
 * names no site address.
 */
export async function* wxrEvents(chunks: AsyncIterable<string>, timeZone: string): AsyncGenerator<WxrEvent> {
  let ctx: WxrContext | null = null
  for await (const r of parseWxr(chunks)) {
    if (r.kind === 'channel') {
      if (!/^https?:\/\//.test(r.channel.link)) throw new WxrError('the export has no site address in <channel><link>; it is needed to recognise the site on a second run')
      ctx = newContext(r.channel, timeZone)
      yield { kind: 'site', site: r.channel.link.replace(/\/+$/, '') }
      continue
    }
    if (!ctx) continue
    if (r.kind === 'author') ctx.authors.set(r.author.login, r.author)
    else if (r.kind === 'category') {
      ctx.categories.set(r.category.nicename, r.category)
      if (r.category.termId) ctx.categoryByTermId.set(r.category.termId, r.category.nicename)
    } else if (r.kind === 'item') {
      const { item } = r
      const mapped = mapItem(item, ctx)
      const waiting = item.postType === 'attachment' ? ctx.pendingHeroes.get(item.postId) : undefined
      if (waiting) ctx.pendingHeroes.delete(item.postId)
      yield {
        kind: 'item', mapped, ...(waiting && { waiting }),
        item: {
          postId: item.postId, postType: item.postType, comments: item.comments, attachmentUrl: item.attachmentUrl,
          alt: plainText(item.meta.get('_wp_attachment_image_alt') ?? ''), caption: item.excerpt, title: plainText(item.title),
        },
      }
    }
  }
}
