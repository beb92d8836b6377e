// Deterministic content generator: N articles written through the real createDraft + publish use-cases, in short transactions.
//
//   node bench/generate.ts --articles 100000 [--seed 42] [--data-dir DIR] [--database-url postgres://…] [--batch 250] [--max-transaction-ms 500]
//                          [--russian 0.05]   (share of articles in Russian)
//
// The site (settings, sections, ~40 tags, 20 bylines, demo images, pages) is written by the demo seed itself (seedDemo with no
// articles), so the taxonomy goes through the same builder as the demo newsroom. Text is a function of the seed; times are
// relative to `now` (default: the current hour), so the newest articles and the hourly views fall inside the Popular window.

import path from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { loadConfig } from '../src/config.ts'
import { slugify } from '../src/domain/slug.ts'
import { createDraft, finishBulk, newBulkPublish, publish, type BulkPublish } from '../src/editorial/publishing.ts'
import { sanitizeBody } from '../src/content/sanitize.ts'
import { rebuildRelated } from '../src/related/refresh.ts'
import { demoNewsroom } from '../src/importers/demo/newsroom.ts'
import { seedDemo } from '../src/importers/demo/seed.ts'
import { openStore, type Repositories, type Store } from '../src/store/store.ts'
import { HOUR_MS } from '../src/store/views.ts'
import { buildArticle, type GeneratedArticle } from './article-text.ts'
import { createRandom } from './random.ts'
import { analyze, autovacuumOn } from './scratch.ts'
import { extraAuthors, extraTags } from './vocabulary.ts'

const DAY_MS = 24 * HOUR_MS
const YEARS = 5

export interface GenerateOptions {
  readonly articles: number
  readonly seed?: number
  /** The instant "now" for the generated site; defaults to the start of the current hour. */
  readonly now?: number
  /** Most articles per transaction (default 250). */
  readonly batchSize?: number
  /** A transaction also ends once it has run this long (default 500 ms), so SQLite never holds a long one. */
  readonly maxTransactionMs?: number
  /** Where seedDemo writes the demo images (the server's DATA_DIR/media). */
  readonly mediaDir: string
  /** Distinct articles viewed per hour, and how many past hours get views. */
  readonly viewsPerHour?: number
  readonly viewHours?: number
  /** Whether to move the related-refresh cursor to the newest article, as on a site where the job kept pace (default true). */
  readonly relatedCaughtUp?: boolean
  /**
   * Refreshes planner statistics; called whenever the article count has grown by 10% (and 500) since the last call, as
   * autovacuum would. Pass it for PostgreSQL when autovacuum is off, or plans made for empty tables stay in use.
   */
  readonly analyze?: () => Promise<void>
  /**
   * Transactions writing at once (default 1). On PostgreSQL each statement waits a network round trip, so several
   * connections keep the server busy; SQLite has one connection and gains nothing.
   */
  readonly workers?: number
  /**
   * Share of articles written in Russian (0–1, default 0), spread evenly over time by a fixed sequence rather than the
   * PRNG, so the English articles' text stays what it is without it: a small language's listings scan far more index
   * entries per page than the large one's, which is what a language index must fix.
   */
  readonly russianShare?: number
  /** Called after each transaction with the number of articles written so far. */
  readonly onProgress?: (done: number, total: number, elapsedMs: number) => void
}

export interface TimingRow { readonly name: string; readonly ms: number; readonly calls: number }

export interface GenerateReport {
  readonly articles: number
  readonly seed: number
  readonly seconds: number
  readonly articlesPerSecond: number
  /** How many transactions the articles took. */
  readonly transactions: number
  /**
   * Time building text (outside transactions), each use-case's own CPU (validation, sanitizing, term extraction), all store
   * calls as wall time, each repository method (these overlap when a use-case runs calls concurrently), commits.
   */
  readonly breakdown: readonly TimingRow[]
  readonly views: { readonly rows: number; readonly seconds: number }
  /**
   * Articles are published with related indexing left for one rebuild at the end (as imports do): its passes, counting
   * the document frequencies, re-weighing every article's terms, and computing every related list.
   */
  readonly related: { readonly articles: number; readonly countMs: number; readonly reweighMs: number; readonly listMs: number }
  readonly editorsChoice: number
  /** The newest news article's public path: what the article benchmark loads. */
  readonly newestNewsPath: string
  readonly oldestPublishedAt: number
  readonly newestPublishedAt: number
}

class Timings {
  readonly rows = new Map<string, { ms: number; calls: number }>()
  add(name: string, ms: number): void {
    const row = this.rows.get(name)
    if (row) {
      row.ms += ms
      row.calls++
    } else this.rows.set(name, { ms, calls: 1 })
  }
  /** Wall time with at least one store call in flight: calls may overlap (Promise.all), so per-method sums can exceed it. */
  storeMs = 0
  #active = 0
  #since = 0
  enter(): void {
    if (this.#active++ === 0) this.#since = performance.now()
  }
  leave(): void {
    if (--this.#active === 0) this.storeMs += performance.now() - this.#since
  }
}

/** The repositories of `tx`, each method timed into `timings` as `<repo>.<method>`. */
function timed(tx: Repositories, timings: Timings): Repositories {
  const out: Record<string, Record<string, unknown>> = {}
  for (const [repo, methods] of Object.entries(tx) as [string, Record<string, unknown>][]) {
    const wrapped: Record<string, unknown> = {}
    for (const [name, fn] of Object.entries(methods)) {
      if (typeof fn !== 'function') {
        wrapped[name] = fn
        continue
      }
      const key = `store ${repo}.${name}`
      wrapped[name] = async (...args: unknown[]) => {
        const t0 = performance.now()
        timings.enter()
        try {
          return await (fn as (...a: unknown[]) => Promise<unknown>)(...args)
        } finally {
          timings.leave()
          timings.add(key, performance.now() - t0)
        }
      }
    }
    out[repo] = wrapped
  }
  return out as unknown as Repositories
}

interface Planned extends GeneratedArticle {
  readonly slug: string
  readonly language: 'en' | 'ru'
  readonly publishedAt: number
  readonly updatedAt: number
  readonly editorsChoiceRank: number | null
}

/** Published time of article i of n: spread evenly over five years, oldest first, at a working hour; Monday columns on Mondays. */
function publishedTime(i: number, n: number, now: number, jitter: number, hour: number, monday: boolean): number {
  const span = YEARS * 365 * DAY_MS
  const base = now - span + Math.floor(((i + jitter) / n) * span)
  let day = base - (base % DAY_MS)
  if (monday) day -= ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS
  const t = day + hour * HOUR_MS + Math.floor(jitter * HOUR_MS)
  return Math.min(t, now - 60_000 * (n - i))
}

/** Writes the site and `articles` generated articles into an empty store; returns throughput and where the time went. */
export async function generate(store: Store, opts: GenerateOptions): Promise<GenerateReport> {
  const seed = opts.seed ?? 42
  const n = opts.articles
  const batchSize = opts.batchSize ?? 250
  const maxTransactionMs = opts.maxTransactionMs ?? 500
  let transactions = 0
  const now = opts.now ?? Date.now() - (Date.now() % HOUR_MS)
  const r = createRandom(seed)
  const timings = new Timings()
  const started = performance.now()

  await seedDemo({ store, clock: { now: () => now }, mediaDir: opts.mediaDir }, {
    ...demoNewsroom, articles: [], tags: [...demoNewsroom.tags, ...extraTags], authors: [...demoNewsroom.authors, ...extraAuthors],
  })
  const heroIds = new Map<string, number>()
  for (const img of demoNewsroom.images) {
    const media = await store.media.findByPath(`demo/${img.slug}.svg`)
    if (media) heroIds.set(img.slug, media.id)
  }
  const images = [...heroIds.keys()]

  // Article i is Russian when the fractional part of i·φ falls below the share: evenly spread, no PRNG draw.
  const russianShare = opts.russianShare ?? 0
  const isRussian = (i: number): boolean => ((i * 0.6180339887498949) % 1) < russianShare
  const slugs = new Map<string, Set<string>>()
  const uniqueSlug = (section: string, title: string): string => {
    const taken = slugs.get(section) ?? slugs.set(section, new Set()).get(section)!
    const base = slugify(title).slice(0, 100).replace(/-+$/, '')
    let slug = base
    for (let k = 2; taken.has(slug); k++) slug = `${base}-${k}`
    taken.add(slug)
    return slug
  }

  let picks = 0
  let newestNews = { at: 0, path: '' }
  let oldest = Infinity
  let newest = 0
  let newestId = 0
  const ids: number[] = []
  /** Plans article i: text, slug, times and curation; the only place that draws from the PRNG for articles. */
  const plan = (i: number): Planned => {
    const jitter = r.next()
    const hour = r.between(6, 19)
    const year = new Date(now - (n - i) / n * YEARS * 365 * DAY_MS).getUTCFullYear()
    const a = buildArticle(r, year, images)
    const publishedAt = publishedTime(i, n, now, jitter, hour, a.section === 'monday-commentary')
    // The editor's choice: about a dozen picks among the newest 400 articles.
    const pick = i >= n - 400 && picks < 12 && r.chance(0.04) ? ++picks : null
    const language = isRussian(i) ? 'ru' : 'en'
    const slug = uniqueSlug(`${language}/${a.section}`, a.title)
    if (language === 'en' && a.section === 'news' && publishedAt >= newestNews.at) newestNews = { at: publishedAt, path: `/news/${slug}` }
    return {
      ...a, slug, language, publishedAt, editorsChoiceRank: pick,
      updatedAt: r.chance(0.1) ? Math.min(now, publishedAt + r.between(1, 30) * HOUR_MS) : publishedAt,
    }
  }

  // A transaction ends after `batchSize` articles or `maxTransactionMs`, whichever comes first: batching changes no content.
  // Articles are planned in index order whichever worker takes them, so the text stays a function of the seed.
  let planned = 0
  let analyzeAt = 500
  const next = (): Planned | undefined => {
    if (planned >= n) return undefined
    const t0 = performance.now()
    const a = plan(planned++)
    timings.add('build text (outside transactions)', performance.now() - t0)
    return a
  }
  const writeOne = async (tx: Repositories, a: Planned, bulk: BulkPublish): Promise<number> => {
    const s0 = performance.now()
    const storeBefore = timings.storeMs
    const id = await createDraft(tx, {
      title: a.title, slug: a.slug, standfirst: a.standfirst, bodyHtml: sanitizeBody(a.bodyHtml), section: a.section, genre: a.genre,
      language: a.language, tags: a.tags, authors: a.authors, heroMediaId: a.hero ? heroIds.get(a.hero) ?? null : null,
      editorsChoiceRank: a.editorsChoiceRank,
    }, { now: a.publishedAt - 30 * 60_000, siteLanguage: 'en' })
    const s1 = performance.now()
    const storeMid = timings.storeMs
    timings.add('createDraft own work (validate, sanitize)', s1 - s0 - (storeMid - storeBefore))
    await publish(tx, id, { now: a.updatedAt, siteLanguage: 'en', publishedAt: a.publishedAt, updatedAt: a.updatedAt, related: 'later', bulk })
    timings.add('publish own work (plain text)', performance.now() - s1 - (timings.storeMs - storeMid))
    return id
  }
  /**
   * Writes the first of `pending` in one transaction, as many as fit in the batch and time bounds; returns them with
   * their ids. The batch is published as an import publishes (editorial/publishing.ts finishBulk): its search words are
   * counted once, in term order, so workers side by side on PostgreSQL wait for each other's vocabulary rows rather
   * than deadlock on them. Should PostgreSQL still abort one for a lock conflict, it wrote nothing and runs again.
   */
  const writeBatch = async (pending: readonly Planned[]): Promise<{ a: Planned; id: number }[]> => {
    for (let attempt = 1; ; attempt++) {
      const tx0 = performance.now()
      let inside = 0
      const done: { a: Planned; id: number }[] = []
      try {
        await store.transaction(async (raw) => {
          const tx = timed(raw, timings)
          const i0 = performance.now()
          const bulk = newBulkPublish()
          while (done.length < pending.length && performance.now() - i0 < maxTransactionMs) {
            const a = pending[done.length]!
            done.push({ a, id: await writeOne(tx, a, bulk) })
          }
          await finishBulk(tx, bulk, { now: done.at(-1)!.a.updatedAt })
          inside = performance.now() - i0
        })
      } catch (err) {
        if (!store.dialect.isLockConflict(err) || attempt === 5) throw err
        timings.add('transactions run again after a deadlock', performance.now() - tx0)
        continue
      }
      transactions++
      timings.add('transaction begin + commit', performance.now() - tx0 - inside)
      return done
    }
  }
  const worker = async (): Promise<void> => {
    let pending: Planned[] = []
    for (;;) {
      for (let a = pending.length < batchSize ? next() : undefined; a; a = pending.length < batchSize ? next() : undefined) pending.push(a)
      if (pending.length === 0) return
      const done = await writeBatch(pending)
      pending = pending.slice(done.length)
      for (const { a: w, id } of done) {
        ids.push(id)
        oldest = Math.min(oldest, w.publishedAt)
        if (w.publishedAt > newest || (w.publishedAt === newest && id > newestId)) [newest, newestId] = [w.publishedAt, id]
      }
      if (opts.analyze && ids.length >= analyzeAt) {
        // Moved on before the await, so the other workers do not start a second ANALYZE meanwhile.
        analyzeAt = Math.max(500, Math.ceil(ids.length * 1.1) + 50)
        const a0 = performance.now()
        await opts.analyze()
        timings.add('ANALYZE (autovacuum stand-in)', performance.now() - a0)
      }
      opts.onProgress?.(ids.length, n, performance.now() - started)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, opts.workers ?? 1) }, worker))
  // Ids come back in commit order; the Popular views and the newest-first slices below want publication order.
  ids.sort((x, y) => x - y)
  const articlesMs = performance.now() - started
  const rebuild = await rebuildRelated(store, now, undefined, { workers: opts.workers ?? 1 })

  const views = await writeViews(store, r, ids, now, opts.viewsPerHour ?? 200, opts.viewHours ?? 168)
  if (opts.relatedCaughtUp ?? true) await markRelatedCaughtUp(store, newest, newestId)
  timings.add('store, all calls (wall time)', timings.storeMs)
  const breakdown = [...timings.rows].map(([name, row]) => ({ name, ms: Math.round(row.ms), calls: row.calls })).sort((a, b) => b.ms - a.ms)
  return {
    articles: n, seed, seconds: articlesMs / 1000, articlesPerSecond: n / (articlesMs / 1000), transactions, breakdown, views, related: rebuild,
    editorsChoice: picks, newestNewsPath: newestNews.path, oldestPublishedAt: oldest, newestPublishedAt: newest,
  }
}

/**
 * Moves the related-refresh job's cursor (src/related/refresh.ts, keys copied from there) to the newest article: the state
 * of a site where the job, which looks at up to 50 new articles a minute, kept pace with publishing. Without it the
 * server's first job runs walk five years of articles from the oldest, every minute, while the pages are being loaded.
 */
export async function markRelatedCaughtUp(store: Store, publishedAt: number, id: number): Promise<void> {
  if (id === 0) return
  await store.transaction(async (tx) => {
    await tx.related.setState('refresh_published_at', publishedAt)
    await tx.related.setState('refresh_article_id', id)
  })
}

/** Hourly views for the last `hours` hours: mostly the newest articles (Zipf), some old ones; a dozen hours per transaction. */
async function writeViews(store: Store, r: ReturnType<typeof createRandom>, ids: readonly number[], now: number, perHour: number, hours: number) {
  const t0 = performance.now()
  const recent = ids.slice(-300).reverse()
  const thisHour = now - (now % HOUR_MS)
  let rows = 0
  for (let h0 = 0; h0 < hours; h0 += 12) {
    await store.transaction(async (tx) => {
      for (let h = h0; h < Math.min(hours, h0 + 12); h++) {
        const counts = new Map<number, number>()
        for (let k = 0; counts.size < Math.min(perHour, ids.length) && k < perHour * 4; k++) {
          const rank = r.zipf(recent.length, 0.9)
          const id = r.chance(0.7) ? recent[rank]! : ids[r.int(ids.length)]!
          if (!counts.has(id)) counts.set(id, Math.max(1, Math.round((2000 / (rank + 1) ** 0.9) * (0.5 + r.next()))))
        }
        await tx.views.add(thisHour - h * HOUR_MS, counts)
        rows += counts.size
      }
    })
  }
  return { rows, seconds: (performance.now() - t0) / 1000 }
}

/** Prints a progress line: overwritten every second on a terminal, a new line every 15 s otherwise. */
export function progressPrinter(label: string): (done: number, total: number, elapsedMs: number) => void {
  const tty = process.stderr.isTTY
  let last = 0
  return (done, total, elapsedMs) => {
    if (done < total && elapsedMs - last < (tty ? 1000 : 15_000)) return
    last = elapsedMs
    const line = `${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} articles, ${Math.round(done / (elapsedMs / 1000))}/s`
    process.stderr.write(tty ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`)
  }
}

/** Prints the breakdown as a table with shares and per-article cost. */
export function printBreakdown(report: GenerateReport): void {
  const total = report.seconds * 1000
  console.table(report.breakdown.map((row) => ({
    where: row.name, ms: row.ms, share: `${((row.ms / total) * 100).toFixed(1)}%`, calls: row.calls,
    'µs/article': Math.round((row.ms * 1000) / report.articles),
  })))
}

/** Prints the related rebuild's passes, in total and per article. */
export function printRelated(report: GenerateReport): void {
  const { articles, countMs, reweighMs, listMs } = report.related
  const per = (ms: number) => `${(ms / Math.max(articles, 1)).toFixed(2)} ms/article`
  console.log(`related rebuild of ${articles} articles: count ${(countMs / 1000).toFixed(1)} s (${per(countMs)}), ` +
    `re-weigh ${(reweighMs / 1000).toFixed(1)} s (${per(reweighMs)}), lists ${(listMs / 1000).toFixed(1)} s (${per(listMs)})`)
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' }, seed: { type: 'string', default: '42' }, batch: { type: 'string', default: '250' },
      'max-transaction-ms': { type: 'string', default: '500' },
      'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, workers: { type: 'string' }, russian: { type: 'string', default: '0' },
    },
    strict: true,
  })
  const articles = Number(values.articles)
  if (!Number.isInteger(articles) || articles < 1) throw new Error('--articles must be a whole number ≥ 1')
  const workers = values.workers === undefined ? undefined : Number(values.workers)
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 32)) throw new Error('--workers must be a whole number from 1 to 32')
  const russianShare = Number(values.russian)
  if (!(russianShare >= 0 && russianShare <= 1)) throw new Error('--russian must be a share from 0 to 1')
  const dataDir = path.resolve(values['data-dir'] ?? './data/bench')
  const config = loadConfig({ DATA_DIR: dataDir, ...(values['database-url'] && { DATABASE_URL: values['database-url'] }) })
  const store = await openStore(config.database)
  try {
    if ((await store.live.count()) > 0) throw new Error('the store already has articles; generate into an empty one')
    const url = values['database-url']
    const standIn = url && !(await autovacuumOn(url)) ? { analyze: () => analyze(url) } : {}
    const report = await generate(store, {
      ...standIn, articles, russianShare, seed: Number(values.seed), batchSize: Number(values.batch), maxTransactionMs: Number(values['max-transaction-ms']),
      mediaDir: path.join(dataDir, 'media'), workers: workers ?? (config.database.engine === 'postgres' ? 4 : 1),
      onProgress: progressPrinter(`generate ${config.database.engine}`),
    })
    console.log(`${report.articles} articles in ${report.seconds.toFixed(1)} s (${report.transactions} transactions): ${Math.round(report.articlesPerSecond)} articles/s ` +
      `(${config.database.engine}); ${report.views.rows} hourly view rows in ${report.views.seconds.toFixed(1)} s`)
    printBreakdown(report)
    printRelated(report)
    console.log(`newest news article: ${report.newestNewsPath}`)
    return 0
  } finally {
    await store.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = await main()
  } catch (err) {
    console.error(`bench/generate: ${(err as Error).message}`)
    if (process.env.BENCH_DEBUG) console.error((err as Error).stack)
    process.exitCode = (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1
  }
}
