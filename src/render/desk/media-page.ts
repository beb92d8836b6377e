// The desk's media library: a grid of thumbnails with an upload form, and one image's details with its delete form.

import { mediaUrl, type Media } from '../../domain/media.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { csrfField, deskLayout, type DeskContext } from './layout.ts'
import { formAlert, input, statusLine, textarea, type FieldError } from './form-parts.ts'

export interface MediaLibraryView {
  readonly items: readonly Media[]
  readonly page: number
  readonly hasNext: boolean
  readonly q: string
  readonly status: string | null
  readonly error?: FieldError | null
  /** Values of the upload form to fill back in after a refusal. */
  readonly values?: { readonly alt: string; readonly caption: string; readonly credit: string }
}

export interface MediaDetailView {
  readonly media: Media
  readonly canDelete: boolean
  readonly status: string | null
  readonly error?: FieldError | null
  readonly values?: { readonly alt: string; readonly caption: string; readonly credit: string; readonly focalX: string; readonly focalY: string }
  /** The desk's script (the editor bundle, which also sets the focal point by a click on the image), or null. */
  readonly script?: string | null
}

const THUMB_SIZES = '(min-width: 72rem) 14rem, (min-width: 40rem) 30vw, 45vw'

/** A thumbnail from the WebP variants (the original until the variants job has run), sized for the grid. */
export function thumbnail(m: Media, sizes = THUMB_SIZES): SafeHtml {
  const webp = m.variants.filter((v) => v.format === 'webp')
  const smallest = webp[0]
  if (!smallest) return html`<img src="${mediaUrl(m)}" alt="${m.alt}" width="${m.width}" height="${m.height}" loading="lazy" decoding="async">`
  return html`<img src="${smallest.url}" srcset="${webp.map((v) => `${v.url} ${v.width}w`).join(', ')}" sizes="${sizes}" alt="${m.alt}" width="${m.width}" height="${m.height}" loading="lazy" decoding="async">`
}

const needsAlt = (m: Media): SafeHtml => (m.alt === '' ? html`<span class="badge badge-warn">Needs alt text</span>` : EMPTY)

/** The uploaded file's name as stored, without the random prefix that keeps stored names apart. */
const fileName = (m: Media): string => (m.path.split('/').pop() ?? m.path).replace(/^[0-9a-f]{16}-/, '')

const kib = (bytes: number): string => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`)

function pageHref(q: string, page: number): string {
  const params = new URLSearchParams()
  if (q) params.set('q', q)
  if (page > 1) params.set('page', String(page))
  const s = params.toString()
  return s ? `/desk/media?${s}` : '/desk/media'
}

function uploadForm(ctx: DeskContext, v: MediaLibraryView): SafeHtml {
  const err = v.error
  const fileBad = err?.field === 'file'
  // Multipart bodies are read after the CSRF check, so the token travels in the action's query string.
  return html`<section class="panel" aria-labelledby="upload-title">
<h2 id="upload-title">Upload an image</h2>
${formAlert(err, 'upload-error')}
<form method="post" action="/desk/media${ctx.csrf ? `?_csrf=${encodeURIComponent(ctx.csrf)}` : ''}" enctype="multipart/form-data" class="upload-form">
${csrfField(ctx)}
<div class="field"><label for="upload-file">Image</label>
<input id="upload-file" name="file" type="file" required accept="image/jpeg,image/png,image/webp,image/gif,image/avif"${fileBad ? html` aria-invalid="true"` : EMPTY} aria-describedby="upload-file-hint${fileBad ? ' upload-file-error' : ''}">
<span class="hint" id="upload-file-hint">JPEG, PNG, WebP, GIF or AVIF, up to 20 MiB and 50 megapixels. Location and camera data are removed.</span>
${fileBad ? html`<span class="field-error" id="upload-file-error">${err.message}</span>` : EMPTY}</div>
${input({ id: 'upload-alt', name: 'alt', label: 'Alt text', value: v.values?.alt ?? '', maxlength: 1000, hint: 'What the image shows, for readers who cannot see it. Required before the image is used.' }, err)}
${input({ id: 'upload-caption', name: 'caption', label: 'Caption', value: v.values?.caption ?? '', maxlength: 2000 }, err)}
${input({ id: 'upload-credit', name: 'credit', label: 'Credit', value: v.values?.credit ?? '', maxlength: 300 }, err)}
<button type="submit">Upload</button>
</form>
</section>`
}

export function mediaLibraryPage(ctx: DeskContext, v: MediaLibraryView): SafeHtml {
  return deskLayout(ctx, 'Media', html`<h1>Media</h1>
${statusLine(v.status)}
<div class="media-layout">
${uploadForm(ctx, v)}
<section aria-labelledby="library-title" class="media-library">
<h2 id="library-title">Library</h2>
<form class="filters" method="get" action="/desk/media" role="search" aria-label="Search images">
<div class="field"><label for="media-q">Alt text, caption, credit or name</label><input id="media-q" name="q" type="search" maxlength="200" value="${v.q}"></div>
<button type="submit">Search</button>
</form>
${v.items.length === 0 ? html`<p class="empty">${v.q ? 'No images match.' : 'No images yet.'}</p>` : html`<ul class="media-grid">
${v.items.map((m) => html`<li data-media="${m.id}"><a href="/desk/media/${m.id}">${thumbnail(m)}<span class="media-meta">${m.alt || m.caption || fileName(m)}</span></a>${needsAlt(m)}<span class="media-size">${m.width}×${m.height} · ${kib(m.bytes)}</span></li>`)}
</ul>`}
<nav class="pager" aria-label="Pages">
${v.page > 1 ? html`<a rel="prev" href="${pageHref(v.q, v.page - 1)}">Newer</a>` : EMPTY}
${v.hasNext ? html`<a rel="next" href="${pageHref(v.q, v.page + 1)}">Older</a>` : EMPTY}
</nav>
</section>
</div>`)
}

export function mediaDetailPage(ctx: DeskContext, v: MediaDetailView): SafeHtml {
  const m = v.media
  const err = v.error
  const values = v.values ?? { alt: m.alt, caption: m.caption, credit: m.credit, focalX: String(m.focalX), focalY: String(m.focalY) }
  const focal = (name: 'focal_x' | 'focal_y', label: string, value: string) => input({
    id: `media-${name}`, name, label, value, type: 'number', attrs: html` min="0" max="1" step="0.01"`, hint: '0 to 1, from the left (or top) edge; or click the point on the image',
  }, err)
  return deskLayout(ctx, `Image ${m.id}`, html`<p><a href="/desk/media">← Media</a></p>
<h1>Image ${m.id} ${needsAlt(m)}</h1>
${statusLine(v.status)}
${formAlert(err, 'media-error')}
<div class="media-detail">
<figure><div class="focal-picker" data-x-field="media-focal_x" data-y-field="media-focal_y">${thumbnail(m, '(min-width: 60rem) 32rem, 90vw')}</div><figcaption><a href="${mediaUrl(m)}">Original</a> · ${m.mime} · ${m.width}×${m.height} · ${kib(m.bytes)} · ${m.variants.length} variants</figcaption></figure>
<div>
<form method="post" action="/desk/media/${m.id}">
${csrfField(ctx)}
${textarea({ id: 'media-alt', name: 'alt', label: 'Alt text', value: values.alt, maxlength: 1000, rows: 3, hint: 'What the image shows. An image without alt text cannot be a hero image or author photo.' }, err)}
${textarea({ id: 'media-caption', name: 'caption', label: 'Caption', value: values.caption, maxlength: 2000, rows: 3 }, err)}
${input({ id: 'media-credit', name: 'credit', label: 'Credit', value: values.credit, maxlength: 300 }, err)}
<fieldset class="focal"><legend>Focal point, kept in view when the image is cropped</legend>
${focal('focal_x', 'Across', values.focalX)}${focal('focal_y', 'Down', values.focalY)}
</fieldset>
<button type="submit">Save details</button>
</form>
${v.canDelete ? html`<form method="post" action="/desk/media/${m.id}/delete" class="danger-zone">
${csrfField(ctx)}
<p>Deleting removes the original and every variant. An image still used in an article or as an author photo is not deleted.</p>
<button type="submit" class="danger">Delete image</button>
</form>` : EMPTY}
</div>
</div>
${v.script ? html`<script type="module" src="${v.script}"></script>` : EMPTY}`)
}
