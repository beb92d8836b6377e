// Writing files under the media root: a failed write leaves no partial file, and a full or read-only disk says so.

import { mkdir, rename, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UnavailableError, type Outage } from '../errors.ts'

// No room (ENOSPC, or a quota: EDQUOT), or a file system that cannot be written at all.
const OUTAGES: Readonly<Record<string, Outage>> = { ENOSPC: 'full', EDQUOT: 'full', EROFS: 'down', EIO: 'down', EACCES: 'down', EPERM: 'down', ENOTDIR: 'down' }
const MESSAGES: Readonly<Record<Outage, string>> = {
  full: 'the media storage has no room left for this file; nothing was saved',
  down: 'the media storage cannot be written just now; nothing was saved',
}

/** A file-system error as an UnavailableError when it is an outage of the storage, else unchanged. */
export function storageFault(err: unknown): unknown {
  // libvips (sharp writing a file) reports the system's error in its message only.
  const code = (err as { code?: string } | null)?.code ?? (err instanceof Error && /No space left on device/.test(err.message) ? 'ENOSPC' : '')
  const outage = OUTAGES[code]
  return outage ? new UnavailableError(outage, MESSAGES[outage], err) : err
}

/**
 * Writes `data` to a new file (never over an existing one), creating its folder. When the write fails part-way (a full
 * disk) the partial file is removed; a full or unwritable disk throws UnavailableError (507 or 503), its cause kept.
 */
export async function writeNewFile(file: string, data: Buffer | string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true })
  } catch (err) {
    // EEXIST from a recursive mkdir: a file stands where a folder of the media root should be.
    throw (err as { code?: string }).code === 'EEXIST' ? new UnavailableError('down', MESSAGES.down, err) : storageFault(err)
  }
  try {
    await writeFile(file, data, { flag: 'wx' })
  } catch (err) {
    // 'wx' refuses a file that was already there: only then is the file not ours to remove.
    if ((err as { code?: string }).code !== 'EEXIST') await unlink(file).catch(() => {})
    throw storageFault(err)
  }
}

/**
 * Writes `data` to `file`, replacing any file there only once the new one is whole: it is written beside it and renamed
 * over it, so a failed write (a full disk) leaves the old file, or none, and never a partial one.
 */
export async function replaceFile(file: string, data: Buffer): Promise<void> {
  // A dotfile, which /media/ never serves.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`)
  try {
    await writeFile(temporary, data)
    await rename(temporary, file)
  } catch (err) {
    await unlink(temporary).catch(() => {})
    throw storageFault(err)
  }
}

/** Name of the probe file; a dotfile, which /media/ never serves. */
export const PROBE_FILE = '.readiness-probe'

/** Proves the media root takes writes: writes and deletes a small probe file. Throws when it cannot. */
export async function probeMediaStorage(mediaDir: string): Promise<void> {
  const file = path.join(mediaDir, `${PROBE_FILE}-${process.pid}`)
  await writeNewFile(file, 'ok')
  await unlink(file)
}
