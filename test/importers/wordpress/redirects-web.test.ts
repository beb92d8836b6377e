// Old WordPress addresses through the real web app on both engines: 301 to the imported article, 404 until it is live.

import assert from 'node:assert/strict'
import { onBothEngines } from '../../support/both-engines.ts'
import { republish } from '../../support/editing.ts'
import { FIXTURE } from './fixtures.ts'
import { articleOf, runImport } from './support.ts'

onBothEngines('old permalinks, /?p=ID and percent-encoded paths in either case answer 301 to the imported articles', async ({ app, store }) => {
  await runImport(store, FIXTURE)
  const follow = async (url: string) => {
    const res = await app.inject(url)
    return [res.statusCode, res.headers.location]
  }
  assert.deepEqual(await follow('/2019/03/04/election-results/'), [301, '/2019/03/04/election-results'])
  assert.deepEqual(await follow('/2019/03/04/election-results'), [301, '/europe/election-results'])
  assert.deepEqual(await follow('/?p=10'), [301, '/europe/election-results'])
  assert.deepEqual(await follow('/2019/05/01/%CE%B5%CE%BB%CE%BB%CE%B7%CE%BD%CE%B9%CE%BA%CE%AC-%CE%BD%CE%AD%CE%B1'), [301, '/news/ellinika-nea'])
  assert.deepEqual(await follow('/2019/05/01/%ce%b5%ce%bb%ce%bb%ce%b7%ce%bd%ce%b9%ce%ba%ce%ac-%ce%bd%ce%ad%ce%b1'), [301, '/news/ellinika-nea'])
  assert.deepEqual(await follow('/2019/05/02/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8-%D0%B4%D0%BD%D1%8F'), [301, '/news/novosti-dnya'])
  const page = await app.inject('/europe/election-results')
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /Election results announced/)
  assert.match(page.body, /2019-03-04T10:15/, 'the page shows the original publication time')
})

onBothEngines('the old address of an imported scheduled post answers 404 until it goes live, then 301', async ({ app, store }) => {
  await runImport(store, FIXTURE)
  assert.equal((await app.inject('/2030/01/01/coming-next-year')).statusCode, 404)
  assert.equal((await app.inject('/?p=17')).statusCode, 200, 'a query the redirects cannot answer yet shows the front page')
  await republish(store, (await articleOf(store, '17'))!)
  for (const old of ['/2030/01/01/coming-next-year', '/?p=17']) {
    const live = await app.inject(old)
    assert.equal(live.statusCode, 301, old)
    assert.equal(live.headers.location, '/news/coming-next-year')
  }
})
