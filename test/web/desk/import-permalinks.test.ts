// The desk's import of a Ghost site with custom permalinks: a permalink structure or routes.yaml on the upload form,
// checked as the command line's are, kept with the job, shown in its report, and the old addresses redirecting.

import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { onBothEngines } from '../../support/both-engines.ts'
import { cookieHeader, csrfOf, setupOwner } from '../../support/desk.ts'
import type { TestApp } from '../../support/build-test-app.ts'
import { runNextImportJob } from '../../../src/importers/import-job-run.ts'
import { ghostExport, SITE_URL } from '../../importers/ghost/fixtures.ts'

type FilePart = { name: string; data: Buffer }

/** The form as a browser sends it: the fields, then routes.yaml when chosen, then the export. */
function multipart(fields: Record<string, string>, file: FilePart | null, routes?: FilePart): { body: Buffer; type: string } {
  const boundary = '----broadsheet' + Math.random().toString(16).slice(2)
  const part = (name: string, f: FilePart) => [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.data, Buffer.from('\r\n')]
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  if (routes) parts.push(...part('routes', routes))
  if (file) parts.push(...part('file', file))
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` }
}

const get = (a: TestApp, url: string, cookies: Record<string, string>) => a.app.inject({ url, headers: { cookie: cookieHeader(cookies) } })
const post = (a: TestApp, url: string, csrf: string, cookies: Record<string, string>) =>
  a.app.inject({ method: 'POST', url, payload: `_csrf=${encodeURIComponent(csrf)}`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(cookies) } })

async function upload(a: TestApp, cookies: Record<string, string>, csrf: string, fields: Record<string, string>, routes?: FilePart) {
  const { body, type } = multipart({ source: 'ghost', site_url: SITE_URL, ...fields }, { name: 'steppe.json', data: EXPORT }, routes)
  return a.app.inject({ method: 'POST', url: `/desk/import?_csrf=${encodeURIComponent(csrf)}`, payload: body, headers: { 'content-type': type, cookie: cookieHeader(cookies) } })
}

const runJob = (a: TestApp) => runNextImportJob({ store: a.store, clock: a.clock, log: { info() {}, warn() {}, error() {} }, timeZone: 'UTC', dataDir: a.config.dataDir, allowPrivate: false })
const uploads = async (a: TestApp) => (await readdir(path.join(a.config.dataDir, 'imports')).catch(() => [])).length
const EXPORT = Buffer.from(JSON.stringify(ghostExport(5)))
const ROUTES = `collections:
  /opinion/:
    permalink: /opinion/{slug}/
    filter: primary_tag:opinion
  /:
    permalink: /{year}/{month}/{slug}/
`

onBothEngines('the desk takes a WordPress-style permalink structure for a Ghost import: kept with the job, in the report, and redirecting', async (a) => {
  const owner = await setupOwner(a)
  const form = await get(a, '/desk/import', owner)
  assert.match(form.body, /<input id="import-permalink" name="permalink"/)
  assert.match(form.body, /<input id="import-routes" name="routes" type="file"/)
  assert.ok(form.body.indexOf('name="routes"') < form.body.indexOf('name="file"'), 'routes.yaml is sent before the export')
  const csrf = csrfOf(form.body)
  const res = await upload(a, owner, csrf, { permalink: '/%year%/%monthnum%/%postname%/', media: '' })
  assert.equal(res.statusCode, 303, res.body)
  const dryUrl = res.headers.location!.replace(/\?.*/, '')
  const [job] = await a.store.importJobs.list(1)
  assert.deepEqual([job!.options.permalink, job!.options.routesYaml], ['/{year}/{month}/{slug}/', null], 'kept in Ghost\'s form')
  assert.match((await get(a, dryUrl, owner)).body, /Old permalink structure: <code>\/\{year\}\/\{month\}\/\{slug\}\/<\/code>/)
  await runJob(a)
  const dry = await get(a, dryUrl, owner)
  assert.match(dry.body, /<dd id="report-old-addresses">from the permalink structure given: <code>\/\{year\}\/\{month\}\/\{slug\}\/<\/code>;\s*5 posts/)
  assert.equal((await a.app.inject('/2021/03/pipeline-deal')).statusCode, 404, 'the dry run wrote nothing')
  const start = await post(a, `${dryUrl}/start`, csrfOf(dry.body), owner)
  assert.equal(start.statusCode, 303, start.body)
  await runJob(a)
  const done = await get(a, start.headers.location!.replace(/\?.*/, ''), owner)
  assert.match(done.body, /Import report/)
  assert.match(done.body, /id="report-old-addresses"/)
  const old = await a.app.inject('/2021/03/pipeline-deal')
  assert.deepEqual([old.statusCode, old.headers.location], [301, '/news/pipeline-deal'])
})

onBothEngines('the desk takes Ghost\'s routes.yaml with the export: each collection\'s permalinks redirect, and the report names the file', async (a) => {
  const owner = await setupOwner(a)
  const csrf = csrfOf((await get(a, '/desk/import', owner)).body)
  const res = await upload(a, owner, csrf, { media: '', permalink: '' }, { name: 'routes.yaml', data: Buffer.from(ROUTES) })
  assert.equal(res.statusCode, 303, res.body)
  const dryUrl = res.headers.location!.replace(/\?.*/, '')
  assert.equal((await a.store.importJobs.list(1))[0]!.options.routesYaml, ROUTES)
  await runJob(a)
  const dry = await get(a, dryUrl, owner)
  assert.match(dry.body, /from the routes\.yaml given: <code>\/opinion\/\{slug\}\/<\/code>, <code>\/\{year\}\/\{month\}\/\{slug\}\/<\/code>/)
  const start = await post(a, `${dryUrl}/start`, csrfOf(dry.body), owner)
  assert.equal(start.statusCode, 303, start.body)
  await runJob(a)
  const old = await a.app.inject('/2021/04/grid-report')
  assert.deepEqual([old.statusCode, old.headers.location], [301, '/news/grid-report'])
})

onBothEngines('a bad permalink structure or routes.yaml answers 400 naming the field, and nothing is kept', async (a) => {
  const owner = await setupOwner(a)
  const csrf = csrfOf((await get(a, '/desk/import', owner)).body)
  const cases: [Record<string, string>, FilePart | undefined, string, RegExp][] = [
    [{ permalink: '/{year}/{title}/' }, undefined, 'permalink', /\{title\}/],
    [{ permalink: '/archives/%post_id%/' }, undefined, 'permalink', /%post_id%/],
    [{ permalink: '/{slug}/' }, { name: 'routes.yaml', data: Buffer.from(ROUTES) }, 'permalink', /not both/],
    [{}, { name: 'routes.yaml', data: Buffer.from('collections:\n  /:\n    permalink: /{title}/\n') }, 'routes', /routes\.yaml line 3/],
    [{}, { name: 'routes.yaml', data: Buffer.from('routes:\n  /about/: about\n') }, 'routes', /no collection/],
    [{}, { name: 'routes.yaml', data: Buffer.alloc(70 * 1024, 0x23) }, 'routes', /larger than 64 KiB/],
  ]
  for (const [fields, routes, field, message] of cases) {
    const res = await upload(a, owner, csrf, fields, routes)
    assert.equal(res.statusCode, 400, JSON.stringify(fields))
    assert.match(res.body, new RegExp(`id="import-${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="import-${field}"|<input id="import-${field}"[^>]*aria-invalid="true"`), field)
    assert.match(res.body, message)
    if (fields.permalink) assert.match(res.body, new RegExp(`value="${fields.permalink.replace(/[{}%/]/g, (c) => `\\${c}`)}"`), 'the form keeps what was typed')
  }
  assert.equal((await a.store.importJobs.list(10)).length, 0)
  assert.equal(await uploads(a), 0)
})
