// The desk's article editor on both engines: create, edit, save and its conflicts, autosave, roles, CSRF, the workflow.

import { test, type TestContext } from 'node:test'
import assert from 'node:assert/strict'
import { buildSiteApp } from '../../support/web.ts'
import { seedTaxonomy } from '../../support/seed.ts'
import { cookieHeader, csrfOf, postForm, setupOwner, userSession } from '../../support/desk.ts'
import { forEachEngine as eachEngine } from '../../support/databases.ts'
import type { TestApp } from '../../support/build-test-app.ts'
import { sanitizeBody } from '../../../src/content/sanitize.ts'
import { instantOfLocal, localOfInstant } from '../../../src/domain/calendar.ts'
import { embedFor, isAllowedLink } from '../../../client/editor/embed-url.ts'

type Cookies = Record<string, string>

/** Defines `name` once per engine, on an app with the test taxonomy and `env` added to its configuration. */
function forEachEngine(name: string, fn: (a: TestApp, t: TestContext) => Promise<void>, env: NodeJS.ProcessEnv = {}): void {
  eachEngine(name, async (t, engine) => {
    const a = await buildSiteApp(t, { engine, env })
    await seedTaxonomy(a.store)
    await fn(a, t)
  })
}

const get = (a: TestApp, url: string, cookies: Cookies) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })

const FORM = { title: 'Vote counted in Astana', standfirst: 'Observers were there.', body: '<p>The count <strong>began</strong>.</p>', section: 'news', genre: 'news', tags: 'energy, Water rights', new_tags: 'Water rights', 'author:aigerim-sadykova': '1' }

/** Creates an article through the form as `cookies`; returns its id. */
async function createThroughForm(a: TestApp, cookies: Cookies, form: Record<string, string> = FORM): Promise<number> {
  const csrf = csrfOf((await get(a, '/desk/articles/new', cookies)).body)
  const res = await postForm(a, '/desk/articles', { ...form, _csrf: csrf }, cookies)
  assert.equal(res.statusCode, 303, res.body)
  const m = /^\/desk\/articles\/(\d+)\/edit/.exec(res.headers.location as string)
  assert.ok(m, `redirected to the edit page, not ${res.headers.location}`)
  return Number(m[1])
}

/** The edit page's form as fields, with its CSRF token and version. */
async function editForm(a: TestApp, id: number, cookies: Cookies) {
  const page = await get(a, `/desk/articles/${id}/edit`, cookies)
  assert.equal(page.statusCode, 200, page.body)
  const version = /name="version" value="(\d+)"/.exec(page.body)?.[1]
  return { page, csrf: csrfOf(page.body), version: version! }
}

forEachEngine('a writer creates a draft through the New article form and edits it; new tags are created when chosen', async (a) => {
  const owner = await setupOwner(a)
  const form = await get(a, '/desk/articles/new', owner)
  assert.equal(form.statusCode, 200)
  for (const label of ['Title', 'Standfirst', 'Body', 'Section', 'Genre', 'Tags', 'Hero image', 'Slug', 'SEO title', 'SEO description', "Editor&#39;s choice rank", 'Language']) {
    assert.match(form.body, new RegExp(`<label for="f-[a-z_]+"[^>]*>${label}`), `${label} has a label`)
  }
  const id = await createThroughForm(a, owner)
  const article = (await a.store.articles.get(id))!
  assert.equal(article.title, 'Vote counted in Astana')
  assert.equal(article.slug, 'vote-counted-in-astana', 'the slug comes from the title')
  assert.equal(article.status, 'draft')
  const created = await a.store.taxonomy.tagBySlug('water-rights')
  assert.equal(created?.kind, 'topic', 'a tag chosen as new becomes a topic')
  assert.equal(created?.name, 'Water rights')
  const { page } = await editForm(a, id, owner)
  assert.match((await get(a, `/desk/articles/${id}/edit?notice=created`, owner)).body, /Draft created\./)
  assert.match(page.body, /value="Energy, Water rights"/)
  assert.match(page.body, /name="author:aigerim-sadykova" value="1" checked/)
  assert.match(page.body, /&lt;p&gt;The count &lt;strong&gt;began&lt;\/strong&gt;.&lt;\/p&gt;<\/textarea>/, 'the body is in the fallback textarea')
  assert.doesNotMatch(page.body, /<script(?![^>]*(type="application\/json"|type="module" src="\/assets\/))/, 'no inline script')
  // A form without a title is refused with the writer's text kept.
  const csrf = csrfOf(form.body)
  const bad = await postForm(a, '/desk/articles', { ...FORM, title: ' ', body: '<p>Keep me</p>', _csrf: csrf }, owner)
  assert.equal(bad.statusCode, 400)
  assert.match(bad.body, /a title is required/)
  assert.match(bad.body, /&lt;p&gt;Keep me&lt;\/p&gt;/)
  const tagCount = (await a.store.taxonomy.tags()).length
  for (const tags of ['!!!', Array.from({ length: 31 }, (_, i) => `topic ${i}`).join(', '), `${'x'.repeat(101)}`]) {
    const res = await postForm(a, '/desk/articles', { ...FORM, tags, _csrf: csrf }, owner)
    assert.equal(res.statusCode, 400, tags)
    assert.match(res.body, /tag/)
  }
  const badSection = await postForm(a, '/desk/articles', { ...FORM, tags: 'Brand new topic', section: 'nowhere', _csrf: csrf }, owner)
  assert.equal(badSection.statusCode, 400)
  assert.equal((await a.store.taxonomy.tags()).length, tagCount, 'a refused form creates no tag')
  const odd = await postForm(a, '/desk/articles', { ...FORM, hero: 'abc', _csrf: csrf }, owner)
  assert.equal(odd.statusCode, 400)
  assert.equal((await postForm(a, '/desk/articles', { ...FORM, editors_choice_rank: '0', _csrf: csrf }, owner)).statusCode, 400)
})

forEachEngine('saving needs the version; a stale one answers 409 saying who saved, keeps the text in the form and as a revision', async (a) => {
  const owner = await setupOwner(a)
  const editor = await userSession(a, 'editor')
  const id = await createThroughForm(a, owner)
  const mine = await editForm(a, id, owner)
  const theirs = await editForm(a, id, editor.cookies)
  const ok = await postForm(a, `/desk/articles/${id}`, { ...FORM, title: 'Vote counted in Astana, observers say', version: theirs.version, _csrf: theirs.csrf }, editor.cookies)
  assert.equal(ok.statusCode, 303, ok.body)
  assert.equal(ok.headers.location, `/desk/articles/${id}/edit?notice=saved`)
  const stale = await postForm(a, `/desk/articles/${id}`, { ...FORM, body: '<p>My own paragraph.</p>', version: mine.version, _csrf: mine.csrf }, owner)
  assert.equal(stale.statusCode, 409)
  assert.match(stale.body, /Editor User saved this article at .* \(version 2\)/)
  assert.match(stale.body, /Your text was not lost/)
  assert.match(stale.body, /&lt;p&gt;My own paragraph.&lt;\/p&gt;/, 'the losing text is still in the form')
  const revisions = await a.services.editing.revisions(id)
  assert.equal(revisions.items[0]?.kind, 'conflict')
  assert.equal((await a.store.articles.get(id))!.title, 'Vote counted in Astana, observers say')
  // Without a version the save is refused, not guessed.
  const noVersion = await postForm(a, `/desk/articles/${id}`, { ...FORM, _csrf: mine.csrf }, owner)
  assert.equal(noVersion.statusCode, 400)
})

forEachEngine('autosave takes JSON, answers the new version, never changes the live page, and 409s a stale version', async (a) => {
  const owner = await setupOwner(a)
  const id = await createThroughForm(a, owner)
  const { csrf } = await editForm(a, id, owner)
  await postForm(a, `/desk/articles/${id}/status`, { to: 'published', _csrf: csrf }, owner)
  const live = await a.app.inject('/news/vote-counted-in-astana')
  assert.equal(live.statusCode, 200)
  const { version } = await editForm(a, id, owner)
  const autosave = (body: unknown, cookies = owner) => a.app.inject({ method: 'POST', url: `/desk/articles/${id}/autosave`, payload: body as object, headers: { cookie: cookieHeader(cookies) } })
  const res = await autosave({ _csrf: csrf, version: Number(version), fields: { ...FORM, title: 'Autosaved headline' } })
  assert.equal(res.statusCode, 200, res.body)
  assert.equal(res.json().version, Number(version) + 1)
  assert.equal((await a.store.articles.get(id))!.title, 'Autosaved headline', 'the working copy changed')
  const after = await a.app.inject('/news/vote-counted-in-astana')
  assert.match(after.body, /Vote counted in Astana/)
  assert.doesNotMatch(after.body, /Autosaved headline/, 'the live page did not')
  const stale = await autosave({ _csrf: csrf, version: Number(version), fields: { ...FORM, title: 'Late' } })
  assert.equal(stale.statusCode, 409)
  assert.match(stale.json().error, /saved this article at/)
  assert.equal(stale.json().currentVersion, Number(version) + 1)
  const invalid = await autosave({ _csrf: csrf, version: Number(version) + 1, fields: { ...FORM, section: 'nowhere' } })
  assert.equal(invalid.statusCode, 400)
  assert.match(invalid.json().error, /unknown section/)
  const odd = await autosave({ _csrf: csrf, version: 'x', fields: [] })
  assert.equal(odd.statusCode, 400)
  // No token: refused and nothing changes.
  const forged = await autosave({ version: Number(version) + 1, fields: { ...FORM, title: 'Forged' } })
  assert.equal(forged.statusCode, 403)
  const forgedForm = await postForm(a, `/desk/articles/${id}`, { ...FORM, title: 'Forged', version: String(Number(version) + 1) }, owner)
  assert.equal(forgedForm.statusCode, 403)
  assert.equal((await a.store.articles.get(id))!.title, 'Autosaved headline')
})

forEachEngine('roles: a contributor edits and submits only their own articles; someone else’s answers 403', async (a) => {
  const owner = await setupOwner(a)
  const contributor = await userSession(a, 'contributor')
  const author = await userSession(a, 'author')
  const others = await createThroughForm(a, owner)
  assert.equal((await get(a, `/desk/articles/${others}/edit`, contributor.cookies)).statusCode, 403)
  assert.equal((await get(a, `/desk/articles/${others}/revisions`, contributor.cookies)).statusCode, 403)
  const csrf = csrfOf((await get(a, '/desk/articles/new', contributor.cookies)).body)
  const post = await postForm(a, `/desk/articles/${others}`, { ...FORM, title: 'Hijacked', version: '1', _csrf: csrf }, contributor.cookies)
  assert.equal(post.statusCode, 403)
  assert.equal((await a.store.articles.get(others))!.title, FORM.title)

  // The form shows the rank disabled to contributors; a forged one is refused, and nothing is created.
  const forgedRank = await postForm(a, '/desk/articles', { ...FORM, title: 'A contributor curates', editors_choice_rank: '1', _csrf: csrf }, contributor.cookies)
  assert.equal(forgedRank.statusCode, 403)
  assert.match(forgedRank.body, /may not curate the front page/)
  assert.equal((await a.store.deskArticles.list({ page: 1, perPage: 50, text: 'curates' })).items.length, 0)
  const own = await createThroughForm(a, contributor.cookies, { ...FORM, title: 'A contributor writes' })
  assert.equal((await a.store.articles.get(own))!.editorsChoiceRank, null)
  const page = (await editForm(a, own, contributor.cookies)).page.body
  assert.match(page, /name="editors_choice_rank" type="number" maxlength="4" value="" disabled/)
  assert.match(page, /Submit for review/)
  assert.doesNotMatch(page, /Publish now|Schedule/, 'contributors may not publish')
  const publish = await postForm(a, `/desk/articles/${own}/status`, { to: 'published', _csrf: csrf }, contributor.cookies)
  assert.equal(publish.statusCode, 403)
  const submit = await postForm(a, `/desk/articles/${own}/status`, { to: 'in_review', _csrf: csrf }, contributor.cookies)
  assert.equal(submit.statusCode, 303)
  assert.equal((await a.store.articles.get(own))!.status, 'in_review')

  // An author publishes their own; an editor may publish anyone's.
  const authorsOwn = await createThroughForm(a, author.cookies, { ...FORM, title: 'An author writes' })
  const authorPage = (await editForm(a, authorsOwn, author.cookies)).page.body
  assert.match(authorPage, /Publish now/)
  assert.match(authorPage, /Schedule/)
  assert.equal((await get(a, `/desk/articles/${own}/edit`, author.cookies)).statusCode, 403)
  const editorPage = (await editForm(a, own, owner)).page.body
  assert.match(editorPage, /Back to draft/)
  assert.match(editorPage, /Publish now/)
  assert.equal((await get(a, '/desk/articles/999999/edit', owner)).statusCode, 404)
  assert.equal((await get(a, '/desk/articles/abc/edit', owner)).statusCode, 400)
})

forEachEngine('scheduling reads the time in the site time zone; publishing, republishing and unpublishing move the live page', async (a) => {
  const owner = await setupOwner(a)
  const id = await createThroughForm(a, owner)
  const { csrf, page } = await editForm(a, id, owner)
  assert.match(page.body, /Publish at \(Europe\/Berlin\)/)
  const past = await postForm(a, `/desk/articles/${id}/status`, { to: 'scheduled', at: '2020-01-01T10:00', _csrf: csrf }, owner)
  assert.equal(past.statusCode, 400)
  const nonsense = await postForm(a, `/desk/articles/${id}/status`, { to: 'scheduled', at: '2026-02-30T10:00', _csrf: csrf }, owner)
  assert.equal(nonsense.statusCode, 400)
  const res = await postForm(a, `/desk/articles/${id}/status`, { to: 'scheduled', at: '2026-11-28T09:30', _csrf: csrf }, owner)
  assert.equal(res.statusCode, 303, res.body)
  const scheduled = (await a.store.articles.get(id))!
  assert.equal(scheduled.status, 'scheduled')
  // Berlin is at UTC+1 in November: 09:30 there is 08:30 UTC.
  assert.equal(scheduled.scheduledAt, Date.UTC(2026, 10, 28, 8, 30))
  assert.match((await editForm(a, id, owner)).page.body, /Publishes at/)

  assert.equal((await postForm(a, `/desk/articles/${id}/status`, { to: 'published', _csrf: csrf }, owner)).statusCode, 303)
  assert.equal((await a.app.inject('/news/vote-counted-in-astana')).statusCode, 200)
  // A new slug on a published article, republished: the old address answers 301.
  const form = await editForm(a, id, owner)
  assert.doesNotMatch(form.page.body, /Publish changes/, 'nothing to put live yet')
  await postForm(a, `/desk/articles/${id}`, { ...FORM, slug: 'astana-count', version: form.version, _csrf: csrf }, owner)
  assert.equal((await a.app.inject('/news/vote-counted-in-astana')).statusCode, 200, 'saving alone leaves the live page')
  assert.match((await editForm(a, id, owner)).page.body, /Publish changes/)
  await postForm(a, `/desk/articles/${id}/status`, { to: 'published', _csrf: csrf }, owner)
  const old = await a.app.inject('/news/vote-counted-in-astana')
  assert.equal(old.statusCode, 301)
  assert.equal(old.headers.location, '/news/astana-count')
  assert.equal((await postForm(a, `/desk/articles/${id}/status`, { to: 'unpublished', confirm: 'yes', _csrf: csrf }, owner)).statusCode, 303)
  assert.equal((await a.app.inject('/news/astana-count')).statusCode, 410)
  const wrong = await postForm(a, `/desk/articles/${id}/status`, { to: 'in_review', _csrf: csrf }, owner)
  assert.equal(wrong.statusCode, 409)
}, { SITE_TIMEZONE: 'Europe/Berlin' })

forEachEngine('the preview link redirects to a signed preview of the working copy', async (a) => {
  const owner = await setupOwner(a)
  const id = await createThroughForm(a, owner)
  const res = await get(a, `/desk/articles/${id}/preview`, owner)
  assert.equal(res.statusCode, 303)
  const preview = await a.app.inject(res.headers.location as string)
  assert.equal(preview.statusCode, 200)
  assert.match(preview.body, /Vote counted in Astana/)
})

/** Body HTML exactly as the editor's figure, pull quote, embed and link-card nodes write it. */
const EDITOR_BLOCKS = [
  '<p>Opening with <strong>bold</strong>, <em>italic</em> and <a href="https://example.org/report" rel="noopener noreferrer">a link</a>.</p>',
  '<h2>Heading</h2><h3>Subheading</h3>',
  '<blockquote><p>We will accept the result.</p></blockquote>',
  '<blockquote class="pull-quote"><p>The count was slow but fair.</p></blockquote>',
  '<figure class="image"><img src="/media/2026/11/ab12-ballot.jpg" srcset="/media/2026/11/ab12-ballot-320.jpg 320w, /media/2026/11/ab12-ballot.jpg 1200w" sizes="(min-width: 48rem) 44rem, 100vw" alt="A ballot box" width="1200" height="800" data-media-id="7"><figcaption>Ballots in Almaty. <small>Photo: A. Reporter</small></figcaption></figure>',
  '<figure class="embed embed-video"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Video: the count" width="560" height="315" allowfullscreen="true" loading="lazy"></iframe></figure>',
  '<figure class="embed embed-video"><iframe src="https://player.vimeo.com/video/76979871" title="Video" width="560" height="315" allowfullscreen="true" loading="lazy"></iframe></figure>',
  '<aside class="embed-card"><p><a href="https://x.com/osce/status/1234567890" rel="noopener noreferrer">Post on X by @osce</a></p></aside>',
  '<ul><li><p>One</p></li></ul><ol><li><p>Two</p></li></ol><hr />',
]

test('what the editor writes survives the sanitizer unchanged: figures, pull quotes, embeds and X link cards', () => {
  // The sanitizer writes void elements as `<img … />`: the same markup, so compare without that.
  const norm = (s: string) => s.replace(/\s*\/>/g, '>')
  for (const block of EDITOR_BLOCKS) assert.equal(norm(sanitizeBody(block)), norm(block), block)
})

forEachEngine('a body with figure, pull quote, embed and link card round-trips through save and publish to the site', async (a) => {
  const owner = await setupOwner(a)
  const body = EDITOR_BLOCKS.join('')
  const id = await createThroughForm(a, owner, { ...FORM, body })
  assert.equal((await a.store.articles.get(id))!.bodyHtml, sanitizeBody(body))
  const { csrf } = await editForm(a, id, owner)
  await postForm(a, `/desk/articles/${id}/status`, { to: 'published', _csrf: csrf }, owner)
  const live = (await a.app.inject('/news/vote-counted-in-astana')).body
  for (const needle of ['class="pull-quote"', '<figcaption>Ballots in Almaty. <small>Photo: A. Reporter</small></figcaption>', 'youtube-nocookie.com/embed/dQw4w9WgXcQ', 'class="embed-card"', 'x.com/osce/status/1234567890']) {
    assert.ok(live.includes(needle), `the live page has ${needle}`)
  }
  // A script or an unknown player is dropped.
  const dirty = sanitizeBody('<figure class="embed"><iframe src="https://evil.example/embed"></iframe></figure><script>alert(1)</script>')
  assert.doesNotMatch(dirty, /iframe|script/)
})

test('the editor page loads its bundle from a fingerprinted /assets URL as a module, under the CSP, with no inline script', async (t) => {
  const a = await buildSiteApp(t)
  await seedTaxonomy(a.store)
  const owner = await setupOwner(a)
  // A missing or stale bundle is built in the background on first need; the page is a plain form meanwhile.
  let script: string | undefined
  for (let i = 0; i < 100 && !script; i++) {
    const page = await get(a, '/desk/articles/new', owner)
    script = /<script type="module" src="(\/assets\/editor\.[0-9a-f]{10}\.js)"><\/script>/.exec(page.body)?.[1]
    if (!script) {
      assert.match(page.body, /<textarea id="f-body" name="body"/, 'without the bundle the body is a textarea')
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  assert.ok(script, 'the editor bundle was built and linked')
  const page = await get(a, '/desk/articles/new', owner)
  assert.match(String(page.headers['content-security-policy']), /script-src 'self'/)
  const js = await a.app.inject(script)
  assert.equal(js.statusCode, 200)
  assert.match(String(js.headers['content-type']), /^text\/javascript/)
  assert.match(String(js.headers['cache-control']), /immutable/)
  assert.ok(js.body.length > 10_000)
  assert.equal((await a.app.inject('/assets/editor.0000000000.js')).statusCode, 404, 'an old fingerprint is gone')
})

test('a datetime-local value is read in the site time zone, DST changes included', () => {
  assert.equal(instantOfLocal('2026-11-28T09:30', 'Europe/Berlin'), Date.UTC(2026, 10, 28, 8, 30))
  assert.equal(instantOfLocal('2026-07-01T09:30', 'Europe/Berlin'), Date.UTC(2026, 6, 1, 7, 30))
  assert.equal(instantOfLocal('2026-11-28T09:30', 'Asia/Almaty'), Date.UTC(2026, 10, 28, 4, 30))
  assert.equal(instantOfLocal('2026-03-29T03:30', 'Europe/Berlin'), Date.UTC(2026, 2, 29, 1, 30), 'just after the spring change')
  assert.equal(localOfInstant(Date.UTC(2026, 10, 28, 8, 30), 'Europe/Berlin'), '2026-11-28T09:30')
  for (const bad of ['', '2026-02-30T10:00', '2026-11-28T24:00', '2026-11-28 09:30', '2026-11-28T09:30:00']) assert.equal(instantOfLocal(bad, 'UTC'), null, bad)
})

test('embeds: YouTube, Vimeo and PeerTube become players on allowed hosts, X posts link cards, anything else nothing', () => {
  const src = (address: string) => { const e = embedFor(address); return e?.kind === 'video' ? e.src : e?.kind === 'card' ? e.href : null }
  assert.equal(src('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')
  assert.equal(src('https://youtu.be/dQw4w9WgXcQ'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')
  assert.equal(src('https://vimeo.com/76979871'), 'https://player.vimeo.com/video/76979871')
  assert.equal(src('https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d'), 'https://framatube.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d')
  assert.equal(src('https://twitter.com/osce/status/1234567890'), 'https://x.com/osce/status/1234567890')
  for (const bad of ['https://evil.example/watch?v=dQw4w9WgXcQ', 'javascript:alert(1)', 'https://www.youtube.com/watch?v=<script>', 'https://x.com/osce', 'not a url']) {
    assert.equal(embedFor(bad), null, bad)
  }
  // Every player the editor can make is one the sanitizer keeps.
  for (const address of ['https://youtu.be/dQw4w9WgXcQ', 'https://vimeo.com/1', 'https://peertube.tv/videos/watch/abcdef12']) {
    const iframe = `<figure class="embed embed-video"><iframe src="${src(address)}" title="Video" width="560" height="315" allowfullscreen="true" loading="lazy"></iframe></figure>`
    assert.equal(sanitizeBody(iframe), iframe, address)
  }
  assert.ok(isAllowedLink('mailto:desk@news.example') && isAllowedLink('https://example.org') && !isAllowedLink('javascript:alert(1)'))
})

forEachEngine("a form opened before the picks were reordered does not put the old rank back; a changed rank is saved", async (a) => {
  const owner = await setupOwner(a)
  const first = await createThroughForm(a, owner, { ...FORM, title: 'First pick', editors_choice_rank: '1' })
  const id = await createThroughForm(a, owner, { ...FORM, editors_choice_rank: '2' })
  const { page, csrf, version } = await editForm(a, id, owner)
  assert.match(page.body, /name="editors_choice_rank_was" value="2"/)
  // Meanwhile the picks are reordered on the front-page desk.
  await a.store.articles.setEditorsChoice(id, { rank: 1, until: null })
  await a.store.articles.setEditorsChoice(first, { rank: 2, until: null })
  const fields = { ...FORM, editors_choice_rank: '2', editors_choice_rank_was: '2', version, _csrf: csrf }
  assert.equal((await postForm(a, `/desk/articles/${id}`, { ...fields, standfirst: 'Edited.' }, owner)).statusCode, 303)
  assert.equal((await a.store.articles.get(id))!.editorsChoiceRank, 1, 'the reorder stands')
  const next = await editForm(a, id, owner)
  assert.equal((await postForm(a, `/desk/articles/${id}`, { ...fields, editors_choice_rank: '2', editors_choice_rank_was: '1', version: next.version, _csrf: next.csrf }, owner)).statusCode, 303)
  assert.equal((await a.store.articles.get(id))!.editorsChoiceRank, 2, 'a rank the editor changed is saved')
  assert.equal((await a.store.articles.get(first))!.editorsChoiceRank, 1, 'and the other pick made room')
})

forEachEngine('a statement article shows and keeps its issuing organisation beside the genre; other genres hide it and drop it', async (a) => {
  const owner = await setupOwner(a)
  const eeas = await a.services.speakerDesk.createSpeaker({ userId: null, role: 'admin' }, { name: 'EEAS Spokesperson', kind: 'organisation' })
  const issuer = { anchor: 'statement', speaker: eeas, speakerName: 'EEAS Spokesperson', text: 'The EU takes note.', role: 'Spokesperson', organisation: '', said: '', place: '', event: '', source: '', language: '' }
  const statement = await createThroughForm(a, owner, { ...FORM, genre: 'statement', body: '<p>The EU takes note.</p>', quotes: JSON.stringify([issuer]) })
  const { page } = await editForm(a, statement, owner)
  const field = /<div class="field issuer-field" id="f-issuer-field"([^>]*)>[\s\S]*?<\/div>/.exec(page.body)
  assert.ok(field, 'the issuer field is on the page')
  assert.equal(field[1], '', 'shown for a statement')
  assert.match(field[0], /<p class="issuer-name" id="f-issuer-name" aria-live="polite">EEAS Spokesperson<\/p>/)
  assert.match(field[0], /<button type="button" class="secondary" id="f-issuer"[^>]*>Change issuer<\/button>/)
  // After the genre in the page, so that Tab from the genre reaches it.
  assert.ok(page.body.indexOf('id="f-genre"') < page.body.indexOf('id="f-issuer"'))
  assert.deepEqual((await a.store.quotes.forArticle(statement)).map((q) => [q.anchor, q.speakerId, q.role]), [['statement', eeas, 'Spokesperson']])

  const news = await createThroughForm(a, owner, { ...FORM, title: 'Not a statement', quotes: JSON.stringify([issuer]) })
  assert.match((await editForm(a, news, owner)).page.body, /id="f-issuer-field" hidden>[\s\S]*?No issuer named yet\./)
  assert.deepEqual(await a.store.quotes.forArticle(news), [], 'only a statement names an issuer')
})
