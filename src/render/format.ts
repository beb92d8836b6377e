// Dates and numbers as readers see them, in the site's time zone.

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string, kind: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${timeZone}|${kind}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', kind === 'date'
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

function format(ms: number, timeZone: string, kind: 'date' | 'dateTime' | 'iso'): string {
  const key = `${kind} ${timeZone} ${ms}`
  let text = formatted.get(key)
  if (text === undefined) {
    if (formatted.size >= 20_000) formatted.clear()
    text = kind === 'iso' ? new Date(ms).toISOString() : formatter(timeZone, kind).format(ms)
    formatted.set(key, text)
  }
  return text
}

/** "27 November 2026". */
export const formatDate = (ms: number, timeZone: string): string => format(ms, timeZone, 'date')

/** "27 November 2026, 09:00". */
export const formatDateTime = (ms: number, timeZone: string): string => format(ms, timeZone, 'dateTime')

/** ISO 8601 in UTC, for `datetime` attributes and structured data. */
export const isoTime = (ms: number): string => format(ms, 'UTC', 'iso')
