// A desk import uploaded through one instance is run by another that shares the database and the media store, on both
// backends (a shared folder; a bucket on s3rver, an emulator): the upload lives in the store's private area, encrypted,
// never under /media/, and is removed from it when the import ends or is discarded.

import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { TestContext } from 'node:test'
import { runNextImportJob } from '../../../src/importers/import-job-run.ts'
import { IMPORT_UPLOAD_PREFIX } from '../../../src/media/import-uploads.ts'
import type { MediaStore } from '../../../src/media/storage/media-store.ts'
import { openStore } from '../../../src/store/store.ts'
import { siteInstance, type TestApp } from '../../support/build-test-app.ts'
import { databaseOf, forEachEngine, scratchStore, type Engine } from '../../support/databases.ts'
import { cookieHeader, csrfOf, setupOwner } from '../../support/desk.ts'
import { tempDir } from '../../support/processes.ts'
import { startS3Emulator } from '../../support/s3.ts'
import { FIXTURE } from '../../importers/wordpress/fixtures.ts'

type Instance = TestApp & { readonly mediaStore: MediaStore }

/** Two instances on one scratch database of `engine` and one media store: a shared folder, or an emulated bucket. */
async function twoInstances(t: TestContext, engine: Engine, backend: 'folder' | 's3'): Promise<{ a: Instance; b: Instance }> {
  let env: Record<string, string>
  if (backend === 's3') {
    const s3 = await startS3Emulator()
    t.after(() => s3.stop())
    env = s3.env
  } else {
    env = { MEDIA_STORE: path.join(await tempDir(t), 'shared-media') }
  }
  const first = await scratchStore(t, engine)
  const second = await openStore(databaseOf(first), { poolSize: 4 })
  t.after(() => second.close())
  return { a: await siteInstance(t, first, env), b: await siteInstance(t, second, env) }
}

function multipart(fields: Record<string, string>, file: { name: string; data: Buffer }): { body: Buffer; type: string } {
  const boundary = '----broadsheet-instances'
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.data, Buffer.from(`\r\n--${boundary}--\r\n`))
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` }
}

/** Uploads through `a`'s desk as `owner`; returns the dry run's id and the form's CSRF token. */
async function uploadThrough(a: Instance, owner: Record<string, string>, data: Buffer) {
  const csrf = csrfOf((await a.app.inject({ url: '/desk/import', headers: { cookie: cookieHeader(owner) } })).body)
  const { body, type } = multipart({ source: 'wordpress', media: '' }, { name: 'site.wxr', data })
  const res = await a.app.inject({ method: 'POST', url: `/desk/import?_csrf=${encodeURIComponent(csrf)}`, payload: body, headers: { 'content-type': type, cookie: cookieHeader(owner) } })
  assert.equal(res.statusCode, 303, res.body)
  const [job] = await a.store.importJobs.list(1)
  return { id: job!.id, csrf }
}

const SILENT = { info() {}, warn() {}, error() {} }
const runOn = (i: Instance) => runNextImportJob({ store: i.store, clock: i.clock, log: SILENT, timeZone: 'UTC', dataDir: i.config.dataDir, mediaStore: i.mediaStore, allowPrivate: false })

/** The uploads in the store's private area (listings skip it, so each is looked up by the key its job names). */
const kept = async (i: Instance): Promise<string[]> => {
  const keys = (await i.store.importJobs.list(20)).map((j) => j.filePath).filter((k) => k.startsWith(IMPORT_UPLOAD_PREFIX))
  return (await Promise.all(keys.map(async (k) => ((await i.mediaStore.head(k)) ? k : null)))).filter((k) => k !== null)
}
const localFiles = async (i: Instance): Promise<number> =>
  (await readdir(path.join(i.config.dataDir, 'imports'), { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).length

for (const backend of ['folder', 's3'] as const) {
  forEachEngine(`(${backend}) an import uploaded through one instance is dry-run and imported by a second one sharing the database and the store`, async (t, engine) => {
    const { a, b } = await twoInstances(t, engine, backend)
    const wxr = await readFile(FIXTURE)
    const owner = await setupOwner(a)
    const { id: dryRun } = await uploadThrough(a, owner, wxr)
    const job = (await a.store.importJobs.get(dryRun))!
    assert.ok(job.filePath.startsWith(IMPORT_UPLOAD_PREFIX), job.filePath)
    assert.equal(await localFiles(a), 0, 'nothing of it stays on the receiving instance\'s disk')
    // In the store, encrypted: the bytes are not the export's, so a public bucket shows nothing of it; never under /media/.
    const stored = (await b.mediaStore.read(job.filePath))!
    assert.equal(stored.length, wxr.length)
    assert.ok(!stored.includes(Buffer.from('<rss')) && !stored.equals(wxr))
    assert.equal((await b.app.inject(`/media/${job.filePath}`)).statusCode, 404)
    for await (const o of b.mediaStore.list()) assert.ok(!o.key.includes('imports'), `a listing shows ${o.key}`)

    // The second instance claims and runs the dry run, then the import that the first queues.
    assert.deepEqual(await runOn(b), { ran: dryRun, status: 'done' })
    assert.equal((await b.store.importJobs.get(dryRun))!.report?.articles.imported, 11)
    const admin = { userId: job.createdBy!, role: 'admin' as const }
    const importId = await a.services.importDesk.startImport(admin, dryRun)
    assert.deepEqual(await runOn(b), { ran: importId, status: 'done' })
    assert.equal((await a.app.inject('/europe/election-results')).statusCode, 200, 'the import is live on the first instance')
    assert.equal((await b.app.inject('/europe/election-results')).statusCode, 200)
    assert.deepEqual(await kept(b), [], 'the upload is removed from the store once imported')
    assert.equal(await localFiles(b), 0, 'the runner\'s decrypted copy is removed')
    assert.equal((await b.mediaStore.head(job.filePath)), null)

    // A second upload, discarded through the first instance after its dry run on the second: removed from the store.
    const { id: again, csrf } = await uploadThrough(a, owner, wxr)
    const key = (await a.store.importJobs.get(again))!.filePath
    assert.deepEqual(await runOn(b), { ran: again, status: 'done' })
    assert.ok(await a.mediaStore.head(key), 'a dry run\'s upload is kept for the import that may follow')
    const discard = await a.app.inject({ method: 'POST', url: `/desk/import/${again}/discard`, payload: `_csrf=${encodeURIComponent(csrf)}`, headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(owner) } })
    assert.equal(discard.statusCode, 303, discard.body)
    assert.equal(await b.mediaStore.head(key), null)
  })
}

forEachEngine('an upload altered in the store is refused by the runner, which imports nothing', async (t, engine) => {
  const { a, b } = await twoInstances(t, engine, 'folder')
  const { id } = await uploadThrough(a, await setupOwner(a), await readFile(FIXTURE))
  const key = (await a.store.importJobs.get(id))!.filePath
  const bytes = Buffer.from((await a.mediaStore.read(key))!)
  bytes[100] = bytes[100]! ^ 1
  await a.mediaStore.put(key, bytes, { contentType: 'application/octet-stream', size: bytes.length })
  assert.deepEqual(await runOn(b), { ran: id, status: 'failed' })
  assert.match((await b.store.importJobs.get(id))!.error ?? '', /could not be read back/)
  assert.equal(await localFiles(b), 0)
})
