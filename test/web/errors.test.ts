// No request from outside causes a 5xx: a sweep of odd URLs over every route family (src/web/errors.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp, seedNewsroom } from '../support/web.ts'
import { toProblem } from '../../src/web/errors.ts'
import { AppError } from '../../src/errors.ts'
import { cookieHeader, setupOwner } from '../support/desk.ts'

const ODD_URLS = [
  '/news/%00', '/%00', '/tag/..%2f..', '/tag/%2e%2e', '/author/..%5c..', '/media/..%2f..%2fetc%2fpasswd', '/media/../../etc/passwd',
  '/archive?section[]=x', '/archive?section[0]=news', '/archive?page=Infinity', '/tag/energy?page=1e400', '/author/newsroom?page=-Infinity', '/archive?from[]=x', '/archive?page=99999999999', '/archive?page=1e3',
  '/archive?to=2026-11-20&to=2026-11-21', '/archive?from=2026-11-20T00:00', '/archive?section=news&section=news&page=2',
  `/archive?${Array.from({ length: 60 }, () => 'section=news').join('&')}`, '/archive?from=%00', '/archive?from=2026-02-29',
  '/news?page[]=1', '/news?page=1&page=2', '/news?page=%00', '/news?page=NaN', '/news?page=Infinity', '/news?page=0x10',
  '/?page=abc', '/popular?x=%E0%A4%A', '/news/%E0%A4%A', '/%F0%9F%98%80', '/news/%F0%9F%98%80', '/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8',
  '/ru/%D0%BD/%D0%BD', '/ru/news/%00', '/zz/news/x', '/en/news/election-results', '/ru/ru/ru', '/tag', '/author', '/tag/', '/index.php?news_id=%00',
  '/healthz/x', '/assets/site.css', '/assets/../package.json', '/media/', `/${'a/'.repeat(500)}x`, `/news/${'%41'.repeat(3000)}`,
  `/?q=${'x'.repeat(20_000)}`, '/news\\..\\..', '/news/election-results?utm_source=x&utm_source=y', '/news/election-results#frag',
  '/*', '/news/*', '/.env', '/.git/config', '/wp-login.php', '/xmlrpc.php', '/news;jsessionid=1',
]

test('odd and hostile URLs never answer 5xx', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  for (const url of ODD_URLS) {
    for (const method of ['GET', 'HEAD'] as const) {
      const res = await app.inject({ method, url })
      assert.ok(res.statusCode < 500, `${method} ${url.slice(0, 60)} answered ${res.statusCode}`)
    }
  }
})

test('odd headers never answer 5xx', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedNewsroom(store)
  const headerSets: Record<string, string>[] = [
    { 'if-none-match': '*' }, { 'if-none-match': '"",,W/' }, { 'accept-encoding': 'gzip;q=abc' }, { 'x-forwarded-for': 'not-an-ip' },
    { 'content-type': 'application/json' }, { cookie: 'a=%E0%A4%A' }, { host: 'evil.example' }, { accept: '*/*;q=x' },
  ]
  for (const headers of headerSets) {
    for (const url of ['/', '/news/election-results', '/archive?section=news']) {
      const res = await app.inject({ url, headers })
      assert.ok(res.statusCode < 500, `${url} with ${JSON.stringify(headers)} answered ${res.statusCode}`)
    }
  }
})

test('error pages never show internals', async (t) => {
  const { app } = await buildSiteApp(t)
  for (const url of ['/%E0%A4%A', '/news?page=abc', '/nowhere']) {
    const body = (await app.inject(url)).body
    assert.doesNotMatch(body, /at .*\.ts:\d+|node_modules|Error:|FST_/, url)
  }
})

test('toProblem maps AppError kinds to 404, 400, 409 and 403 with their message and field', () => {
  assert.deepEqual(toProblem(new AppError('NotFound', 'no such tag')), { status: 404, message: 'no such tag', field: null })
  assert.deepEqual(toProblem(new AppError('Invalid', 'bad from', 'from')), { status: 400, message: 'bad from', field: 'from' })
  assert.equal(toProblem(new AppError('Conflict', 'taken')).status, 409)
  assert.equal(toProblem(new AppError('Forbidden', 'no')).status, 403)
})

test('toProblem keeps a client error’s 4xx and hides any other error as a bare 500', () => {
  assert.deepEqual(toProblem(Object.assign(new Error('Body is too large'), { statusCode: 413 })), { status: 413, message: 'Body is too large', field: null })
  assert.deepEqual(toProblem(new Error('database password is hunter2')), { status: 500, message: null, field: null })
  assert.deepEqual(toProblem(Object.assign(new Error('upstream'), { statusCode: 502 })), { status: 500, message: null, field: null })
  assert.deepEqual(toProblem('a string'), { status: 500, message: null, field: null })
  assert.deepEqual(toProblem(null), { status: 500, message: null, field: null })
})

test('a page number over a route’s maximum answers 400 with that maximum in the message', async (t) => {
  const a = await buildSiteApp(t)
  await seedNewsroom(a.store)
  const owner = cookieHeader(await setupOwner(a))
  const cases: [string, string][] = [
    ['/search?q=vote&page=51', 'page must be a whole number from 1 to 50'],
    ['/search?q=vote&page=5001', 'page must be a whole number from 1 to 50'],
    ['/desk?page=100001', 'page must be a whole number from 1 to 100000'],
    ['/desk/media?page=100001', 'page must be a whole number from 1 to 100000'],
    ['/desk?page=0', 'page must be a whole number from 1 upwards'],
  ]
  for (const [url, message] of cases) {
    const res = await a.app.inject({ url, headers: { cookie: owner } })
    assert.equal(res.statusCode, 400, url)
    assert.ok(res.body.includes(message), `${url}: ${res.body.slice(0, 300)}`)
  }
})
