// The desk's letters: each a plain-text part and an HTML part built with `html`, so every value is escaped by construction.

import type { Letters, MailMessage } from '../../domain/mail.ts'
import { html, safeUrl, type SafeHtml } from '../html.ts'
import { formatDateTime } from '../format.ts'
import { catalogueFor } from '../../i18n/catalogues.ts'
import { fill } from '../../i18n/catalogue.ts'

// A header must be one line: a title with a line break in it cannot add headers or end them.
const oneLine = (s: string): string => s.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim().slice(0, 200)

const ROLE_NAMES: Readonly<Record<string, string>> = { contributor: 'a contributor', author: 'an author', editor: 'an editor', admin: 'an admin' }

/** The HTML document around a letter: inline styles only, since mail clients drop stylesheets. */
function letterHtml(title: string, body: SafeHtml, footer: string, language = 'en'): string {
  return html`<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f2;font-family:Georgia,'Times New Roman',serif;color:#1a1a1a">
<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px 28px;border:1px solid #ddd">
${body}
<p style="margin-top:32px;font-size:13px;color:#555">${footer}</p>
</div>
</body>
</html>`.value
}

/** A link shown as a button, with the address spelled out below it for clients that drop links. */
const button = (href: string, label: string): SafeHtml => html`<p style="margin:24px 0"><a href="${safeUrl(href)}" style="display:inline-block;padding:10px 18px;background:#1d3557;color:#ffffff;text-decoration:none;font-family:Arial,sans-serif">${label}</a></p>
<p style="font-size:13px;color:#555;word-break:break-all">${href}</p>`

const message = (kind: string, to: string, subject: string, text: string, htmlBody: string): MailMessage =>
  ({ kind, to, subject: oneLine(subject), text, html: htmlBody })

/** The letters of src/domain/mail.ts. */
export const letters: Letters = {
  invitation(v) {
    const role = ROLE_NAMES[v.role] ?? v.role
    const until = `${formatDateTime(v.expiresAt, v.timeZone)} (${v.timeZone})`
    const subject = `You are invited to the ${v.siteName} desk`
    const footer = `If you did not expect this invitation, ignore this message: nothing happens unless the link is used.`
    return message('invitation', v.to, subject,
      `${v.inviterName} has invited you to the desk of ${v.siteName} as ${role}.\n\n`
      + `Choose your password here (the link works once, until ${until}):\n${v.link}\n\n${footer}\n`,
      letterHtml(subject, html`<h1 style="font-size:22px">Welcome to the ${v.siteName} desk</h1>
<p>${v.inviterName} has invited you to the desk of ${v.siteName} as ${role}.</p>
${button(v.link, 'Choose your password')}
<p>The link works once, until ${until}.</p>`, footer))
  },

  passwordReset(v) {
    const until = `${formatDateTime(v.expiresAt, v.timeZone)} (${v.timeZone})`
    const subject = `Reset your ${v.siteName} desk password`
    const footer = 'If you did not ask for this, ignore this message: your password stays as it is.'
    return message('password-reset', v.to, subject,
      `Hello ${v.name},\n\nSomeone, probably you, asked to reset the password of your account on the ${v.siteName} desk.\n\n`
      + `Choose a new password here (the link works once, until ${until}):\n${v.link}\n\n`
      + `Setting a new password logs you out everywhere and revokes your API tokens.\n\n${footer}\n`,
      letterHtml(subject, html`<h1 style="font-size:22px">Reset your password</h1>
<p>Hello ${v.name},</p>
<p>Someone, probably you, asked to reset the password of your account on the ${v.siteName} desk.</p>
${button(v.link, 'Choose a new password')}
<p>The link works once, until ${until}. Setting a new password logs you out everywhere and revokes your API tokens.</p>`, footer))
  },

  reviewNotice(v) {
    const subject = `For review: ${v.articleTitle}`
    const footer = `You receive this as an editor of the ${v.siteName} desk.`
    return message('review-notice', v.to, subject,
      `Hello ${v.name},\n\n${v.submitterName} submitted “${v.articleTitle}” for review.\n\nOpen it in the desk:\n${v.link}\n\n${footer}\n`,
      letterHtml(subject, html`<p>Hello ${v.name},</p>
<p>${v.submitterName} submitted <strong>${v.articleTitle}</strong> for review.</p>
${button(v.link, 'Open it in the desk')}`, footer))
  },

  newsletterConfirmation(v) {
    const t = catalogueFor(v.language).newsletter
    const until = `${formatDateTime(v.expiresAt, v.timeZone)} (${v.timeZone})`
    const subject = fill(t.confirmSubject, { name: v.newsletterName })
    const intro = fill(t.confirmMail, { name: v.newsletterName, site: v.siteName, until })
    return message('newsletter-confirmation', v.to, subject, `${intro}\n${v.link}\n\n${t.confirmIgnore}\n`,
      letterHtml(subject, html`<h1 style="font-size:22px">${subject}</h1>
<p>${intro}</p>
${button(v.link, t.confirmButton)}`, t.confirmIgnore, v.language))
  },
}
