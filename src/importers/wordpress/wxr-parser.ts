// Streams a WordPress export (WXR 1.1/1.2) into records with saxes: memory stays flat whatever the file's size.

import { SaxesParser, type SaxesTagNS } from 'saxes'
import { WxrError, type WxrAuthor, type WxrCategory, type WxrChannel, type WxrItem, type WxrItemTerm, type WxrRecord, type WxrTag } from './wxr-records.ts'

// WordPress writes `http://` or `https://` and 1.0, 1.1 or 1.2 depending on its release: namespaces are checked by
// pattern, and elements matched on (namespace, local name), never on the prefix the file happens to use.
const NAMESPACES: readonly (readonly [string, RegExp])[] = [
  ['wp', /^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/$/],
  ['excerpt', /^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/excerpt\/$/],
  ['content', /^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/$/],
  ['dc', /^https?:\/\/purl\.org\/dc\/elements\/1\.1\/$/],
]

const nsKey = (uri: string): string => uri === '' ? '' : NAMESPACES.find(([, re]) => re.test(uri))?.[0] ?? '?'
const keyOf = (tag: SaxesTagNS): string => `${nsKey(tag.uri)}:${tag.local}`

type Fields = Record<string, string>

const ITEM_FIELDS: Readonly<Record<string, string>> = {
  ':title': 'title', ':link': 'link', ':guid': 'guid', 'dc:creator': 'creator', 'content:encoded': 'content',
  'excerpt:encoded': 'excerpt', 'wp:post_id': 'postId', 'wp:post_date': 'postDate', 'wp:post_date_gmt': 'postDateGmt',
  'wp:post_modified': 'postModified', 'wp:post_modified_gmt': 'postModifiedGmt', 'wp:post_name': 'postName',
  'wp:status': 'status', 'wp:post_type': 'postType', 'wp:post_password': 'postPassword', 'wp:is_sticky': 'isSticky',
  'wp:attachment_url': 'attachmentUrl', 'wp:post_parent': 'postParent', 'wp:menu_order': 'menuOrder',
}

const toItem = (f: Fields, terms: WxrItemTerm[], meta: Map<string, string>, comments: number, line: number): WxrItem => ({
  title: f.title ?? '', link: f.link ?? '', creator: f.creator ?? '', guid: f.guid ?? '', content: f.content ?? '',
  excerpt: f.excerpt ?? '', postId: (f.postId ?? '').trim(), postDate: f.postDate ?? '', postDateGmt: f.postDateGmt ?? '',
  postModified: f.postModified ?? '', postModifiedGmt: f.postModifiedGmt ?? '', postName: (f.postName ?? '').trim(),
  status: (f.status ?? '').trim(), postType: (f.postType ?? '').trim(), postPassword: f.postPassword ?? '',
  isSticky: (f.isSticky ?? '').trim() === '1', attachmentUrl: (f.attachmentUrl ?? '').trim(),
  postParent: (f.postParent ?? '').trim(), menuOrder: Number((f.menuOrder ?? '').trim()) || 0, terms, meta, comments, line,
})

/** The saxes parser and the record builders around it; `drain()` hands over what the last `write` completed. */
function createWxrReader() {
  const parser = new SaxesParser({ xmlns: true, position: true })
  const out: WxrRecord[] = []
  // saxes reports a mismatched close tag only after it has closed the element open at that point: a record completed
  // by a close tag is held until the next event proves the tag was the right one.
  const held: WxrRecord[] = []
  const release = () => {
    if (held.length) out.push(...held.splice(0))
  }
  const stack: string[] = []
  let text = ''
  let root: string | null = null
  const channel: Fields = {}
  let channelSent = false
  let group: { kind: 'author' | 'category' | 'tag'; fields: Fields } | null = null
  let item: { fields: Fields; terms: WxrItemTerm[]; meta: Map<string, string>; comments: number; line: number; term: Record<string, string> | null } | null = null
  let meta: Fields | null = null

  const sendChannel = () => {
    if (channelSent) return
    if (!channel.wxrVersion) throw new WxrError('this is an RSS feed, not a WordPress export (WXR): the channel has no wp:wxr_version; export with Tools → Export in WordPress', parser.line, parser.column + 1)
    channelSent = true
    const c: WxrChannel = {
      title: channel.title ?? '', link: (channel.link ?? '').trim(), language: (channel.language ?? '').trim(),
      wxrVersion: channel.wxrVersion.trim(), baseSiteUrl: (channel.baseSiteUrl ?? '').trim(),
    }
    out.push({ kind: 'channel', channel: c })
  }

  parser.on('opentag', (tag) => {
    release()
    const key = keyOf(tag as SaxesTagNS)
    const parent = stack.at(-1)
    stack.push(key)
    text = ''
    if (root === null) {
      root = key
      if (key !== ':rss') throw new WxrError(`this XML file is not a WordPress export (WXR): its root element is <${tag.name}>, not <rss>`, parser.line, parser.column + 1)
      return
    }
    if (parent === ':channel') {
      if (key === 'wp:author' || key === 'wp:category' || key === 'wp:tag') {
        sendChannel()
        group = { kind: key.slice(3) as 'author' | 'category' | 'tag', fields: {} }
      } else if (key === ':item') {
        sendChannel()
        item = { fields: {}, terms: [], meta: new Map(), comments: 0, line: parser.line, term: null }
      }
    } else if (parent === ':item' && item) {
      if (key === ':category') {
        const attr = (name: string) => String((tag as SaxesTagNS).attributes[name]?.value ?? '')
        item.term = { domain: attr('domain'), nicename: attr('nicename') }
      } else if (key === 'wp:postmeta') meta = {}
      else if (key === 'wp:comment') item.comments++
    }
  })

  const onText = (t: string) => {
    release()
    text += t
  }
  // CDATA may be split across several sections (WordPress splits at "]]>"): every piece is appended.
  parser.on('text', onText)
  parser.on('cdata', onText)

  parser.on('closetag', () => {
    release()
    const key = stack.pop()!
    const parent = stack.at(-1)
    const value = text
    text = ''
    if (parent === ':channel') {
      const field = { ':title': 'title', ':link': 'link', ':language': 'language', 'wp:wxr_version': 'wxrVersion', 'wp:base_site_url': 'baseSiteUrl' }[key]
      if (field) channel[field] = value
      else if (group && key === `wp:${group.kind}`) {
        held.push(groupRecord(group.kind, group.fields))
        group = null
      } else if (key === ':item' && item) {
        held.push({ kind: 'item', item: toItem(item.fields, item.terms, item.meta, item.comments, item.line) })
        item = null
      }
    } else if (group && parent === `wp:${group.kind}`) {
      group.fields[key.slice(3)] = value
    } else if (item && parent === ':item') {
      const field = ITEM_FIELDS[key]
      if (field) item.fields[field] = value
      else if (key === ':category' && item.term) {
        item.terms.push({ domain: item.term.domain ?? '', nicename: item.term.nicename ?? '', name: value.trim() })
        item.term = null
      } else if (key === 'wp:postmeta' && meta) {
        if (meta.meta_key) item.meta.set(meta.meta_key.trim(), meta.meta_value ?? '')
        meta = null
      }
    } else if (meta && parent === 'wp:postmeta') {
      meta[key.slice(3)] = value
    } else if (key === ':channel') sendChannel()
  })

  return {
    write(chunk: string) {
      parser.write(chunk)
    },
    close() {
      if (root === null) throw new WxrError('the file holds no XML element: it is empty or not XML')
      parser.close()
      release()
    },
    /** The records completed so far; after a failed write, only those before the fault. */
    drain(): WxrRecord[] {
      return out.splice(0)
    },
    /** After a write that did not fail: what the last close tag completed is good too. */
    settle: release,
    position: () => ({ line: parser.line, column: parser.column + 1 }),
  }
}

function groupRecord(kind: 'author' | 'category' | 'tag', f: Fields): WxrRecord {
  const s = (name: string) => (f[name] ?? '').trim()
  if (kind === 'author') {
    const author: WxrAuthor = { login: s('author_login'), email: s('author_email'), displayName: s('author_display_name'), firstName: s('author_first_name'), lastName: s('author_last_name') }
    return { kind, author }
  }
  if (kind === 'category') {
    const category: WxrCategory = { termId: s('term_id'), nicename: s('category_nicename'), parent: s('category_parent'), name: s('cat_name') }
    return { kind, category }
  }
  const tag: WxrTag = { termId: s('term_id'), slug: s('tag_slug'), name: s('tag_name') }
  return { kind, tag }
}

/** saxes reports "file:line:column: message"; the reader keeps the message and gives the position separately. */
function wellFormedError(err: unknown, at: { line: number; column: number }): WxrError {
  if (err instanceof WxrError) return err
  const message = err instanceof Error ? err.message : String(err)
  const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(message)
  const [line, column, what] = m ? [Number(m[1]), Number(m[2]) + 1, m[3]!] : [at.line, at.column, message]
  return new WxrError(`the file is not well-formed XML at line ${line}, column ${column}: ${what}`, line, column)
}

/**
 * The records of a WXR stream in file order, read chunk by chunk. Throws WxrError, after yielding every record
 * completed before it, when the XML is malformed (with its line and column) or the file is not a WordPress export.
 */
export async function* parseWxr(chunks: AsyncIterable<string>): AsyncGenerator<WxrRecord> {
  const reader = createWxrReader()
  let first = true
  for await (const chunk of chunks) {
    if (first && chunk.trim() !== '') {
      first = false
      const start = chunk.trimStart()[0]
      if (start === '{' || start === '[') throw new WxrError(jsonHint(chunk))
    }
    try {
      reader.write(chunk)
    } catch (err) {
      yield* reader.drain()
      throw wellFormedError(err, reader.position())
    }
    reader.settle()
    yield* reader.drain()
  }
  try {
    reader.close()
  } catch (err) {
    yield* reader.drain()
    throw wellFormedError(err, reader.position())
  }
  yield* reader.drain()
}

/** What a JSON file given to the WordPress importer probably is, and which importer reads it. */
function jsonHint(start: string): string {
  if (/"db"\s*:\s*\[/.test(start) || /"ghost"|"posts_tags"|"mobiledoc"|"lexical"/.test(start)) {
    return 'this is a Ghost export (JSON), not a WordPress export (WXR): use `broadsheet import ghost FILE.json`'
  }
  if (/"broadsheet"/.test(start)) return 'this is a Broadsheet export (JSON), not a WordPress export (WXR): use `broadsheet import broadsheet FILE.json`'
  return 'this is a JSON file, not a WordPress export (WXR): export the site with Tools → Export in WordPress'
}
