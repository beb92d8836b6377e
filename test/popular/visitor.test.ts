// Visitor de-duplication on a fixed clock: once per visitor and article per 30 minutes, a daily secret, bounded memory.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ADDRESS_CAP, ADDRESS_WINDOW_MS, createVisitorDedupe, DEDUPE_WINDOW_MS } from '../../src/popular/visitor.ts'
import { fixedClock } from '../support/build-test-app.ts'

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'
const MIN = 60_000

test('the same visitor and article count once within 30 minutes and again after', () => {
  const clock = fixedClock(Date.UTC(2026, 10, 27, 9))
  const d = createVisitorDedupe({ clock })
  assert.equal(d.firstView('203.0.113.7', UA, 1), true)
  assert.equal(d.firstView('203.0.113.7', UA, 1), false)
  clock.set(clock.now() + DEDUPE_WINDOW_MS - 1)
  assert.equal(d.firstView('203.0.113.7', UA, 1), false)
  clock.set(clock.now() + 1)
  assert.equal(d.firstView('203.0.113.7', UA, 1), true)
})

test('the window runs from the counted view, not from the last repeat', () => {
  const clock = fixedClock(Date.UTC(2026, 10, 27, 9))
  const d = createVisitorDedupe({ clock })
  assert.equal(d.firstView('203.0.113.7', UA, 1), true)
  clock.set(clock.now() + 20 * MIN)
  assert.equal(d.firstView('203.0.113.7', UA, 1), false)
  clock.set(clock.now() + 10 * MIN)
  assert.equal(d.firstView('203.0.113.7', UA, 1), true)
})

test('another article, address or user agent is another view', () => {
  const d = createVisitorDedupe({ clock: fixedClock() })
  assert.equal(d.firstView('203.0.113.7', UA, 1), true)
  assert.equal(d.firstView('203.0.113.7', UA, 2), true)
  assert.equal(d.firstView('198.51.100.23', UA, 1), true)
  assert.equal(d.firstView('203.0.113.7', `${UA} Other`, 1), true)
  // The parts are separated, so moving characters between them makes another key.
  assert.equal(d.firstView('203.0.113.71', UA, 1), true)
  assert.equal(d.size, 5)
})

test('a new UTC day brings a new secret and forgets yesterday’s visitors', () => {
  const clock = fixedClock(Date.UTC(2026, 10, 27, 23, 50))
  const d = createVisitorDedupe({ clock })
  assert.equal(d.firstView('203.0.113.7', UA, 1), true)
  assert.equal(d.size, 1)
  clock.set(Date.UTC(2026, 10, 28, 0, 5))
  assert.equal(d.firstView('203.0.113.7', UA, 1), true)
  assert.equal(d.size, 1)
})

test('expired pairs are dropped, and memory never holds more than maxEntries', () => {
  const clock = fixedClock(Date.UTC(2026, 10, 27, 9))
  const d = createVisitorDedupe({ clock, maxEntries: 100 })
  for (let i = 0; i < 250; i++) d.firstView(`10.0.0.${i}`, UA, 1)
  assert.equal(d.size, 100)
  // The oldest were forgotten to make room; the newest are still known.
  assert.equal(d.firstView('10.0.0.249', UA, 1), false)
  clock.set(clock.now() + DEDUPE_WINDOW_MS)
  d.firstView('192.0.2.1', UA, 1)
  assert.equal(d.size, 1)
})

test('one address counts at most three views of an article an hour, however many user agents it rotates', () => {
  const clock = fixedClock(Date.UTC(2026, 10, 27, 9))
  const d = createVisitorDedupe({ clock })
  let counted = 0
  for (let i = 0; i < 400; i++) if (d.firstView('203.0.113.7', `Mozilla/5.0 (X11; Linux x86_64) Chrome/${100 + i}.0`, 1)) counted++
  assert.equal(counted, ADDRESS_CAP)
  // Another article from the same address has its own allowance.
  assert.equal(d.firstView('203.0.113.7', 'Mozilla/5.0 Chrome/999.0', 2), true)
  // The allowance comes back when the hour since the address's first counted view has passed.
  clock.set(clock.now() + ADDRESS_WINDOW_MS - 1)
  assert.equal(d.firstView('203.0.113.7', 'Mozilla/5.0 Chrome/1000.0', 1), false)
  clock.set(clock.now() + 1)
  assert.equal(d.firstView('203.0.113.7', 'Mozilla/5.0 Chrome/1000.0', 1), true)
})

test('views from distinct addresses all count, whatever the cap', () => {
  const clock = fixedClock(Date.UTC(2026, 10, 27, 9))
  const d = createVisitorDedupe({ clock })
  let counted = 0
  for (let i = 0; i < 400; i++) if (d.firstView(`198.51.${i >> 8}.${i & 255}`, UA, 1)) counted++
  assert.equal(counted, 400)
})
