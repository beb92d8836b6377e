// The newsletter form's input, checked field by field: each failure is AppError('Invalid') naming its field.

import { isLanguageTag } from '../domain/language.ts'
import { CADENCES, normalizeEmail, type Cadence } from '../domain/newsletter.ts'
import { isSlug } from '../domain/slug.ts'
import { AppError } from '../errors.ts'
import type { NewsletterFields } from '../store/newsletters.ts'
import { optionalText, requiredText, slugInput } from './desk-input.ts'

export interface NewsletterInput {
  readonly slug?: unknown
  readonly name?: unknown
  readonly description?: unknown
  readonly language?: unknown
  readonly senderName?: unknown
  readonly senderAddress?: unknown
  readonly replyTo?: unknown
  readonly cadence?: unknown
  readonly sendTime?: unknown
  readonly sendWeekday?: unknown
  readonly autoSend?: unknown
  /** Section slugs, comma- or space-separated, or a list. */
  readonly sections?: unknown
}

const RESERVED: ReadonlySet<string> = new Set(['confirm', 'manage', 'unsubscribe'])
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

function address(value: unknown, field: string, label: string, required: boolean): string | null {
  if (!required && (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))) return null
  const email = normalizeEmail(value)
  if (email === null) throw new AppError('Invalid', `${label} is not a valid email address`, field)
  return email
}

/** The fields to save, from the desk's form or the API; `knownSections` are the slugs of existing sections. */
export function newsletterFields(input: NewsletterInput, knownSections: ReadonlySet<string>): NewsletterFields {
  const name = requiredText(input.name, 'name', 'The name', 120)
  const slug = slugInput(input.slug)
  // These are the reader's own pages under /newsletters/.
  if (RESERVED.has(slug)) throw new AppError('Invalid', `"${slug}" is a reserved address`, 'slug')
  const description = optionalText(input.description, 'description', 'The description', 1000)
  const language = typeof input.language === 'string' ? input.language.trim() : ''
  if (!isLanguageTag(language)) throw new AppError('Invalid', 'the language is a language tag such as en or pt-BR', 'language')
  const senderName = requiredText(input.senderName, 'senderName', 'The sender name', 120)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f"<>]/.test(senderName)) throw new AppError('Invalid', 'the sender name may not hold quotes, angle brackets or line breaks', 'senderName')
  const senderAddress = address(input.senderAddress, 'senderAddress', 'The sender address', true)!
  const replyTo = address(input.replyTo, 'replyTo', 'The reply-to address', false)
  const cadence = (CADENCES as readonly unknown[]).includes(input.cadence) ? input.cadence as Cadence : null
  if (cadence === null) throw new AppError('Invalid', 'the cadence is manual, daily or weekly', 'cadence')
  let sendTime: string | null = null
  let sendWeekday: number | null = null
  if (cadence !== 'manual') {
    const t = typeof input.sendTime === 'string' ? input.sendTime.trim() : ''
    if (!TIME.test(t)) throw new AppError('Invalid', 'the time is HH:MM (24 hours, the site’s time zone)', 'sendTime')
    sendTime = t
  }
  if (cadence === 'weekly') {
    const d = Number(input.sendWeekday)
    if (!Number.isInteger(d) || d < 1 || d > 7) throw new AppError('Invalid', 'choose the day of the week', 'sendWeekday')
    sendWeekday = d
  }
  const autoSend = input.autoSend === true || input.autoSend === 'on' || input.autoSend === '1' || input.autoSend === 'true'
  const rawSections = Array.isArray(input.sections) ? input.sections : typeof input.sections === 'string' ? input.sections.split(/[\s,]+/) : []
  const sections = [...new Set(rawSections.map((s) => String(s).trim()).filter(Boolean))]
  if (sections.length > 20) throw new AppError('Invalid', 'choose at most 20 sections', 'sections')
  for (const s of sections) {
    if (!isSlug(s) || !knownSections.has(s)) throw new AppError('Invalid', `there is no section "${s.slice(0, 60)}"`, 'sections')
  }
  return { slug, name, description, language, senderName, senderAddress, replyTo, cadence, sendTime, sendWeekday, autoSend, sections }
}
