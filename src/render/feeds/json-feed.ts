// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written directly: the `feed` package writes only version 1.

import { feedPath, type FeedModel } from '../../domain/feeds.ts'
import { absoluteUrl, type RenderContext } from '../context.ts'
import { itemContent, itemUrls } from './feed-content.ts'

const iso = (ms: number): string => new Date(ms).toISOString()

/** The feed as a JSON Feed 1.1 document, with `authors` arrays and `language` on the feed and each item. */
export function jsonFeed(ctx: RenderContext, model: FeedModel): string {
  const doc = {
    version: 'https://jsonfeed.org/version/1.1',
    title: model.title,
    home_page_url: absoluteUrl(ctx, model.pagePath),
    feed_url: absoluteUrl(ctx, feedPath(model.pagePath, 'json')),
    description: model.description,
    language: model.language,
    authors: [{ name: ctx.settings.name, url: absoluteUrl(ctx, '/') }],
    items: model.items.map((item) => {
      const urls = itemUrls(ctx, item)
      return {
        id: urls.url,
        url: urls.url,
        title: item.title,
        content_html: itemContent(ctx, item),
        summary: item.summary,
        ...(urls.image && { image: urls.image }),
        date_published: iso(item.publishedAt),
        date_modified: iso(item.updatedAt),
        authors: urls.authors,
        tags: urls.tags.map((t) => t.name),
        language: item.language,
      }
    }),
  }
  return JSON.stringify(doc)
}
