// The desk's tags: a filtered, paged list with a form for a new tag, and the page of one tag (edit, merge, delete).

import { TAG_KINDS, type Tag } from '../../domain/taxonomy.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, input, select, statusLine, textarea, type FieldError } from './form-parts.ts'

export interface TagValues {
  readonly name?: string; readonly slug?: string; readonly kind?: string; readonly parent?: string; readonly isoCode?: string; readonly description?: string
  /** Names in the site's other languages, by primary subtag. */
  readonly names?: Readonly<Record<string, string>>
}

/** A site language other than the default, in which a tag may have its own name. */
export interface TagLanguage { readonly code: string; readonly name: string }

export interface TagsView {
  readonly tags: readonly (Tag & { readonly parentSlug: string | null })[]
  readonly filters: { readonly kind?: string; readonly q?: string }
  readonly page: number
  readonly hasNext: boolean
  readonly message: string | null
  readonly error: FieldError | null
  readonly values: TagValues
  readonly languages: readonly TagLanguage[]
}

export interface TagEditView {
  readonly tag: Tag
  readonly articles: number
  readonly message: string | null
  /** A refusal of one of the page's forms. */
  readonly error: { readonly form: 'edit' | 'merge'; readonly error: FieldError } | null
  readonly values: TagValues & { readonly into?: string }
  readonly languages: readonly TagLanguage[]
}

const KIND_LABELS: Readonly<Record<string, string>> = { topic: 'Topic', place: 'Place' }

/** One name field per site language other than the default; left empty, the tag shows its own name there. */
const nameFields = (prefix: string, values: TagValues, languages: readonly TagLanguage[], error: FieldError | null): SafeHtml => languages.length === 0 ? EMPTY : html`<div class="hk-columns">
${languages.map((l) => input({
    id: `${prefix}-name-${l.code}`, name: `name_${l.code}`, label: `Name in ${l.name}`, value: values.names?.[l.code] ?? '', maxlength: 100, attrs: html` lang="${l.code}"`,
    hint: `Shown on /${l.code} pages; empty shows the name above.`,
  }, error))}
</div>`

const tagFields = (prefix: string, values: TagValues, languages: readonly TagLanguage[], error: FieldError | null): SafeHtml => html`<div class="hk-columns">
${input({ id: `${prefix}-name`, name: 'name', label: 'Name', value: values.name ?? '', required: true, maxlength: 100 }, error)}
${input({ id: `${prefix}-slug`, name: 'slug', label: 'Slug', value: values.slug ?? '', required: true, maxlength: 120, hint: 'Its address is /tag/slug.' }, error)}
${select({ id: `${prefix}-kind`, name: 'kind', label: 'Kind', value: values.kind ?? 'topic', options: TAG_KINDS.map((k) => [k, KIND_LABELS[k] ?? k] as const) }, error)}
${input({ id: `${prefix}-parent`, name: 'parent', label: 'Parent (slug)', value: values.parent ?? '', maxlength: 120, hint: 'Optional: e.g. central-asia above kazakhstan.' }, error)}
${input({ id: `${prefix}-iso`, name: 'isoCode', label: 'ISO code', value: values.isoCode ?? '', maxlength: 10, hint: 'Places only: KZ, GE-AB.' }, error)}
</div>
${nameFields(prefix, values, languages, error)}
${textarea({ id: `${prefix}-description`, name: 'description', label: 'Description', value: values.description ?? '', maxlength: 1000, rows: 2 }, error)}`

function pageHref(v: TagsView, page: number): string {
  const params = new URLSearchParams()
  if (v.filters.kind) params.set('kind', v.filters.kind)
  if (v.filters.q) params.set('q', v.filters.q)
  if (page > 1) params.set('page', String(page))
  const q = params.toString()
  return q ? `/desk/tags?${q}` : '/desk/tags'
}

export function tagsPage(ctx: DeskContext, v: TagsView): SafeHtml {
  const kindOption = (value: string, label: string) => html`<option value="${value}"${(v.filters.kind ?? '') === value ? html` selected` : EMPTY}>${label}</option>`
  return deskLayout(ctx, 'Tags', html`<h1>Tags</h1>
${statusLine(v.message)}
<form class="filters" method="get" action="/desk/tags" role="search" aria-label="Filter tags">
<div class="field"><label for="f-kind">Kind</label><select id="f-kind" name="kind">${kindOption('', 'Any')}${TAG_KINDS.map((k) => kindOption(k, KIND_LABELS[k] ?? k))}</select></div>
<div class="field"><label for="f-q">Name or slug contains</label><input id="f-q" name="q" type="search" maxlength="200" value="${v.filters.q ?? ''}"></div>
<button type="submit">Filter</button>
</form>
${v.tags.length === 0 ? html`<p class="empty">No tags match.</p>` : html`<table class="hk-table">
<caption class="visually-hidden">Tags by name</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Slug</th><th scope="col">Kind</th><th scope="col">Parent</th><th scope="col">ISO</th></tr></thead>
<tbody>${v.tags.map((t) => html`<tr data-tag="${String(t.id)}"><td><a href="/desk/tags/${String(t.id)}">${t.name}</a></td><td>${t.slug}</td><td>${KIND_LABELS[t.kind]}</td><td>${t.parentSlug ?? '—'}</td><td>${t.isoCode ?? ''}</td></tr>`)}</tbody>
</table>`}
<nav class="pager" aria-label="Pages">
${v.page > 1 ? html`<a rel="prev" href="${pageHref(v, v.page - 1)}">Previous</a>` : EMPTY}
${v.hasNext ? html`<a rel="next" href="${pageHref(v, v.page + 1)}">Next</a>` : EMPTY}
</nav>
<section class="hk-panel" aria-labelledby="new-tag">
<h2 id="new-tag">New tag</h2>
${formAlert(v.error, 'new-tag-error')}
<form method="post" action="/desk/tags" class="hk-form">${csrfField(ctx)}
${tagFields('new', v.values, v.languages, v.error)}
<button type="submit">Add tag</button>
</form>
</section>`)
}

export function tagEditPage(ctx: DeskContext, v: TagEditView): SafeHtml {
  const t = v.tag
  const editError = v.error?.form === 'edit' ? v.error.error : null
  const mergeError = v.error?.form === 'merge' ? v.error.error : null
  return deskLayout(ctx, `Tag ${t.name}`, html`<p><a href="/desk/tags">← Tags</a></p>
<h1>Tag “${t.name}”</h1>
${statusLine(v.message)}
<p class="hint">${String(v.articles)} article${v.articles === 1 ? '' : 's'} carry it. <a href="/tag/${t.slug}">View on the site</a></p>
<section class="hk-panel" aria-labelledby="edit-tag">
<h2 id="edit-tag">Details</h2>
${formAlert(editError, 'edit-tag-error')}
<form method="post" action="/desk/tags/${String(t.id)}" class="hk-form">${csrfField(ctx)}
${tagFields('edit', v.values, v.languages, editError)}
<button type="submit">Save</button>
</form>
</section>
<section class="hk-panel" aria-labelledby="merge-tag">
<h2 id="merge-tag">Merge into another tag</h2>
<p class="hint">Its articles get the other tag, this tag is deleted, and /tag/${t.slug} redirects to the other tag’s page.</p>
${formAlert(mergeError, 'merge-tag-error')}
<form method="post" action="/desk/tags/${String(t.id)}/merge" class="hk-inline">${csrfField(ctx)}
${input({ id: 'merge-into', name: 'into', label: 'Merge into (slug)', value: v.values.into ?? '', required: true, maxlength: 120 }, mergeError)}
<button type="submit">Merge</button>
</form>
</section>
<section class="hk-panel" aria-labelledby="delete-tag">
<h2 id="delete-tag">Delete</h2>
<p class="hint">Articles simply lose the tag; its page answers 404.</p>
<form method="post" action="/desk/tags/${String(t.id)}/delete">${csrfField(ctx)}<button type="submit" class="danger">Delete “${t.name}”</button></form>
</section>`)
}
