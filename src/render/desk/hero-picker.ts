// The article form's hero image field: a plain select of recent described images (works without JavaScript), which
// the editor script turns into a thumbnail with "Choose…" over the whole library's search (/desk/media.json).

import { MEDIA_TEXT_LIMITS, mediaUrl, type Media } from '../../domain/media.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'

const OF_FORM = html` form="article-form"`

/** The small picture of an image: its first variant at least 160 px wide, else the original. */
export const thumbOf = (m: Media): string => m.variants.find((v) => v.width >= 160)?.url ?? mediaUrl(m)

/** This article's own caption and credit for its hero, as typed; empty shows the library's. */
export interface OwnHeroText {
  readonly caption: string
  readonly credit: string
}

/**
 * The hero field: `media` are the images offered in the select; `current` is the chosen one, offered even when older.
 * Below it, this article's caption and credit for the image, the library's shown as placeholders (what an empty field
 * gives readers); they show only while a hero is chosen (by the stylesheet without the script, by the script with it).
 */
export function heroField(media: readonly Media[], current: Media | null, own: OwnHeroText): SafeHtml {
  const options = current && !media.some((m) => m.id === current.id) ? [current, ...media] : media
  return html`<div class="field hero-field" data-library="/desk/media.json"${current ? html` data-thumb="${thumbOf(current)}" data-alt="${current.alt}"` : EMPTY}>
<label for="f-hero">Hero image</label><select id="f-hero"${OF_FORM} name="hero" aria-describedby="f-hero-hint">
<option value="">None</option>
${options.map((m) => html`<option value="${m.id}"${current?.id === m.id ? html` selected` : EMPTY}>${m.alt.slice(0, 80)} (${m.width}×${m.height})</option>`)}
</select><span class="hint" id="f-hero-hint">Recent images of the media library that have alt text.</span>
<div class="hero-text"><label for="f-hero_caption">Caption in this article</label><textarea id="f-hero_caption"${OF_FORM} name="hero_caption" rows="2" maxlength="${MEDIA_TEXT_LIMITS.caption}" placeholder="${current?.caption ?? ''}" aria-describedby="f-hero-text-hint">${own.caption}</textarea>
<label for="f-hero_credit">Credit in this article</label><input id="f-hero_credit"${OF_FORM} name="hero_credit" type="text" maxlength="${MEDIA_TEXT_LIMITS.credit}" value="${own.credit}" placeholder="${current?.credit ?? ''}" aria-describedby="f-hero-text-hint">
<span class="hint" id="f-hero-text-hint">Empty: the media library's caption and credit, shown greyed.</span></div></div>`
}
