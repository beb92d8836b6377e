// Ghost exports as Ghost 3, 4, 5 and 6 write them, of one small site: the same posts in each version's shape.

import type { TestContext } from 'node:test'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export type GhostVersion = 3 | 4 | 5 | 6
export const SITE_URL = 'https://steppe.example'
export const UUID = {
  pipeline: '6a1f6a4e-1c1e-4c55-9a57-1b2b3c4d5e01', grid: '6a1f6a4e-1c1e-4c55-9a57-1b2b3c4d5e02', draft: '6a1f6a4e-1c1e-4c55-9a57-1b2b3c4d5e03',
  scheduled: '6a1f6a4e-1c1e-4c55-9a57-1b2b3c4d5e04', about: '6a1f6a4e-1c1e-4c55-9a57-1b2b3c4d5e05', lexical: '6a1f6a4e-1c1e-4c55-9a57-1b2b3c4d5e06',
  members: '6a1f6a4e-1c1e-4c55-9a57-1b2b3c4d5e07',
} as const
/** Post ids (Ghost's ObjectIds) of the articles every version holds. */
export const POSTS = ['p1', 'p2', 'p3', 'p4', 'p7'].map((p) => `60a000000000000000000${p.slice(1).padStart(3, '0')}`)
export const id = (n: number): string => `60a000000000000000000${String(n).padStart(3, '0')}`

/** An address on the old site as the version stores it: absolute in Ghost 3, `__GHOST_URL__` since Ghost 4. */
const at = (v: GhostVersion, p: string) => `${v === 3 ? SITE_URL : '__GHOST_URL__'}${p}`

const pipelineHtml = (v: GhostVersion) => `<p>The deal was signed on Thursday. See the <a href="${at(v, '/grid-report/')}">grid report</a>, more on <a href="${at(v, '/tag/energy/')}">energy</a>, by <a href="${at(v, '/author/dana/')}">Dana</a>, and <a href="${at(v, '/about/')}">about us</a>.</p>`
  + `<figure class="kg-card kg-image-card kg-card-hascaption"><img src="${at(v, '/content/images/2021/03/map.png')}" class="kg-image" alt="Route map" loading="lazy" width="800" height="600"><figcaption>The route</figcaption></figure>`
  + '<p>Elsewhere: <a href="https://other.example/story/">another site</a>.</p>'

const gridMobiledoc = (v: GhostVersion) => JSON.stringify({
  version: '0.3.1', atoms: [], markups: [['a', ['href', at(v, '/pipeline-deal/')]]],
  cards: [['markdown', { markdown: 'Demand **rose** by 4%.' }], ['image', { src: at(v, '/content/images/2021/04/grid.jpg'), alt: 'Power lines', caption: 'The grid' }], ['signup', {}]],
  sections: [[1, 'h2', [[0, [], 0, 'Winter load']]], [1, 'p', [[0, [], 0, 'After the '], [0, [0], 1, 'pipeline deal'], [0, [], 0, ', the grid.']]], [10, 0], [10, 1], [10, 2]],
})

const lexical = JSON.stringify({ root: { children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Only lexical.' }] }], type: 'root', version: 1 } })

interface PostSpec {
  readonly n: number
  readonly uuid: string
  readonly title: string
  readonly slug: string
  readonly type?: 'post' | 'page'
  readonly status: string
  readonly visibility?: string
  readonly featured?: boolean
  readonly html?: (v: GhostVersion) => string | null
  readonly mobiledoc?: (v: GhostVersion) => string | null
  readonly lexical?: string
  readonly publishedAt: string | null
  readonly updatedAt: string
  readonly image?: string
  readonly imageAlt?: string
  readonly imageCaption?: string
  readonly excerpt?: string
  readonly metaTitle?: string
  readonly metaDescription?: string
  readonly tags: readonly number[]
  readonly authors: readonly number[]
  readonly since?: GhostVersion
}

const SPECS: readonly PostSpec[] = [
  {
    n: 1, uuid: UUID.pipeline, title: 'Pipeline deal signed', slug: 'pipeline-deal', status: 'published', featured: true, html: pipelineHtml,
    publishedAt: '2021-03-04T10:15:00.000Z', updatedAt: '2021-03-05T08:00:00.000Z', image: '/content/images/2021/03/pipeline.jpg',
    imageAlt: 'Pipeline at dusk', imageCaption: 'Photo: <em>Steppe Notes</em>', excerpt: 'Two countries agree on gas.',
    metaTitle: 'Pipeline deal: what it means', metaDescription: 'The deal, explained.', tags: [1, 2, 3], authors: [1, 2],
  },
  {
    n: 2, uuid: UUID.grid, title: 'Grid report', slug: 'grid-report', status: 'published', mobiledoc: gridMobiledoc,
    publishedAt: '2021-04-01T09:00:00.000Z', updatedAt: '2021-04-01T09:00:00.000Z', tags: [2], authors: [2],
  },
  {
    n: 3, uuid: UUID.draft, title: 'Draft thoughts', slug: 'draft-thoughts', status: 'draft', html: () => '<p>Not yet.</p>',
    publishedAt: null, updatedAt: '2021-05-01T09:00:00.000Z', tags: [5], authors: [1],
  },
  {
    n: 4, uuid: UUID.scheduled, title: 'Coming next year', slug: 'coming-next-year', status: 'scheduled', html: () => '<p>Soon.</p>',
    publishedAt: '2030-01-01T08:00:00.000Z', updatedAt: '2021-05-02T09:00:00.000Z', tags: [], authors: [3],
  },
  {
    n: 5, uuid: UUID.about, title: 'About us', slug: 'about', type: 'page', status: 'published', html: () => '<p>We write about the steppe.</p>',
    publishedAt: '2020-01-01T00:00:00.000Z', updatedAt: '2020-06-01T00:00:00.000Z', tags: [], authors: [3],
  },
  {
    n: 6, uuid: UUID.lexical, title: 'Lexical only', slug: 'lexical-only', status: 'published', html: () => null, lexical,
    publishedAt: '2023-01-01T00:00:00.000Z', updatedAt: '2023-01-01T00:00:00.000Z', tags: [1], authors: [1], since: 5,
  },
  {
    n: 7, uuid: UUID.members, title: 'Members briefing', slug: 'members-briefing', status: 'published', visibility: 'members', html: () => '<p>For members.</p>',
    publishedAt: '2021-06-01T09:00:00.000Z', updatedAt: '2021-06-01T09:00:00.000Z', tags: [1], authors: [1],
  },
]

const TAGS = [[1, 'News', 'news', 'public'], [2, 'Energy', 'energy', 'public'], [3, '#feature', 'hash-feature', 'internal'], [5, 'Opinion', 'opinion', 'public']] as const
const USERS = [[1, 'Dana Omarova', 'dana'], [2, 'Timur Ali', 'timur'], [3, 'Steppe Notes', 'steppe']] as const

/** The export Ghost `v` writes for the site; Ghost 6's is written without the `db` wrapper, as some tools do. */
export function ghostExport(v: GhostVersion): unknown {
  const specs = SPECS.filter((s) => !s.since || v >= s.since)
  const posts = specs.map((s) => ({
    id: id(s.n), uuid: s.uuid, title: s.title, slug: s.slug,
    mobiledoc: s.mobiledoc?.(v) ?? (v < 5 || !s.lexical ? JSON.stringify({ version: '0.3.1', atoms: [], cards: [], markups: [], sections: [] }) : null),
    ...(v >= 5 && { lexical: s.lexical ?? null }),
    html: s.html ? s.html(v) : null,
    feature_image: s.image ? at(v, s.image) : null, featured: v === 3 ? (s.featured ? 1 : 0) : !!s.featured,
    type: s.type ?? 'post', status: s.status, visibility: s.visibility ?? 'public',
    created_at: s.updatedAt, updated_at: s.updatedAt, published_at: s.publishedAt, custom_excerpt: s.excerpt ?? null,
    ...(v === 3 && { meta_title: s.metaTitle ?? null, meta_description: s.metaDescription ?? null, author_id: id(100 + s.authors[0]!) }),
  }))
  const data: Record<string, unknown> = {
    posts,
    tags: TAGS.map(([n, name, slug, visibility]) => ({ id: id(200 + n), name, slug, visibility })),
    users: USERS.map(([n, name, slug]) => ({ id: id(100 + n), name, slug, email: `${slug}@steppe.example` })),
    posts_tags: specs.flatMap((s) => s.tags.map((t, i) => ({ id: id(300 + s.n * 10 + i), post_id: id(s.n), tag_id: id(200 + t), sort_order: i }))).reverse(),
    posts_authors: specs.flatMap((s) => s.authors.map((a, i) => ({ id: id(400 + s.n * 10 + i), post_id: id(s.n), author_id: id(100 + a), sort_order: i }))).reverse(),
    settings: [{ id: id(500), key: 'title', value: 'Steppe Notes' }],
  }
  if (v >= 4) {
    data.posts_meta = specs.filter((s) => s.metaTitle || s.image).map((s) => ({
      id: id(600 + s.n), post_id: id(s.n), meta_title: s.metaTitle ?? null, meta_description: s.metaDescription ?? null,
      feature_image_alt: s.imageAlt ?? null, feature_image_caption: s.imageCaption ?? null,
    }))
  }
  if (v >= 5) {
    data.newsletters = [{ id: id(700), name: 'Weekly' }]
    data.members = [{ id: id(701), email: 'reader@example.org' }]
  }
  const meta = { exported_on: Date.UTC(2024, 0, 1), version: `${v}.${v === 3 ? 42 : 10}.0` }
  return v === 6 ? { meta, data } : { db: [{ meta, data }] }
}

/** Writes the export of Ghost `v` (or any text) into a temp folder removed after the test; returns its path. */
export async function ghostFile(t: TestContext, v: GhostVersion | string, name = 'ghost.json'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-ghost-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  const file = path.join(dir, name)
  await writeFile(file, typeof v === 'string' ? v : JSON.stringify(ghostExport(v), null, 1))
  return file
}
