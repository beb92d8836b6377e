// MEDIA_PUBLIC_URL: every media URL the site emits (pages, JSON-LD, feeds, the APIs) points at the public base; the
// share image (/share/) stays on the site, and without the variable nothing changes.

import assert from 'node:assert/strict'
import path from 'node:path'
import { test, type TestContext } from 'node:test'
import { buildSiteApp } from '../../support/web.ts'
import { seedArticle, seedTaxonomy } from '../../support/seed.ts'
import { jpegImage } from '../../support/images.ts'
import { api, apiUser } from '../../support/admin-api.ts'
import { NEWSLETTER } from '../../support/newsletters.ts'
import { makeDueVariants } from '../../../src/media/variant-queue.ts'
import { absoluteMediaUrl, publicMediaUrl } from '../../../src/domain/media.ts'

const SYSTEM = { userId: null, role: 'admin' } as const
const BASE = 'https://cdn.news.example/site'

/** A site with a logo, an icon and a published article whose JPEG hero has its variants made; `env` as given. */
async function site(t: TestContext, env: Record<string, string>) {
  const testApp = await buildSiteApp(t, { env })
  const { store, services, config, clock } = testApp
  await seedTaxonomy(store)
  await store.site.setSetting('logo', '2026/11/logo.png')
  await store.site.setSetting('favicon', '2026/11/icon.png')
  const hero = await services.media.upload({ data: await jpegImage(2000, 1000), filename: 'hero.jpg', alt: 'Crowds at the polls' }, SYSTEM)
  await seedArticle(store, { title: 'Turnout is high', slug: 'turnout', heroMediaId: hero.id }, clock.now())
  await makeDueVariants({ store, clock, mediaDir: path.join(config.dataDir, 'media') })
  return { ...testApp, hero, stem: hero.path.replace(/\.jpg$/, '') }
}

const attr = (body: string, re: RegExp): string => re.exec(body)?.[1] ?? ''

test('publicMediaUrl maps /media/<key> to the base and leaves every other URL alone', () => {
  assert.equal(publicMediaUrl('/media/2026/12/a.jpg', BASE), `${BASE}/2026/12/a.jpg`)
  assert.equal(publicMediaUrl('/media/2026/12/a.jpg', null), '/media/2026/12/a.jpg')
  assert.equal(publicMediaUrl('/share/7.jpg', BASE), '/share/7.jpg')
  assert.equal(publicMediaUrl('/assets/site-icon.abc.svg', BASE), '/assets/site-icon.abc.svg')
  assert.equal(publicMediaUrl('/mediax/a.jpg', BASE), '/mediax/a.jpg')
  assert.equal(absoluteMediaUrl('/media/a.jpg', 'https://news.example', BASE), `${BASE}/a.jpg`)
  assert.equal(absoluteMediaUrl('/media/a.jpg', 'https://news.example', null), 'https://news.example/media/a.jpg')
  assert.equal(absoluteMediaUrl('/share/1.jpg', 'https://news.example', BASE), 'https://news.example/share/1.jpg')
})

test('with MEDIA_PUBLIC_URL, the hero, its srcset, og:image, JSON-LD, the logo, the icon, the RSS enclosure, the APIs and newsletters link the public base', async (t) => {
  const testApp = await site(t, { MEDIA_PUBLIC_URL: `${BASE}/` })
  const { app, hero, stem } = testApp
  const page = await app.inject('/news/turnout')
  assert.equal(page.statusCode, 200)
  const figure = attr(page.body, /<figure class="hero">([\s\S]*?)<\/figure>/)
  assert.match(figure, new RegExp(`<source type="image/webp" srcset="${BASE}/${stem}-480w.webp 480w, ${BASE}/${stem}-960w.webp 960w, ${BASE}/${stem}-1600w.webp 1600w"`))
  assert.match(figure, new RegExp(`<img src="${BASE}/${hero.path}" srcset="${BASE}/${stem}-480w.jpg 480w, ${BASE}/${stem}-960w.jpg 960w, ${BASE}/${stem}-1600w.jpg 1600w, ${BASE}/${hero.path} 2000w"`))
  assert.doesNotMatch(figure, /"\/media\/|, \/media\//)
  // The share image is cut by the site (/share/), so it stays there; JSON-LD names the original.
  assert.equal(attr(page.body, /<meta property="og:image" content="([^"]+)"/), `https://news.example/share/${hero.id}.jpg`)
  assert.match(page.body, new RegExp(`"image":\\["${BASE}/${hero.path}"\\]`))

  const front = await app.inject('/')
  assert.match(front.body, new RegExp(`<img src="${BASE}/${hero.path}"`))

  // The logo in the masthead and as the publisher's logo in JSON-LD, and the uploaded icon.
  assert.match(page.body, new RegExp(`<a class="brand" href="/"><img src="${BASE}/2026/11/logo.png"`))
  assert.match(page.body, new RegExp(`"logo":\\{"@type":"ImageObject","url":"${BASE}/2026/11/logo.png"\\}`))
  assert.match(page.body, new RegExp(`<link rel="icon" href="${BASE}/2026/11/icon.png">`))
  assert.equal((await app.inject('/favicon.ico')).headers.location, `${BASE}/2026/11/icon.png`)
  assert.match(String(page.headers['content-security-policy']), /img-src 'self' https: data:;/, 'an https base needs no exception')

  const rss = await app.inject('/rss.xml')
  assert.match(rss.body, new RegExp(`<enclosure [^>]*url="${BASE}/${hero.path}"`))

  const content = (await app.inject('/api/v1/articles/news/turnout')).json() as { hero: { url: string } }
  assert.equal(content.hero.url, `${BASE}/${hero.path}`)

  const admin = (await api(testApp, await apiUser(testApp, 'editor'), { url: `/api/v1/admin/media/${hero.id}` })).json() as { url: string; variants: { url: string }[] }
  assert.equal(admin.url, `${BASE}/${hero.path}`)
  assert.ok(admin.variants.length > 0 && admin.variants.every((v) => v.url.startsWith(`${BASE}/${stem}-`)), JSON.stringify(admin.variants))

  // A newsletter issue links its images there too.
  const newsletter = await testApp.store.newsletters.insert({ ...NEWSLETTER, sections: ['news'] }, testApp.clock.now())
  await testApp.services.newsletterIssues.compose(SYSTEM, newsletter)
  const [issue] = await testApp.store.newsletterIssues.list(newsletter)
  assert.equal(issue?.items.find((i) => i.title === 'Turnout is high')?.imageUrl, `${BASE}/${hero.path}`)
})

test('without MEDIA_PUBLIC_URL, media URLs stay on the site under /media/', async (t) => {
  const { app, hero, stem } = await site(t, {})
  const page = await app.inject('/news/turnout')
  assert.match(page.body, new RegExp(`<img src="/media/${hero.path}" srcset="/media/${stem}-480w.jpg 480w`))
  assert.equal(attr(page.body, /<meta property="og:image" content="([^"]+)"/), `https://news.example/share/${hero.id}.jpg`)
  assert.match(page.body, new RegExp(`"image":\\["https://news.example/media/${hero.path}"\\]`))
  assert.match(page.body, /<a class="brand" href="\/"><img src="\/media\/2026\/11\/logo\.png"/)
  assert.match(page.body, /<link rel="icon" href="\/media\/2026\/11\/icon\.png">/)
  assert.match((await app.inject('/rss.xml')).body, new RegExp(`<enclosure [^>]*url="https://news.example/media/${hero.path}"`))
  assert.equal(((await app.inject('/api/v1/articles/news/turnout')).json() as { hero: { url: string } }).hero.url, `https://news.example/media/${hero.path}`)
})

test('a plain http MEDIA_PUBLIC_URL is allowed as an image origin by the page policy, and only that origin', async (t) => {
  const { app } = await buildSiteApp(t, { env: { MEDIA_PUBLIC_URL: 'http://10.0.0.5:9000/media-bucket' } })
  const csp = String((await app.inject('/')).headers['content-security-policy'])
  assert.match(csp, /img-src 'self' https: data: http:\/\/10\.0\.0\.5:9000;/)
  assert.doesNotMatch(csp, /img-src[^;]* http:(?!\/\/10\.0\.0\.5:9000)/)
})
