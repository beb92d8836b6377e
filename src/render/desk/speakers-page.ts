// The desk's speakers: a filtered, paged list with a form for a new speaker, and the page of one (edit, merge, delete).

import { SPEAKER_KINDS, type Speaker } from '../../domain/quotes.ts'
import type { Media } from '../../domain/media.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, input, select, statusLine, textarea, type FieldError } from './form-parts.ts'
import { thumbnail } from './media-page.ts'

export interface SpeakerValues {
  readonly name?: string; readonly slug?: string; readonly kind?: string; readonly description?: string
  readonly country?: string; readonly photo?: string; readonly links?: string
}

export interface SpeakersView {
  readonly speakers: readonly (Speaker & { readonly quotes: number })[]
  readonly filters: { readonly q?: string }
  readonly page: number
  readonly hasNext: boolean
  readonly photos: readonly Media[]
  readonly message: string | null
  readonly error: FieldError | null
  readonly values: SpeakerValues
}

export interface SpeakerEditView {
  readonly speaker: Speaker
  readonly quotes: number
  readonly photos: readonly Media[]
  readonly photo: Media | null
  readonly message: string | null
  readonly error: { readonly form: 'edit' | 'merge'; readonly error: FieldError } | null
  readonly values: SpeakerValues & { readonly into?: string }
}

const KIND_LABELS: Readonly<Record<string, string>> = { person: 'Person', organisation: 'Organisation' }

const photoLabel = (m: Media): string => `${m.alt || m.path.split('/').pop() || m.path} (${m.width}×${m.height})`

const speakerFields = (prefix: string, values: SpeakerValues, photos: readonly Media[], error: FieldError | null): SafeHtml => html`<div class="hk-columns">
${input({ id: `${prefix}-name`, name: 'name', label: 'Name', value: values.name ?? '', required: true, maxlength: 200 }, error)}
${input({ id: `${prefix}-slug`, name: 'slug', label: 'Slug', value: values.slug ?? '', maxlength: 120, hint: 'Its page is /people/slug; empty: made from the name.' }, error)}
${select({ id: `${prefix}-kind`, name: 'kind', label: 'Kind', value: values.kind ?? 'person', options: SPEAKER_KINDS.map((k) => [k, KIND_LABELS[k] ?? k] as const) }, error)}
${input({ id: `${prefix}-country`, name: 'country', label: 'Country (place tag slug)', value: values.country ?? '', maxlength: 120, hint: 'Optional: e.g. kazakhstan.' }, error)}
${select({ id: `${prefix}-photo`, name: 'photo', label: 'Photo', value: values.photo ?? '', options: [['', 'No photo'] as const, ...photos.map((m) => [String(m.id), photoLabel(m)] as const)] }, error)}
</div>
${textarea({ id: `${prefix}-description`, name: 'description', label: 'Description', value: values.description ?? '', maxlength: 2000, rows: 3 }, error)}
${textarea({ id: `${prefix}-links`, name: 'links', label: 'Links (one a line)', value: values.links ?? '', maxlength: 5000, rows: 2 }, error)}`

function pageHref(v: SpeakersView, page: number): string {
  const params = new URLSearchParams()
  if (v.filters.q) params.set('q', v.filters.q)
  if (page > 1) params.set('page', String(page))
  const q = params.toString()
  return q ? `/desk/speakers?${q}` : '/desk/speakers'
}

export function speakersPage(ctx: DeskContext, v: SpeakersView): SafeHtml {
  return deskLayout(ctx, 'Speakers', html`<h1>Speakers</h1>
<p class="hint">People and organisations quoted in articles. Writers add them while marking a quote; merge duplicates here.</p>
${statusLine(v.message)}
<form class="filters" method="get" action="/desk/speakers" role="search" aria-label="Filter speakers">
<div class="field"><label for="f-q">Name or slug contains</label><input id="f-q" name="q" type="search" maxlength="200" value="${v.filters.q ?? ''}"></div>
<button type="submit">Filter</button>
</form>
${v.speakers.length === 0 ? html`<p class="empty">No speakers match.</p>` : html`<table class="hk-table">
<caption class="visually-hidden">Speakers by name</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Slug</th><th scope="col">Kind</th><th scope="col">Quotes</th></tr></thead>
<tbody>${v.speakers.map((s) => html`<tr data-speaker="${String(s.id)}"><td><a href="/desk/speakers/${String(s.id)}">${s.name}</a></td><td>${s.slug}</td><td>${KIND_LABELS[s.kind]}</td><td>${String(s.quotes)}</td></tr>`)}</tbody>
</table>`}
<nav class="pager" aria-label="Pages">
${v.page > 1 ? html`<a rel="prev" href="${pageHref(v, v.page - 1)}">Previous</a>` : EMPTY}
${v.hasNext ? html`<a rel="next" href="${pageHref(v, v.page + 1)}">Next</a>` : EMPTY}
</nav>
<section class="hk-panel" aria-labelledby="new-speaker">
<h2 id="new-speaker">New speaker</h2>
${formAlert(v.error, 'new-speaker-error')}
<form method="post" action="/desk/speakers" class="hk-form">${csrfField(ctx)}
${speakerFields('new', v.values, v.photos, v.error)}
<button type="submit">Add speaker</button>
</form>
</section>`)
}

export function speakerEditPage(ctx: DeskContext, v: SpeakerEditView): SafeHtml {
  const s = v.speaker
  const editError = v.error?.form === 'edit' ? v.error.error : null
  const mergeError = v.error?.form === 'merge' ? v.error.error : null
  return deskLayout(ctx, `Speaker ${s.name}`, html`<p><a href="/desk/speakers">← Speakers</a></p>
<h1>${s.name}</h1>
${statusLine(v.message)}
<p class="hint">Quoted ${String(v.quotes)} time${v.quotes === 1 ? '' : 's'}. <a href="/people/${s.slug}">View on the site</a></p>
${v.photo ? html`<div class="hk-photo">${thumbnail(v.photo, '8rem')}</div>` : EMPTY}
<section class="hk-panel" aria-labelledby="edit-speaker">
<h2 id="edit-speaker">Details</h2>
${formAlert(editError, 'edit-speaker-error')}
<form method="post" action="/desk/speakers/${String(s.id)}" class="hk-form">${csrfField(ctx)}
${speakerFields('edit', v.values, v.photos, editError)}
<button type="submit">Save</button>
</form>
</section>
<section class="hk-panel" aria-labelledby="merge-speaker">
<h2 id="merge-speaker">Merge into another speaker</h2>
<p class="hint">Their quotes move to the other speaker, this one is deleted, and /people/${s.slug} redirects to the other’s page.</p>
${formAlert(mergeError, 'merge-speaker-error')}
<form method="post" action="/desk/speakers/${String(s.id)}/merge" class="hk-inline">${csrfField(ctx)}
${input({ id: 'merge-into', name: 'into', label: 'Merge into (slug)', value: v.values.into ?? '', required: true, maxlength: 120 }, mergeError)}
<button type="submit">Merge</button>
</form>
</section>
<section class="hk-panel" aria-labelledby="delete-speaker">
<h2 id="delete-speaker">Delete</h2>
<p class="hint">${v.quotes > 0 ? 'Only a speaker nobody quotes can be deleted: merge them instead.' : 'No quote names this speaker.'}</p>
<form method="post" action="/desk/speakers/${String(s.id)}/delete">${csrfField(ctx)}<button type="submit" class="danger">Delete “${s.name}”</button></form>
</section>`)
}
