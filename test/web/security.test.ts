// Security headers on every response, and user text escaped everywhere it appears (src/web/security.ts, src/render/).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp, jsonLd } from '../support/web.ts'
import { seedArticle, seedTaxonomy } from '../support/seed.ts'
import { HOUR, NOW } from '../support/editing.ts'

test('every response carries CSP, nosniff, referrer, permissions and frame policies', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await seedTaxonomy(store)
  await seedArticle(store, { title: 'Headers', slug: 'headers' })
  for (const url of ['/', '/news/headers', '/healthz', '/no-such-page', '/%E0%A4%A', `/news/${'a'.repeat(5000)}`, '/news/', '/archive?from=x']) {
    const h = (await app.inject(url)).headers
    const csp = h['content-security-policy'] as string
    assert.match(csp, /default-src 'self'/, url)
    assert.match(csp, /script-src 'self'/, url)
    assert.match(csp, /object-src 'none'/, url)
    assert.match(csp, /frame-ancestors 'self'/, url)
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, url)
    assert.equal(h['x-content-type-options'], 'nosniff', url)
    assert.equal(h['referrer-policy'], 'strict-origin-when-cross-origin', url)
    assert.equal(h['x-frame-options'], 'SAMEORIGIN', url)
    assert.match(h['permissions-policy'] as string, /camera=\(\)/, url)
  }
})

test('HSTS is sent when SITE_URL is https and not when it is http', async (t) => {
  const https = await buildSiteApp(t)
  assert.equal((await https.app.inject('/')).headers['strict-transport-security'], 'max-age=31536000; includeSubDomains')
  const http = await buildSiteApp(t, { env: { SITE_URL: 'http://localhost:3000' } })
  assert.equal((await http.app.inject('/')).headers['strict-transport-security'], undefined)
})

test('a script in a title, standfirst, body, tag, section or author name is escaped on every page', async (t) => {
  const { app, store } = await buildSiteApp(t)
  const XSS = '<script>alert(1)</script>'
  const ATTR = '"><img src=x onerror=alert(2)>'
  await store.transaction(async (tx) => {
    await tx.taxonomy.insertSection({ slug: 'news', name: `News ${XSS}`, description: ATTR, position: 0 })
    await tx.taxonomy.insertTag({ slug: 'evil', name: `Tag ${XSS}`, kind: 'topic', parentId: null, isoCode: null, description: ATTR })
    await tx.people.insertAuthor({ slug: 'mallory', name: `Mallory ${XSS}`, bio: ATTR, kind: 'guest', photoMediaId: null })
  })
  const id = await seedArticle(store, {
    title: XSS, slug: 'xss', standfirst: ATTR, bodyHtml: `<p>${XSS}</p><p onclick="alert(3)">x</p>`, tags: ['evil'], authors: ['mallory'],
    editorsChoiceRank: 1, seoTitle: ATTR,
  })
  await seedArticle(store, { title: `Second ${XSS}`, slug: 'second', tags: ['evil'], authors: ['mallory'] })
  await store.views.add(NOW - (NOW % HOUR), new Map([[id, 3]]))
  await store.site.setSetting('name', `Site ${XSS}`)
  await store.site.setSetting('description', ATTR)
  const pages = ['/', '/news', '/news/xss', '/news/second', '/tag/evil', '/author/mallory', '/archive', '/archive?section=news', '/popular', '/no-such-page']
  for (const url of pages) {
    const res = await app.inject(url)
    assert.ok(res.statusCode === 200 || res.statusCode === 404, `${url} answered ${res.statusCode}`)
    assert.doesNotMatch(res.body, /<script>alert/, url)
    assert.doesNotMatch(res.body, /<img src=x/, url)
    assert.doesNotMatch(res.body, /onclick/, url)
    const scripts = [...res.body.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1])
    const ours = (attrs: string | undefined) => attrs === ' type="application/ld+json"' || /^ src="\/assets\/[\w.-]+\.js"( defer)?$/.test(attrs ?? '')
    assert.ok(scripts.every(ours), `${url}: only JSON-LD and our own asset scripts, got ${scripts.join(' | ')}`)
  }
  const article = await app.inject('/news/xss')
  assert.match(article.body, /<h1 class="article-title">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h1>/)
  assert.match(article.body, /<meta name="description" content="&quot;&gt;&lt;img src=x onerror=alert\(2\)&gt;">/)
  const [ld] = jsonLd(article.body)
  assert.equal(ld?.headline, XSS, 'JSON-LD keeps the text and escapes it for the script element')
  assert.doesNotMatch(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(article.body)?.[1] ?? '', /</)
})

test('a menu link with a javascript: or protocol-relative URL is neutralised', async (t) => {
  const { app, store } = await buildSiteApp(t)
  await store.site.setSetting('menu', [
    { label: 'Evil', href: 'javascript:alert(1)' }, { label: 'Away', href: '//evil.example/x' }, { label: 'Slashy', href: '/\\evil.example' },
    { label: 'News', href: '/news' },
  ])
  const body = (await app.inject('/')).body
  assert.match(body, /<a href="#">Evil<\/a>/)
  assert.match(body, /<a href="#">Away<\/a>/)
  assert.match(body, /<a href="#">Slashy<\/a>/)
  assert.match(body, /<a href="\/news">News<\/a>/)
  assert.doesNotMatch(body, /javascript:|evil\.example/)
})
