// The article form's tags field: a comma-separated list that works without JavaScript, the picker's hooks, and the
// "Create tag 'X'" choices a refused save offers for names that are no tag yet.

import { slugify } from '../../domain/slug.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'

/** The side fields belong to the article form by this attribute (they sit outside its element). */
const OF_FORM = html` form="article-form"`

export interface TagFieldView {
  /** The comma-separated names as typed or saved. */
  readonly tags: string
  /** Names the picker marked as new (its hidden `new_tags` list), kept across a refused save. */
  readonly newTags: string
  /** Names a refused save found to be no tag: each gets a "Create tag" checkbox. */
  readonly unknownTags: readonly string[]
}

/** The tags field with its suggestions list (filled by the editor script from /desk/tags.json) and the create choices. */
export function tagField(v: TagFieldView): SafeHtml {
  const create = v.unknownTags.length
    ? html`<fieldset class="new-tags" id="f-new-tags"><legend>Not tags yet</legend>
${v.unknownTags.map((name) => html`<label class="check"><input type="checkbox"${OF_FORM} name="new_tag:${slugify(name)}" value="1"> Create tag “${name}”</label>`)}
<span class="hint">Tick the ones to create as new topics and save again, or correct the spelling above.</span></fieldset>`
    : EMPTY
  return html`<div class="field tag-picker" data-suggest="/desk/tags.json"><label for="f-tags">Tags</label>
<div class="tag-input"><input id="f-tags"${OF_FORM} name="tags" type="text" maxlength="3000" value="${v.tags}" autocomplete="off" aria-describedby="f-tags-hint">
<ul class="suggestions" id="f-tags-suggestions" role="listbox" aria-label="Matching tags" hidden></ul></div>
<input type="hidden"${OF_FORM} name="new_tags" value="${v.newTags}">
<span class="hint" id="f-tags-hint">Comma-separated. Names that are no tag yet are made into topics only when you choose “Create tag”.</span>
${create}</div>`
}
