// The demo newsroom carries its quotes: at least 30 from at least 10 speakers, each marked in its article's body, on
// speaker pages at once.

import assert from 'node:assert/strict'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { forEachDatabase } from '../../support/databases.ts'
import { seedDemo } from '../../../src/importers/demo/seed.ts'
import { demoNewsroom } from '../../../src/importers/demo/newsroom.ts'
import { markedAnchors } from '../../../src/domain/quotes.ts'

forEachDatabase('the demo newsroom publishes at least 30 quotes from at least 10 speakers, each marked in its body', async (store) => {
  const mediaDir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-demo-'))
  await seedDemo({ store, clock: { now: () => Date.UTC(2026, 11, 1, 9) }, mediaDir }, demoNewsroom)
  const { items } = await store.quotes.liveQuotes({ limit: 500 })
  assert.ok(items.length >= 30, `${items.length} quotes`)
  const speakers = new Set(items.map((q) => q.speaker.id))
  assert.ok(speakers.size >= 10, `${speakers.size} speakers`)
  for (const q of items) {
    const working = (await store.quotes.forArticle(q.articleId)).find((w) => w.id === q.id)!
    const body = (await store.articles.get(q.articleId))!.bodyHtml
    assert.ok(working.anchor === 'statement' || markedAnchors(body).includes(working.anchor), `${q.text} is marked`)
  }
  assert.equal((await store.speakers.publicSpeaker({ slug: 'serik-nurlanov' }))?.name, 'Serik Nurlanov')
})
