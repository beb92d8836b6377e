// `broadsheet media migrate --to s3://…` (src/cli/media.ts, src/media/media-migration.ts): a library in DATA_DIR/media
// copied to an S3-compatible bucket (s3rver, an emulator), again without copying twice, then served from the bucket.

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { test } from 'node:test'
import { DeleteObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { loadConfig } from '../../src/config.ts'
import { createLogger } from '../../src/log.ts'
import { makeDueVariants } from '../../src/media/variant-queue.ts'
import { createServices } from '../../src/services.ts'
import { openStore } from '../../src/store/store.ts'
import { buildApp } from '../../src/web/app.ts'
import { fixedClock } from '../support/build-test-app.ts'
import { jpegImage, pngImage } from '../support/images.ts'
import { MAIN_SCRIPT, tempDir } from '../support/processes.ts'
import { startS3Emulator } from '../support/s3.ts'

/** Runs `broadsheet …args` as a child without blocking this process (which runs the emulator); resolves with its status and output. */
async function broadsheet(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [MAIN_SCRIPT, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', BROADSHEET_DEMO: '0', ...env },
  })
  let stdout = '', stderr = ''
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  const [code] = await once(child, 'exit') as [number | null]
  return { code, stdout, stderr }
}

test('media migrate copies originals and variants to the bucket, copies nothing twice, resumes a cut-short run, and the site then serves from the bucket', async (t) => {
  const s3 = await startS3Emulator()
  t.after(() => s3.stop())
  const dataDir = await tempDir(t)
  const local = { DATA_DIR: dataDir, SITE_URL: 'https://news.example', LOG_LEVEL: 'silent' }
  // A site on the local folder: two uploads and their variants.
  const config = loadConfig(local)
  const store = await openStore(config.database)
  const clock = fixedClock()
  const services = createServices({ store, config, log: createLogger(config), clock })
  const photo = await services.media.upload({ data: await jpegImage(1000, 600), filename: 'photo.jpg', alt: 'A photo' })
  await services.media.upload({ data: await pngImage(300, 300), filename: 'chart.png', alt: 'A chart' })
  await makeDueVariants({ store, clock, mediaDir: path.join(dataDir, 'media') })
  const media = await services.media.get(photo.id)
  const library = (await services.media.list()).items
  await store.close()
  // Two originals and every variant: 480, 960 and 1000 px of the photo and 300 px of the chart, each in WebP and its own format.
  const expected = library.length + library.reduce((n, m) => n + m.variants.length, 0)
  assert.equal(expected, 10)

  const aws = { AWS_ENDPOINT_URL: s3.env.AWS_ENDPOINT_URL!, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' }
  const to = `s3://${s3.bucket}/site-media`
  const first = await broadsheet(['media', 'migrate', '--to', to], { ...local, ...aws })
  assert.equal(first.code, 0, first.stderr)
  assert.match(first.stdout, new RegExp(`copied: +${expected} `))
  assert.match(first.stdout, /already there: +0\n/)
  assert.match(first.stdout, /failed: +0\n/)

  const bucket = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } })
  t.after(() => bucket.destroy())
  const keys = ((await bucket.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: 'site-media/' }))).Contents ?? []).map((o) => o.Key!)
  assert.equal(keys.length, expected)
  assert.ok(keys.includes(`site-media/${photo.path}`))
  assert.ok(!keys.some((k) => k.includes('/.')), 'no dotfiles (probes, partial writes) are copied')

  // Run again: nothing copied. Cut short (an object lost from the bucket): only that one is copied.
  const second = await broadsheet(['media', 'migrate', '--to', to], { ...local, ...aws })
  assert.equal(second.code, 0, second.stderr)
  assert.match(second.stdout, new RegExp(`copied: +0 .*\\n +already there: +${expected}\\n`))
  await bucket.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: `site-media/${photo.path}` }))
  const third = await broadsheet(['media', 'migrate', '--to', to], { ...local, ...aws })
  assert.match(third.stdout, new RegExp(`copied: +1 .*\\n +already there: +${expected - 1}\\n`))

  // The same site, now on the bucket: the original and a variant are served from there.
  const onBucket = loadConfig({ ...local, ...aws, MEDIA_STORE: to })
  const reopened = await openStore(onBucket.database)
  t.after(() => reopened.close())
  const log = createLogger(onBucket)
  const app = await buildApp({ services: createServices({ store: reopened, config: onBucket, log, clock }), config: onBucket, log })
  t.after(() => app.close())
  const original = await app.inject(`/media/${photo.path}`)
  assert.deepEqual([original.statusCode, original.rawPayload.length], [200, photo.bytes])
  assert.equal((await app.inject(media.variants[0]!.url)).statusCode, 200)
})

test('media migrate refuses bad input with a one-line message and a non-zero status, before copying anything', async (t) => {
  const dataDir = await tempDir(t)
  const env = { DATA_DIR: dataDir, AWS_REGION: 'us-east-1' }
  const cases: [string[], Record<string, string>, number, RegExp][] = [
    [['media', 'migrate'], {}, 2, /migrate needs --to <store>/],
    [['media', 'migrate', '--to', 's3://Not_A_Bucket/x'], {}, 1, /--to names the bucket "Not_A_Bucket", which is not a valid bucket name/],
    [['media', 'migrate', '--to', 's3://good-bucket/x'], { AWS_REGION: '' }, 1, /AWS_REGION is set but empty/],
    [['media', 'migrate', '--to', 's3://good-bucket/x'], { AWS_ACCESS_KEY_ID: 'only-one' }, 1, /AWS_SECRET_ACCESS_KEY is required with the other key/],
    [['media', 'migrate', '--to', `${dataDir}/media`], {}, 1, /names this site's own media store/],
  ]
  const results = await Promise.all(cases.map(([args, extra]) => broadsheet(args, { ...env, ...extra })))
  for (const [i, [args, , code, message]] of cases.entries()) {
    const res = results[i]!
    assert.equal(res.code, code, `${args.join(' ')}: ${res.stderr}`)
    assert.match(res.stderr, message)
    assert.equal(res.stderr.trim().split('\n').length, 1, res.stderr)
  }
})
