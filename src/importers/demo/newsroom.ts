// The demo newsroom: everything seeded into an empty site when demo mode is on.

import type { DemoArticle, DemoNewsroom, DemoPage } from './demo-types.ts'
import { analysisArticles } from './articles-analysis.ts'
import { commentaryArticles } from './articles-commentary.ts'
import { newsArticles } from './articles-news.ts'
import { opinionArticles } from './articles-opinion.ts'
import { statementArticles } from './articles-statements.ts'
import { translationArticles } from './articles-translations.ts'
import { russianArticles } from './articles-russian.ts'
import { demoImages } from './hero-images.ts'
import { demoAuthors, demoSections, demoTags } from './sections-tags-authors.ts'

const SITE_NAME = 'The Caspian Ledger'

const demoPages: readonly DemoPage[] = [
  {
    slug: 'about',
    title: 'About us',
    bodyHtml: `
<p>${SITE_NAME} is an independent newsroom and policy journal covering Europe’s relations with its eastern neighbours: Ukraine, Moldova and Belarus, the South Caucasus, the Caspian region and Central Asia.</p>
<p>We publish news from our correspondents in Almaty, Tashkent, Tbilisi and Brussels, analysis that explains the forces behind the headlines, opinion from our writers and invited contributors, and a weekly column from the editor every Monday. We also republish official statements in full, so that readers can judge the wording for themselves.</p>
<p>Our reporting is guided by a simple principle: a promise made in a communiqué is news, and whether it was kept is news too. We keep a searchable archive of the commitments we report and return to them.</p>
<h2>Independence</h2>
<p>We are funded by reader contributions and by grants from foundations that have no say over our editorial decisions. We do not accept funding from governments or state-owned companies in the countries we cover. A list of our funders is published every year.</p>
<p>Opinion pieces reflect the views of their authors. Corrections are published at the foot of the article concerned, with the date of the change.</p>
`,
  },
  {
    slug: 'contact',
    title: 'Contact',
    bodyHtml: `
<p>We welcome tips, corrections and proposals for opinion pieces. Please write to the editors at <a href="mailto:editors@caspianledger.example">editors@caspianledger.example</a>. We read every message, although we cannot always reply.</p>
<p>If you have sensitive information, please do not send it by ordinary email. Contact us first and we will suggest a secure channel. We never reveal our sources.</p>
<p>To propose an opinion article, send a summary of no more than 150 words explaining your argument and why you are well placed to make it. Pieces are usually between 700 and 1,000 words.</p>
<p>For corrections, please include a link to the article and a short explanation of the error. We aim to review every request within two working days.</p>
`,
  },
  {
    slug: 'privacy',
    title: 'Privacy',
    bodyHtml: `
<p>${SITE_NAME} does not use advertising trackers and does not sell or share information about its readers.</p>
<p>We count page views without cookies, using aggregated data that cannot identify individual readers, in order to understand which articles are read. Server logs are kept for no more than fourteen days for security purposes and are then deleted.</p>
<p>If you write to us, we keep your message and email address only for as long as needed to respond and to maintain a record of corrections. You may ask us at any time to delete correspondence we hold about you.</p>
<p>Questions about this policy can be sent to <a href="mailto:privacy@caspianledger.example">privacy@caspianledger.example</a>.</p>
`,
  },
]

const demoArticles: readonly DemoArticle[] = [
  ...statementArticles,
  ...newsArticles,
  ...translationArticles,
  ...russianArticles,
  ...opinionArticles,
  ...analysisArticles,
  ...commentaryArticles,
]

export const demoNewsroom: DemoNewsroom = {
  siteName: SITE_NAME,
  siteDescription: 'Independent reporting and analysis on Europe, the South Caucasus and Central Asia.',
  sections: demoSections,
  tags: demoTags,
  authors: demoAuthors,
  images: demoImages,
  articles: demoArticles,
  pages: demoPages,
  menu: [
    { label: 'News', href: '/news' },
    { label: 'Opinion', href: '/opinion' },
    { label: 'Analysis', href: '/analysis' },
    { label: 'Monday Commentary', href: '/monday-commentary' },
    { label: 'Archive', href: '/archive' },
    { label: 'About', href: '/about' },
  ],
  // The Russian edition at /ru: its name, tagline and section names (domain/language.ts, siteLanguages).
  languages: [
    { tag: 'en', name: 'English' },
    {
      tag: 'ru', name: 'Русский', description: 'Независимые репортажи и аналитика о Европе, Южном Кавказе и Центральной Азии.',
      sections: { news: 'Новости', opinion: 'Мнения', analysis: 'Аналитика', 'monday-commentary': 'Комментарий недели' },
    },
  ],
  social: {
    x: 'https://x.com/caspianledger',
    telegram: 'https://t.me/caspianledger',
    mastodon: 'https://mastodon.social/@caspianledger',
  },
}
