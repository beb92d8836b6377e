// The desk's redirects: roles, CSRF, validation (paths, loops, live articles), and 301/410 answered on the site.

import assert from 'node:assert/strict'
import { postForm } from '../../support/desk.ts'
import { deskNewsroom, forEachEngine, lastAction } from '../../support/desk-newsroom.ts'

forEachEngine('redirects are for editors and admins; posts need the CSRF field', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  assert.equal((await d.get('/desk/redirects', d.contributor)).statusCode, 403)
  assert.equal((await d.get('/desk/redirects', d.author)).statusCode, 403)
  assert.equal((await d.get('/desk/redirects', d.editor)).statusCode, 200)
  assert.equal((await d.get('/desk/redirects', d.owner)).statusCode, 200)
  assert.equal((await d.post('/desk/redirects', { from: '/old', to: '/news', status: '301' }, d.author)).statusCode, 403)
  assert.equal((await postForm(d.a, '/desk/redirects', { from: '/old', to: '/news', status: '301' }, d.editor)).statusCode, 403)
  assert.equal(await d.a.store.redirects.find('/old'), undefined)
})

forEachEngine('a manual redirect to an article, a path or a URL answers 301 on the site; a 410 answers Gone', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  assert.equal((await d.a.app.inject('/index.php?news_id=5')).statusCode, 404)
  const toArticle = await d.post('/desk/redirects', { from: '/index.php?news_id=5', to: String(d.news.opinion), status: '301' })
  assert.equal(toArticle.statusCode, 303)
  assert.equal(toArticle.headers.location, '/desk/redirects?done=created')
  const res = await d.a.app.inject('/index.php?news_id=5')
  assert.equal(res.statusCode, 301)
  assert.equal(res.headers.location, '/opinion/energy-deal-matters')
  assert.equal(await lastAction(d), 'redirect.create')

  assert.equal((await d.post('/desk/redirects', { from: '/about-us', to: '/news', status: '301' })).statusCode, 303)
  assert.equal((await d.a.app.inject('/about-us')).headers.location, '/news')
  assert.equal((await d.post('/desk/redirects', { from: '/partner', to: 'https://partner.example/page', status: '301' })).statusCode, 303)
  assert.equal((await d.a.app.inject('/partner')).headers.location, 'https://partner.example/page')
  assert.equal((await d.post('/desk/redirects', { from: '/withdrawn-report', to: '', status: '410' })).statusCode, 303)
  assert.equal((await d.a.app.inject('/withdrawn-report')).statusCode, 410)

  const list = await d.get('/desk/redirects?q=partner', d.editor)
  assert.match(list.body, /https:\/\/partner\.example\/page/)
  assert.doesNotMatch(list.body, /withdrawn-report/)
  assert.match((await d.get('/desk/redirects', d.editor)).body, /Article \d+: Why the energy deal matters/)
})

forEachEngine('redirects are refused from live article paths, in loops, and from malformed paths; nothing is stored', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  const refused: [Record<string, string>, string, RegExp][] = [
    [{ from: '/news/election-results', to: '/news', status: '301' }, 'from', /published article lives at that path/],
    [{ from: '/ru/opinion/pochemu-sdelka-vazhna', to: '/news', status: '301' }, 'from', /published article lives at that path/],
    [{ from: '/loop', to: '/loop', status: '301' }, 'to', /cannot point to its own path/],
    [{ from: 'old-page', to: '/news', status: '301' }, 'from', /starts with a single/],
    [{ from: '//evil.example', to: '/news', status: '301' }, 'from', /starts with a single/],
    [{ from: '/a b', to: '/news', status: '301' }, 'from', /spaces/],
    [{ from: '/old/', to: '/news', status: '301' }, 'from', /may not end with/],
    [{ from: '/desk/login', to: '/news', status: '301' }, 'from', /belongs to the application/],
    [{ from: '/old', to: 'javascript:alert(1)', status: '301' }, 'to', /only http and https/],
    [{ from: '/old', to: '', status: '301' }, 'to', /give an article id/],
    [{ from: '/old', to: '99999', status: '301' }, 'to', /there is no article 99999/],
    [{ from: '/old', to: '/news', status: '302' }, 'status', /301 \(moved\) or 410/],
  ]
  for (const [form, field, message] of refused) {
    const res = await d.post('/desk/redirects', form)
    assert.equal(res.statusCode, 400, JSON.stringify(form))
    assert.match(res.body, message, JSON.stringify(form))
    assert.match(res.body, new RegExp(`name="${field}"[^>]*aria-invalid="true"`), field)
  }
  // A loop through a second redirect.
  assert.equal((await d.post('/desk/redirects', { from: '/a', to: '/b', status: '301' })).statusCode, 303)
  const loop = await d.post('/desk/redirects', { from: '/b', to: '/a', status: '301' })
  assert.equal(loop.statusCode, 400)
  assert.match(loop.body, /loop/)
  const duplicate = await d.post('/desk/redirects', { from: '/a', to: '/c', status: '301' })
  assert.equal(duplicate.statusCode, 400)
  assert.equal((await d.a.store.redirects.list({ limit: 100, offset: 0 })).items.length, 1)
  assert.equal((await d.a.store.audit.list({ limit: 100, action: 'redirect.create' })).length, 1)
})

forEachEngine('deleting a redirect makes the old path 404 again', async (t, engine) => {
  const d = await deskNewsroom(t, engine)
  await d.post('/desk/redirects', { from: '/gone', to: '/news', status: '301' })
  const { items } = await d.a.store.redirects.list({ limit: 10, offset: 0 })
  assert.equal((await d.post(`/desk/redirects/${items[0]!.id}/delete`, {})).statusCode, 303)
  assert.equal((await d.a.app.inject('/gone')).statusCode, 404)
  assert.equal(await lastAction(d), 'redirect.delete')
  assert.equal((await d.post(`/desk/redirects/${items[0]!.id}/delete`, {})).statusCode, 404)
  assert.equal((await d.post('/desk/redirects/abc/delete', {})).statusCode, 400)
})
