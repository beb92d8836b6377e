// The real server as a child process (`node src/main.ts --no-demo`): start-up to first served request, resident memory, shutdown.

import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Node's arguments for the server, as `npm start` runs it (package.json; src/main.ts says why). */
export const SERVER_ARGS: readonly string[] = ['--max-semi-space-size=8', 'src/main.ts', '--no-demo']

/**
 * The environment of package.json's start script: glibc's allocator settings (two arenas instead of eight per core, and
 * large blocks (image pixels) always in their own mappings, returned to the system when freed: bench/image-memory.ts),
 * and the compile cache on from Node's own start, so that src/main.ts too comes stripped and compiled from it (src/main.ts).
 */
export const SERVER_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', NODE_COMPILE_CACHE: path.join(ROOT, 'node_modules/.cache/node-compile-cache'),
}

export interface ServerOptions {
  readonly dataDir: string
  /** PostgreSQL URL; SQLite (DATA_DIR/broadsheet.db) when undefined. */
  readonly databaseUrl: string | undefined
  /** More environment for the server, e.g. PAGE_CACHE_MB=0; a value of undefined removes the variable. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** The checkout to run the server from (another build, for a before-and-after run); this one by default. */
  readonly root?: string
}

/** Wall and CPU ms per start-up phase, as the server logs them ("broadsheet is serving", src/boot-timing.ts). */
export interface BootBreakdown {
  readonly wallMs: number
  readonly cpuMs: number
  readonly phases: Readonly<Record<string, { readonly wallMs: number; readonly cpuMs: number }>>
}

export interface RunningServer {
  readonly url: string
  readonly pid: number
  /** performance.now() when the process was spawned. */
  readonly spawnedAt: number
  /** Spawn to the first 200 from /healthz, in ms. */
  readonly startupMs: number
  /** CPU time (user + system) the server had used when /healthz first answered: start-up cost without the wait for a core. */
  readonly startupCpuMs: number
  /** Where the start-up went, from the server's own log line; null when it did not log one within a second of /healthz. */
  readonly boot: BootBreakdown | null
  /** CPU time (user + system) used so far, in ms. */
  cpuMs(): number
  /** VmRSS and VmHWM (peak) of the server process, in KiB. */
  memory(): { rssKiB: number; peakKiB: number }
  close(): Promise<void>
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** VmRSS and VmHWM of a process from /proc, in KiB (0 when unreadable). */
export function processMemory(pid: number): { rssKiB: number; peakKiB: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0)
    return { rssKiB: kib('VmRSS'), peakKiB: kib('VmHWM') }
  } catch {
    return { rssKiB: 0, peakKiB: 0 }
  }
}

/** CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat (0 when unreadable). */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name, which is in parentheses and may hold spaces; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
  } catch {
    return 0
  }
}

/** USER_HZ: 100 on every Linux the kernel documents for /proc/<pid>/stat. */
const CLOCK_TICKS = 100

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })
    await res.arrayBuffer()
    return res.status === 200
  } catch {
    return false
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** Servers still running: a benchmark stopped by a signal stops them too, or they go on taking a core from the next runs. */
const running = new Set<ChildProcess>()
let stopsOnSignals = false
function stopWithThisProcess(child: ChildProcess): void {
  running.add(child)
  child.once('exit', () => running.delete(child))
  if (stopsOnSignals) return
  stopsOnSignals = true
  process.once('exit', () => { for (const c of running) c.kill('SIGKILL') })
  // A signal's default ends the process without its 'exit' event: exiting here runs it.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) process.once(signal, () => process.exit(code))
}

/** Spawns the server on a free port and waits for /healthz to answer 200; throws with its output if it exits or takes 60 s. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const port = await freePort()
  // info, for the one line that says where the start-up went; request lines are off below debug (src/web/app.ts).
  const env: NodeJS.ProcessEnv = { ...process.env, ...SERVER_ENV, PORT: String(port), DATA_DIR: opts.dataDir, LOG_LEVEL: 'info', BROADSHEET_DEMO: 'false' }
  // Another checkout keeps its own compile cache, as its `npm start` would.
  if (opts.root) env.NODE_COMPILE_CACHE = path.join(path.resolve(opts.root), 'node_modules/.cache/node-compile-cache')
  for (const name of ['DATABASE_URL', 'HOST', 'SITE_URL', 'TRUST_PROXY']) delete env[name]
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl
  for (const [name, value] of Object.entries(opts.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  const url = `http://127.0.0.1:${port}`
  let output = ''
  const started = performance.now()
  const child = spawn(process.execPath, [...SERVER_ARGS], { cwd: opts.root ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  stopWithThisProcess(child)
  let boot: BootBreakdown | null = null
  let pending = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000)
  }
  child.stdout!.on('data', (chunk: Buffer) => {
    if (boot) return
    const lines = (pending + chunk.toString()).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      if (!line.includes('"broadsheet is serving"')) continue
      const logged = JSON.parse(line) as { bootMs: number; bootCpuMs: number; boot: BootBreakdown['phases'] }
      boot = { wallMs: logged.bootMs, cpuMs: logged.bootCpuMs, phases: logged.boot }
    }
  })
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  let exited = false
  child.once('exit', () => {
    exited = true
  })
  while (!(await healthy(url))) {
    if (exited) throw new Error(`the server exited during start-up (code ${child.exitCode}):\n${output}`)
    if (performance.now() - started > 60_000) {
      await stop(child)
      throw new Error(`the server did not answer /healthz within 60 s:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 5))
  }
  const startupMs = performance.now() - started
  const startupCpuMs = processCpuMs(child.pid!)
  // The line is written just after listening (jobs start in between): it may come a moment after the first answer.
  for (const until = performance.now() + 1000; !boot && performance.now() < until;) await new Promise((r) => setTimeout(r, 5))
  return {
    url, pid: child.pid!, spawnedAt: started, startupMs, startupCpuMs, boot,
    cpuMs: () => processCpuMs(child.pid!),
    memory: () => processMemory(child.pid!),
    close: () => stop(child),
  }
}
