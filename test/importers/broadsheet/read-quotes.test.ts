// Reading speakers and quotes back: a folder of version 3 has none and is still read; lines the table alone would let
// through (an unsafe link, a live quote of an article with no live copy, an anchor twice) are refused by file and line.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { KIND_ORDER, KINDS, type Kind, type Manifest } from '../../../src/domain/export-format.ts'
import { readKind, readManifest, type SeenIds } from '../../../src/importers/broadsheet/read.ts'
import { tempDir } from '../../support/processes.ts'

type Line = Record<string, unknown>

/** Writes `lines` per kind (the other kinds of `version` empty) and a manifest that matches them. */
async function folder(dir: string, version: number, lines: Partial<Record<Kind, Line[]>>): Promise<Manifest> {
  const counts = { media_files: 0 } as Record<string, number>
  const files: Record<string, { sha256: string; bytes: number }> = {}
  for (const k of KIND_ORDER) {
    if (version < 4 && ['speakers', 'quotes', 'live_quotes'].includes(k)) continue
    const text = (lines[k] ?? []).map((l) => `${JSON.stringify(l)}\n`).join('')
    await writeFile(path.join(dir, KINDS[k].file), text)
    counts[k] = (lines[k] ?? []).length
    files[KINDS[k].file] = { sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) }
  }
  const manifest = { format: 'broadsheet-export', version, created_at: '2026-12-01T00:00:00.000Z', source: { engine: 'sqlite', schema: '', site_url: null }, counts, files }
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest))
  return manifest as unknown as Manifest
}

/** Reads every kind in order, as the importer's first pass does; the lines read per kind. */
async function readAll(dir: string): Promise<Record<string, number>> {
  const manifest = await readManifest(dir)
  const seen: SeenIds = new Map()
  const read: Record<string, number> = {}
  for (const k of KIND_ORDER) for await (const _ of readKind(dir, k, manifest, seen)) read[k] = (read[k] ?? 0) + 1
  return read
}

const COPY = {
  language: 'en', section_id: 1, slug: 'a', genre: 'statement', title: 'A', standfirst: '', body_html: '<p>x</p>', hero_media_id: null,
  hero_caption: null, hero_credit: null, seo_title: '', seo_description: '',
}
const T = '2026-11-01T00:00:00.000Z'
const article = (id: number, live: boolean): Line => ({
  id, translation_group: null, ...COPY, slug: `a${id}`, status: live ? 'published' : 'draft', editors_choice: false, scheduled_at: null,
  published_at: live ? T : null, updated_at: null, created_at: T, modified_at: T, version: 1, origin_system: null, origin_id: null,
  created_by: null, tags: [], authors: [], live: live ? { ...COPY, slug: `a${id}`, published_at: T, updated_at: T, tags: [], authors: [] } : null,
})
const section = { id: 1, slug: 'news', name: 'News', description: '', position: 0, allow_unsigned: true }
const speaker = (links: string[]): Line => ({ id: 1, slug: 'eu', name: 'EU', kind: 'organisation', description: '', country_tag_id: null, photo_media_id: null, links, created_at: T })
const QUOTE = { position: 0, speaker_id: 1, text: 'We welcome it.', role: '', organisation: '', place_tag_id: null, event: '', source_url: 'https://example.org/s', language: '' }
const quote = (id: number, anchor: string): Line => ({ id, article_id: 1, anchor, ...QUOTE, said_at: null })
const liveQuote = (articleId: number): Line => ({ quote_id: 7, article_id: articleId, ...QUOTE, said_at: T, published_at: T })

test('an export of version 3 has no speaker or quote files and is read as holding none', async (t) => {
  const dir = await tempDir(t)
  await folder(dir, 3, { sections: [section], articles: [article(1, true)] })
  const read = await readAll(dir)
  assert.equal(read.articles, 1)
  assert.equal(read.speakers ?? 0, 0)
})

test('speakers, working and live quotes of version 4 are read, a live quote whose working quote is gone included', async (t) => {
  const dir = await tempDir(t)
  await folder(dir, 4, { sections: [section], speakers: [speaker(['https://eu.example'])], articles: [article(1, true)], quotes: [quote(3, 'statement')], live_quotes: [liveQuote(1)] })
  assert.deepEqual(await readAll(dir), { sections: 1, speakers: 1, articles: 1, quotes: 1, live_quotes: 1 })
})

test('an unsafe speaker link, an anchor twice, a bad source and a live quote of an article not live are refused with file and line', async (t) => {
  const cases: [Partial<Record<Kind, Line[]>>, RegExp][] = [
    [{ speakers: [speaker(['javascript:alert(1)'])] }, /speakers\.jsonl, line 1: links must be http\(s\) addresses/],
    [{ speakers: [speaker([])], articles: [article(1, true)], quotes: [quote(3, 'd1'), quote(4, 'd1')] }, /quotes\.jsonl, line 2: anchor "d1" appears twice/],
    [{ speakers: [speaker([])], articles: [article(1, true)], quotes: [quote(3, 'Not An Anchor')] }, /quotes\.jsonl, line 1: anchor must be/],
    [{ speakers: [speaker([])], articles: [article(1, true)], quotes: [{ ...quote(3, 'd1'), source_url: 'ftp://x' }] }, /quotes\.jsonl, line 1: source_url/],
    [{ speakers: [speaker([])], articles: [article(1, false)], live_quotes: [liveQuote(1)] }, /live-quotes\.jsonl, line 1: article_id refers to article 1, which has no live copy/],
    [{ articles: [article(1, true)], live_quotes: [liveQuote(1)] }, /live-quotes\.jsonl, line 1: speaker_id refers to speakers id 1/],
  ]
  for (const [lines, fault] of cases) {
    const dir = await tempDir(t)
    await folder(dir, 4, { sections: [section], ...lines })
    await assert.rejects(readAll(dir), fault)
  }
})
