// The desk's Import page: admins only, upload with CSRF, the kind sniffed, the dry run and the import as jobs, the report.

import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { onBothEngines } from '../../support/both-engines.ts'
import { cookieHeader, csrfOf, setupOwner, userSession } from '../../support/desk.ts'
import type { TestApp } from '../../support/build-test-app.ts'
import { runNextImportJob } from '../../../src/importers/import-job-run.ts'
import { FIXTURE } from '../../importers/wordpress/fixtures.ts'

function multipart(fields: Record<string, string>, file: { name: string; data: Buffer } | null): { body: Buffer; type: string } {
  const boundary = '----broadsheet' + Math.random().toString(16).slice(2)
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.data, Buffer.from('\r\n'))
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` }
}

const get = (a: TestApp, url: string, cookies: Record<string, string>) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })

async function upload(a: TestApp, cookies: Record<string, string>, csrf: string | null, fields: Record<string, string>, file: { name: string; data: Buffer } | null) {
  const { body, type } = multipart(fields, file)
  return a.app.inject({ method: 'POST', url: csrf === null ? '/desk/import' : `/desk/import?_csrf=${encodeURIComponent(csrf)}`, payload: body, headers: { 'content-type': type, cookie: cookieHeader(cookies) } })
}

const runJob = (a: TestApp) => runNextImportJob({ store: a.store, clock: a.clock, log: { info() {}, warn() {}, error() {} }, timeZone: 'UTC', dataDir: a.config.dataDir, allowPrivate: false })
const filesUnder = async (dir: string) => (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).length
/** Uploads kept: in the media store's private area (the site's media folder here), or left in DATA_DIR/imports. */
const uploads = async (a: TestApp) => await filesUnder(path.join(a.config.dataDir, 'media', '.private')) + await filesUnder(path.join(a.config.dataDir, 'imports'))
const GHOST = Buffer.from(JSON.stringify({ db: [{ meta: { exported_on: 1, version: '5.0.0' }, data: { posts: [] } }] }))

onBothEngines('an admin uploads a WXR, reads the dry run report, starts the import and reads its report; the articles are in', async (a) => {
  const owner = await setupOwner(a)
  const page = await get(a, '/desk/import', owner)
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /href="\/desk\/import">Import</, 'the desk navigation links it for admins')
  const csrf = csrfOf(page.body)
  const res = await upload(a, owner, csrf, { source: 'wordpress', media: '' }, { name: 'site.wxr', data: await readFile(FIXTURE) })
  assert.equal(res.statusCode, 303, res.body)
  const jobUrl = res.headers.location!.replace(/\?.*/, '')
  assert.equal(await filesUnder(path.join(a.config.dataDir, 'media', '.private', 'imports')), 1, 'the upload is in the media store')
  assert.equal(await filesUnder(path.join(a.config.dataDir, 'imports')), 0, 'and nowhere on this instance\'s disk')
  assert.equal((await a.app.inject(`/media/${(await a.store.importJobs.list(1))[0]!.filePath}`)).statusCode, 404, '/media/ never serves it')
  const waiting = await get(a, jobUrl, owner)
  assert.match(waiting.body, /<meta http-equiv="refresh" content="2">/, 'the page refreshes itself while the job waits')
  assert.match(waiting.body, /data-status="queued"/)
  const state = JSON.parse((await get(a, `${jobUrl}/progress.json`, owner)).body)
  assert.equal(state.status, 'queued')
  assert.equal(state.dryRun, true)

  await runJob(a)
  const dry = await get(a, jobUrl, owner)
  assert.doesNotMatch(dry.body, /http-equiv="refresh"/)
  assert.match(dry.body, /Dry run report/)
  assert.match(dry.body, /<th scope="row">Articles<\/th><td>11<\/td>/)
  assert.equal(await a.store.origins.find({ system: 'wordpress', site: 'https://old.example.org', kind: 'article', sourceId: '10' }), undefined, 'the dry run wrote nothing')
  assert.equal((await a.app.inject('/europe/election-results')).statusCode, 404)
  const start = await a.app.inject({ method: 'POST', url: `${jobUrl}/start`, payload: `_csrf=${encodeURIComponent(csrfOf(dry.body))}`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(owner) } })
  assert.equal(start.statusCode, 303, start.body)
  const importUrl = start.headers.location!.replace(/\?.*/, '')
  assert.notEqual(importUrl, jobUrl)
  await runJob(a)
  const done = await get(a, importUrl, owner)
  assert.match(done.body, /Import report/)
  assert.match(done.body, /<th scope="row">Articles<\/th><td>11<\/td>/)
  assert.match(done.body, /data-status="done"/)
  const live = await a.app.inject('/europe/election-results')
  assert.equal(live.statusCode, 200, 'an imported article is live')
  assert.equal(await uploads(a), 0, 'the upload is removed once imported')
  const list = await get(a, '/desk/import', owner)
  assert.match(list.body, /Dry run of WordPress/)
  assert.match(list.body, /Import of WordPress/)
})

onBothEngines('a file of the other kind is refused naming the importer that fits, and nothing is kept', async (a) => {
  const owner = await setupOwner(a)
  const csrf = csrfOf((await get(a, '/desk/import', owner)).body)
  const wrong = await upload(a, owner, csrf, { source: 'wordpress' }, { name: 'ghost.json', data: GHOST })
  assert.equal(wrong.statusCode, 400)
  assert.match(wrong.body, /this file is a Ghost \(\.json\) export: choose Ghost/)
  assert.match(wrong.body, /aria-invalid="true"/)
  const other = await upload(a, owner, csrf, { source: 'ghost' }, { name: 'site.wxr', data: await readFile(FIXTURE) })
  assert.match(other.body, /WordPress \(WXR \.xml\) export/)
  const junk = await upload(a, owner, csrf, { source: 'ghost' }, { name: 'x.json', data: Buffer.from('hello') })
  assert.equal(junk.statusCode, 400)
  assert.match(junk.body, /not a Ghost/)
  const badUrl = await upload(a, owner, csrf, { source: 'ghost', site_url: 'ftp://old' }, { name: 'g.json', data: GHOST })
  assert.equal(badUrl.statusCode, 400)
  assert.match(badUrl.body, /old site&#39;s address must be an http|old site's address must be an http/)
  const none = await upload(a, owner, csrf, { source: 'ghost' }, null)
  assert.equal(none.statusCode, 400)
  assert.equal((await a.store.importJobs.list(10)).length, 0)
  assert.equal(await uploads(a), 0)
})

onBothEngines('one import at a time; a queued one can be cancelled; the upload needs the CSRF token', async (a) => {
  const owner = await setupOwner(a)
  const csrf = csrfOf((await get(a, '/desk/import', owner)).body)
  const forged = await upload(a, owner, null, { source: 'ghost' }, { name: 'g.json', data: GHOST })
  assert.equal(forged.statusCode, 403)
  assert.equal(await uploads(a), 0)
  const first = await upload(a, owner, csrf, { source: 'ghost', site_url: 'https://blog.example.org/', section: 'news' }, { name: 'g.json', data: GHOST })
  assert.equal(first.statusCode, 303, first.body)
  const second = await upload(a, owner, csrf, { source: 'ghost' }, { name: 'g.json', data: GHOST })
  assert.equal(second.statusCode, 409)
  assert.match(second.body, /one import at a time/)
  const [job] = await a.store.importJobs.list(1)
  assert.equal(job!.options.siteUrl, 'https://blog.example.org')
  const cancel = await a.app.inject({ method: 'POST', url: `/desk/import/${job!.id}/discard`, payload: `_csrf=${encodeURIComponent(csrf)}`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(owner) } })
  assert.equal(cancel.statusCode, 303, cancel.body)
  assert.equal((await a.store.importJobs.get(job!.id))!.status, 'discarded')
  assert.equal(await uploads(a), 0)
  assert.deepEqual(await runJob(a), { ran: null })
})

onBothEngines('editors may not import: no link, 403 on the page and its forms, and the use-case refuses too', async (a) => {
  await setupOwner(a)
  const editor = await userSession(a, 'editor')
  const desk = await get(a, '/desk', editor.cookies)
  assert.doesNotMatch(desk.body, /href="\/desk\/import"/)
  assert.equal((await get(a, '/desk/import', editor.cookies)).statusCode, 403)
  const csrf = csrfOf(desk.body)
  assert.equal((await upload(a, editor.cookies, csrf, { source: 'ghost' }, { name: 'g.json', data: GHOST })).statusCode, 403)
  assert.equal((await get(a, '/desk/import/1/progress.json', editor.cookies)).statusCode, 403)
  await assert.rejects(a.services.importDesk.list({ userId: editor.id, role: 'editor' }), /only administrators/)
  assert.equal(await uploads(a), 0)
})

onBothEngines('a running import has a Stop button (with CSRF); stopped, its report says so and Resume imports the rest', async (a) => {
  const owner = await setupOwner(a)
  const csrf = csrfOf((await get(a, '/desk/import', owner)).body)
  const post = (url: string, token: string | null, cookies = owner) => a.app.inject({ method: 'POST', url, payload: token === null ? '' : `_csrf=${encodeURIComponent(token)}`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(cookies) } })
  const dryUrl = (await upload(a, owner, csrf, { source: 'wordpress' }, { name: 'site.wxr', data: await readFile(FIXTURE) })).headers.location!.replace(/\?.*/, '')
  await runJob(a)
  const importUrl = (await post(`${dryUrl}/start`, csrf)).headers.location!.replace(/\?.*/, '')
  // A runner has it (its lease holds): the page offers to stop it.
  const claimed = (await a.store.importJobs.claim(a.clock.now(), a.clock.now() + 60_000))!
  const running = await get(a, importUrl, owner)
  assert.match(running.body, /action="\/desk\/import\/\d+\/stop"[^]*id="import-stop"/)
  assert.equal((await post(`${importUrl}/stop`, null)).statusCode, 403, 'the form needs its CSRF token')
  const editor = await userSession(a, 'editor')
  assert.equal((await post(`${importUrl}/stop`, csrfOf((await get(a, '/desk', editor.cookies)).body), editor.cookies)).statusCode, 403)
  assert.equal((await a.store.importJobs.get(claimed.job.id))!.stopRequestedAt, null)
  const stop = await post(`${importUrl}/stop`, csrf)
  assert.equal(stop.statusCode, 303, stop.body)
  const stopping = await get(a, stop.headers.location!, owner)
  assert.match(stopping.body, /asked to stop/)
  assert.match(stopping.body, /Stopping after the current batch/)
  assert.doesNotMatch(stopping.body, /id="import-stop"/)
  assert.equal((await post(`${importUrl}/stop`, csrf)).statusCode, 409, 'asked once is enough')
  // The runner sees the request before its first batch is written: the report says it stopped.
  a.clock.set(a.clock.now() + 60_001)
  await runNextImportJob({ store: a.store, clock: a.clock, log: { info() {}, warn() {}, error() {} }, timeZone: 'UTC', dataDir: a.config.dataDir, allowPrivate: false, batchSize: 3 })
  const stopped = await get(a, importUrl, owner)
  assert.match(stopped.body, /id="report-stopped"/)
  assert.equal(JSON.parse((await get(a, `${importUrl}/progress.json`, owner)).body).report.stopped, true)
  const resume = await post(`${importUrl}/resume`, csrf)
  assert.equal(resume.statusCode, 303, resume.body)
  await runJob(a)
  const rest = await get(a, resume.headers.location!.replace(/\?.*/, ''), owner)
  assert.doesNotMatch(rest.body, /id="report-stopped"/)
  assert.equal((await a.app.inject('/europe/election-results')).statusCode, 200)
  assert.equal((await a.store.importJobs.list(1))[0]!.report!.articles.imported + (await a.store.importJobs.get(claimed.job.id))!.report!.articles.imported, 11, 'each article imported once')
})
