// Web-test helpers: an app that fails its test on any 5xx, a small newsroom, and readers for HTML heads and JSON-LD.

import type { TestContext } from 'node:test'
import { buildTestApp, type TestApp } from './build-test-app.ts'
import { seedArticle, seedArticles, seedTaxonomy } from './seed.ts'
import { NOW } from './editing.ts'
import type { Store } from '../../src/store/store.ts'

/** buildTestApp, plus a hook that fails the test when any request it made was answered with a 5xx. */
export async function buildSiteApp(t: TestContext, opts: Parameters<typeof buildTestApp>[1] = {}): Promise<TestApp> {
  const testApp = await buildTestApp(t, opts)
  const failures: string[] = []
  testApp.app.addHook('onResponse', async (req, reply) => {
    if (reply.statusCode >= 500) failures.push(`${req.method} ${req.url} answered ${reply.statusCode}`)
  })
  t.after(() => {
    if (failures.length) throw new Error(`server errors: ${failures.join('; ')}`)
  })
  return testApp
}

export interface Newsroom {
  /** The newest article: the lead story. */
  readonly lead: number
  /** An opinion piece with tags, an editor's choice (rank 1). */
  readonly opinion: number
  /** An older news story sharing the energy tag with the opinion piece. */
  readonly related: number
  /** The Russian translation of `opinion`. */
  readonly translation: number
  /** Five older news stories. */
  readonly older: readonly number[]
}

/** Taxonomy plus a few articles in news and opinion, one translated into Russian. */
export async function seedNewsroom(store: Store): Promise<Newsroom> {
  await seedTaxonomy(store)
  const older = await seedArticles(store, { section: 'news', count: 5 }, NOW - 2 * 86_400_000)
  const related = await seedArticle(store, { title: 'Gas pipeline talks resume', slug: 'gas-pipeline-talks', tags: ['energy'], publishedAt: NOW - 3_600_000 * 30 })
  const opinion = await seedArticle(store, {
    title: 'Why the energy deal matters', slug: 'energy-deal-matters', section: 'opinion', genre: 'opinion',
    standfirst: 'A columnist on the Caspian energy deal.', bodyHtml: '<p>First paragraph.</p><blockquote class="pull-quote">A quote</blockquote>',
    tags: ['energy', 'kazakhstan'], authors: ['aigerim-sadykova'], editorsChoiceRank: 1, publishedAt: NOW - 3_600_000 * 2,
  })
  const translation = await seedArticle(store, {
    title: 'Почему энергетическая сделка важна', slug: 'pochemu-sdelka-vazhna', section: 'opinion', genre: 'opinion', language: 'ru',
    translationOf: opinion, tags: ['energy'], publishedAt: NOW - 3_600_000 * 2 + 60_000,
  })
  const lead = await seedArticle(store, { title: 'Election results announced', slug: 'election-results', tags: ['elections', 'kazakhstan'], authors: ['newsroom'], publishedAt: NOW - 60_000 })
  return { lead, opinion, related, translation, older }
}

/** Every JSON-LD block of a page, parsed. */
export function jsonLd(body: string): Record<string, unknown>[] {
  return [...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>)
}

/** The href of every <link rel="…"> with that rel. */
export function linkHrefs(body: string, rel: string): string[] {
  return [...body.matchAll(/<link rel="([^"]+)"(?: hreflang="[^"]*")? href="([^"]*)"/g)].filter((m) => m[1] === rel).map((m) => m[2]!)
}

/** hreflang → href of the alternate links in a page head. */
export function alternates(body: string): Record<string, string> {
  return Object.fromEntries([...body.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1]!, m[2]!]))
}

/** The inner HTML of the first element with the given class (non-greedy, for simple blocks). */
export function sectionWithClass(body: string, cls: string): string | null {
  const m = new RegExp(`<section class="[^"]*\\b${cls}\\b[^"]*"[\\s\\S]*?</section>`).exec(body)
  return m ? m[0] : null
}
