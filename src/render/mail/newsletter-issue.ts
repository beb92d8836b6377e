// A newsletter issue as a message: HTML that mail clients render (tables, inline styles, absolute image URLs with alt
// text, colours that survive dark mode) and its plain-text part. No tracking pixel, and every link is the article's own.

import { publicBodyMedia } from '../../domain/media.ts'
import { RECIPIENT_TOKEN, type IssueRenderer } from '../../domain/newsletter.ts'
import { catalogueFor } from '../../i18n/catalogues.ts'
import { fill } from '../../i18n/catalogue.ts'
import { absoluteBody } from '../feeds/feed-content.ts'
import { html, safeUrl, trusted, EMPTY, type SafeHtml } from '../html.ts'

// Text on its own light background everywhere, never text colour alone: clients that invert colours in dark mode
// invert both, and the ones that do not keep a readable pair. color-scheme tells them the message supports both.
const FONT = "font-family:Georgia,'Times New Roman',serif"
const MUTED = 'color:#4a4a4a'

const oneLine = (s: string): string => s.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim().slice(0, 200)

/** Plain text of the introduction's HTML (already sanitized): paragraphs kept, tags and entities undone. */
function introText(introHtml: string): string {
  return introHtml.replace(/<\/(p|h[1-6]|li|blockquote)>/gi, '\n\n').replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n').trim()
}

export const renderIssue: IssueRenderer = (issue, frame) => {
  const t = catalogueFor(frame.newsletter.language).newsletter
  const manage = `${frame.siteUrl}/newsletters/manage?t=${RECIPIENT_TOKEN}`
  const unsubscribe = `${frame.siteUrl}/newsletters/unsubscribe?t=${RECIPIENT_TOKEN}&n=${frame.newsletter.id}`
  const youReceive = fill(t.youReceive, { name: frame.newsletter.name, site: frame.siteName })
  const subject = oneLine(issue.subject)
  // A message is read away from the site: the introduction's links and images need absolute URLs, media ones at the
  // public media base when there is one.
  const intro = issue.introHtml && absoluteBody(publicBodyMedia(issue.introHtml, frame.mediaBase), `${frame.siteUrl}/`)

  const item = (i: typeof issue.items[number]): SafeHtml => html`<tr><td style="padding:0 0 28px 0">
${i.imageUrl ? html`<a href="${safeUrl(i.url)}"><img src="${safeUrl(i.imageUrl)}" alt="${i.imageAlt}" width="536" style="display:block;width:100%;max-width:536px;height:auto;border:0;margin:0 0 12px 0"></a>` : EMPTY}
<h2 style="margin:0 0 8px 0;font-size:20px;line-height:1.3;${FONT}"><a href="${safeUrl(i.url)}" style="color:#1d3557;text-decoration:none">${i.title}</a></h2>
${i.standfirst ? html`<p style="margin:0 0 8px 0;font-size:16px;line-height:1.5;${MUTED}">${i.standfirst}</p>` : EMPTY}
${i.note ? html`<p style="margin:0 0 8px 0;font-size:15px;line-height:1.5;font-style:italic">${i.note}</p>` : EMPTY}
<p style="margin:0;font-size:15px"><a href="${safeUrl(i.url)}" style="color:#1d3557">${t.readMore}</a></p>
</td></tr>`

  const body = html`<!doctype html>
<html lang="${frame.newsletter.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">
<title>${subject}</title></head>
<body style="margin:0;padding:0;background-color:#f4f4f2">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f2"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;color:#1a1a1a;${FONT}">
<tr><td style="padding:24px 32px 8px 32px;border-bottom:3px solid #1d3557">
<p style="margin:0;font-size:13px;letter-spacing:.08em;text-transform:uppercase;${MUTED}">${frame.siteName}</p>
<h1 style="margin:4px 0 12px 0;font-size:26px;line-height:1.2;color:#1a1a1a">${frame.newsletter.name}</h1>
</td></tr>
${intro ? html`<tr><td style="padding:20px 32px 0 32px;font-size:16px;line-height:1.6">${trusted(intro)}</td></tr>` : EMPTY}
<tr><td style="padding:24px 32px 0 32px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">${issue.items.map(item)}</table></td></tr>
<tr><td style="padding:16px 32px 24px 32px;border-top:1px solid #dddddd;font-size:13px;line-height:1.5;${MUTED}">
<p style="margin:0 0 8px 0">${youReceive}</p>
<p style="margin:0"><a href="${safeUrl(manage)}" style="color:#1d3557">${t.manageLink}</a> · <a href="${safeUrl(unsubscribe)}" style="color:#1d3557">${t.unsubscribeLink}</a></p>
</td></tr>
</table>
</td></tr></table>
</body>
</html>`

  const text = [
    `${frame.newsletter.name} · ${frame.siteName}`, '',
    ...(issue.introHtml ? [introText(issue.introHtml), ''] : []),
    ...issue.items.flatMap((i) => [i.title, ...(i.standfirst ? [i.standfirst] : []), ...(i.note ? [i.note] : []), i.url, '']),
    '--', youReceive, `${t.manageLink}: ${manage}`, `${t.unsubscribeLink}: ${unsubscribe}`, '',
  ].join('\n')
  return { subject, html: body.value, text }
}
