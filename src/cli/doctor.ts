// `broadsheet doctor`: checks what a server needs (configuration, database, migrations, storage, SMTP, clock, disk) and
// says what to fix; exits 1 when any check fails. It changes nothing: no migration, no demo, only a probe file.

import { existsSync } from 'node:fs'
import { statfs } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig, type Config, type MailConfig } from '../config.ts'
import { createMailer } from '../mail/transport.ts'
import { openMediaStore } from '../media/storage/open.ts'
import { inspectSite, type SiteInspection } from '../services.ts'

type Outcome = 'ok' | 'warn' | 'fail'

/** One line of the report: a check, its outcome, what was found, and what to do about it. */
export interface Finding {
  readonly check: string
  readonly outcome: Outcome
  readonly detail: string
  readonly fix?: string
}

/** Below this much free space under DATA_DIR, doctor fails; below the second, it warns. */
const DISK_FAIL_BYTES = 256 * 1024 ** 2
const DISK_WARN_BYTES = 2 * 1024 ** 3
/** Clock skew against the database: scheduled publishing and sessions compare this machine's times with stored ones. */
const SKEW_WARN_MS = 1_000
const SKEW_FAIL_MS = 30_000

const mib = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('en')} MiB`

/** Runs every check that the configuration allows; the first finding is the configuration's own. */
export async function diagnose(env: NodeJS.ProcessEnv): Promise<Finding[]> {
  let config: Config
  try {
    config = loadConfig(env)
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    return [{ check: 'configuration', outcome: 'fail', detail: err.message, fix: `set ${err.variable} to a valid value (README.md lists them), or unset it for the default` }]
  }
  const where = config.database.engine === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL'
  const findings: Finding[] = [{ check: 'configuration', outcome: 'ok', detail: `${where}, site ${config.siteUrl.href}, DATA_DIR ${config.dataDir}` }]
  findings.push(...await databaseChecks(config))
  findings.push(await storageCheck(config), await diskCheck(config))
  if (config.mail) findings.push(await smtpCheck(config.mail))
  else findings.push({ check: 'smtp', outcome: 'ok', detail: 'not configured (SMTP_URL unset): no invitations or password mail' })
  return findings
}

async function databaseChecks(config: Config): Promise<Finding[]> {
  if (config.database.engine === 'sqlite' && !existsSync(config.database.file)) {
    return [{ check: 'database', outcome: 'fail', detail: `no database at ${config.database.file}`, fix: 'run `broadsheet migrate` (or start the server once), or point DATA_DIR / DATABASE_URL at the existing site' }]
  }
  let site: SiteInspection
  try {
    site = await inspectSite(config)
  } catch (err) {
    return [{ check: 'database', outcome: 'fail', detail: (err as Error).message, fix: 'check DATABASE_URL (host, port, database name, user) and that the server is running and reachable from here' }]
  }
  try {
    const findings: Finding[] = [{ check: 'database', outcome: 'ok', detail: `${site.engine} answers` }]
    findings.push(await migrationCheck(site), await clockCheck(site))
    return findings
  } finally {
    await site.close()
  }
}

async function migrationCheck(site: SiteInspection): Promise<Finding> {
  let pending: string[]
  try {
    pending = await site.pendingMigrations()
  } catch {
    return { check: 'migrations', outcome: 'fail', detail: 'the database has no Broadsheet schema', fix: 'run `broadsheet migrate` (the first server to start does it too)' }
  }
  return pending.length
    ? { check: 'migrations', outcome: 'fail', detail: `${pending.length} not applied: ${pending.join(', ')}`, fix: 'run `broadsheet migrate`, or start one server of this version: it migrates and the others wait' }
    : { check: 'migrations', outcome: 'ok', detail: 'every migration is applied' }
}

async function clockCheck(site: SiteInspection): Promise<Finding> {
  const before = Date.now()
  const theirs = await site.databaseTime()
  const after = Date.now()
  // The database read its clock somewhere within the round trip: compare with its middle.
  const skew = Math.round(theirs - (before + after) / 2)
  const detail = `${skew >= 0 ? '+' : ''}${skew} ms against the database's clock (round trip ${after - before} ms)`
  const fix = 'run NTP (systemd-timesyncd or chrony) on this machine and the database server'
  if (Math.abs(skew) > SKEW_FAIL_MS) return { check: 'clock', outcome: 'fail', detail, fix }
  if (Math.abs(skew) > SKEW_WARN_MS) return { check: 'clock', outcome: 'warn', detail, fix }
  return { check: 'clock', outcome: 'ok', detail }
}

async function storageCheck(config: Config): Promise<Finding> {
  // The store the server writes media to (MEDIA_STORE): a folder, or a bucket every instance shares.
  const store = openMediaStore(config.media.storage)
  try {
    await store.probe()
    return { check: 'storage', outcome: 'ok', detail: `${store.description} is writable` }
  } catch (err) {
    const code = (err as { code?: string; name?: string }).code ?? (err as { name?: string }).name ?? 'failed'
    const fix = config.media.storage.kind === 'fs'
      ? `make ${config.media.storage.dir} writable by the user that runs Broadsheet (e.g. chown -R broadsheet ${config.media.storage.dir})`
      : 'check the bucket, AWS_ENDPOINT_URL, AWS_REGION and the credentials (they need PutObject and DeleteObject on the prefix)'
    return { check: 'storage', outcome: 'fail', detail: `cannot write to ${store.description} (${code})`, fix }
  } finally {
    store.close()
  }
}

async function diskCheck(config: Config): Promise<Finding> {
  try {
    const fs = await statfs(existsSync(config.dataDir) ? config.dataDir : path.dirname(config.dataDir))
    const free = fs.bavail * fs.bsize
    const detail = `${mib(free)} free of ${mib(fs.blocks * fs.bsize)} under ${config.dataDir}`
    const fix = 'free space or grow the volume: uploads, the SQLite database and its WAL, and backups need room'
    if (free < DISK_FAIL_BYTES) return { check: 'disk', outcome: 'fail', detail, fix }
    if (free < DISK_WARN_BYTES) return { check: 'disk', outcome: 'warn', detail, fix }
    return { check: 'disk', outcome: 'ok', detail }
  } catch (err) {
    return { check: 'disk', outcome: 'fail', detail: `cannot read free space under ${config.dataDir} (${(err as { code?: string }).code ?? 'failed'})`, fix: 'create DATA_DIR, or point DATA_DIR at a mounted volume' }
  }
}

async function smtpCheck(mail: MailConfig): Promise<Finding> {
  const mailer = createMailer(mail, { connectionTimeoutMs: 5_000, socketTimeoutMs: 10_000 })
  try {
    const error = await mailer.verify()
    const host = new URL(mail.url).host
    return error === null
      ? { check: 'smtp', outcome: 'ok', detail: `${host} accepted the connection and EHLO` }
      : { check: 'smtp', outcome: 'fail', detail: `${host}: ${error}`, fix: 'check SMTP_URL (host, port 587 for smtp:// or 465 for smtps://, user and password)' }
  } finally {
    mailer.close()
  }
}

const MARK: Readonly<Record<Outcome, string>> = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL' }

/** The report as printed: one line per check, the fix indented under it. */
export function formatFindings(findings: readonly Finding[]): string {
  const width = Math.max(...findings.map((f) => f.check.length))
  return findings.map((f) => `${MARK[f.outcome]}  ${f.check.padEnd(width)}  ${f.detail}${f.fix ? `\n${' '.repeat(width + 8)}fix: ${f.fix}` : ''}`).join('\n')
}

export async function doctorCommand(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  parseArgs({ args, options: {}, strict: true, allowPositionals: false })
  const findings = await diagnose(env)
  console.log(formatFindings(findings))
  const failed = findings.filter((f) => f.outcome === 'fail').length
  console.log(failed ? `\n${failed} check${failed === 1 ? '' : 's'} failed.` : '\nEverything Broadsheet needs is in place.')
  return failed ? 1 : 0
}
