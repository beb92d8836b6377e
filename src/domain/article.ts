// Articles: statuses and the moves between them, genres and what they mean for readers.

export const ARTICLE_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number]

const NEXT: Readonly<Record<ArticleStatus, readonly ArticleStatus[]>> = {
  draft: ['in_review', 'scheduled', 'published'],
  in_review: ['draft', 'scheduled', 'published'],
  scheduled: ['draft', 'published'],
  published: ['unpublished'],
  unpublished: ['draft', 'published'],
}

/** Whether an article may move from one status to another; who may make the move is decided elsewhere. */
export const canTransition = (from: ArticleStatus, to: ArticleStatus): boolean => NEXT[from].includes(to)

export const isArticleStatus = (value: string): value is ArticleStatus =>
  (ARTICLE_STATUSES as readonly string[]).includes(value)

/** The kind of writing, apart from the section it is filed in: it decides labels and structured-data types. */
export const GENRES = ['news', 'opinion', 'analysis', 'commentary', 'interview', 'statement'] as const
export type Genre = (typeof GENRES)[number]

export const isGenre = (value: string): value is Genre => (GENRES as readonly string[]).includes(value)

const GENRE_LABELS: Readonly<Record<Genre, string>> = {
  news: 'News',
  opinion: 'Opinion',
  analysis: 'Analysis',
  commentary: 'Commentary',
  interview: 'Interview',
  statement: 'Statement',
}

/** The label a reader sees beside a headline. */
export const genreLabel = (genre: Genre): string => GENRE_LABELS[genre]

/** The schema.org type for an article of this genre. */
export const schemaType = (genre: Genre): string =>
  genre === 'opinion' || genre === 'commentary'
    ? 'OpinionNewsArticle'
    : genre === 'analysis'
      ? 'AnalysisNewsArticle'
      : 'NewsArticle'
