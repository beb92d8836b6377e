// The media store in a local folder (DATA_DIR/media by default, or a mount every instance shares).

import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { UnavailableError } from '../../errors.ts'
import { probeMediaStorage, storageFault } from '../media-files.ts'
import type { MediaStore, StoredObject } from './media-store.ts'

const absent = (err: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((err as { code?: string }).code ?? '')

/** A weak-free validator from size and modification time: a key's file is written once, so either changes only if it is replaced. */
const etagOf = (size: number, mtimeMs: number): string => `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`

/** The store under `dir`; keys are paths below it. */
export function createFsMediaStore(dir: string): MediaStore {
  const fileOf = (key: string) => path.join(dir, ...key.split('/'))

  async function head(key: string): Promise<StoredObject | null> {
    try {
      const s = await stat(fileOf(key))
      return s.isFile() ? { size: s.size, etag: etagOf(s.size, s.mtimeMs) } : null
    } catch (err) {
      if (absent(err)) return null
      throw err
    }
  }

  return {
    description: `folder ${dir}`,

    async put(key, body) {
      const file = fileOf(key)
      // Written beside its place as a dotfile (never served) and renamed over it: readers see the whole file or none.
      const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.partial`)
      try {
        await mkdir(path.dirname(file), { recursive: true })
      } catch (err) {
        // EEXIST from a recursive mkdir: a file stands where a folder of the media root should be.
        throw (err as { code?: string }).code === 'EEXIST' ? new UnavailableError('down', 'the media storage cannot be written just now; nothing was saved', err) : storageFault(err)
      }
      try {
        await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(temporary, { flags: 'wx' }))
        await rename(temporary, file)
      } catch (err) {
        await unlink(temporary).catch(() => {})
        throw storageFault(err)
      }
    },

    async read(key) {
      try {
        return await readFile(fileOf(key))
      } catch (err) {
        if (absent(err)) return null
        throw err
      }
    },

    async open(key, range) {
      const facts = await head(key)
      if (!facts) return null
      const body = createReadStream(fileOf(key), range ? { start: range.start, end: range.end } : {})
      return { ...facts, body, range: range ?? null }
    },

    head,

    async remove(key) {
      await unlink(fileOf(key)).catch((err: unknown) => {
        if (!absent(err)) throw err
      })
    },

    async *list() {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((err: unknown) => {
        if (absent(err)) return []
        throw err
      })
      for (const e of entries) {
        if (!e.isFile()) continue
        const key = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')
        if (key.split('/').some((s) => s.startsWith('.'))) continue
        yield { key, size: (await stat(path.join(e.parentPath, e.name))).size }
      }
    },

    probe: () => probeMediaStorage(dir),
    close() {},
  }
}
