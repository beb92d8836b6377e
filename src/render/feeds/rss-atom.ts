// RSS 2.0 and Atom 1.0 (RFC 4287) documents of a feed, written with the `feed` package.

import { Feed, type Item } from 'feed'
import { feedPath, type FeedModel } from '../../domain/feeds.ts'
import { absoluteUrl, type RenderContext } from '../context.ts'
import { escapeHtml } from '../html.ts'
import { itemContent, itemUrls, xmlChars } from './feed-content.ts'

// `feed` hands text to xml-js, which first turns every `&amp;` back into `&` and then escapes `&`, `<` and `>`.
// Writing each `&` as `&amp;` first makes that round trip exact, so a title that contains "&amp;" keeps it.
const text = (s: string): string => xmlChars(s).replace(/&/g, '&amp;')

// RSS readers treat every text element (title, description, category, dc:creator) as HTML, as common practice has it:
// a name is entity-encoded first, so "A <b> tag" shows as those characters rather than as bold text.
const rssText = (s: string): string => text(escapeHtml(s))

// xml-js splits only the first `]]>` of a CDATA section. HTML fields lose every `]]>` here without changing meaning
// (`&gt;` is `>` in HTML).
const htmlCdata = (s: string): string => xmlChars(s).replaceAll(']]>', ']]&gt;')

// `feed` writes every Atom entry title as type="html" CDATA; RFC 4287 titles are text constructs, so each (an escaped,
// CDATA-safe title, see atomFeed) is rewritten as type="text", whose XML-escaped text is exactly the title.
const ATOM_HTML_TITLE = /<title type="html"><!\[CDATA\[([^]*?)\]\]><\/title>/g
const atomTextTitles = (xml: string): string => xml.replace(ATOM_HTML_TITLE, (_m, escaped: string) => `<title type="text">${escaped}</title>`)

function baseFeed(ctx: RenderContext, model: FeedModel, plain: (s: string) => string): Feed {
  const home = absoluteUrl(ctx, model.pagePath)
  return new Feed({
    title: plain(model.title),
    description: plain(model.description),
    id: home,
    link: home,
    language: model.language,
    updated: new Date(model.updatedAt),
    generator: 'Broadsheet',
    feedLinks: { rss: absoluteUrl(ctx, feedPath(model.pagePath, 'rss')), atom: absoluteUrl(ctx, feedPath(model.pagePath, 'atom')) },
    // The publisher is the feed's author, so an entry without a byline still satisfies RFC 4287 (4.1.1).
    author: { name: plain(ctx.settings.name), link: absoluteUrl(ctx, '/') },
    ...(ctx.settings.logo && { image: absoluteUrl(ctx, `/media/${ctx.settings.logo}`) }),
  })
}

/** The feed as RSS 2.0: items with guid (the permalink), RFC 822 pubDate, description, content:encoded and dc:creator. */
export function rssFeed(ctx: RenderContext, model: FeedModel): string {
  const feed = baseFeed(ctx, model, rssText)
  for (const item of model.items) {
    const urls = itemUrls(ctx, item)
    const entry: Item = {
      title: htmlCdata(escapeHtml(item.title)),
      link: urls.url,
      date: new Date(item.updatedAt),
      published: new Date(item.publishedAt),
      description: htmlCdata(escapeHtml(item.summary)),
      content: htmlCdata(itemContent(ctx, item)),
      category: urls.tags.map((t) => ({ name: rssText(t.name), domain: t.url })),
      // RSS's own <author> must be an e-mail address; bylines are names, so they go in Dublin Core's creator.
      ...(urls.authors.length && { extensions: [{ name: 'dc:creator', objects: urls.authors.map((a) => ({ _text: rssText(a.name) })) as unknown as Record<string, unknown> }] }),
      ...(item.hero && urls.image && { enclosure: { url: urls.image, type: item.hero.mime, length: item.hero.bytes } }),
    }
    feed.addItem(entry)
  }
  return feed.rss2()
}

/** The feed as Atom 1.0: entries with id, title, updated, published, link, author, summary, content and categories. */
export function atomFeed(ctx: RenderContext, model: FeedModel): string {
  const feed = baseFeed(ctx, model, text)
  for (const item of model.items) {
    const urls = itemUrls(ctx, item)
    feed.addItem({
      // Escaped, so it holds no `]]>`, and its escapes are XML's as well: atomTextTitles makes it a type="text" title.
      title: escapeHtml(xmlChars(item.title)),
      id: urls.url,
      link: urls.url,
      date: new Date(item.updatedAt),
      published: new Date(item.publishedAt),
      description: htmlCdata(escapeHtml(item.summary)),
      content: htmlCdata(itemContent(ctx, item)),
      author: urls.authors.map((a) => ({ name: text(a.name), link: a.url })),
      // `feed` escapes only `&` in attributes, so a label with `<` would be ill-formed: such a tag keeps its term alone.
      category: urls.tags.map((t) => ({ term: t.slug, scheme: absoluteUrl(ctx, '/tag/'), ...(!t.name.includes('<') && { name: t.name }) })),
    })
  }
  // `feed` writes no xml:lang; RFC 4287 (2) gives the feed's language with it on the root element.
  return atomTextTitles(feed.atom1()).replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeHtml(model.language)}">`)
}
