// Image decoding memory: two ~49-megapixel JPEGs uploaded at once through the Admin API of the real server, then their
// variants made by the background job. Prints the server's resident memory before, at its peak and after.
//
//   node bench/image-memory.ts [--env NAME=VALUE ...] [--settle 10]
//
// The images are 7000×7000 smooth noise with an EXIF block (a camera's), so the upload re-encodes them without it, as it
// does for real photos; the variants job then makes three widths in two formats of each. "after" is read `--settle`
// seconds after the last variant was recorded. `--env MALLOC_ARENA_MAX=…` compares glibc's allocator settings.

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { createScratch } from './scratch.ts'
import { startServer } from './server.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SIDE = 7000
const EMAIL = 'bench@news.example'

/** A SIDE×SIDE JPEG of smooth colour noise (upscaled from a small random image, so it stays under the 20 MiB limit). */
async function bigPhoto(seed: number): Promise<Buffer> {
  const small = 350
  const pixels = Buffer.alloc(small * small * 3)
  let x = seed * 2654435761 >>> 0
  for (let i = 0; i < pixels.length; i++) {
    x = (x * 1664525 + 1013904223) >>> 0
    pixels[i] = x >>> 24
  }
  return sharp(pixels, { raw: { width: small, height: small, channels: 3 } }).resize(SIDE, SIDE, { kernel: 'cubic' })
    .withExif({ IFD0: { Make: 'Bench', Model: `Camera ${seed}` } }).jpeg({ quality: 85 }).toBuffer()
}

/** Runs `node src/main.ts ARGS` on the scratch site, with `input` on standard input; resolves with standard output. */
async function cli(dataDir: string, args: string[], input = ''): Promise<string> {
  const child = spawn(process.execPath, ['src/main.ts', ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' }, stdio: ['pipe', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  child.stdin.end(input)
  const [code] = await once(child, 'exit')
  if (code !== 0) throw new Error(`broadsheet ${args.join(' ')} exited with ${code}`)
  return out.trim()
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { env: { type: 'string', multiple: true, default: [] }, settle: { type: 'string', default: '10' } }, strict: true })
  const extraEnv = Object.fromEntries(values.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]))
  const photos = await Promise.all([bigPhoto(1), bigPhoto(2)])
  const scratch = await createScratch('sqlite')
  try {
    await cli(scratch.dataDir, ['user', 'create', '--email', EMAIL, '--name', 'Bench', '--role', 'editor'], 'a long enough bench password\n')
    const token = (await cli(scratch.dataDir, ['token', 'create', '--user', EMAIL])).split('\n').pop()!
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
