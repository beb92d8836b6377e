// The broadsheet command as a real process in tests: its script, a quiet clean environment, temp folders, free ports.

import { spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/** The command's entry point, as `npm start` runs it. */
export const MAIN_SCRIPT = path.resolve(import.meta.dirname, '../../src/main.ts')

/** What a CLI run returns: its exit status and what it printed. */
export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs `node src/main.ts …args` to its end in a clean, quiet environment (PATH and HOME only, logs off, no demo)
 * plus `env`, with `input` on standard input.
 */
export function runBroadsheet(args: readonly string[], env: Record<string, string> = {}, input = ''): CliResult {
  const res = spawnSync(process.execPath, [MAIN_SCRIPT, ...args], {
    encoding: 'utf8', timeout: 60_000, input,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', BROADSHEET_DEMO: '0', ...env },
  })
  return { code: res.status, stdout: res.stdout, stderr: res.stderr }
}

/** A new temporary folder, removed with everything in it when the test ends. */
export async function tempDir(t: { after(fn: () => unknown): void }, prefix = 'broadsheet-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  t.after(() => rm(dir, { recursive: true, force: true }))
  return dir
}

/** A loopback TCP port that was free when asked (for a child server that is told its port). */
export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as net.AddressInfo
  server.close()
  await once(server, 'close')
  return port
}
