// Image decoding memory: two ~49-megapixel JPEGs uploaded at once through the Admin API of the real server, then their
// variants made by the background job. Prints the server's resident memory before, at its peak and after.
//
//   node bench/image-memory.ts [--env NAME=VALUE ...] [--settle 10]
//
// The images are 7000×7000 smooth noise with an EXIF block (a camera's), so the upload re-encodes them without it, as it
// does for real photos; the variants job then makes three widths in two formats of each. "after" is read `--settle`
// seconds after the last variant was recorded. `--env MALLOC_ARENA_MAX=…` compares glibc's allocator settings.

import { parseArgs } from 'node:util'
import { editorToken, noisePhoto } from './bench-site.ts'
import { createScratch } from './scratch.ts'
import { startServer } from './server.ts'

const SIDE = 7000

/** A SIDE×SIDE JPEG of smooth colour noise (upscaled from a small image, so it stays under the 20 MiB limit). */
const bigPhoto = (seed: number): Promise<Buffer> => noisePhoto(seed, SIDE, true)

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { env: { type: 'string', multiple: true, default: [] }, settle: { type: 'string', default: '10' } }, strict: true })
  const extraEnv = Object.fromEntries(values.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]))
  const photos = await Promise.all([bigPhoto(1), bigPhoto(2)])
  const scratch = await createScratch('sqlite')
  try {
    const token = await editorToken(scratch.dataDir)
    const server = await startServer({ dataDir: scratch.dataDir, databaseUrl: undefined, env: extraEnv })
    try {
      let peak = 0
      const sampler = setInterval(() => { peak = Math.max(peak, server.memory().rssKiB) }, 50)
      await new Promise((r) => setTimeout(r, 2000))
      const before = server.memory().rssKiB
      const t0 = performance.now()
      const ids = await Promise.all(photos.map(async (photo, i) => {
        const form = new FormData()
        form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `photo-${i}.jpg`)
        const res = await fetch(`${server.url}/api/v1/admin/media`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
        const body = await res.json() as { id: number }
        if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${JSON.stringify(body)}`)
        return body.id
      }))
      const uploadedMs = performance.now() - t0
      const afterUpload = server.memory()
      // The variants job runs every 2 s; wait until both images have their six variants.
      for (;;) {
        const counts = await Promise.all(ids.map(async (id) => {
          const res = await fetch(`${server.url}/api/v1/admin/media/${id}`, { headers: { authorization: `Bearer ${token}` } })
          return ((await res.json()) as { variants: unknown[] }).variants.length
        }))
        if (counts.every((n) => n >= 6)) break
        if (performance.now() - t0 > 300_000) throw new Error('the variants were not made within 5 minutes')
        await new Promise((r) => setTimeout(r, 200))
      }
      const variantsMs = performance.now() - t0
      await new Promise((r) => setTimeout(r, Number(values.settle) * 1000))
      clearInterval(sampler)
      const mib = (kib: number): number => Math.round(kib / 1024)
      const { rssKiB, peakKiB } = server.memory()
      console.log(`two ${SIDE}×${SIDE} JPEGs (${photos.map((p) => (p.length / 1048576).toFixed(1)).join(' and ')} MiB)${values.env.length ? `, ${values.env.join(' ')}` : ''}`)
      console.table([{
        'RSS before MiB': mib(before), 'after uploads MiB': mib(afterUpload.rssKiB), 'peak in uploads MiB': mib(afterUpload.peakKiB), 'peak MiB (VmHWM)': mib(Math.max(peak, peakKiB)),
        [`after +${values.settle} s MiB`]: mib(rssKiB), 'uploads ms': Math.round(uploadedMs), 'variants done ms': Math.round(variantsMs),
      }])
    } finally {
      await server.close()
    }
  } finally {
    await scratch.drop()
  }
}

await main()
