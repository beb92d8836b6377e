// Counts of search matches by section, tag and author: the filters of the search page, each with its number.

import { sql, type Kysely } from 'kysely'

export interface FacetCount { readonly id: number; readonly slug: string; readonly name: string; readonly count: number }

export interface SearchFacets {
  readonly sections: readonly FacetCount[]
  readonly tags: readonly FacetCount[]
  readonly authors: readonly FacetCount[]
}

/** How many tags and authors a page offers as filters: the most frequent among the matches. */
const TOP = 8

/**
 * The facets of a set of matching articles (at most search-index.ts RANKED_CANDIDATES ids, so each count is one bounded
 * grouped read of the live tables by primary key).
 */
export async function searchFacets(db: Kysely<any>, ids: readonly number[]): Promise<SearchFacets> {
  if (ids.length === 0) return { sections: [], tags: [], authors: [] }
  const list = sql.join(ids)
  const [sections, tags, authors] = await Promise.all([
    sql<FacetCount>`select s.id, s.slug, s.name, count(*) as count from article_live l join sections s on s.id = l.section_id
      where l.article_id in (${list}) group by s.id, s.slug, s.name order by count(*) desc, s.name`.execute(db),
    sql<FacetCount>`select t.id, t.slug, t.name, count(*) as count from live_tags k join tags t on t.id = k.tag_id
      where k.article_id in (${list}) group by t.id, t.slug, t.name order by count(*) desc, t.name limit ${TOP}`.execute(db),
    sql<FacetCount>`select a.id, a.slug, a.name, count(*) as count from live_authors k join authors a on a.id = k.author_id
      where k.article_id in (${list}) group by a.id, a.slug, a.name order by count(*) desc, a.name limit ${TOP}`.execute(db),
  ])
  const rows = (r: { rows: FacetCount[] }) => r.rows.map((x) => ({ id: Number(x.id), slug: x.slug, name: x.name, count: Number(x.count) }))
  return { sections: rows(sections), tags: rows(tags), authors: rows(authors) }
}
