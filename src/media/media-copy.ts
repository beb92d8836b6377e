// Copying the media root elsewhere (backups): every file but the dotfiles (partial writes, readiness probes).

import { cp, readdir } from 'node:fs/promises'
import path from 'node:path'

/** Copies the tree `from` into `to` file by file, leaving out dotfiles; returns how many files were copied (0 when `from` is missing). */
export async function copyMediaTree(from: string, to: string): Promise<number> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true }).catch((err: { code?: string }) => {
    if (err.code === 'ENOENT') return []
    throw err
  })
  if (entries.length === 0) return 0
  // fs.cp streams each file through the kernel (copy_file_range) and keeps no list of its own.
  await cp(from, to, { recursive: true, errorOnExist: true, force: false, filter: (src) => !path.basename(src).startsWith('.') })
  return entries.filter((e) => e.isFile() && !e.name.startsWith('.') && !path.relative(from, e.parentPath).split(path.sep).some((s) => s.startsWith('.'))).length
}
