// Three instances behind nginx with media in an S3-compatible store: an image uploaded through one is served by all,
// and each instance's /metrics counts the requests it took. Needs test/support/s3.ts (media storage) and GET /metrics.

import assert from 'node:assert/strict'
import { test, type TestContext } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { postgresUnavailable } from '../support/databases.ts'
import { nginxUnavailable, startNginx } from '../support/nginx.ts'
import { startInstance, UA, type Instance } from '../support/cluster.ts'
import { clusterSite } from '../support/cluster-site.ts'
import { jpegImage } from '../support/images.ts'

interface S3Emulator {
  readonly env: Record<string, string>
  stop(): Promise<void>
}

/** The S3 emulator of test/support/s3.ts, or why it cannot be had (that module comes with shared media storage). */
async function s3Emulator(t: TestContext): Promise<S3Emulator | string> {
  const module = '../support/s3.ts'
  let start: () => Promise<S3Emulator>
  try {
    ;({ startS3Emulator: start } = await import(module) as { startS3Emulator: () => Promise<S3Emulator> })
  } catch {
    return 'test/support/s3.ts (the S3 emulator of shared media storage) is not in this tree'
  }
  const s3 = await start()
  t.after(() => s3.stop())
  return s3
}

const METRICS_TOKEN = 'cluster-test-metrics-token'

/** The requests an instance has counted on its /metrics, by route pattern, method and status (its own scrapes left out). */
async function requestCounts(i: Instance): Promise<Map<string, number>> {
  const res = await fetch(`${i.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  assert.equal(res.status, 200, `${i.base}/metrics answered ${res.status}`)
  const counts = new Map<string, number>()
  for (const m of (await res.text()).matchAll(/^broadsheet_http_request_duration_seconds_count\{([^}]*)\} (\d+)$/gm)) {
    if (/route="\/metrics"/.test(m[1]!)) continue
    counts.set(m[1]!, Number(m[2]))
  }
  return counts
}

const total = (counts: Map<string, number>): number => [...counts.values()].reduce((a, b) => a + b, 0)

test('behind nginx, an image uploaded through one instance is served by all, and each /metrics counts its own traffic', async (t) => {
  for (const reason of [await postgresUnavailable(), await nginxUnavailable()]) if (reason) return t.skip(reason)
  const s3 = await s3Emulator(t)
  if (typeof s3 === 'string') return t.skip(s3)
  const site = await clusterSite(t)
  const env = { ...s3.env, METRICS_TOKEN }
  const instances: Instance[] = []
  for (let i = 0; i < 3; i++) instances.push(await startInstance(t, site.databaseUrl, env))
  const nginx = await startNginx(t, instances.map((i) => `127.0.0.1:${i.port}`))
  if ((await fetch(`${instances[0]!.base}/metrics`)).status === 404) return t.skip('GET /metrics is not in this tree')

  // 1. Uploaded through the second instance, served by every one (and through nginx), with the same bytes.
  const image = await jpegImage(1600, 900)
  const form = new FormData()
  form.set('file', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), 'steppe.jpg')
  form.set('alt', 'Wind turbines on the steppe')
  const up = await fetch(`${instances[1]!.base}/api/v1/admin/media`, { method: 'POST', body: form, headers: { authorization: `Bearer ${site.token}` } })
  assert.equal(up.status, 201, await up.clone().text())
  const media = await up.json() as { id: number; url: string }
  const path = new URL(media.url).pathname
  for (const base of [...instances.map((i) => i.base), nginx.base]) {
    const res = await fetch(base + path, { headers: { 'user-agent': UA } })
    assert.equal(res.status, 200, `${base}${path}`)
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), image, `${base}${path} serves the uploaded bytes`)
  }
  // Its variants are made once, by whichever instance claims the job, and every instance serves them.
  let variants: { url: string }[] = []
  for (let n = 0; !variants.length; n++) {
    if (n > 100) assert.fail('no variants were made within 20 s')
    await sleep(200)
    const res = await fetch(`${instances[2]!.base}/api/v1/admin/media/${media.id}`, { headers: { authorization: `Bearer ${site.token}` } })
    variants = (await res.json() as { variants: { url: string }[] }).variants
  }
  for (const v of variants) {
    for (const i of instances) assert.equal((await fetch(i.base + new URL(v.url).pathname)).status, 200, `${i.base} serves ${v.url}`)
  }

  // 2. Each instance's /metrics counts exactly the requests it took: 3, 5 and 7 sent to each directly.
  const before = await Promise.all(instances.map(requestCounts))
  const sent = [3, 5, 7]
  for (const [n, i] of instances.entries()) {
    for (let k = 0; k < sent[n]!; k++) assert.equal((await fetch(`${i.base}/news`, { headers: { 'user-agent': UA } })).status, 200)
  }
  const after = await Promise.all(instances.map(requestCounts))
  assert.deepEqual(after.map((c, n) => total(c) - total(before[n]!)), sent)
  // Through nginx, the load is spread: every instance counts some, and together they count every request.
  for (let k = 0; k < 30; k++) assert.equal((await fetch(`${nginx.base}/news`, { headers: { 'user-agent': UA } })).status, 200)
  const spread = (await Promise.all(instances.map(requestCounts))).map((c, n) => total(c) - total(after[n]!))
  t.diagnostic(`nginx spread 30 requests as ${spread.join(', ')}`)
  assert.equal(spread.reduce((a, b) => a + b, 0), 30)
  for (const n of spread) assert.ok(n > 0, `an instance took none of the traffic: ${spread.join(', ')}`)
})
