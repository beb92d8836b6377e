// Calendar dates in the site's time zone: what "from 2022-11-01 to 2022-11-30" means in instants.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether `value` is a real calendar date written YYYY-MM-DD (2022-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return y >= 1900 && y <= 9999 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/**
 * One formatter per time zone and use: building an Intl.DateTimeFormat costs tens of microseconds and ICU memory outside
 * the JavaScript heap, and an archive request needs half a dozen. The zones are the site's (few), but the map is bounded.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(use: 'parts' | 'date', timeZone: string): Intl.DateTimeFormat {
  const key = `${use} ${timeZone}`
  let f = formatters.get(key)
  if (!f) {
    if (formatters.size >= 64) formatters.clear()
    f = use === 'parts'
      ? new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      })
      : new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(key, f)
  }
  return f
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds. */
function zoneOffset(ms: number, timeZone: string): number {
  const parts = formatter('parts', timeZone).formatToParts(new Date(ms))
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return asUtc - Math.floor(ms / 1000) * 1000
}

/** Day starts already computed: an archive request needs two, each three zone lookups, and readers ask for the same days. */
const dayStarts = new Map<string, number>()

/** The instant a calendar day starts in `timeZone` (epoch ms). `date` must satisfy isCalendarDate. */
export function startOfDay(date: string, timeZone: string): number {
  const key = `${timeZone} ${date}`
  let start = dayStarts.get(key)
  if (start === undefined) {
    if (dayStarts.size >= 4096) dayStarts.clear()
    start = computeStartOfDay(date, timeZone)
    dayStarts.set(key, start)
  }
  return start
}

function computeStartOfDay(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const utcMidnight = Date.UTC(y, m - 1, d)
  // Two passes settle the offset on days when it changes (DST transitions).
  let guess = utcMidnight - zoneOffset(utcMidnight, timeZone)
  guess = utcMidnight - zoneOffset(guess, timeZone)
  // Where midnight itself is skipped (DST starting at 00:00, e.g. America/Santiago), the guess lands in the
  // evening before: the day then begins at the transition, which the offset in force before it gives.
  if (calendarDate(guess, timeZone) !== date) guess = utcMidnight - zoneOffset(guess, timeZone)
  return guess
}

/** The instant the day after `date` starts: the exclusive end of an inclusive `to` date. */
export function startOfNextDay(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
  return startOfDay(next, timeZone)
}

/** The calendar date (YYYY-MM-DD) of an instant in `timeZone`. */
export function calendarDate(ms: number, timeZone: string): string {
  return formatter('date', timeZone).format(new Date(ms))
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

/**
 * The instant of a `datetime-local` value ("2026-11-28T09:30") in `timeZone`, or null when it is not a real time.
 * A time skipped by a DST change resolves to the same wall-clock time under the offset in force before it.
 */
export function instantOfLocal(value: string, timeZone: string): number | null {
  const m = LOCAL.exec(value)
  if (!m) return null
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number]
  const asUtc = Date.UTC(y, mo - 1, d, h, mi)
  const check = new Date(asUtc)
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null
  // Two passes settle the offset when it changes between the guess and the answer.
  let guess = asUtc - zoneOffset(asUtc, timeZone)
  guess = asUtc - zoneOffset(guess, timeZone)
  return guess
}

/** Instant `ms` as a `datetime-local` value ("2026-11-28T09:30") in `timeZone`. */
export function localOfInstant(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffset(ms, timeZone)).toISOString().slice(0, 16)
}

