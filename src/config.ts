// Typed configuration, read from the environment once and validated; the only reader of process.env.

import path from 'node:path'

export type DatabaseConfig =
  | { readonly engine: 'sqlite'; readonly file: string }
  /** poolSize: DATABASE_POOL_SIZE, the most connections this instance opens (10 when unset). */
  | { readonly engine: 'postgres'; readonly url: string; readonly poolSize?: number }

export interface Config {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly database: DatabaseConfig
  readonly siteUrl: URL
  readonly timeZone: string
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  readonly trustProxy: boolean
  /**
   * Whether a new, empty database is filled with the demo newsroom after its first migration. On by default for SQLite
   * (`npm start` shows a working site); off for PostgreSQL, where an empty database is more often a fault than a trial.
   */
  readonly demo: boolean
  /** Whether webhook receivers may be on private or loopback addresses (tests, intranets); off by default against SSRF. */
  readonly webhookAllowPrivate: boolean
  /** The most bytes the in-memory page cache holds (all encodings of all pages); 0 turns it off. */
  readonly pageCacheBytes: number
  /** How long a client may take to send a whole request, headers and body, before it is answered 408 and closed; 0 turns it off. */
  readonly requestTimeoutMs: number
  /** When requests other than health probes are queued or shed with 503 (src/web/load-shedding.ts). */
  readonly shedding: SheddingConfig
  /** Outgoing mail (SMTP_URL and MAIL_FROM); null when unset: no invitations, password links or notices by email. */
  readonly mail: MailConfig | null
  /** Where purges by dependency key go when something changes (CDN_PURGE); null when no CDN is configured. */
  readonly cdn: CdnConfig | null
  /** Where originals and variants are kept (MEDIA_STORE) and the public base they may be served from (MEDIA_PUBLIC_URL). */
  readonly media: MediaConfig
  /** METRICS_TOKEN: the bearer token that /metrics asks for; null serves /metrics to direct loopback clients only. */
  readonly metricsToken: string | null
  /**
   * SHUTDOWN_TIMEOUT_MS (10000): how long a SIGTERM waits for requests in flight and background work before cutting them
   * off; views are then flushed and the database closed, and the process exits regardless 5 s after the bound.
   */
  readonly shutdownTimeoutMs: number
}

/** MEDIA_STORE: the local folder (DATA_DIR/media by default; a shared mount works too) or an S3-compatible bucket. */
export type MediaStoreConfig =
  | { readonly kind: 'fs'; readonly dir: string }
  | { readonly kind: 's3'; readonly bucket: string; readonly prefix: string; readonly s3: S3Config }

/** How to reach an S3-compatible store, from the usual AWS variables. */
export interface S3Config {
  /** AWS_ENDPOINT_URL: another S3-compatible service (R2, MinIO, Ceph); null for AWS S3 itself. Path-style addressing when set. */
  readonly endpoint: string | null
  /** AWS_REGION (or AWS_DEFAULT_REGION); `auto` for R2. */
  readonly region: string
  /** AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (AWS_SESSION_TOKEN too); null leaves it to the SDK's chain (instance roles, ~/.aws). */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string } | null
}

export interface MediaConfig {
  readonly storage: MediaStoreConfig
  /** MEDIA_PUBLIC_URL without a trailing slash: /media/<key> redirects there (a public bucket or a CDN in front of it); null serves from the store. */
  readonly publicUrl: string | null
}

/**
 * The CDN that caches public pages, and how to purge it by key. `api` is the provider's API base (overridable with
 * CDN_API_URL, for a proxy or a test receiver); `url` posts the keys as JSON, signed like webhooks, to an address of the
 * operator's choosing (a purge relay, Varnish with xkey, a CDN this code does not name).
 */
export type CdnConfig =
  | { readonly kind: 'fastly'; readonly api: string; readonly serviceId: string; readonly token: string }
  | { readonly kind: 'cloudflare'; readonly api: string; readonly zoneId: string; readonly token: string }
  | { readonly kind: 'url'; readonly url: string; readonly secret: string }

/** Where outgoing mail goes and whom it comes from. */
export interface MailConfig {
  /** SMTP_URL: smtp:// (STARTTLS when the server offers it) or smtps:// (TLS from the start), credentials in the URL. */
  readonly url: string
  /** MAIL_FROM: `address@example.org` or `Name <address@example.org>`. */
  readonly from: string
  /** NEWSLETTER_RATE (20): newsletter messages a second at most, across this instance's sends; what the mail service allows. */
  readonly newsletterRate: number
}

/** Load-shedding thresholds; 0 turns each one off. */
export interface SheddingConfig {
  /** SHED_TURN_MS (20): the most ms of one event-loop turn spent starting requests; the rest wait for a later turn. */
  readonly turnBudgetMs: number
  /** SHED_QUEUE_MS (1000): how long a request may wait for its turn before it is answered 503. */
  readonly queueWaitMs: number
  /** SHED_MAX_IN_FLIGHT (200): the most admitted requests not yet answered. */
  readonly maxInFlight: number
  /** SHED_EVENT_LOOP_DELAY_MS (200): above this mean event-loop delay, requests are answered 503 at once. */
  readonly eventLoopDelayMs: number
  /** SHED_HEAP_MB (90% of V8's heap limit when unset, which is null here): above this heap in use, likewise. */
  readonly heapUsedBytes: number | null
}

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  readonly variable: string
  constructor(variable: string, problem: string) {
    super(`${variable} ${problem}`)
    this.name = 'ConfigError'
    this.variable = variable
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const port = parsePort(env.PORT)
  const host = nonEmpty(env.HOST, 'HOST') ?? '127.0.0.1'
  const dataDir = path.resolve(nonEmpty(env.DATA_DIR, 'DATA_DIR') ?? './data')
  const database = parseDatabase(env.DATABASE_URL, dataDir, env.DATABASE_POOL_SIZE)
  return Object.freeze({
    port,
    host,
    dataDir,
    database,
    siteUrl: parseSiteUrl(env.SITE_URL, port),
    timeZone: parseTimeZone(env.SITE_TIMEZONE),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    trustProxy: parseBoolean(env.TRUST_PROXY, 'TRUST_PROXY', false),
    demo: parseBoolean(env.BROADSHEET_DEMO, 'BROADSHEET_DEMO', database.engine === 'sqlite'),
    webhookAllowPrivate: parseBoolean(env.WEBHOOK_ALLOW_PRIVATE, 'WEBHOOK_ALLOW_PRIVATE', false),
    pageCacheBytes: parsePageCacheMb(env.PAGE_CACHE_MB) * 1024 * 1024,
    requestTimeoutMs: parseRequestTimeoutS(env.REQUEST_TIMEOUT_S) * 1000,
    shedding: parseShedding(env),
    mail: parseMail(env.SMTP_URL, env.MAIL_FROM, env.NEWSLETTER_RATE),
    media: { storage: parseMediaStore(env, dataDir), publicUrl: parseMediaPublicUrl(env.MEDIA_PUBLIC_URL) },
    cdn: parseCdn(env),
    metricsToken: parseMetricsToken(env.METRICS_TOKEN),
    shutdownTimeoutMs: parseShutdownTimeout(env.SHUTDOWN_TIMEOUT_MS),
  })
}

/** MEDIA_STORE: unset or a path (the folder), or s3://bucket/prefix with the AWS variables beside it. */
export function parseMediaStore(env: NodeJS.ProcessEnv, dataDir: string): MediaStoreConfig {
  const value = nonEmpty(env.MEDIA_STORE, 'MEDIA_STORE')
  if (value === undefined) return { kind: 'fs', dir: path.join(dataDir, 'media') }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return { kind: 'fs', dir: path.resolve(value) }
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(value)
  if (!match) throw new ConfigError('MEDIA_STORE', `must be a folder or s3://bucket/prefix, got "${value.slice(0, 100)}"`)
  const bucket = match[1]!, prefix = (match[2] ?? '').replace(/^\/+|\/+$/g, '')
  // S3's bucket naming rules (lower case, 3–63 characters), which R2, MinIO and Ceph follow too.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError('MEDIA_STORE', `names the bucket "${bucket.slice(0, 100)}", which is not a valid bucket name (3–63 lower-case letters, digits, dots and hyphens)`)
  }
  if (prefix.length > 200 || !/^[A-Za-z0-9/_.-]*$/.test(prefix) || (prefix !== '' && prefix.split('/').some((s) => s === '' || s.startsWith('.')))) {
    throw new ConfigError('MEDIA_STORE', 'has a prefix that is not a plain path (letters, digits, "-", "_", ".", single "/")')
  }
  return { kind: 's3', bucket, prefix, s3: parseS3(env) }
}

function parseS3(env: NodeJS.ProcessEnv): S3Config {
  const endpoint = nonEmpty(env.AWS_ENDPOINT_URL, 'AWS_ENDPOINT_URL') ?? null
  if (endpoint !== null) {
    let url: URL
    try {
      url = new URL(endpoint)
    } catch {
      throw new ConfigError('AWS_ENDPOINT_URL', `is not an absolute URL: "${endpoint.slice(0, 100)}"`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('AWS_ENDPOINT_URL', 'must be http:// or https://')
  }
  const region = nonEmpty(env.AWS_REGION, 'AWS_REGION') ?? nonEmpty(env.AWS_DEFAULT_REGION, 'AWS_DEFAULT_REGION')
  if (region === undefined) throw new ConfigError('AWS_REGION', 'is required when MEDIA_STORE is s3://… (e.g. eu-west-1; "auto" for Cloudflare R2; us-east-1 for most others)')
  if (!/^[a-z0-9-]{1,40}$/.test(region)) throw new ConfigError('AWS_REGION', `is not a region name: "${region.slice(0, 100)}"`)
  const accessKeyId = nonEmpty(env.AWS_ACCESS_KEY_ID, 'AWS_ACCESS_KEY_ID'), secretAccessKey = nonEmpty(env.AWS_SECRET_ACCESS_KEY, 'AWS_SECRET_ACCESS_KEY')
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new ConfigError(accessKeyId === undefined ? 'AWS_ACCESS_KEY_ID' : 'AWS_SECRET_ACCESS_KEY', 'is required with the other key of the pair (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)')
  }
  const sessionToken = nonEmpty(env.AWS_SESSION_TOKEN, 'AWS_SESSION_TOKEN')
  return {
    endpoint, region,
    credentials: accessKeyId !== undefined && secretAccessKey !== undefined ? { accessKeyId, secretAccessKey, ...(sessionToken !== undefined && { sessionToken }) } : null,
  }
}

function parseMediaPublicUrl(value: string | undefined): string | null {
  const raw = nonEmpty(value, 'MEDIA_PUBLIC_URL')
  if (raw === undefined) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('MEDIA_PUBLIC_URL', `is not an absolute URL: "${raw.slice(0, 100)}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('MEDIA_PUBLIC_URL', 'must be http:// or https://')
  if (url.search || url.hash) throw new ConfigError('MEDIA_PUBLIC_URL', 'must not have a query or fragment')
  return url.href.replace(/\/+$/, '')
}

// A display name (plain or in double quotes, never a line break or an angle bracket) and an address, or a bare address.
const MAIL_FROM = /^(?:(?:[^"<>\r\n]{1,200}|"[^"<>\r\n]{1,200}") )?<[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+>$|^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/

function parseMail(rawUrl: string | undefined, rawFrom: string | undefined, rawRate: string | undefined): MailConfig | null {
  const url = rawUrl?.trim() ?? ''
  const from = rawFrom?.trim() ?? ''
  if (!url && !from) return null
  if (!url) throw new ConfigError('SMTP_URL', 'is required when MAIL_FROM is set (smtp://user:password@host:587 or smtps://…:465)')
  if (!from) throw new ConfigError('MAIL_FROM', 'is required when SMTP_URL is set (e.g. "Newsroom <desk@example.org>")')
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    // The value may hold a password: never repeat it.
    throw new ConfigError('SMTP_URL', 'is not a valid URL (smtp://user:password@host:587 or smtps://…:465)')
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new ConfigError('SMTP_URL', `must start with smtp:// or smtps://, got "${parsed.protocol}//…"`)
  if (!parsed.hostname) throw new ConfigError('SMTP_URL', 'must name a host')
  if (from.length > 300 || !MAIL_FROM.test(from)) throw new ConfigError('MAIL_FROM', `must be an address or "Name <address>", got "${from.slice(0, 100)}"`)
  const rate = rawRate === undefined || rawRate.trim() === '' ? 20 : Number(rawRate)
  if (!/^\d+$/.test(rawRate?.trim() || '20') || rate < 1 || rate > 100_000) throw new ConfigError('NEWSLETTER_RATE', `must be a whole number of messages a second from 1 to 100000, got "${String(rawRate).slice(0, 20)}"`)
  return Object.freeze({ url, from, newsletterRate: rate })
}

const CDN_KINDS = ['fastly', 'cloudflare', 'url'] as const

function parseCdn(env: NodeJS.ProcessEnv): CdnConfig | null {
  const kind = env.CDN_PURGE?.trim().toLowerCase() ?? ''
  if (kind === '' || kind === 'none') return null
  if (!CDN_KINDS.includes(kind as typeof CDN_KINDS[number])) throw new ConfigError('CDN_PURGE', `must be one of ${CDN_KINDS.join(', ')} (or unset), got "${env.CDN_PURGE}"`)
  // Tokens and secrets are never repeated in a message.
  const required = (name: string, pattern: RegExp, what: string): string => {
    const value = env[name]?.trim() ?? ''
    if (!value) throw new ConfigError(name, `is required when CDN_PURGE=${kind} (${what})`)
    if (!pattern.test(value)) throw new ConfigError(name, `is not ${what}`)
    return value
  }
  const httpUrl = (name: string, fallback: string | null): string => {
    const raw = env[name]?.trim() || fallback
    if (raw === null) throw new ConfigError(name, `is required when CDN_PURGE=${kind} (an http(s) URL)`)
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      throw new ConfigError(name, 'is not a valid URL')
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, `must be http:// or https://, got "${url.protocol}//…"`)
    if (url.username || url.password) throw new ConfigError(name, 'must not carry credentials (use the token variables)')
    return url.href.replace(/\/+$/, '')
  }
  const token = /^[\x21-\x7e]{8,512}$/
  if (kind === 'fastly') {
    return Object.freeze({ kind, api: httpUrl('CDN_API_URL', 'https://api.fastly.com'),
      serviceId: required('FASTLY_SERVICE_ID', /^[A-Za-z0-9]{1,64}$/, 'a Fastly service id (letters and digits)'),
      token: required('FASTLY_API_TOKEN', token, 'an API token (8 to 512 printable characters)') })
  }
  if (kind === 'cloudflare') {
    return Object.freeze({ kind, api: httpUrl('CDN_API_URL', 'https://api.cloudflare.com/client/v4'),
      zoneId: required('CLOUDFLARE_ZONE_ID', /^[0-9a-f]{32}$/i, 'a Cloudflare zone id (32 hexadecimal digits)'),
      token: required('CLOUDFLARE_API_TOKEN', token, 'an API token (8 to 512 printable characters)') })
  }
  return Object.freeze({ kind: 'url', url: httpUrl('CDN_PURGE_URL', null),
    secret: required('CDN_PURGE_SECRET', /^[\x21-\x7e]{16,512}$/, 'a signing secret of 16 to 512 printable characters') })
}

function parseShedding(env: NodeJS.ProcessEnv): SheddingConfig {
  const whole = (name: string, fallback: number, max: number): number => {
    const value = env[name]
    if (value === undefined || value === '') return fallback
    const n = Number(value)
    if (!/^\d+$/.test(value.trim()) || n > max) throw new ConfigError(name, `must be a whole number from 0 (off) to ${max}, got "${value}"`)
    return n
  }
  const heapMb = env.SHED_HEAP_MB === undefined || env.SHED_HEAP_MB === '' ? null : whole('SHED_HEAP_MB', 0, 1_048_576)
  return Object.freeze({
    turnBudgetMs: whole('SHED_TURN_MS', 20, 60_000),
    queueWaitMs: whole('SHED_QUEUE_MS', 1000, 600_000),
    maxInFlight: whole('SHED_MAX_IN_FLIGHT', 200, 1_000_000),
    eventLoopDelayMs: whole('SHED_EVENT_LOOP_DELAY_MS', 200, 60_000),
    heapUsedBytes: heapMb === null ? null : heapMb * 1024 * 1024,
  })
}

function nonEmpty(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined
  if (value.trim() === '') throw new ConfigError(name, 'is set but empty')
  return value.trim()
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 3000
  const port = Number(value)
  // Port 0 asks the OS for a free port: tests and benchmarks use it.
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `must be a whole number from 0 to 65535, got "${value}"`)
  }
  return port
}

function parseDatabase(value: string | undefined, dataDir: string, poolSize: string | undefined): DatabaseConfig {
  if (value === undefined || value === '') return { engine: 'sqlite', file: path.join(dataDir, 'broadsheet.db') }
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value)
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid postgres:// URL')
    }
    return { engine: 'postgres', url: value, ...(poolSize !== undefined && poolSize !== '' && { poolSize: parsePoolSize(poolSize) }) }
  }
  if (value.startsWith('sqlite:')) return { engine: 'sqlite', file: path.resolve(value.slice('sqlite:'.length)) }
  throw new ConfigError('DATABASE_URL', `must start with postgres:// or sqlite:, got "${value.split(':')[0]}:…"`)
}

function parseMetricsToken(value: string | undefined): string | null {
  if (value === undefined || value === '') return null
  // Sent in an Authorization header: printable ASCII only, and long enough not to be guessed.
  if (!/^[\x21-\x7e]{16,256}$/.test(value)) throw new ConfigError('METRICS_TOKEN', 'must be 16–256 printable characters without spaces (e.g. `openssl rand -hex 24`)')
  return value
}

function parseShutdownTimeout(value: string | undefined): number {
  if (value === undefined || value === '') return 10_000
  const ms = Number(value)
  if (!/^\d+$/.test(value.trim()) || ms < 100 || ms > 600_000) throw new ConfigError('SHUTDOWN_TIMEOUT_MS', `must be a whole number of milliseconds from 100 to 600000, got "${value}"`)
  return ms
}

function parsePoolSize(value: string): number {
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 1000) throw new ConfigError('DATABASE_POOL_SIZE', `must be a whole number from 1 to 1000, got "${value}"`)
  return n
}

function parseSiteUrl(value: string | undefined, port: number): URL {
  const raw = value ?? `http://localhost:${port || 3000}`
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('SITE_URL', `is not an absolute URL: "${raw}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('SITE_URL', 'must be http:// or https://')
  if (url.search || url.hash) throw new ConfigError('SITE_URL', 'must not have a query or fragment')
  // Canonical URLs are built as siteUrl + path, so the base never ends in a slash.
  url.pathname = url.pathname.replace(/\/+$/, '')
  return url
}

function parseTimeZone(value: string | undefined): string {
  if (value === undefined || value === '') return 'UTC'
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone
  } catch {
    throw new ConfigError('SITE_TIMEZONE', `is not an IANA time zone name: "${value}"`)
  }
}

function parsePageCacheMb(value: string | undefined): number {
  if (value === undefined || value === '') return 64
  const mb = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(mb) || mb > 65_536) {
    throw new ConfigError('PAGE_CACHE_MB', `must be a whole number of megabytes from 0 (off) to 65536, got "${value}"`)
  }
  return mb
}

// A minute: long enough for a 20 MiB photo over a 3 Mbit/s uplink, short enough that slow senders cannot pile up.
const DEFAULT_REQUEST_TIMEOUT_S = 60

function parseRequestTimeoutS(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_REQUEST_TIMEOUT_S
  const s = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(s) || s > 3600) {
    throw new ConfigError('REQUEST_TIMEOUT_S', `must be a whole number of seconds from 0 (off) to 3600, got "${value}"`)
  }
  return s
}

function parseLogLevel(value: string | undefined): Config['logLevel'] {
  if (value === undefined || value === '') return 'info'
  const level = LOG_LEVELS.find((l) => l === value.toLowerCase())
  if (!level) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`)
  return level
}

function parseBoolean(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  const v = value.toLowerCase()
  if (['1', 'true', 'yes', 'on'].includes(v)) return true
  if (['0', 'false', 'no', 'off'].includes(v)) return false
  throw new ConfigError(name, `must be true or false (1/0, yes/no), got "${value}"`)
}
