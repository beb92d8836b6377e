// The desk's bylines: the list of authors with a form for a new one, and the page of one author (edit, delete).

import { AUTHOR_KINDS, type Author } from '../../domain/people.ts'
import type { Media } from '../../domain/media.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, input, select, statusLine, textarea, type FieldError } from './form-parts.ts'
import { thumbnail } from './media-page.ts'

export interface AuthorValues { readonly name?: string; readonly slug?: string; readonly bio?: string; readonly kind?: string; readonly photo?: string }

export interface AuthorsView {
  readonly authors: readonly (Author & { readonly articles: number })[]
  readonly photos: readonly Media[]
  readonly message: string | null
  readonly error: FieldError | null
  readonly values: AuthorValues
}

export interface AuthorEditView {
  readonly author: Author
  readonly articles: number
  readonly photos: readonly Media[]
  readonly photo: Media | null
  readonly error: FieldError | null
  readonly values: AuthorValues
}

const KIND_LABELS: Readonly<Record<string, string>> = { staff: 'Staff', guest: 'Guest', agency: 'Agency' }

const photoLabel = (m: Media): string => `${m.alt || m.path.split('/').pop() || m.path} (${m.width}×${m.height})`

const authorFields = (prefix: string, values: AuthorValues, photos: readonly Media[], error: FieldError | null): SafeHtml => html`<div class="hk-columns">
${input({ id: `${prefix}-name`, name: 'name', label: 'Name', value: values.name ?? '', required: true, maxlength: 200 }, error)}
${input({ id: `${prefix}-slug`, name: 'slug', label: 'Slug', value: values.slug ?? '', required: true, maxlength: 120, hint: 'Its page is /author/slug.' }, error)}
${select({ id: `${prefix}-kind`, name: 'kind', label: 'Kind', value: values.kind ?? 'staff', options: AUTHOR_KINDS.map((k) => [k, KIND_LABELS[k] ?? k] as const) }, error)}
${select({ id: `${prefix}-photo`, name: 'photo', label: 'Photo', value: values.photo ?? '', options: [['', 'No photo'] as const, ...photos.map((m) => [String(m.id), photoLabel(m)] as const)] }, error)}
</div>
${textarea({ id: `${prefix}-bio`, name: 'bio', label: 'Bio', value: values.bio ?? '', maxlength: 2000, rows: 3 }, error)}`

export function authorsPage(ctx: DeskContext, v: AuthorsView): SafeHtml {
  return deskLayout(ctx, 'Authors', html`<h1>Authors</h1>
${statusLine(v.message)}
${v.authors.length === 0 ? html`<p class="empty">No authors yet.</p>` : html`<table class="hk-table">
<caption class="visually-hidden">Authors by name</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Slug</th><th scope="col">Kind</th><th scope="col">Articles</th></tr></thead>
<tbody>${v.authors.map((a) => html`<tr data-author="${String(a.id)}"><td><a href="/desk/authors/${String(a.id)}">${a.name}</a></td><td>${a.slug}</td><td>${KIND_LABELS[a.kind]}</td><td>${String(a.articles)}</td></tr>`)}</tbody>
</table>`}
<section class="hk-panel" aria-labelledby="new-author">
<h2 id="new-author">New author</h2>
${formAlert(v.error, 'new-author-error')}
<form method="post" action="/desk/authors" class="hk-form">${csrfField(ctx)}
${authorFields('new', v.values, v.photos, v.error)}
<button type="submit">Add author</button>
</form>
</section>`)
}

export function authorEditPage(ctx: DeskContext, v: AuthorEditView): SafeHtml {
  const a = v.author
  return deskLayout(ctx, `Author ${a.name}`, html`<p><a href="/desk/authors">← Authors</a></p>
<h1>${a.name}</h1>
<p class="hint">The byline of ${String(v.articles)} article${v.articles === 1 ? '' : 's'}. <a href="/author/${a.slug}">View on the site</a></p>
${v.photo ? html`<div class="hk-photo">${thumbnail(v.photo, '8rem')}</div>` : EMPTY}
${formAlert(v.error, 'author-error')}
<form method="post" action="/desk/authors/${String(a.id)}" class="hk-form">${csrfField(ctx)}
${authorFields('edit', v.values, v.photos, v.error)}
<button type="submit">Save</button>
</form>
<section class="hk-panel" aria-labelledby="delete-author">
<h2 id="delete-author">Delete</h2>
<p class="hint">${v.articles > 0 ? 'Only an author with no articles can be deleted: change those bylines first.' : 'No article carries this byline.'}</p>
<form method="post" action="/desk/authors/${String(a.id)}/delete">${csrfField(ctx)}<button type="submit" class="danger">Delete “${a.name}”</button></form>
</section>`)
}
