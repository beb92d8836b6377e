// MEDIA_PUBLIC_URL inside stored bodies: an article's, a page's and a newsletter introduction's `/media/` links and
// images point at the public base wherever readers get them (page, feeds, Content API, messages), while what is stored
// keeps `/media/`; text that mentions /media/ and other URLs stay as they are, and without the variable nothing changes.

import assert from 'node:assert/strict'
import { test, type TestContext } from 'node:test'
import { buildSiteApp } from '../../support/web.ts'
import { seedArticle, seedPage, seedTaxonomy } from '../../support/seed.ts'
import { NEWSLETTER } from '../../support/newsletters.ts'
import { publicBodyMedia } from '../../../src/domain/media.ts'

const SYSTEM = { userId: null, role: 'admin' } as const
const BASE = 'https://cdn.news.example/site'
const KEY = '2026/11/0123456789abcdef-harbour.jpg'
const BODY = `<p>Files live under /media/ on the site, as src="/media/${KEY}" says in this sentence.</p>`
  + `<figure class="image"><a href="/media/${KEY}"><img src="/media/${KEY}" srcset="/media/2026/11/0123456789abcdef-harbour-480w.jpg 480w, /media/${KEY} 1600w" alt="The harbour" width="1600" height="900"></a>`
  + '<figcaption>The harbour at dawn</figcaption></figure>'
  + '<p><a href="/media/2026/11/0123456789abcdef-report.pdf">The report</a>, <a href="/news/other">another story</a> and <a href="https://elsewhere.example/media/x.jpg">a site elsewhere</a>.</p>'

test('publicBodyMedia rewrites media URLs in href, src and srcset only, and nothing without a base', () => {
  const out = publicBodyMedia(BODY, BASE)
  assert.match(out, new RegExp(`<a href="${BASE}/${KEY}"><img src="${BASE}/${KEY}" srcset="${BASE}/2026/11/0123456789abcdef-harbour-480w\\.jpg 480w, ${BASE}/${KEY} 1600w"`))
  assert.match(out, new RegExp(`<a href="${BASE}/2026/11/0123456789abcdef-report\\.pdf">`))
  assert.match(out, /<p>Files live under \/media\/ on the site, as src="\/media\/2026\/11\/0123456789abcdef-harbour\.jpg" says in this sentence\.<\/p>/, 'text is not touched')
  assert.match(out, /<a href="\/news\/other">/)
  assert.match(out, /<a href="https:\/\/elsewhere\.example\/media\/x\.jpg">/)
  assert.equal(publicBodyMedia(BODY, null), BODY)
  assert.equal(publicBodyMedia('<p>No images.</p>', BASE), '<p>No images.</p>')
  // A base with `&` stays a well-formed attribute value.
  assert.equal(publicBodyMedia(`<img src="/media/${KEY}">`, 'https://cdn.example/a&b'), `<img src="https://cdn.example/a&amp;b/${KEY}">`)
  assert.equal(publicBodyMedia('<video src="/media/a.mp4" poster="/media/a.jpg" controls=""></video>', BASE), `<video src="${BASE}/a.mp4" poster="${BASE}/a.jpg" controls=""></video>`)
})

/** A site with an article and a page whose bodies hold a media image, and a newsletter issue introducing one. */
async function site(t: TestContext, env: Record<string, string>) {
  const testApp = await buildSiteApp(t, { env })
  const { store, services, clock } = testApp
  await seedTaxonomy(store)
  const articleId = await seedArticle(store, { title: 'Harbour reopens', slug: 'harbour', bodyHtml: BODY }, clock.now())
  await seedPage(store, { slug: 'about', title: 'About', bodyHtml: `<p>Our office:</p><p><img src="/media/${KEY}" alt="The office"></p>`, updatedAt: clock.now() })
  const newsletter = await store.newsletters.insert({ ...NEWSLETTER, sections: ['news'] }, clock.now())
  await services.newsletterIssues.compose(SYSTEM, newsletter)
  const [issue] = await store.newsletterIssues.list(newsletter)
  await services.newsletterIssues.save(SYSTEM, issue!.id, {
    subject: 'This week', intro: `<p>Under /media/ as text.</p><p><img src="/media/${KEY}" alt="The harbour"></p>`, order: issue!.items.map((i) => String(i.articleId)),
  })
  return { ...testApp, articleId, issueId: issue!.id }
}

/** Every output that shows a body: the article page, the static page, three feeds, the Content API, the newsletter. */
async function outputs(testApp: Awaited<ReturnType<typeof site>>) {
  const { app, services, issueId } = testApp
  const get = async (url: string) => {
    const res = await app.inject(url)
    assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 200)}`)
    return res.body
  }
  return {
    page: await get('/news/harbour'),
    staticPage: await get('/about'),
    rss: await get('/rss.xml'),
    atom: await get('/atom.xml'),
    json: (JSON.parse(await get('/feed.json')) as { items: { content_html: string }[] }).items[0]!.content_html,
    api: (JSON.parse(await get('/api/v1/articles/news/harbour')) as { body_html: string }).body_html,
    newsletter: (await services.newsletterIssues.preview(SYSTEM, issueId)).html,
  }
}

test('with MEDIA_PUBLIC_URL, body images show the public base in the page, the static page, the feeds, the Content API and the newsletter; the stored body keeps /media/', async (t) => {
  const testApp = await site(t, { MEDIA_PUBLIC_URL: `${BASE}/` })
  const out = await outputs(testApp)
  const img = `src="${BASE}/${KEY}"`
  assert.ok(out.page.includes(`<a href="${BASE}/${KEY}"><img ${img} srcset="${BASE}/2026/11/0123456789abcdef-harbour-480w.jpg 480w, ${BASE}/${KEY} 1600w"`), 'the article page')
  assert.ok(out.page.includes(`<a href="${BASE}/2026/11/0123456789abcdef-report.pdf">`), 'a link to a media file')
  assert.ok(out.page.includes(`Files live under /media/ on the site, as src="/media/${KEY}" says`), 'text mentioning /media/ is not rewritten')
  assert.ok(out.staticPage.includes(`<img ${img} alt="The office"`), 'the static page')
  // RSS and Atom carry the body escaped inside the XML.
  assert.ok(out.rss.includes(`src=&quot;${BASE}/${KEY}&quot;`) || out.rss.includes(`<img ${img}`), 'RSS')
  assert.ok(out.atom.includes(`src=&quot;${BASE}/${KEY}&quot;`) || out.atom.includes(`<img ${img}`), 'Atom')
  assert.ok(!/src=(?:&quot;|")https:\/\/news\.example\/media\//.test(out.rss + out.atom), 'no body image at the site in RSS or Atom')
  assert.ok(out.json.includes(`<img ${img}`) && out.json.includes('Files live under /media/'), 'JSON Feed')
  assert.ok(out.api.includes(`<img ${img}`) && out.api.includes('Files live under /media/'), 'the Content API')
  assert.ok(out.newsletter.includes(`<img ${img} alt="The harbour"`) && out.newsletter.includes('Under /media/ as text.'), 'the newsletter')
  // Leaving out the sentence that quotes an attribute as text, nothing else names /media/ in an attribute.
  for (const [name, body] of Object.entries(out)) assert.ok(!/(?:src|href)="\/media\//.test(body.replaceAll(`as src="/media/${KEY}" says`, '')), `${name} links /media/ in an attribute`)

  const stored = await testApp.store.articles.get(testApp.articleId)
  assert.ok(stored?.bodyHtml.includes(`<img src="/media/${KEY}"`), 'what is stored is unchanged')
  const admin = (await testApp.services.deskReads.view(SYSTEM, testApp.articleId)).article
  assert.ok(admin.bodyHtml.includes(`<img src="/media/${KEY}"`), 'the desk edits the stored body')
})

test('without MEDIA_PUBLIC_URL, body images stay under /media/ everywhere (absolute at the site where read away from it)', async (t) => {
  const out = await outputs(await site(t, {}))
  assert.ok(out.page.includes(`<a href="/media/${KEY}"><img src="/media/${KEY}" srcset="/media/2026/11/0123456789abcdef-harbour-480w.jpg 480w`))
  assert.ok(out.staticPage.includes(`<img src="/media/${KEY}" alt="The office"`))
  assert.ok(out.api.includes(`<img src="/media/${KEY}"`))
  assert.ok(out.json.includes(`<img src="https://news.example/media/${KEY}"`))
  assert.ok(out.rss.includes(`src=&quot;https://news.example/media/${KEY}&quot;`) || out.rss.includes(`<img src="https://news.example/media/${KEY}"`))
  // A message is read away from the site: its images need the site's address.
  assert.ok(out.newsletter.includes(`<img src="https://news.example/media/${KEY}" alt="The harbour"`))
  assert.ok(!out.page.includes(BASE))
})
