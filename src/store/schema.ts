// The database as Kysely sees it: snake_case tables, times as epoch milliseconds, flags as 0/1.

import type { Generated, Insertable, Selectable } from 'kysely'
import type { LiveQuotesTable, QuotesTable, SpeakersTable } from './schema-quotes.ts'
import type { TagNamesTable } from './schema-tag-names.ts'
import type { NewsletterTables } from './newsletter-schema.ts'
import type { CdnPurgesTable, ImportJobsTable, JobLeasesTable, MailOutboxTable } from './schema-jobs.ts'
import type { VisitorTables } from './schema-visitors.ts'

export interface SettingsTable {
  key: string
  /** JSON text. */
  value: string
}

export interface PagesTable {
  id: Generated<number>
  /** The page above this one; null for a page at the top (`/about`). */
  parent_id: number | null
  /** Unique among its siblings only. */
  slug: string
  /** The whole path (`/about/team`), unique site-wide; kept in step with the parents' slugs by editorial/pages.ts. */
  path: string
  title: string
  body_html: string
  language: string
  /** `draft` or `published`. */
  status: Generated<string>
  created_at: number
  updated_at: number
  published_at: number | null
}

/** What a page held before each save. */
export interface PageRevisionsTable {
  id: Generated<number>
  page_id: number
  title: string
  body_html: string
  saved_by: number | null
  saved_at: number
}

export interface SectionsTable {
  id: Generated<number>
  slug: string
  name: string
  description: string
  position: number
  /** 1 when the section publishes unsigned pieces (statements of the newsroom); otherwise a byline is required. */
  allow_unsigned: Generated<number>
}

export interface TagsTable {
  id: Generated<number>
  slug: string
  name: string
  kind: string
  parent_id: number | null
  iso_code: string | null
  description: string
}

export interface AuthorsTable {
  id: Generated<number>
  slug: string
  name: string
  bio: string
  kind: string
  photo_media_id: number | null
  /** The desk account whose own byline this is (unique), or null. */
  account_id: number | null
}

/** Who has an article open in the editor, refreshed by heartbeats and autosaves; stale rows are ignored. */
export interface ArticlePresenceTable {
  article_id: number
  user_id: number
  since: number
  seen_at: number
}

export interface MediaTable {
  id: Generated<number>
  path: string
  mime: string
  width: number
  height: number
  bytes: number
  alt: string
  caption: string
  credit: string
  focal_x: number
  focal_y: number
  created_at: number
  /** The desk account that uploaded it; null for the system (imports, the demo seed), older images and deleted accounts. */
  uploaded_by: number | null
}

/** The working copy of every article, whatever its status, plus curation and workflow state. */
export interface ArticlesTable {
  id: Generated<number>
  /** Articles that translate each other share this id (the id of the first of them). */
  translation_group: number | null
  language: string
  section_id: number
  slug: string
  status: string
  genre: string
  title: string
  standfirst: string
  body_html: string
  hero_media_id: number | null
  /** The article's own caption and credit for its hero (0034); null shows the media library's. */
  hero_caption: string | null
  hero_credit: string | null
  seo_title: string
  seo_description: string
  editors_choice: number
  editors_choice_rank: number | null
  editors_choice_until: number | null
  scheduled_at: number | null
  published_at: number | null
  updated_at: number | null
  created_at: number
  modified_at: number
  version: number
  origin_system: string | null
  origin_id: string | null
  /** The desk user who created the article; null for imports and articles older than accounts. */
  created_by: number | null
  /** When the article was moved to the trash (null while it is not there), and by whom. */
  deleted_at: number | null
  deleted_by: number | null
}

export interface ArticleTagsTable {
  article_id: number
  tag_id: number
  position: number
}

export interface ArticleAuthorsTable {
  article_id: number
  author_id: number
  position: number
}

/** The live copy of a published article: what readers see, apart from later edits of the working copy. */
export interface ArticleLiveTable {
  article_id: number
  language: string
  section_id: number
  slug: string
  genre: string
  title: string
  standfirst: string
  body_html: string
  hero_media_id: number | null
  /** The article's own caption and credit for its hero (0034); null shows the media library's. */
  hero_caption: string | null
  hero_credit: string | null
  seo_title: string
  seo_description: string
  published_at: number
  updated_at: number
  /** The primary subtag of `language` (`ru` for `ru-RU`): what listings in a language filter on (migration 0025). */
  primary_subtag: string
}

/** Tags and bylines of live copies; `published_at` is copied in so tag and author pages read one index. */
export interface LiveTagsTable {
  article_id: number
  tag_id: number
  position: number
  published_at: number
  /** The live copy's primary subtag, copied in like published_at for tag pages in one language. */
  primary_subtag: string
}

export interface LiveAuthorsTable {
  article_id: number
  author_id: number
  position: number
  published_at: number
  /** The live copy's primary subtag, copied in like published_at for author pages in one language. */
  primary_subtag: string
}

export interface RedirectsTable {
  id: Generated<number>
  from_path: string
  to_article_id: number | null
  to_url: string | null
  status: number
  kind: string
  created_at: number
}

/** Views counted per article and hour (the hour's start, epoch ms). */
export interface ArticleViewsTable {
  article_id: number
  hour: number
  views: number
}

/** The kept terms of a live article with their weights: the inverted index of related articles. */
export interface RelatedTermsTable {
  article_id: number
  term: string
  weight: number
}

/** In how many live articles a term occurs. */
export interface RelatedDfTable {
  term: string
  df: number
}

/** Document-frequency changes not folded into related_df yet (0027); the empty term moves the document count. */
export interface RelatedDfDeltasTable {
  id: Generated<number>
  term: string
  delta: number
}

/** Counters and cursors of the related-articles engine. */
export interface RelatedStateTable {
  key: string
  value: number
}

/** The stored related list of an article, rank 1 first. */
export interface RelatedListsTable {
  article_id: number
  rank: number
  related_id: number
  score: number
  pinned: number
  computed_at: number
}

/** Related-articles work a bulk write left for related/settle.ts (0013): `stage` 0 count, 1 weigh, 2 list and neighbours, 3 list. */
export interface RelatedPendingTable {
  article_id: number
  stage: number
  queued_at: number
}

/** Editor overrides of related articles: `pin` (by position) or `exclude`. */
export interface RelatedOverridesTable {
  article_id: number
  other_id: number
  kind: string
  position: number
  created_at: number
}

/** A URL that receives signed webhook events; `secret` signs them (HMAC-SHA256). */
export interface WebhookReceiversTable {
  id: Generated<number>
  url: string
  secret: string
  active: number
  created_at: number
  deactivated_at: number | null
}

/** The webhook outbox: one event for one receiver, with the outcome of its last attempt. */
export interface WebhookDeliveriesTable {
  id: Generated<number>
  receiver_id: number
  event_id: string
  event_type: string
  /** The event as JSON, without the article URL (added from SITE_URL when sent). */
  payload: string
  status: string
  attempts: number
  next_attempt_at: number
  last_status_code: number | null
  last_error: string | null
  last_duration_ms: number | null
  created_at: number
  updated_at: number
  delivered_at: number | null
}

/** A one-time account link (invitation or password reset); only the sha256 (hex) of its token is kept. */
export interface AccountLinksTable {
  id: Generated<number>
  purpose: string
  token_hash: string
  email: string
  name: string
  role: string | null
  user_id: number | null
  created_by: number | null
  created_at: number
  expires_at: number
  used_at: number | null
}

/** A desk account; `email` is lower-cased, `password_hash` is self-describing (scheme and parameters). */
export interface UsersTable {
  id: Generated<number>
  email: string
  name: string
  role: string
  password_hash: string
  created_at: number
  disabled: number
}

/** A login session; `id` is the sha256 (hex) of the token in the cookie. */
export interface SessionsTable {
  id: string
  user_id: number
  created_at: number
  last_seen_at: number
  expires_at: number
  revoked_at: number | null
  user_agent: string
  ip_hash: string
}

/** Failed logins in the current window, per account ('email:…') or per address ('ip:…'). */
export interface LoginAttemptsTable {
  key: string
  window_start: number
  failures: number
  locked_until: number | null
}

/** An Admin API token; only its sha256 (hex) is kept. */
export interface ApiTokensTable {
  id: Generated<number>
  token_hash: string
  user_id: number
  name: string
  created_at: number
  last_used_at: number | null
  revoked_at: number | null
}

/** Who did what and when; `details` is JSON text. */
export interface AuditLogTable {
  id: Generated<number>
  user_id: number | null
  action: string
  subject_type: string | null
  subject_id: string | null
  details: string
  at: number
}

/** A kept state of an article's working copy (0007); `snapshot` is JSON text, `saved_by` a user id. */
export interface RevisionsTable {
  id: Generated<number>
  article_id: number
  version: number
  kind: string
  saved_by: number | null
  saved_at: number
  title: string
  snapshot: string
}

/** A responsive size of an uploaded image, served at `/media/<path>`. */
export interface MediaVariantsTable {
  media_id: number
  width: number
  height: number
  format: string
  path: string
  bytes: number
}

/** Uploads whose variants the media-variants job has still to make ('pending'), or gave up on ('failed'). */
export interface MediaVariantQueueTable {
  media_id: number
  status: string
  attempts: number
  next_attempt_at: number
  last_error: string | null
  created_at: number
}

/** One row (id 1) that the readiness probe updates, to prove a write commits (migrations/0010-heartbeat.ts). */
export interface HeartbeatTable {
  id: number
  beat_at: number
}

/** Where an imported section, tag, byline or article came from (0011); `kind` names the table of `target_id`. */
export interface ImportOriginsTable {
  system: string
  site: string
  kind: string
  source_id: string
  target_id: number
  content_hash: string
  imported_at: number
}

export interface Database extends NewsletterTables, VisitorTables {
  settings: SettingsTable
  pages: PagesTable
  page_revisions: PageRevisionsTable
  sections: SectionsTable
  tags: TagsTable
  tag_names: TagNamesTable
  authors: AuthorsTable
  media: MediaTable
  media_variants: MediaVariantsTable
  media_variant_queue: MediaVariantQueueTable
  articles: ArticlesTable
  article_tags: ArticleTagsTable
  article_authors: ArticleAuthorsTable
  article_presence: ArticlePresenceTable
  article_live: ArticleLiveTable
  live_tags: LiveTagsTable
  live_authors: LiveAuthorsTable
  redirects: RedirectsTable
  article_views: ArticleViewsTable
  related_terms: RelatedTermsTable
  related_df: RelatedDfTable
  related_df_deltas: RelatedDfDeltasTable
  related_state: RelatedStateTable
  related_lists: RelatedListsTable
  related_overrides: RelatedOverridesTable
  related_pending: RelatedPendingTable
  webhook_receivers: WebhookReceiversTable
  webhook_deliveries: WebhookDeliveriesTable
  users: UsersTable
  sessions: SessionsTable
  login_attempts: LoginAttemptsTable
  api_tokens: ApiTokensTable
  audit_log: AuditLogTable
  revisions: RevisionsTable
  heartbeat: HeartbeatTable
  import_origins: ImportOriginsTable
  mail_outbox: MailOutboxTable
  account_links: AccountLinksTable
  import_jobs: ImportJobsTable
  cdn_purges: CdnPurgesTable
  job_leases: JobLeasesTable
  speakers: SpeakersTable
  quotes: QuotesTable
  live_quotes: LiveQuotesTable
}

export type ArticleRow = Selectable<ArticlesTable>
export type NewArticleRow = Insertable<ArticlesTable>
export type LiveRow = Selectable<ArticleLiveTable>
export type MediaRow = Selectable<MediaTable>

export type { CdnPurgesTable, ImportJobsTable, JobLeasesTable, MailOutboxTable }
