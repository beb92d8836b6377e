// Upload memory: one JPEG at a time (about 5 and 20 MiB, with a camera's EXIF, so the upload re-encodes it) through
// the Admin API of the real server, on the folder and on an S3 bucket (s3rver on loopback). Prints, per upload, the
// server's peak resident memory and its peak V8 heap and external (Buffer) memory over what it held before, and CPU.
//
//   node bench/upload-memory.ts [--store fs|s3|both] [--sizes 5,20] [--runs 3] [--root DIR] [--label NAME]
//
// `--root` runs the server from another checkout (with this one's node_modules linked in), for a before-and-after
// comparison. The peak RSS is the kernel's (VmHWM, reset before each upload through /proc/PID/clear_refs); the heap
// and external peaks are sampled every 5 ms inside the server by bench/heap-probe.ts. Each upload waits until the
// variants job has finished with the one before, so the job's decoding is not counted.

import { readFileSync, writeFileSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { startS3Emulator } from '../test/support/s3.ts'
import { editorToken, noisePhoto, photoOfSize } from './bench-site.ts'
import { createScratch } from './scratch.ts'
import { startServer, type RunningServer } from './server.ts'

const MiB = 1024 * 1024
const LIMIT = 20 * MiB
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Peaks of the V8 heap and external memory since the last call, in bytes (bench/heap-probe.ts). */
async function heapPeaks(server: RunningServer, file: string): Promise<{ heapUsed: number; external: number }> {
  writeFileSync(file, '')
  process.kill(server.pid, 'SIGUSR2')
  for (let i = 0; i < 200; i++) {
    const text = readFileSync(file, 'utf8')
    if (text) return JSON.parse(text) as { heapUsed: number; external: number }
    await sleep(10)
  }
  throw new Error('the heap probe did not answer')
}

async function waitForVariants(server: RunningServer, token: string, id: number, count = 6): Promise<void> {
  for (const started = performance.now(); performance.now() - started < 300_000; await sleep(200)) {
    const res = await fetch(`${server.url}/api/v1/admin/media/${id}`, { headers: { authorization: `Bearer ${token}` } })
    if (((await res.json()) as { variants: unknown[] }).variants.length >= count) return
  }
  throw new Error('the variants were not made within 5 minutes')
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      store: { type: 'string', default: 'both' }, sizes: { type: 'string', default: '5,20' }, runs: { type: 'string', default: '3' },
      root: { type: 'string' }, label: { type: 'string', default: 'this checkout' },
    },
    strict: true,
  })
  const stores = values.store === 'both' ? ['fs', 's3'] : [values.store]
  const photos = await Promise.all(values.sizes.split(',').map((mib) => photoOfSize(Number(mib) * MiB, LIMIT)))
  const probeFile = path.join(os.tmpdir(), `broadsheet-heap-probe-${process.pid}.json`)
  const rows: Record<string, string | number>[] = []
  for (const store of stores) {
    const s3 = store === 's3' ? await startS3Emulator() : null
    const scratch = await createScratch('sqlite')
    try {
      // Load shedding off: on a shared machine the variants poll would otherwise be answered 503.
      const env = { ...s3?.env, SHED_EVENT_LOOP_DELAY_MS: '0', SHED_HEAP_MB: '0', NODE_OPTIONS: `--import=${path.resolve(import.meta.dirname, 'heap-probe.ts')}`, HEAP_PROBE_FILE: probeFile }
      const token = await editorToken(scratch.dataDir, s3?.env)
      const server = await startServer({ dataDir: scratch.dataDir, databaseUrl: undefined, env, ...(values.root !== undefined && { root: values.root }) })
      try {
        // sharp is loaded by the first upload: a small one first, so that its loading is not counted.
        const warm = new FormData()
        warm.append('file', new Blob([new Uint8Array(await noisePhoto(9, 64, false))], { type: 'image/jpeg' }), 'warm-up.jpg')
        const warmed = await fetch(`${server.url}/api/v1/admin/media`, { method: 'POST', body: warm, headers: { authorization: `Bearer ${token}` } })
        await waitForVariants(server, token, ((await warmed.json()) as { id: number }).id, 2)
        for (const photo of photos) {
          for (let run = 0; run < Number(values.runs); run++) {
            await sleep(500)
            await writeFile(`/proc/${server.pid}/clear_refs`, '5')
            // The first read ends the period before (the variants job); the second is the level the upload starts from.
            await heapPeaks(server, probeFile)
            await sleep(50)
            const base = await heapPeaks(server, probeFile)
            const before = server.memory().rssKiB
            const cpu0 = server.cpuMs(), t0 = performance.now()
            const form = new FormData()
            form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `photo-${run}.jpg`)
            const res = await fetch(`${server.url}/api/v1/admin/media`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
            const body = await res.json() as { id: number }
            if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${JSON.stringify(body)}`)
            const wallMs = performance.now() - t0, cpuMs = server.cpuMs() - cpu0
            const peaks = await heapPeaks(server, probeFile)
            const row = {
              store, 'upload MiB': +(photo.length / MiB).toFixed(1), run: run + 1, 'RSS before MiB': Math.round(before / 1024),
              'peak RSS +MiB': +((server.memory().peakKiB - before) / 1024).toFixed(1),
              'peak heap +MiB': +((peaks.heapUsed - base.heapUsed) / MiB).toFixed(1), 'peak external +MiB': +((peaks.external - base.external) / MiB).toFixed(1),
              'CPU ms': Math.round(cpuMs), 'wall ms': Math.round(wallMs),
            }
            rows.push(row)
            // Each upload as it ends: a run on a loaded machine takes minutes.
            console.log(JSON.stringify(row))
            await waitForVariants(server, token, body.id)
          }
        }
      } finally {
        await server.close()
      }
    } finally {
      await scratch.drop()
      await s3?.stop()
    }
  }
  console.log(`${values.label}: Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  console.table(rows)
  const medians = Object.values(Object.groupBy(rows, (r) => `${r.store} ${r['upload MiB']}`)).map((group) => {
    const g = group!
    const m = (k: string) => median(g.map((r) => Number(r[k])))
    return { store: g[0]!.store, 'upload MiB': g[0]!['upload MiB'], runs: g.length, 'peak RSS +MiB': m('peak RSS +MiB'), 'peak heap +MiB': m('peak heap +MiB'),
      'peak external +MiB': m('peak external +MiB'), 'CPU ms': m('CPU ms'), 'wall ms': m('wall ms') }
  })
  console.log('medians')
  console.table(medians)
  await mkdir(path.resolve(import.meta.dirname, 'results'), { recursive: true })
  await writeFile(path.resolve(import.meta.dirname, 'results', `upload-memory-${values.label.replace(/[^a-z0-9]+/gi, '-')}.json`),
    `${JSON.stringify({ label: values.label, node: process.version, cpus: os.cpus().length, loadavg: os.loadavg(), rows, medians }, null, 2)}\n`)
  await rm(probeFile, { force: true })
}

await main()
