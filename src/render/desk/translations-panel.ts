// The editor's Translations panel: the article's versions with their status, Add translation, link and unlink.

import type { ArticleStatus } from '../../domain/article.ts'
import { languageName } from '../../domain/language.ts'
import { html, EMPTY, type SafeHtml } from '../html.ts'
import { csrfField, type DeskContext } from './layout.ts'

/** What the panel shows of an article's translation group. */
export interface TranslationsView {
  /** Every version, the article itself included, by id. */
  readonly versions: readonly { readonly id: number; readonly language: string; readonly title: string; readonly status: ArticleStatus }[]
  /** Languages a new translation may be written in (those the group lacks), as tag and name. */
  readonly languages: readonly { readonly code: string; readonly name: string }[]
}

const STATUS: Readonly<Record<ArticleStatus, string>> = {
  draft: 'Draft', in_review: 'In review', scheduled: 'Scheduled', published: 'Published', unpublished: 'Unpublished',
}

/** The panel beside the editor of article `articleId`. */
export function translationsPanel(ctx: DeskContext, articleId: number, t: TranslationsView): SafeHtml {
  const others = t.versions.filter((v) => v.id !== articleId)
  const action = `/desk/articles/${articleId}`
  return html`<section class="translations-panel" aria-labelledby="translations-title">
<h2 id="translations-title">Translations</h2>
${others.length === 0 ? html`<p>No other language versions.</p>` : html`<ul class="versions">
${t.versions.map((v) => html`<li${v.id === articleId ? html` aria-current="true"` : EMPTY}><span lang="${v.language}">${languageName(v.language)}</span> (${v.language}):
${v.id === articleId ? html`<strong>${v.title}</strong> (this article)` : html`<a href="/desk/articles/${v.id}/edit" hreflang="${v.language}">${v.title}</a>`}
<span class="status status-${v.status}">${STATUS[v.status]}</span></li>`)}
</ul>`}
${t.languages.length === 0 ? EMPTY : html`<form method="post" action="${action}/translations" class="add-translation">${csrfField(ctx)}
<div class="field"><label for="f-translation-language">Language of the translation</label>
<select id="f-translation-language" name="language" required>${t.languages.map((l) => html`<option value="${l.code}">${l.name} (${l.code})</option>`)}</select></div>
<button type="submit">Add translation</button></form>`}
<form method="post" action="${action}/translation-group" class="link-translation">${csrfField(ctx)}
<div class="field"><label for="f-translation-of">Link as a translation of article (id)</label>
<input id="f-translation-of" name="translation_of" type="number" min="1" inputmode="numeric" required></div>
<button type="submit">Link</button></form>
${others.length === 0 ? EMPTY : html`<form method="post" action="${action}/translation-group/remove" class="unlink-translation">${csrfField(ctx)}
<button type="submit" class="danger">Unlink from its translations</button></form>`}
</section>`
}
