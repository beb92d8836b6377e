// The live collection as a list pass reads it: each article's published time, language, translation group and tags,
// by article id in typed arrays on shared memory.
//
// Maps of objects held some 40 MiB of heap for 100,000 articles (tags alone 23); these arrays hold about 3, and a second
// thread computing lists reads the same memory without a copy (list-thread.ts).

import type { Store } from '../store/store.ts'

export interface Collection {
  /** Published time by article id; NaN where the id is not live. */
  readonly times: Float64Array
  /** Translation group by article id (its own id when it has no translations). */
  readonly groups: Int32Array
  /** Language by article id, as an index into `languageNames`. */
  readonly languages: Uint16Array
  readonly languageNames: readonly string[]
  /** An article's tag ids are `tagIds[tagFrom[id]]` onwards, `tagCount[id]` of them. */
  readonly tagFrom: Int32Array
  readonly tagCount: Uint16Array
  readonly tagIds: Int32Array
}

/** Live articles read per statement; tag rows twice as many (a page of tags holds whole articles only). */
const PAGE = 10_000
const TAG_PAGE_FACTOR = 2

/** A typed array grown by doubling as rows come (new places hold `fill`), then copied to shared memory of its final length. */
function growable<T extends Float64Array | Int32Array | Uint16Array>(make: (buffer: ArrayBufferLike, length: number) => T, bytes: number, fill = 0) {
  const allocate = (buffer: ArrayBufferLike, length: number) => {
    const array = make(buffer, length)
    if (fill !== 0) array.fill(fill)
    return array
  }
  let array = allocate(new ArrayBuffer(1024 * bytes), 1024)
  return {
    /** The value at `i`; `fill` past the end. */
    at: (i: number): number => (i < array.length ? array[i]! : fill),
    set(i: number, value: number) {
      if (i >= array.length) {
        const length = Math.max(i + 1, array.length * 2)
        const bigger = allocate(new ArrayBuffer(length * bytes), length)
        bigger.set(array as never)
        array = bigger
      }
      array[i] = value
    },
    shared(length: number): T {
      const out = allocate(new SharedArrayBuffer(length * bytes), length)
      out.set(array.subarray(0, Math.min(length, array.length)) as never)
      return out
    },
  }
}

const f64 = (b: ArrayBufferLike, n: number) => new Float64Array(b, 0, n)
const i32 = (b: ArrayBufferLike, n: number) => new Int32Array(b, 0, n)
const u16 = (b: ArrayBufferLike, n: number) => new Uint16Array(b, 0, n)

/** Reads the live collection a page at a time: no statement returns more than `page` rows, nor does the heap hold them. */
export async function readCollection(store: Store, page = PAGE): Promise<Collection> {
  const times = growable(f64, 8, NaN), groups = growable(i32, 4), languages = growable(u16, 2)
  const names: string[] = [], nameIndex = new Map<string, number>()
  let size = 1
  for (let after = 0; ;) {
    const rows = await store.relatedPending.liveFactsPage(after, page)
    if (rows.length === 0) break
    for (const a of rows) {
      let language = nameIndex.get(a.language)
      if (language === undefined) {
        nameIndex.set(a.language, language = names.length)
        names.push(a.language)
      }
      // Ids between live ones are not live: their times stay NaN.
      times.set(a.id, a.publishedAt)
      groups.set(a.id, a.group)
      languages.set(a.id, language)
      size = a.id + 1
    }
    after = rows.at(-1)!.id
  }
  const tagFrom = growable(i32, 4), tagCount = growable(u16, 2), tagIds = growable(i32, 4)
  let tags = 0
  for (let after = 0; ;) {
    const rows = await store.relatedPending.liveTagPage(after, TAG_PAGE_FACTOR * page)
    if (rows.length === 0) break
    for (const { articleId, tagId } of rows) {
      // Tags of articles published after the facts were read are left out: such an article is not in the collection.
      if (articleId >= size) continue
      if (tagCount.at(articleId) === 0) tagFrom.set(articleId, tags)
      tagCount.set(articleId, tagCount.at(articleId) + 1)
      tagIds.set(tags++, tagId)
    }
    after = rows.at(-1)!.articleId
  }
  return {
    times: times.shared(size), groups: groups.shared(size), languages: languages.shared(size), languageNames: names,
    tagFrom: tagFrom.shared(size), tagCount: tagCount.shared(size), tagIds: tagIds.shared(tags),
  }
}

export const isLive = (c: Collection, id: number): boolean => id < c.times.length && !Number.isNaN(c.times[id])

export const timeOf = (c: Collection, id: number): number | undefined => (isLive(c, id) ? c.times[id] : undefined)

/** An article's language and translation group, or undefined when it is not live. */
export const factsOf = (c: Collection, id: number): { language: string; group: number } | undefined =>
  isLive(c, id) ? { language: c.languageNames[c.languages[id]!]!, group: c.groups[id]! } : undefined

/** An article's tag ids (a view, not a copy); none for an id past the collection or with no tags (not live, or untagged). */
export const tagsOf = (c: Collection, id: number): Int32Array =>
  id < c.tagCount.length ? c.tagIds.subarray(c.tagFrom[id]!, c.tagFrom[id]! + c.tagCount[id]!) : c.tagIds.subarray(0, 0)
