// Dates and numbers as readers see them, in the site's time zone.

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string, kind: 'date' | 'dateTime', locale: string): Intl.DateTimeFormat {
  const key = `${timeZone}|${kind}|${locale}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, kind === 'date'
      ? { timeZone, day: 'numeric', month: 'long', year: 'numeric' }
      : { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    formatters.set(key, f)
  }
  return f
}

/**
 * Formatted instants, by zone, kind and instant: a listing formats forty dates (a few µs each through ICU), and the
 * same articles' times come back on every page. Bounded; the map is emptied when full.
 */
const formatted = new Map<string, string>()

function format(ms: number, timeZone: string, kind: 'date' | 'dateTime' | 'iso', locale = 'en-GB'): string {
  const key = `${kind} ${timeZone} ${locale} ${ms}`
  let text = formatted.get(key)
  if (text === undefined) {
    if (formatted.size >= 20_000) formatted.clear()
    text = kind === 'iso' ? new Date(ms).toISOString() : formatter(timeZone, kind, locale).format(ms)
    formatted.set(key, text)
  }
  return text
}

/** "27 November 2026" (en-GB), "27 ноября 2026 г." (ru-RU). */
export const formatDate = (ms: number, timeZone: string, locale?: string): string => format(ms, timeZone, 'date', locale)

/** "27 November 2026, 09:00" (en-GB). */
export const formatDateTime = (ms: number, timeZone: string, locale?: string): string => format(ms, timeZone, 'dateTime', locale)

/** ISO 8601 in UTC, for `datetime` attributes and structured data. */
export const isoTime = (ms: number): string => format(ms, 'UTC', 'iso')

const dayMonths = new Map<string, Intl.DateTimeFormat>()
/** A day and short month ("4 Sep") in `timeZone`, for column heads where the year is plain from the context. */
export function formatDayMonth(ms: number, timeZone: string, locale = 'en-GB'): string {
  const key = `${locale}|${timeZone}`
  let f = dayMonths.get(key)
  if (!f) dayMonths.set(key, f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }))
  return f.format(ms)
}
