// What the image benchmarks share: a bench site with an editor and an API token, and photos made to measure.

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const EMAIL = 'bench@news.example'

/** A side×side JPEG of colour noise with a camera's EXIF block; `smooth` upscales it from a small image (a smaller file). */
export async function noisePhoto(seed: number, side: number, smooth: boolean, quality = 85): Promise<Buffer> {
  const small = smooth ? Math.round(side / 20) : side
  const pixels = Buffer.alloc(small * small * 3)
  let x = seed * 2654435761 >>> 0
  for (let i = 0; i < pixels.length; i++) {
    x = (x * 1664525 + 1013904223) >>> 0
    pixels[i] = x >>> 24
  }
  return sharp(pixels, { raw: { width: small, height: small, channels: 3 } }).resize(side, side, { kernel: 'cubic' })
    .withExif({ IFD0: { Make: 'Bench', Model: `Camera ${seed}` } }).jpeg({ quality }).toBuffer()
}

/** A noise JPEG of about `bytes` (within 3%, never over `max`), found by adjusting its side. */
export async function photoOfSize(bytes: number, max = Infinity): Promise<Buffer> {
  let side = 1000
  for (let i = 0; ; i++) {
    const photo = await noisePhoto(i + 1, side, false, 90)
    if ((Math.abs(photo.length - bytes) <= bytes * 0.03 && photo.length <= max) || i === 8) return photo
    side = Math.round(side * Math.sqrt(bytes / photo.length) * (photo.length > max ? 0.99 : 1))
  }
}

/** Runs `node src/main.ts ARGS` on the scratch site, with `input` on standard input; resolves with standard output. */
export async function cli(dataDir: string, args: string[], input = '', env: Readonly<Record<string, string>> = {}): Promise<string> {
  const child = spawn(process.execPath, ['src/main.ts', ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env }, stdio: ['pipe', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  child.stdin.end(input)
  const [code] = await once(child, 'exit')
  if (code !== 0) throw new Error(`broadsheet ${args.join(' ')} exited with ${code}`)
  return out.trim()
}

/** Creates an editor on the site in `dataDir` and returns an Admin API token of theirs. */
export async function editorToken(dataDir: string, env: Readonly<Record<string, string>> = {}): Promise<string> {
  await cli(dataDir, ['user', 'create', '--email', EMAIL, '--name', 'Bench', '--role', 'editor'], 'a long enough bench password\n', env)
  return (await cli(dataDir, ['token', 'create', '--user', EMAIL], '', env)).split('\n').pop()!
}
