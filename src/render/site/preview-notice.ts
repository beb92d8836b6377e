// The page a preview link shows once the article has changed since the link was made.

import { html, type SafeHtml } from '../html.ts'
import { layout } from '../layout.ts'
import type { RenderContext } from '../context.ts'

/** Says that the link is of an earlier version and asks for a new one; it shows nothing of the article. */
export function previewSupersededPage(ctx: RenderContext): SafeHtml {
  const title = 'This preview is of an earlier version'
  return layout(ctx, { title, description: title, path: '/', noindex: true }, html`
<section class="error-page">
<h1>${title}</h1>
<p class="error-detail">The article has been changed since this preview link was made, so the link no longer shows it.
Ask the person who sent it for a new link.</p>
<p><a href="/">Go to the front page</a></p>
</section>`)
}
