// The JSON shapes of quotes and speakers in the Content API: snake_case, days as YYYY-MM-DD (a quote's as readers see it,
// in the site's time zone), absolute URLs from SITE_URL.

import { quotePath, speakerPath } from '../../domain/paths.ts'
import { quoteDay, type LiveQuote, type Speaker } from '../../domain/quotes.ts'

export function quoteJson(siteUrl: URL, timeZone: string) {
  const base = `${siteUrl.origin}${siteUrl.pathname}`.replace(/\/+$/, '')
  return {
    quote: (q: LiveQuote) => ({
      id: q.id, url: base + quotePath(q.id), text: q.text,
      speaker: { slug: q.speaker.slug, name: q.speaker.name, kind: q.speaker.kind, url: base + speakerPath(q.speaker.slug) },
      role: q.role, organisation: q.organisation, said_on: quoteDay(q, timeZone), place: q.place && { slug: q.place.slug, name: q.place.name },
      event: q.event, source_url: q.sourceUrl || null, language: q.language || null,
      article: { title: q.article.title, path: q.article.path, url: base + q.article.path },
    }),
    speaker: (s: Speaker) => ({
      slug: s.slug, name: s.name, kind: s.kind, description: s.description, links: [...s.links], path: speakerPath(s.slug), url: base + speakerPath(s.slug),
    }),
  }
}
