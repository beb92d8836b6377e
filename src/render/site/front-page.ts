// The front page: lead story, editor's choice, the latest of each section, most read.

import type { FrontPage } from '../../domain/read-models.ts'
import { sectionPath } from '../../domain/paths.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { everyLanguage, layout } from '../layout.ts'
import { absoluteUrl, localPath, sectionName, siteDescription, type RenderContext } from '../context.ts'
import { articleCard, block, leadStory } from './components/article-card.ts'
import { publisherLogo } from '../publisher-logo.ts'

export function frontPage(ctx: RenderContext, page: FrontPage): SafeHtml {
  const { settings, t } = ctx
  const home = localPath(ctx, '/')
  const jsonLd = {
    '@context': 'https://schema.org', '@type': 'WebSite', name: settings.name, url: absoluteUrl(ctx, home),
    inLanguage: ctx.language.tag,
    publisher: { '@type': 'NewsMediaOrganization', name: settings.name, url: absoluteUrl(ctx, home), logo: publisherLogo(ctx) },
    potentialAction: { '@type': 'SearchAction', target: `${absoluteUrl(ctx, localPath(ctx, '/search'))}?q={search_term_string}`, 'query-input': 'required name=search_term_string' },
  }
  const empty = !page.lead
  // The first section's block sits in the lead's column, under it: the aside (picks, most read) is often longer than
  // the lead alone, and the columns then end near each other instead of leaving a hole under the lead.
  const sectionBlock = ({ section, items }: (typeof page.sections)[number]) => html`<section class="section-block" aria-labelledby="front-${section.slug}">
<h2 class="section-title" id="front-${section.slug}"><a href="${localPath(ctx, sectionPath(section.slug))}">${sectionName(ctx, section)}</a></h2>
<div class="card-grid">${items.map((a) => articleCard(a, ctx))}</div>
</section>`
  return layout(ctx, { title: settings.name, description: siteDescription(ctx), path: home, jsonLd: [jsonLd], alternates: everyLanguage(ctx, '/') }, html`
<h1 class="visually-hidden">${settings.name}</h1>
${empty ? html`<section class="empty-state"><h2>${t.nothingPublished}</h2><p>${t.nothingPublishedText}</p></section>` : EMPTY}
<div class="front-top">
<div class="front-main">
${page.lead ? leadStory(page.lead, ctx) : EMPTY}
${page.sections.slice(0, 1).map(sectionBlock)}
</div>
<aside class="front-aside" aria-label="${t.highlights}">
${page.picks.length ? html`<section class="block block-picks" aria-labelledby="front-picks"><h2 id="front-picks" class="block-title">${t.editorsChoice}</h2>
<div class="pick-list">${page.picks.map((a) => articleCard(a, ctx, { image: false }))}</div></section>` : EMPTY}
${block('popular', t.mostRead, page.popular, ctx, { numbered: true })}
</aside>
</div>
${page.sections.slice(1).map(sectionBlock)}`)
}
