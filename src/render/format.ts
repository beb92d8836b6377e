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

/** "27 November 2026". */
export const formatDate = (ms: number, timeZone: string): string => formatter(timeZone, 'date').format(ms)

/** "27 November 2026, 09:00". */
export const formatDateTime = (ms: number, timeZone: string): string => formatter(timeZone, 'dateTime').format(ms)

/** ISO 8601 in UTC, for `datetime` attributes and structured data. */
export const isoTime = (ms: number): string => new Date(ms).toISOString()
