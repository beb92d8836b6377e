// Broadsheet instances as real processes for cluster tests: started on one database, each on its own loopback port.

import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import type { TestContext } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { freePort, MAIN_SCRIPT, tempDir } from './processes.ts'
import { TEST_SHEDDING } from './build-test-app.ts'

export interface Instance {
  readonly base: string
  readonly port: number
  readonly child: ChildProcess
  /** Everything the process wrote (its JSON log and any crash report). */
  output(): string
}

/**
 * Starts `node src/main.ts --no-demo` on `databaseUrl` with `env` and resolves once /healthz answers. Each instance has
 * its own DATA_DIR, as separate machines would. Time-based load shedding is off: it measures this busy test machine.
 */
export async function startInstance(t: TestContext, databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
  const dataDir = await tempDir(t, 'broadsheet-instance-')
  const port = await freePort()
  const child = spawn(process.execPath, [MAIN_SCRIPT, '--no-demo'], {
    env: { ...process.env, HOST: '127.0.0.1', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: String(port), TRUST_PROXY: '1', LOG_LEVEL: 'warn', ...TEST_SHEDDING, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => { output += d.toString() })
  child.stderr!.on('data', (d: Buffer) => { output += d.toString() })
  t.after(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL') })
  const base = `http://127.0.0.1:${port}`
  // A bound on waiting, not a measure: a start takes well under a second on a quiet machine, but tens of seconds on a
  // 2-core one that runs other suites beside this one.
  const giveUp = Date.now() + 60_000
  for (;;) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break
    if (Date.now() > giveUp || child.exitCode !== null) assert.fail(`the server did not start: ${output}`)
    await sleep(50)
  }
  return { base, port, child, output: () => output }
}

/** A browser's user agent: crawler detection would not count Node's fetch as a reader. */
export const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'
