// A generated WordPress export (WXR 1.2) of N posts, written as a stream: for the import benchmark and its tests.
//
// Posts are the generator's articles (article-text.ts) written as WordPress stores them: paragraphs as blank lines, no
// <p>, one in ten with a [caption] shortcode and one in twenty with a bare YouTube address.

import { createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { once } from 'node:events'
import { buildArticle } from './article-text.ts'
import { createRandom } from './random.ts'

/** The site address the generated export names. */
export const SITE = 'https://wp.example.org'
const YEARS = 5
const DAY_MS = 86_400_000

const cdata = (s: string): string => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`
const wpDate = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ')

/** An article body as WordPress keeps a classic post: blank lines between paragraphs, block elements left as they are. */
function classicBody(bodyHtml: string, n: number): string {
  let body = bodyHtml.replace(/<p>/g, '').replace(/<\/p>/g, '\n\n')
  if (n % 10 === 3) body = `[caption id="attachment_${n}" align="aligncenter" width="640"]<img src="${SITE}/wp-content/uploads/${n}.jpg" alt="Photo ${n}" width="640" height="400" class="size-large wp-image-${n}" /> A photo of the day[/caption]\n\n${body}`
  if (n % 20 === 7) body += '\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n'
  return body
}

/** Every this many posts, one article path is kept for the readers to request once it is imported. */
export const SAMPLE_EVERY = 25

/**
 * Writes the WXR file of `posts` generated posts, a stream at a time; returns its size in bytes and the site paths of
 * every SAMPLE_EVERY-th post (`/section/slug`, as the import will publish them).
 */
export async function writeWxr(file: string, posts: number, seed: number): Promise<{ bytes: number; samples: string[] }> {
  const samples: string[] = []
  const out = createWriteStream(file)
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain')
  }
  const r = createRandom(seed)
  const start = Date.UTC(2021, 0, 1)
  const step = (YEARS * 365 * DAY_MS) / posts
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Generated</title><link>${SITE}</link><language>en-US</language><wp:wxr_version>1.2</wp:wxr_version>\n`)
  for (let i = 0; i < posts; i++) {
    const at = Math.round(start + i * step)
    const a = buildArticle(r, new Date(at).getUTCFullYear(), [])
    const id = 1000 + i
    const slug = `${a.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80)}-${id}`
    const date = new Date(at).toISOString().slice(0, 10).replace(/-/g, '/')
    if (i % SAMPLE_EVERY === 0) samples.push(`/${a.section}/${slug}`)
    const terms = [`<category domain="category" nicename="${a.section}">${cdata(a.section)}</category>`,
      ...a.tags.map((t) => `<category domain="post_tag" nicename="${t}">${cdata(t)}</category>`)].join('')
    await write(`<item><title>${cdata(a.title)}</title><link>${SITE}/${date}/${slug}/</link><dc:creator>${cdata(a.authors[0] ?? 'newsroom')}</dc:creator>
<guid isPermaLink="false">${SITE}/?p=${id}</guid><content:encoded>${cdata(classicBody(a.bodyHtml, i))}</content:encoded><excerpt:encoded>${cdata(a.standfirst)}</excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date>${cdata(wpDate(at))}</wp:post_date><wp:post_date_gmt>${cdata(wpDate(at))}</wp:post_date_gmt>
<wp:post_name>${cdata(slug)}</wp:post_name><wp:status>${cdata('publish')}</wp:status><wp:post_type>${cdata('post')}</wp:post_type><wp:post_password>${cdata('')}</wp:post_password><wp:is_sticky>0</wp:is_sticky>${terms}</item>\n`)
  }
  await write('</channel></rss>\n')
  out.end()
  await once(out, 'finish')
  return { bytes: (await stat(file)).size, samples }
}
