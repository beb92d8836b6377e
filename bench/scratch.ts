// Scratch databases for a benchmark run: a temporary DATA_DIR for SQLite, or a new PostgreSQL database, dropped afterwards.

import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { DatabaseConfig } from '../src/config.ts'
import { processCpuMs } from './server.ts'

export type Engine = 'sqlite' | 'postgres'

/** The server the PostgreSQL runs use to create and drop scratch databases; override with BENCH_POSTGRES_URL. */
export const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export interface Scratch {
  readonly engine: Engine
  /** DATA_DIR for the server and the generator (media, and the SQLite file). */
  readonly dataDir: string
  /** DATABASE_URL for PostgreSQL; undefined for SQLite (the file in dataDir). */
  readonly databaseUrl: string | undefined
  readonly database: DatabaseConfig
  /** Human-readable location, printed when --keep leaves it behind. */
  readonly where: string
  drop(): Promise<void>
}

/** Null when PostgreSQL answers, else why not (printed as the reason for skipping it). */
export async function postgresUnavailable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('select 1')
    return null
  } catch (err) {
    return `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: ${(err as Error).message}`
  } finally {
    await client.end().catch(() => {})
  }
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = POSTGRES_ADMIN_URL): Promise<T> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}

/** A new, empty place to generate into. */
export async function createScratch(engine: Engine): Promise<Scratch> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `broadsheet-bench-${engine}-`))
  if (engine === 'sqlite') {
    const file = path.join(dataDir, 'broadsheet.db')
    return {
      engine, dataDir, databaseUrl: undefined, database: { engine, file }, where: file,
      drop: () => rm(dataDir, { recursive: true, force: true }),
    }
  }
  const name = `broadsheet_bench_${Date.now()}_${randomBytes(3).toString('hex')}`
  await admin((c) => c.query(`create database ${name}`))
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${name}`
  return {
    engine, dataDir, databaseUrl: url.href, database: { engine, url: url.href }, where: url.href,
    async drop() {
      await admin((c) => c.query(`drop database if exists ${name} with (force)`))
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** VACUUM ANALYZE after a bulk load, as autovacuum would soon do on a real site: fresh statistics and a visibility map. */
export async function vacuumAnalyze(databaseUrl: string): Promise<number> {
  const t0 = performance.now()
  await admin((c) => c.query('vacuum analyze'), databaseUrl)
  return performance.now() - t0
}

/** ANALYZE the whole database: what autovacuum does as tables grow (the generator calls it when it is off, as on this machine). */
export async function analyze(databaseUrl: string): Promise<void> {
  await admin((c) => c.query('analyze'), databaseUrl)
}

/** Whether autovacuum is on for the server at `databaseUrl`. */
export async function autovacuumOn(databaseUrl: string): Promise<boolean> {
  return admin(async (c) => (await c.query<{ autovacuum: string }>('show autovacuum')).rows[0]?.autovacuum === 'on', databaseUrl)
}

/** Median round trip of `select 1` on one connection: how much every PostgreSQL query costs before it does anything. */
export async function postgresRoundTripUs(databaseUrl: string, times = 200): Promise<number> {
  return admin(async (c) => {
    const samples: number[] = []
    for (let i = 0; i < times; i++) {
      const t0 = performance.now()
      await c.query('select 1')
      samples.push((performance.now() - t0) * 1000)
    }
    samples.sort((a, b) => a - b)
    return Math.round(samples[Math.floor(samples.length / 2)]!)
  }, databaseUrl)
}

/**
 * CPU time (ms) used so far by each PostgreSQL backend connected to the database `databaseUrl` names, by pid, read from
 * /proc: the database's share of the work, which the application's own CPU figure leaves out. Compare two readings with
 * cpuDelta.
 */
export async function databaseCpu(databaseUrl: string): Promise<Map<number, number>> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1))
  const pids = await admin(async (c) => (await c.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name])).rows.map((r) => r.pid))
  return new Map(pids.map((pid) => [pid, processCpuMs(pid)]))
}

/**
 * CPU used between two readings: the growth of backends present in both, plus all of backends that appeared in between.
 * Backends that exited in between are left out (the pool closes idle connections), so this can only undercount.
 */
export function cpuDelta(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let ms = 0
  for (const [pid, cpu] of after) ms += Math.max(0, cpu - (before.get(pid) ?? 0))
  return ms
}
