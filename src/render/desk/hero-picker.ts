// The article form's hero image field: a plain select of recent described images (works without JavaScript), which
// the editor script turns into a thumbnail with "Choose…" over the whole library's search (/desk/media.json).

import { mediaUrl, type Media } from '../../domain/media.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'

const OF_FORM = html` form="article-form"`

/** The small picture of an image: its first variant at least 160 px wide, else the original. */
export const thumbOf = (m: Media): string => m.variants.find((v) => v.width >= 160)?.url ?? mediaUrl(m)

/** The hero field: `media` are the images offered in the select; `current` is the chosen one, offered even when older. */
export function heroField(media: readonly Media[], current: Media | null): SafeHtml {
  const options = current && !media.some((m) => m.id === current.id) ? [current, ...media] : media
  return html`<div class="field hero-field" data-library="/desk/media.json"${current ? html` data-thumb="${thumbOf(current)}" data-alt="${current.alt}"` : EMPTY}>
<label for="f-hero">Hero image</label><select id="f-hero"${OF_FORM} name="hero" aria-describedby="f-hero-hint">
<option value="">None</option>
${options.map((m) => html`<option value="${m.id}"${current?.id === m.id ? html` selected` : EMPTY}>${m.alt.slice(0, 80)} (${m.width}×${m.height})</option>`)}
</select><span class="hint" id="f-hero-hint">Recent images of the media library that have alt text.</span></div>`
}
