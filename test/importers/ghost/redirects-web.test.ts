// Old Ghost addresses through the real web app on both engines: /slug/ and /p/<uuid>/ answer 301, pages answer at /<slug>.

import assert from 'node:assert/strict'
import { onBothEngines } from '../../support/both-engines.ts'
import { republish } from '../../support/editing.ts'
import { ghostFile, id, UUID } from './fixtures.ts'
import { articleOf, runGhostImport } from './support.ts'

onBothEngines('old Ghost addresses answer 301 to the imported articles and page; a scheduled post\'s is 404 until it is live', async ({ app, store }, t) => {
  await runGhostImport(store, await ghostFile(t, 5))
  const follow = async (url: string) => {
    const res = await app.inject(url)
    return [res.statusCode, res.headers.location]
  }
  assert.deepEqual(await follow('/pipeline-deal/'), [301, '/pipeline-deal'])
  assert.deepEqual(await follow('/pipeline-deal'), [301, '/news/pipeline-deal'])
  assert.deepEqual(await follow(`/p/${UUID.pipeline}/`), [301, `/p/${UUID.pipeline}`])
  assert.deepEqual(await follow(`/p/${UUID.pipeline}`), [301, '/news/pipeline-deal'])
  assert.deepEqual(await follow(`/p/${UUID.about}`), [301, '/about'])
  const page = await app.inject('/news/pipeline-deal')
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /Pipeline deal signed/)
  assert.match(page.body, /2021-03-04T10:15/, 'the page shows the original publication time')
  const about = await app.inject('/about')
  assert.equal(about.statusCode, 200)
  assert.match(about.body, /We write about the steppe/)

  assert.equal((await app.inject('/coming-next-year')).statusCode, 404)
  await republish(store, (await articleOf(store, id(4)))!)
  assert.deepEqual(await follow('/coming-next-year'), [301, '/news/coming-next-year'])
})
