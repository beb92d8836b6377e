// Ghost's custom permalinks (routes.yaml collections, the old `permalinks` setting) become redirects, on both engines.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { forEachDatabase } from '../../support/databases.ts'
import { seedTaxonomy } from '../../support/seed.ts'
import { checkOldPermalinks, PermalinkOptionError, permalinkOf, permalinkTemplate, readRoutesYaml, RoutesError } from '../../../src/domain/ghost-permalinks.ts'
import { ghostExport, ghostFile, id, SITE_URL } from './fixtures.ts'
import { articleOf, runGhostImport } from './support.ts'

const ROUTES = `routes:
  /about-us/: about

collections:
  /opinion/:
    permalink: /opinion/{slug}/   # columns first
    filter: primary_tag:opinion
  /:
    permalink: '/{year}/{month}/{slug}/'
    template: index

taxonomies:
  tag: /topic/{slug}/
  author: /writer/{slug}/
`

test('routes.yaml collections are read in order with their filters; permalinks fill in dates in Ghost\'s time zone', () => {
  const collections = readRoutesYaml(ROUTES)
  assert.deepEqual(collections, [
    { permalink: '/opinion/{slug}/', filter: { field: 'primary_tag', slug: 'opinion' } },
    { permalink: '/{year}/{month}/{slug}/', filter: null },
  ])
  const post = { id: 'x1', slug: 'late-news', publishedAt: Date.UTC(2021, 2, 31, 23, 30), tags: ['news', 'opinion'], authors: ['dana'] }
  assert.equal(permalinkOf(collections, post, 'UTC'), '/2021/03/late-news')
  assert.equal(permalinkOf(collections, post, 'Asia/Almaty'), '/2021/04/late-news', 'the date as the old site wrote it')
  assert.equal(permalinkOf(collections, { ...post, tags: ['opinion'] }, 'UTC'), '/opinion/late-news', 'the first collection that holds it')
  assert.equal(permalinkOf(collections, { ...post, publishedAt: null }, 'UTC'), null, 'a draft has no dated address')
  assert.equal(permalinkTemplate('/:year/:month/:day/:slug/'), '/{year}/{month}/{day}/{slug}/', 'Ghost 1\'s setting')
  assert.equal(permalinkOf([{ permalink: '/{primary_author}/{id}/', filter: null }], post, 'UTC'), '/dana/x1')
  assert.throws(() => permalinkTemplate('/{year}/{title}/'), /\{title\}/)
  assert.throws(() => readRoutesYaml('collections:\n  /:\n    permalink: /{slug}/\n    filter: tag:[a,b]\n'), (err: unknown) => err instanceof RoutesError && /line 4/.test(err.message))
  assert.throws(() => readRoutesYaml('collections:\n  /:\n    template: index\n'), /no permalink/)
})

test('WordPress\'s structure tags are read as Ghost\'s placeholders; %post_id% and the like are refused by name', () => {
  assert.equal(permalinkTemplate('/%year%/%monthnum%/%postname%/'), '/{year}/{month}/{slug}/')
  assert.equal(permalinkTemplate('/%category%/%postname%/'), '/{primary_tag}/{slug}/')
  assert.equal(permalinkTemplate('/%author%/%year%/%monthnum%/%day%/%postname%/'), '/{primary_author}/{year}/{month}/{day}/{slug}/')
  assert.throws(() => permalinkTemplate('/archives/%post_id%/'), /%post_id%/)
  assert.throws(() => permalinkTemplate('/%year%/%hour%/%postname%/'), /%hour%/)
})

test('an import\'s permalink options: one or the other, empty ones left out, each refusal naming its option', () => {
  assert.deepEqual(checkOldPermalinks({ routesYaml: null, permalink: '  ' }), { routesYaml: null, permalink: null })
  assert.deepEqual(checkOldPermalinks({ permalink: ' /:year/:slug/ ' }), { routesYaml: null, permalink: '/{year}/{slug}/' })
  assert.deepEqual(checkOldPermalinks({ routesYaml: `\uFEFF${ROUTES}` }), { routesYaml: ROUTES, permalink: null })
  const refused = (o: Parameters<typeof checkOldPermalinks>[0], option: string, message: RegExp) =>
    assert.throws(() => checkOldPermalinks(o), (err: unknown) => err instanceof PermalinkOptionError && err.option === option && message.test(err.message))
  refused({ routesYaml: ROUTES, permalink: '/{slug}/' }, 'permalink', /not both/)
  refused({ permalink: '/{year}/' }, 'permalink', /\{slug\} or \{id\}/)
  refused({ permalink: `/${'x'.repeat(300)}/{slug}/` }, 'permalink', /longer than 300/)
  refused({ routesYaml: 'routes:\n  /about/: about\n' }, 'routes', /no collection/)
  refused({ routesYaml: 'collections:\n  /:\n    permalink: /{title}/\n' }, 'routes', /line 3/)
  refused({ routesYaml: 'collections:\n\u0000' }, 'routes', /not a UTF-8 text/)
  refused({ routesYaml: `collections:\n  /:\n    permalink: /{slug}/\n${'#'.repeat(70_000)}\n` }, 'routes', /larger than 64 KiB/)
})

forEachDatabase('with --routes, posts\' custom permalinks redirect to their new addresses and internal links to them are rewritten', async (store, t) => {
  await seedTaxonomy(store)
  // The grid report links to the pipeline deal by its dated address, as a Ghost site with these routes writes links.
  const text = JSON.stringify(ghostExport(5)).replace('__GHOST_URL__/pipeline-deal/', '__GHOST_URL__/2021/03/pipeline-deal/')
  const report = await runGhostImport(store, await ghostFile(t, text), { siteUrl: SITE_URL, routesYaml: ROUTES })
  assert.equal(report.error, null)
  assert.deepEqual(report.oldAddresses, { from: 'routes.yaml', permalinks: ['/opinion/{slug}/', '/{year}/{month}/{slug}/'], posts: 6 })
  const pipeline = (await articleOf(store, id(1), SITE_URL))!
  assert.equal((await store.redirects.find('/2021/03/pipeline-deal'))?.toArticleId, pipeline)
  assert.equal((await store.redirects.find('/pipeline-deal'))?.toArticleId, pipeline, 'Ghost\'s own /slug/ too')
  const grid = (await store.articles.get((await articleOf(store, id(2), SITE_URL))!))!
  assert.equal((await store.redirects.find('/2021/04/grid-report'))?.toArticleId, grid.id)
  assert.match(grid.bodyHtml, /href="\/news\/pipeline-deal"/, 'the dated internal link points at the new address')
})

forEachDatabase('an old export\'s permalinks setting is used, --permalink overrides it, and a bad routes.yaml stops before writing', async (store, t) => {
  await seedTaxonomy(store)
  const data = ghostExport(3) as { db: [{ data: { settings: { id: string; key: string; value: string }[] } }] }
  data.db[0].data.settings.push({ id: id(510), key: 'permalinks', value: '/:year/:month/:day/:slug/' }, { id: id(511), key: 'timezone', value: 'Asia/Almaty' })
  const file = await ghostFile(t, JSON.stringify(data))
  await runGhostImport(store, file, { siteUrl: SITE_URL })
  const pipeline = (await articleOf(store, id(1), SITE_URL))!
  assert.equal((await store.redirects.find('/2021/03/04/pipeline-deal'))?.toArticleId, pipeline)
  await runGhostImport(store, file, { siteUrl: SITE_URL, permalink: '/archive-{year}/{slug}/' })
  assert.equal((await store.redirects.find('/archive-2021/pipeline-deal'))?.toArticleId, pipeline, 'an updated post gains the address given')

  const refused = await runGhostImport(store, await ghostFile(t, 6), { siteUrl: 'https://other.example', routesYaml: 'collections:\n  /:\n    permalink: /{title}/\n' })
  assert.match(refused.error?.message ?? '', /routes\.yaml line 3.*\{title\}/)
  assert.equal(await articleOf(store, id(1), 'https://other.example'), undefined, 'nothing written')
})
