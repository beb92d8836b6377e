// `importGhost` end to end on both engines: mapping, original times, redirects, pages, re-runs, versions 3 to 6, dry runs.

import assert from 'node:assert/strict'
import { forEachDatabase, forEachEngine, scratchStore } from '../../support/databases.ts'
import { seedArticle, seedTaxonomy } from '../../support/seed.ts'
import { sanitizeBody } from '../../../src/content/sanitize.ts'
import { ghostExport, ghostFile, id, POSTS, SITE_URL, UUID } from './fixtures.ts'
import { articleOf, runGhostImport, snapshot } from './support.ts'
import { FIXTURE } from '../wordpress/fixtures.ts'

const names = async <T extends { slug: string }>(ids: readonly number[], get: (id: number) => Promise<T | undefined>) =>
  (await Promise.all(ids.map(get))).map((x) => x?.slug)

forEachDatabase('a Ghost 5 export lands as articles with sections, tags, bylines in order, statuses, original times and a page', async (store, t) => {
  await seedTaxonomy(store)
  const report = await runGhostImport(store, await ghostFile(t, 5))
  assert.equal(report.error, null)
  assert.deepEqual(report.articles, { imported: 5, updated: 0, skipped: 0, refused: 1 })
  assert.deepEqual(report.pages, { imported: 1, updated: 0, skipped: 0, refused: 0 })
  assert.match(report.refusals[0]!.reason, /^needs html: .*Lexical/)
  assert.deepEqual(report.notImported, { 'internal tags': 1, newsletters: 1, members: 1, 'mobiledoc cards (signup)': 1 })
  assert.deepEqual(report.drafted.map((d) => [d.item, d.reason]), [['Members briefing', 'for members only in Ghost']])

  const a = (await store.articles.get((await articleOf(store, id(1)))!))!
  assert.equal(a.status, 'published')
  assert.equal(a.publishedAt, Date.UTC(2021, 2, 4, 10, 15), 'published at Ghost\'s published_at, not now')
  assert.equal(a.updatedAt, Date.UTC(2021, 2, 5, 8))
  assert.deepEqual(await store.articles.livePath(a.id), { language: 'en', sectionSlug: 'news', slug: 'pipeline-deal' }, 'the primary tag News is the section')
  assert.deepEqual(await names(a.tagIds, (x) => store.taxonomy.tag(x)), ['energy'], 'the internal #feature tag is left out')
  assert.deepEqual(await names(a.authorIds, (x) => store.people.author(x)), ['dana', 'timur'], 'bylines in posts_authors order')
  assert.equal(a.editorsChoice, true, 'featured → editor\'s choice')
  assert.equal(a.standfirst, 'Two countries agree on gas.')
  assert.equal(a.seoTitle, 'Pipeline deal: what it means', 'from posts_meta')
  assert.equal(a.seoDescription, 'The deal, explained.')
  assert.match(a.bodyHtml, /<a href="\/news\/grid-report">grid report<\/a>, more on <a href="\/tag\/energy">energy<\/a>, by <a href="\/author\/dana">Dana<\/a>, and <a href="\/about">about us<\/a>/)
  assert.match(a.bodyHtml, /<figure class="image"><img src="\/content\/images\/2021\/03\/map\.png" alt="Route map"[^>]*\/><figcaption>The route<\/figcaption><\/figure>/)
  assert.doesNotMatch(a.bodyHtml, /__GHOST_URL__/)

  const grid = (await store.articles.get((await articleOf(store, id(2)))!))!
  assert.deepEqual(await store.articles.livePath(grid.id), { language: 'en', sectionSlug: 'news', slug: 'grid-report' }, 'no section is named Energy: the default section')
  assert.deepEqual(await names(grid.tagIds, (x) => store.taxonomy.tag(x)), ['energy'])
  assert.equal(grid.bodyHtml, sanitizeBody('<h2>Winter load</h2><p>After the <a href="/news/pipeline-deal">pipeline deal</a>, the grid.</p><p>Demand <strong>rose</strong> by 4%.</p>\n'
    + '<figure class="image"><img src="/content/images/2021/04/grid.jpg" alt="Power lines"><figcaption>The grid</figcaption></figure>'), 'rendered from mobiledoc with its cards')

  const status = async (n: number) => {
    const x = (await store.articles.get((await articleOf(store, id(n)))!))!
    return [x.status, x.scheduledAt, x.editorsChoice]
  }
  assert.deepEqual(await status(3), ['draft', null, false])
  assert.deepEqual(await status(4), ['scheduled', Date.UTC(2030, 0, 1, 8), false])
  assert.deepEqual(await status(7), ['draft', null, false])
  assert.equal(await store.live.count(), 2)
  const draft = (await store.articles.get((await articleOf(store, id(3)))!))!
  assert.equal((await store.taxonomy.section(draft.sectionId))?.slug, 'opinion', 'a primary tag named like a section (by name) becomes it')

  const page = (await store.pages.byPath('/about'))!
  assert.equal(page.title, 'About us')
  assert.equal(page.bodyHtml, '<p>We write about the steppe.</p>')
  assert.equal(page.updatedAt, Date.UTC(2020, 5, 1))

  assert.equal((await store.redirects.find('/pipeline-deal'))?.toArticleId, a.id)
  assert.equal((await store.redirects.find(`/p/${UUID.pipeline}`))?.toArticleId, a.id)
  assert.equal((await store.redirects.find(`/p/${UUID.about}`))?.toUrl, '/about')
  assert.equal(await store.redirects.find('/about'), undefined, 'the page answers its own path')
})

forEachDatabase('running the same Ghost import again, on a site that had no sections, doubles nothing; a post changed since is updated', async (store, t) => {
  const file = await ghostFile(t, 5)
  await runGhostImport(store, file)
  const before = await snapshot(store, POSTS)
  const again = await runGhostImport(store, file)
  assert.deepEqual(again.articles, { imported: 0, updated: 0, skipped: 5, refused: 1 })
  assert.deepEqual(again.pages, { imported: 0, updated: 0, skipped: 1, refused: 0 })
  assert.deepEqual(await snapshot(store, POSTS), before)

  const changed = JSON.stringify(ghostExport(5)).replace('"title":"Grid report"', '"title":"Grid report, revised"').replace('We write about the steppe.', 'We write about the whole steppe.')
  const third = await runGhostImport(store, await ghostFile(t, changed))
  assert.deepEqual(third.articles, { imported: 0, updated: 1, skipped: 4, refused: 1 })
  assert.deepEqual(third.pages, { imported: 0, updated: 1, skipped: 0, refused: 0 })
  assert.equal((await store.live.findByPath('en', 'news', 'grid-report'))?.title, 'Grid report, revised')
  assert.equal((await store.pages.byPath('/about'))?.bodyHtml, '<p>We write about the whole steppe.</p>')
  assert.equal(await store.origins.count('ghost', 'ghost:Steppe Notes', 'article'), 5)
  assert.equal((await store.pages.list()).length, 1)
})

forEachEngine('exports of Ghost 3, 4 and 6 import exactly as Ghost 5\'s, given the old site\'s address', async (t, engine) => {
  const reference = await scratchStore(t, engine)
  await seedTaxonomy(reference)
  const five = await runGhostImport(reference, await ghostFile(t, 5), { siteUrl: SITE_URL })
  assert.equal(five.source.site, SITE_URL)
  const expected = await snapshot(reference, POSTS, SITE_URL)
  for (const v of [3, 4, 6] as const) {
    const store = await scratchStore(t, engine)
    await seedTaxonomy(store)
    const report = await runGhostImport(store, await ghostFile(t, v), { siteUrl: SITE_URL })
    assert.equal(report.error, null, `Ghost ${v}`)
    assert.deepEqual(report.articles, { imported: 5, updated: 0, skipped: 0, refused: v === 6 ? 1 : 0 }, `Ghost ${v}`)
    assert.deepEqual(await snapshot(store, POSTS, SITE_URL), expected, `Ghost ${v}`)
  }
  const a = (await reference.articles.get((await articleOf(reference, id(1), SITE_URL))!))!
  assert.match(a.bodyHtml, /<img src="https:\/\/steppe\.example\/content\/images\/2021\/03\/map\.png"/, 'images keep the old site\'s absolute address')
  assert.match(a.bodyHtml, /<a href="https:\/\/other\.example\/story\/"/, 'links to other sites are left alone')
})

forEachDatabase('a dry run of a Ghost export reports what would be imported and writes nothing', async (store, t) => {
  const report = await runGhostImport(store, await ghostFile(t, 5), { dryRun: true })
  assert.deepEqual(report.articles, { imported: 5, updated: 0, skipped: 0, refused: 1 })
  assert.deepEqual(report.pages, { imported: 1, updated: 0, skipped: 0, refused: 0 })
  assert.deepEqual(await store.taxonomy.sections(), [])
  assert.deepEqual(await store.people.authors(), [])
  assert.deepEqual(await store.pages.list(), [])
  assert.deepEqual((await store.redirects.list({ limit: 10, offset: 0 })).items, [])
  assert.deepEqual(await store.audit.list({ limit: 10 }), [])
})

forEachDatabase('a Ghost import never takes over a live path: a page of the site, a section, a redirect', async (store, t) => {
  await seedTaxonomy(store)
  await store.pages.insert({ parentId: null, slug: 'about', path: '/about', title: 'Our own About', bodyHtml: sanitizeBody('<p>Ours.</p>'), language: 'en', status: 'published', createdAt: 1, updatedAt: 1, publishedAt: 1 })
  await seedArticle(store, { title: 'Ours', slug: 'pipeline-deal', section: 'news' })
  await store.redirects.put({ fromPath: '/grid-report', status: 302, toArticleId: null, toUrl: 'https://donate.example', kind: 'manual', createdAt: 1 })
  const text = JSON.stringify(ghostExport(5)).replace('"slug":"draft-thoughts"', '"slug":"opinion"')
  const report = await runGhostImport(store, await ghostFile(t, text))
  assert.deepEqual(report.pages, { imported: 0, updated: 0, skipped: 0, refused: 1 })
  assert.equal((await store.pages.byPath('/about'))?.title, 'Our own About')
  assert.equal(await store.redirects.find(`/p/${UUID.about}`), undefined)
  const pipeline = (await store.articles.get((await articleOf(store, id(1)))!))!
  assert.equal(pipeline.slug, `pipeline-deal-${id(1)}`)
  assert.equal((await store.redirects.find('/grid-report'))?.toUrl, 'https://donate.example')
  assert.equal(await store.redirects.find('/opinion'), undefined)
  const reasons = [...report.refusals, ...report.notes].map((n) => n.reason).join('\n')
  assert.match(reasons, /\/about is the address of another page/)
  assert.match(reasons, /the old path \/grid-report already redirects elsewhere/)
  assert.match(reasons, /the old path \/opinion is live on this site/)
})

forEachDatabase('a file of the wrong kind, broken JSON or JSON of another shape is reported and writes nothing', async (store, t) => {
  const wxr = await runGhostImport(store, FIXTURE)
  assert.match(wxr.error?.message ?? '', /WordPress export \(WXR\), not a Ghost export \(JSON\): use `broadsheet import wordpress FILE\.xml`/)
  const broken = await runGhostImport(store, await ghostFile(t, '{"db": ['))
  assert.match(broken.error?.message ?? '', /not valid JSON/)
  const other = await runGhostImport(store, await ghostFile(t, '{"posts": []}'))
  assert.match(other.error?.message ?? '', /not a Ghost export/)
  const badTable = await runGhostImport(store, await ghostFile(t, '{"db": [{"data": {"posts": [], "tags": {}}}]}'))
  assert.match(badTable.error?.message ?? '', /"tags" is not a list/)
  assert.deepEqual(await store.taxonomy.sections(), [])
})

forEachDatabase('only a role with publishing, taxonomy, byline and redirect rights may import from Ghost', async (store, t) => {
  await assert.rejects(runGhostImport(store, await ghostFile(t, 5), { actor: { kind: 'user', userId: 1, role: 'author' } }), /author role may not import/)
  assert.equal(await store.live.count(), 0)
})
