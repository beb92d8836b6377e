// An import batch's remembered lookups (src/editorial/batch-lookups.ts): a slug found is read once per transaction, one
// not found is asked again, so a section, tag or byline a later item creates is found, on both engines.

import assert from 'node:assert/strict'
import { forEachEngine, scratchStore } from '../support/databases.ts'
import { seedTaxonomy } from '../support/seed.ts'
import { withBatchLookups } from '../../src/editorial/batch-lookups.ts'
import type { Repositories } from '../../src/store/store.ts'

/** `tx` whose tag, section and byline lookups by slug are counted as they reach the database. */
function counted(tx: Repositories): { tx: Repositories; asked: string[] } {
  const asked: string[] = []
  const count = <V>(kind: string, find: (slug: string) => Promise<V>) => (slug: string) => {
    asked.push(`${kind}:${slug}`)
    return find(slug)
  }
  return {
    asked,
    tx: {
      ...tx,
      taxonomy: { ...tx.taxonomy, tagBySlug: count('tag', tx.taxonomy.tagBySlug), sectionBySlug: count('section', tx.taxonomy.sectionBySlug) },
      people: { ...tx.people, authorBySlug: count('author', tx.people.authorBySlug) },
    },
  }
}

forEachEngine('a batch reads a slug it found once, asks again for one it did not, and finds one created meanwhile', async (t, engine) => {
  const store = await scratchStore(t, engine)
  await seedTaxonomy(store)
  await store.transaction(async (raw) => {
    const { tx: inner, asked } = counted(raw)
    const tx = withBatchLookups(inner)
    for (let i = 0; i < 3; i++) {
      assert.equal((await tx.taxonomy.tagBySlug('energy'))?.name, 'Energy')
      assert.equal((await tx.taxonomy.sectionBySlug('news'))?.name, 'News')
      assert.equal((await tx.people.authorBySlug('newsroom'))?.name, 'Newsroom')
      assert.equal(await tx.taxonomy.tagBySlug('pipelines'), undefined)
    }
    assert.deepEqual(asked, ['tag:energy', 'section:news', 'author:newsroom', 'tag:pipelines', 'tag:pipelines', 'tag:pipelines'])
    const id = await tx.taxonomy.insertTag({ slug: 'pipelines', name: 'Pipelines', kind: 'topic', parentId: null, isoCode: null, description: '' })
    assert.equal((await tx.taxonomy.tagBySlug('pipelines'))?.id, id)
    assert.equal((await tx.taxonomy.tagBySlug('pipelines'))?.id, id)
    assert.equal(asked.filter((a) => a === 'tag:pipelines').length, 4, 'found once created, then remembered')
  })
  // Remembered for its transaction only: the next one reads again.
  await store.transaction(async (raw) => {
    const { tx, asked } = counted(raw)
    await withBatchLookups(tx).taxonomy.tagBySlug('energy')
    assert.deepEqual(asked, ['tag:energy'])
  })
})
