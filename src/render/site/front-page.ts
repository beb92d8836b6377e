// The front page: lead story, editor's choice, the latest of each section, most read.

import type { FrontPage } from '../../domain/read-models.ts'
import { sectionPath } from '../../domain/paths.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { layout } from '../layout.ts'
import { absoluteUrl, type RenderContext } from '../context.ts'
import { articleCard, block, leadStory } from './components/article-card.ts'
import { publisherLogo } from '../publisher-logo.ts'

export function frontPage(ctx: RenderContext, page: FrontPage): SafeHtml {
  const { settings } = ctx
  const jsonLd = {
    '@context': 'https://schema.org', '@type': 'WebSite', name: settings.name, url: absoluteUrl(ctx, '/'),
    inLanguage: settings.language,
    publisher: { '@type': 'NewsMediaOrganization', name: settings.name, url: absoluteUrl(ctx, '/'), logo: publisherLogo(ctx) },
    potentialAction: { '@type': 'SearchAction', target: `${absoluteUrl(ctx, '/search')}?q={search_term_string}`, 'query-input': 'required name=search_term_string' },
  }
  const empty = !page.lead
  return layout(ctx, { title: settings.name, description: settings.description, path: '/', jsonLd: [jsonLd] }, html`
<h1 class="visually-hidden">${settings.name}</h1>
${empty ? html`<section class="empty-state"><h2>Nothing published yet</h2><p>Articles appear here as soon as the newsroom publishes them.</p></section>` : EMPTY}
<div class="front-top">
${page.lead ? leadStory(page.lead, ctx) : EMPTY}
<aside class="front-aside" aria-label="Highlights">
${page.picks.length ? html`<section class="block block-picks" aria-labelledby="front-picks"><h2 id="front-picks" class="block-title">Editor’s choice</h2>
<div class="pick-list">${page.picks.map((a) => articleCard(a, ctx, { image: false }))}</div></section>` : EMPTY}
${block('popular', 'Most read', page.popular, ctx, { numbered: true })}
</aside>
</div>
${page.sections.map(({ section, items }) => html`<section class="section-block" aria-labelledby="front-${section.slug}">
<h2 class="section-title" id="front-${section.slug}"><a href="${sectionPath(section.slug)}">${section.name}</a></h2>
<div class="card-grid">${items.map((a) => articleCard(a, ctx))}</div>
</section>`)}`)
}
