// Wall-clock times in the site's time zone, as a datetime-local field shows and sends them.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

/** The wall-clock parts of instant `ms` in `timeZone`, read back as if they were UTC. */
function wallClockAsUtc(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(ms))
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value)
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'))
}

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
  let guess = asUtc - (wallClockAsUtc(asUtc, timeZone) - asUtc)
  guess = asUtc - (wallClockAsUtc(guess, timeZone) - guess)
  return guess
}

/** Instant `ms` as a `datetime-local` value in `timeZone`. */
export function localOfInstant(ms: number, timeZone: string): string {
  return new Date(wallClockAsUtc(ms, timeZone)).toISOString().slice(0, 16)
}
