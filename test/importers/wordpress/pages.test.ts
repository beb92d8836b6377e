// WordPress pages into the page tree, and featured images (`_thumbnail_id`) as heroes, on both engines.

import assert from 'node:assert/strict'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { forEachDatabase } from '../../support/databases.ts'
import { onBothEngines } from '../../support/both-engines.ts'
import { jpegImage } from '../../support/images.ts'
import { normalizeLegacyPath } from '../../../src/domain/legacy-paths.ts'
import type { Store } from '../../../src/store/store.ts'
import { mediaSetup } from '../ghost/support.ts'
import { articleOf, runImport, SITE } from './support.ts'

const PAGES = path.join(import.meta.dirname, 'fixtures', 'pages.wxr')

const pageOf = async (store: Store, postId: string) =>
  (await store.origins.find({ system: 'wordpress', site: SITE, kind: 'page', sourceId: postId }))?.targetId

forEachDatabase('WordPress pages land in the page tree: parents first, drafts as drafts, their language and old paths', async (store) => {
  const report = await runImport(store, PAGES)
  assert.equal(report.error, null)
  assert.deepEqual(report.pages, { imported: 7, updated: 0, skipped: 0, refused: 0 })
  assert.deepEqual(report.drafted.map((d) => [d.item, d.reason]), [['Staff handbook', 'private in WordPress']])
  const tree = (await store.pages.list()).map((p) => [p.path, p.status, p.language])
  assert.deepEqual(tree, [
    ['/jobs', 'draft', 'en'],
    ['/kontakty', 'published', 'ru'],
    ['/who-we-are', 'published', 'en'],
    ['/who-we-are/board', 'published', 'en'],
    ['/who-we-are/staff-handbook', 'draft', 'en'],
    ['/who-we-are/team', 'published', 'en'],
    ['/who-we-are/team/alumni', 'published', 'en'],
  ])
  const team = (await store.pages.byId((await pageOf(store, '62'))!))!
  assert.equal(team.parentId, await pageOf(store, '60'))
  assert.equal(team.updatedAt, Date.UTC(2021, 5, 7, 10), 'the page keeps its WordPress modified time')
  const who = (await store.pages.byId((await pageOf(store, '60'))!))!
  assert.match(who.bodyHtml, /<p>We are a newsroom\.<\/p>\s*<p>We have been since 1999\.<\/p>/, 'wpautop paragraphs')
  const to = async (old: string) => (await store.redirects.find(normalizeLegacyPath(old)))?.toUrl
  assert.equal(await to('/?page_id=62'), '/who-we-are/team')
  assert.equal(await to('/%d0%ba%d0%be%d0%bd%d1%82%d0%b0%d0%ba%d1%82%d1%8b'), '/kontakty')
  assert.equal(await store.redirects.find('/who-we-are/team'), undefined, 'a page that keeps its path needs no redirect')

  const again = await runImport(store, PAGES)
  assert.deepEqual(again.pages, { imported: 0, updated: 0, skipped: 7, refused: 0 })
  assert.equal((await store.pages.list()).length, 7)
})

onBothEngines('an imported page answers at its tree path, and its old ?page_id= address 301s there', async ({ app, store }) => {
  await runImport(store, PAGES)
  const page = await app.inject('/who-we-are/team/alumni')
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /Alumni/)
  const old = await app.inject('/?page_id=61')
  assert.equal(old.statusCode, 301)
  assert.equal(old.headers.location, '/who-we-are/board')
  assert.equal((await app.inject('/jobs')).statusCode, 404, 'a draft page is not public')
})

forEachDatabase('featured images become heroes with their alt text and caption, whether read before or after their post', async (store, t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-uploads-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  await mkdir(path.join(dir, '2020', '02'), { recursive: true })
  await writeFile(path.join(dir, '2020', '02', 'pipeline.jpg'), await jpegImage(60, 40))
  await writeFile(path.join(dir, '2020', '02', 'grid.jpg'), await jpegImage(40, 30))
  const media = await mediaSetup(t, store, { mediaDir: dir })
  const report = await runImport(store, PAGES, { media })
  assert.deepEqual(report.media, { imported: 2, reused: 0, failed: 0 })
  const before = (await store.articles.get((await articleOf(store, '71'))!))!
  const hero = (await store.media.get(before.heroMediaId!))!
  assert.deepEqual([hero.alt, hero.caption], ['A pipeline across the steppe', 'The pipeline at dawn'])
  const after = (await store.articles.get((await articleOf(store, '72'))!))!
  assert.notEqual(after.heroMediaId, null, 'the hero read after its post is set once the attachment is in')
  assert.equal((await store.live.findByPath('en', 'news', 'grid-deal'))?.hero?.id, after.heroMediaId, 'and readers see it')
  assert.deepEqual(report.heroesWithoutAlt.map((h) => h.item), ['post 72'])

  const again = await runImport(store, PAGES, { media })
  assert.deepEqual(again.articles, { imported: 0, updated: 0, skipped: 2, refused: 0 })
  assert.equal((await store.articles.get(after.id))!.heroMediaId, after.heroMediaId)
  assert.equal((await store.media.list({ text: '', limit: 10, offset: 0 })).items.length, 2, 'nothing doubled')
})

forEachDatabase('without media, a featured image is counted as left remote and no hero is set', async (store) => {
  const report = await runImport(store, PAGES)
  assert.equal(report.altered.imagesLeftRemote, 2)
  assert.equal((await store.articles.get((await articleOf(store, '71'))!))!.heroMediaId, null)
})
