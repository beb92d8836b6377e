// Calendar dates in a time zone: validation and the instants days start at (src/domain/calendar.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { calendarDate, isCalendarDate, startOfDay, startOfNextDay } from '../../src/domain/calendar.ts'

const at = (iso: string): number => Date.parse(iso)
const HOUR = 3_600_000

test('isCalendarDate accepts real dates written YYYY-MM-DD, including 29 February of a leap year', () => {
  for (const d of ['2022-11-01', '2024-02-29', '2000-02-29', '1900-01-01', '9999-12-31']) assert.ok(isCalendarDate(d), d)
})

test('isCalendarDate rejects days that do not exist and months past 12', () => {
  for (const d of ['2022-02-30', '2022-13-01', '2023-02-29', '1900-02-29', '2022-04-31', '2022-00-10', '2022-01-00']) {
    assert.equal(isCalendarDate(d), false, d)
  }
})

test('isCalendarDate rejects other spellings and years out of range', () => {
  for (const d of ['', '2022-2-3', '22-02-03', '2022/02/03', '2022-02-03T00:00', ' 2022-02-03', '1899-12-31', '0000-01-01', 'abcd-ef-gh']) {
    assert.equal(isCalendarDate(d), false, JSON.stringify(d))
  }
})

test('in UTC a day starts at midnight UTC and the next one 24 hours later', () => {
  assert.equal(startOfDay('2026-11-20', 'UTC'), at('2026-11-20T00:00:00Z'))
  assert.equal(startOfNextDay('2026-11-20', 'UTC'), at('2026-11-21T00:00:00Z'))
})

test('startOfNextDay rolls over months and years', () => {
  assert.equal(startOfNextDay('2026-12-31', 'UTC'), at('2027-01-01T00:00:00Z'))
  assert.equal(startOfNextDay('2024-02-28', 'UTC'), at('2024-02-29T00:00:00Z'))
  assert.equal(startOfNextDay('2023-02-28', 'UTC'), at('2023-03-01T00:00:00Z'))
})

test('in Asia/Almaty (UTC+5) a day starts at 19:00 UTC the evening before', () => {
  assert.equal(startOfDay('2026-11-21', 'Asia/Almaty'), at('2026-11-20T19:00:00Z'))
  assert.equal(startOfNextDay('2026-11-20', 'Asia/Almaty'), at('2026-11-20T19:00:00Z'))
  assert.equal(calendarDate(at('2026-11-20T20:30:00Z'), 'Asia/Almaty'), '2026-11-21')
})

test('in Europe/Berlin the day clocks go forward lasts 23 hours', () => {
  assert.equal(startOfDay('2026-03-29', 'Europe/Berlin'), at('2026-03-28T23:00:00Z'))
  assert.equal(startOfNextDay('2026-03-29', 'Europe/Berlin'), at('2026-03-29T22:00:00Z'))
  assert.equal(startOfNextDay('2026-03-29', 'Europe/Berlin') - startOfDay('2026-03-29', 'Europe/Berlin'), 23 * HOUR)
})

test('in Europe/Berlin the day clocks go back lasts 25 hours', () => {
  assert.equal(startOfDay('2026-10-25', 'Europe/Berlin'), at('2026-10-24T22:00:00Z'))
  assert.equal(startOfNextDay('2026-10-25', 'Europe/Berlin'), at('2026-10-25T23:00:00Z'))
  assert.equal(startOfNextDay('2026-10-25', 'Europe/Berlin') - startOfDay('2026-10-25', 'Europe/Berlin'), 25 * HOUR)
})

test('where DST begins at midnight the day starts at the transition, not in the evening before', () => {
  // America/Santiago moves from -04 to -03 at 00:00 on 6 September 2026: local midnight never happens.
  assert.equal(startOfDay('2026-09-06', 'America/Santiago'), at('2026-09-06T04:00:00Z'))
  assert.equal(calendarDate(startOfDay('2026-09-06', 'America/Santiago'), 'America/Santiago'), '2026-09-06')
  assert.equal(startOfNextDay('2026-09-05', 'America/Santiago'), at('2026-09-06T04:00:00Z'))
})

test('the start of a day is always on that day in its zone, and an instant before it is on the day before', () => {
  const zones = ['UTC', 'Asia/Almaty', 'Europe/Berlin', 'America/New_York', 'America/Santiago', 'Pacific/Kiritimati', 'Asia/Kolkata']
  const days = ['2026-01-01', '2026-03-08', '2026-03-29', '2026-04-05', '2026-09-06', '2026-10-25', '2026-11-01', '2026-12-31']
  for (const zone of zones) {
    for (const day of days) {
      const start = startOfDay(day, zone)
      assert.equal(calendarDate(start, zone), day, `${day} ${zone}`)
      assert.notEqual(calendarDate(start - 1000, zone), day, `${day} ${zone}`)
      assert.equal(startOfNextDay(day, zone) > start, true)
    }
  }
})
