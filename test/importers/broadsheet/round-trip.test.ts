// `broadsheet export` and `broadsheet import broadsheet` as processes: a site exported from one engine, imported into
// an empty site on the other and exported again gives the same export, ids apart.

import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { verifyPassword } from '../../../src/editorial/passwords.ts'
import { parseQuery, toSearchExpression } from '../../../src/search/query.ts'
import { openStore } from '../../../src/store/store.ts'
import { postgresUnavailable, scratchDatabase, type Engine } from '../../support/databases.ts'
import { buildExportSite, normalizeExport, readExport, siteEnv } from '../../support/export-site.ts'
import { runBroadsheet, tempDir } from '../../support/processes.ts'

/** A migrated scratch database with a data folder, dropped when the test ends. */
async function scratchSite(t: TestContext, engine: Engine) {
  const db = await scratchDatabase(engine, { migrated: true })
  t.after(() => db.drop())
  const dir = await tempDir(t)
  return { db, dir, env: siteEnv(db.config, dir) }
}

function roundTrip(from: Engine, to: Engine): void {
  test(`a site exported from ${from}, imported into an empty ${to} site and exported again gives the same export`, async (t) => {
    if (from === 'postgres' || to === 'postgres') {
      const reason = await postgresUnavailable()
      if (reason) return t.skip(reason)
    }
    const source = await scratchSite(t, from)
    const store = await openStore(source.db.config)
    try {
      await buildExportSite(store, path.join(source.dir, 'media'))
    } finally {
      await store.close()
    }
    const work = await tempDir(t)
    const first = path.join(work, 'first'), second = path.join(work, 'second')
    const exported = runBroadsheet(['export', first], source.env)
    assert.equal(exported.code, 0, exported.stderr)
    assert.match(exported.stdout, /exported to .* 58 articles, [1-9]\d* revisions/)
    assert.match(exported.stdout, / [1-9]\d* speakers, [1-9]\d* quotes/)

    const target = await scratchSite(t, to)
    const imported = runBroadsheet(['import', 'broadsheet', first], target.env)
    assert.equal(imported.code, 0, imported.stderr)
    assert.match(imported.stdout, /2 users came back deactivated and without passwords/)
    const again = runBroadsheet(['export', second], target.env)
    assert.equal(again.code, 0, again.stderr)

    const [a, b] = [await readExport(first), await readExport(second)]
    // The article's own hero caption is in both copies; its credit is the library's (null).
    const ports = a.kinds.articles.find((l) => String(l.title).startsWith('Ports of the Caspian'))!
    assert.deepEqual([ports.hero_caption, ports.hero_credit], ['The harbour at Aktau, this morning', null])
    assert.equal((ports.live as Record<string, unknown>).hero_caption, 'The harbour at Aktau, this morning')
    assert.deepEqual(normalizeExport(b), normalizeExport(a))
    // A tag's names in other languages travel with it.
    assert.deepEqual(b.kinds.tags.find((l) => l.slug === 'mangystau')?.names, [{ language: 'kk', name: 'Маңғыстау' }, { language: 'ru', name: 'Мангистау' }])
    // Speakers and quotes came along: the demo's, the speaker with photo, country and links, the quote only live.
    assert.ok(a.kinds.speakers.length >= 10 && a.kinds.quotes.length >= 30, `${a.kinds.speakers.length} speakers, ${a.kinds.quotes.length} quotes`)
    assert.ok(a.kinds.live_quotes.length >= 30)
    const linked = b.kinds.speakers.find((l) => (l.links as string[]).length === 2)!
    assert.deepEqual(linked.links, ['https://example.org/who', 'https://example.org/about'])
    assert.ok(linked.photo_media_id !== null && linked.country_tag_id !== null)
    const working = new Set(b.kinds.quotes.map((l) => l.id))
    assert.equal(b.kinds.live_quotes.filter((l) => !working.has(l.quote_id)).length, 1, 'the quote only live stays live, with an id of its own')
    assert.ok(b.kinds.quotes.some((l) => l.anchor === 'statement'), "a statement's issuer")
    // What the comparison leaves out on purpose: the import's own changes to accounts and receivers.
    const restored = await openStore(target.db.config)
    try {
      const users = await restored.transfer.rowsAfter('users', 0, 10)
      assert.equal(users.length, 2)
      assert.ok(users.every((u) => u.disabled === 1))
      const login = await restored.users.credentials('ed@example.org')
      assert.equal(await verifyPassword('a long enough password', login!.passwordHash), false)
      const [receiver] = await restored.transfer.rowsAfter('webhook_receivers', 0, 10)
      assert.equal(receiver!.active, 0)
      // The variants' files were copied with the original, and the live article reads its hero image.
      assert.ok(a.mediaFiles.some((f) => f.endsWith('.webp') || f.endsWith('.avif')), 'the uploaded image has variants')
      const hits = await restored.search.query({
        expression: toSearchExpression(parseQuery('emphasis')), sectionIds: [], tagId: null, fromMs: null, toMs: null, limit: 5, offset: 0,
      } as Parameters<typeof restored.search.query>[0])
      assert.equal(hits.length, 1, 'live copies are in the search index')
      // Readers find the restored quotes by speaker, as a speaker page reads them.
      const speaker = await restored.speakers.speakerBySlug(String(linked.slug))
      const page = await restored.quotes.liveQuotes({ speakerId: speaker!.id, limit: 50 })
      assert.ok(page.items.length > 0 && page.items.every((q) => q.speaker.id === speaker!.id))
    } finally {
      await restored.close()
    }
  })
}

roundTrip('sqlite', 'postgres')
roundTrip('postgres', 'sqlite')
