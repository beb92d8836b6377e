// Evaluates related articles on a labelled JSON Lines corpus: precision@5 of the engine against exhaustive TF-IDF cosine.

import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createDraft, publish } from '../src/editorial/publishing.ts'
import { sanitizeBodyAsync } from '../src/content/sanitize.ts'
import { DEFAULT_PARAMS, type RelatedParams } from '../src/related/engine.ts'
import { rebuildRelated } from '../src/related/refresh.ts'
import { idf, normalise } from '../src/related/terms.ts'
import { analyze } from '../src/text/analyze.ts'
import { openStore } from '../src/store/store.ts'

interface Item { readonly id: string; readonly category: string; readonly title: string; readonly body: string }

const USAGE = 'usage: npm run eval:related -- <file.jsonl> [--keep N] [--query-terms N] [--per-term N] [--rerank N] [--title-boost X] [--standfirst-boost X] [--min-df N]'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function parseCorpus(text: string, file: string): Item[] {
  return text.split('\n').filter((l) => l.trim()).map((line, i) => {
    let v: unknown
    try {
      v = JSON.parse(line)
    } catch {
      throw new Error(`${file}:${i + 1}: not JSON`)
    }
    const o = v as Record<string, unknown>
    for (const f of ['id', 'category', 'title', 'body']) if (typeof o[f] !== 'string') throw new Error(`${file}:${i + 1}: "${f}" must be a string`)
    return { id: o.id as string, category: o.category as string, title: o.title as string, body: o.body as string }
  })
}

/** Exhaustive cosine over full TF-IDF vectors (sublinear tf, smoothed idf) of title and body: the comparison. */
function baselineTop(items: readonly Item[], k: number): number[][] {
  const tfs = items.map((it) => {
    const tf = new Map<string, number>()
    for (const t of analyze(`${it.title} ${it.body}`, 'en')) tf.set(t, (tf.get(t) ?? 0) + 1)
    return tf
  })
  const df = new Map<string, number>()
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1)
  const vectors = tfs.map((tf) => normalise([...tf].map(([term, f]) => ({ term, weight: (1 + Math.log(f)) * idf(df.get(term)!, items.length) }))))
  const postings = new Map<string, { doc: number; weight: number }[]>()
  vectors.forEach((v, doc) => v.forEach(({ term, weight }) => postings.set(term, [...(postings.get(term) ?? []), { doc, weight }])))
  return vectors.map((v, doc) => {
    const dot = new Float64Array(items.length)
    for (const { term, weight } of v) for (const p of postings.get(term)!) dot[p.doc]! += weight * p.weight
    dot[doc] = -1
    return [...dot.keys()].sort((a, b) => dot[b]! - dot[a]! || a - b).slice(0, k)
  })
}

const precision = (lists: readonly (readonly number[])[], category: (i: number) => string): number =>
  lists.reduce((sum, list, i) => sum + list.slice(0, 5).filter((j) => category(j) === category(i)).length / 5, 0) / lists.length

async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {
      keep: { type: 'string' }, 'query-terms': { type: 'string' }, 'per-term': { type: 'string' }, rerank: { type: 'string' },
      'title-boost': { type: 'string' }, 'standfirst-boost': { type: 'string' }, 'min-df': { type: 'string' },
    } })
  } catch (err) {
    console.error(`eval-related: ${(err as Error).message}\n${USAGE}`)
    return 2
  }
  const file = parsed.positionals[0]
  if (!file || parsed.positionals.length > 1) {
    console.error(USAGE)
    return 2
  }
  const num = (name: keyof typeof parsed.values, fallback: number): number => {
    const raw = parsed.values[name]
    const n = raw === undefined ? fallback : Number(raw)
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`)
    return n
  }
  const params: RelatedParams = {
    ...DEFAULT_PARAMS, recencyWeight: 0, tagWeight: 0,
    keep: num('keep', DEFAULT_PARAMS.keep), queryTerms: num('query-terms', DEFAULT_PARAMS.queryTerms),
    perTerm: num('per-term', DEFAULT_PARAMS.perTerm), rerank: num('rerank', DEFAULT_PARAMS.rerank),
    titleBoost: num('title-boost', DEFAULT_PARAMS.titleBoost), standfirstBoost: num('standfirst-boost', DEFAULT_PARAMS.standfirstBoost),
    minDf: num('min-df', DEFAULT_PARAMS.minDf),
  }
  const items = parseCorpus(await readFile(file, 'utf8'), file)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-eval-'))
  const store = await openStore({ engine: 'sqlite', file: path.join(dir, 'eval.db') })
  try {
    const now = Date.UTC(2026, 0, 1)
    await store.transaction((tx) => tx.taxonomy.insertSection({ slug: 'news', name: 'News', description: '', position: 0 }).then(() => undefined))
    const categoryOf = new Map<number, string>()
    const indexOf = new Map<number, number>()
    let t = performance.now()
    for (const [i, it] of items.entries()) {
      // The first paragraph stands in as the standfirst, as newsrooms write them; the category stays hidden.
      const [first = '', ...rest] = it.body.split(/\n\s*\n/)
      const bodyHtml = await sanitizeBodyAsync(rest.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'))
      const id = await store.transaction(async (tx) => {
        const id = await createDraft(tx, {
          title: it.title.slice(0, 300) || 'Untitled', slug: `article-${i + 1}`, section: 'news', standfirst: first.slice(0, 1000),
          bodyHtml,
        }, { now, siteLanguage: 'en' })
        await publish(tx, id, { now, siteLanguage: 'en', publishedAt: now })
        return id
      })
      categoryOf.set(id, it.category)
      indexOf.set(id, i)
    }
    const publishMs = performance.now() - t
    const cpu = process.cpuUsage()
    const refresh = await rebuildRelated(store, now, params)
    const { user, system } = process.cpuUsage(cpu)
    const lists: number[][] = []
    for (const id of categoryOf.keys()) lists[indexOf.get(id)!] = (await store.related.list(id)).map((r) => indexOf.get(r.relatedId)!)
    const engine = precision(lists, (i) => items[i]!.category)
    t = performance.now()
    const baseline = precision(baselineTop(items, 5), (i) => items[i]!.category)
    const baselineMs = performance.now() - t
    console.log(`precision@5 engine ${engine.toFixed(3)}`)
    console.log(`precision@5 baseline-cosine ${baseline.toFixed(3)}`)
    console.log(`ms/article ${(refresh.listMs / items.length).toFixed(2)}`)
    console.log(`# ${items.length} articles on SQLite; publish (with related) ${(publishMs / items.length).toFixed(2)} ms/article; ` +
      `re-weigh ${(refresh.reweighMs / items.length).toFixed(2)} ms/article; CPU of re-weigh and lists ${((user + system) / 1000 / items.length).toFixed(2)} ms/article; baseline ${(baselineMs / items.length).toFixed(2)} ms/article; ` +
      `keep ${params.keep}, min(idf, ${params.idfCap})^${params.idfPower}, tf saturation ${params.tfSaturation}, min df ${params.minDf} from ${params.minDfFrom}, query ${params.queryTerms}, per term ${params.perTerm}, ` +
      `rerank ${params.rerank}, feedback ${params.feedback.neighbours} × ${params.feedback.weight}, title ×${params.titleBoost}`)
    return 0
  } finally {
    await store.close()
    await rm(dir, { recursive: true, force: true })
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`eval-related: ${(err as Error).message}`)
  return 1
})
