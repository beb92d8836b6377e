// Admission to the event loop: per-turn budget, FIFO queue, waiting deadline and in-flight limit (src/web/admission.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createAdmission, type AdmissionOptions, type Outcome } from '../../src/web/admission.ts'

/** A fake loop: a clock moved by hand, and deferred callbacks run as the check phase of a turn would run them. */
function fakeLoop() {
  let now = 0
  let deferred: (() => void)[] = []
  return {
    now: () => now,
    advance: (ms: number) => { now += ms },
    defer: (fn: () => void) => { deferred.push(fn) },
    /** Ends the current turn: runs what was deferred before it ended (what they defer runs at the end of the next one). */
    endTurn() {
      const due = deferred
      deferred = []
      for (const fn of due) fn()
    },
  }
}

const options = (o: Partial<AdmissionOptions> = {}): AdmissionOptions => ({ turnBudgetMs: 20, queueWaitMs: 1000, maxInFlight: 0, maxQueue: 100, ...o })

test('one turn admits work until its budget is spent; the rest is admitted in later turns in arrival order', () => {
  const loop = fakeLoop()
  const admission = createAdmission(options(), loop)
  const events: string[] = []
  // Each admitted request works 15 ms of the loop's time, as a render on SQLite does, inside the callback.
  const request = (name: string) => admission.admit((outcome: Outcome) => {
    events.push(`${name}:${outcome}`)
    if (outcome === 'go') loop.advance(15)
  })
  for (const name of ['a', 'b', 'c', 'd']) request(name)
  // a (0 ms) and b (15 ms < 20) fit in the first turn's budget; c and d wait.
  assert.deepEqual(events, ['a:go', 'b:go'])
  assert.equal(admission.queued, 2)
  loop.endTurn() // the first turn's budget is spent: nobody else starts in it
  assert.deepEqual(events, ['a:go', 'b:go'])
  loop.endTurn()
  assert.deepEqual(events, ['a:go', 'b:go', 'c:go', 'd:go'], 'c and d share the next turn (15 ms < 20)')
  assert.equal(admission.queued, 0)
})

test('a request that waited longer than the queue allows is shed, not served late', () => {
  const loop = fakeLoop()
  const admission = createAdmission(options({ queueWaitMs: 500 }), loop)
  const events: string[] = []
  admission.admit(() => loop.advance(30))
  admission.admit((o) => events.push(`late:${o}`))
  loop.advance(600)
  loop.endTurn()
  loop.endTurn()
  assert.deepEqual(events, ['late:shed'])
})

test('without a queue, requests beyond the turn budget are shed at once', () => {
  const loop = fakeLoop()
  const admission = createAdmission(options({ queueWaitMs: 0 }), loop)
  const outcomes: Outcome[] = []
  admission.admit((o) => { outcomes.push(o); loop.advance(25) })
  admission.admit((o) => outcomes.push(o))
  assert.deepEqual(outcomes, ['go', 'shed'])
})

test('a full queue sheds newcomers at the door', () => {
  const loop = fakeLoop()
  const admission = createAdmission(options({ maxQueue: 2 }), loop)
  const outcomes: Outcome[] = []
  admission.admit(() => loop.advance(25))
  for (let i = 0; i < 3; i++) admission.admit((o) => outcomes.push(o))
  assert.deepEqual(outcomes, ['shed'])
  assert.equal(admission.queued, 2)
})

test('no more than maxInFlight admitted requests are unanswered; an answer lets the next one in', () => {
  const loop = fakeLoop()
  const admission = createAdmission(options({ maxInFlight: 2 }), loop)
  const outcomes: string[] = []
  for (const name of ['a', 'b', 'c']) admission.admit((o) => outcomes.push(`${name}:${o}`))
  assert.deepEqual(outcomes, ['a:go', 'b:go'])
  loop.endTurn()
  loop.endTurn()
  assert.deepEqual(outcomes, ['a:go', 'b:go'], 'c waits while two are unanswered')
  assert.equal(admission.inFlight, 2)
  admission.release()
  loop.endTurn()
  assert.deepEqual(outcomes, ['a:go', 'b:go', 'c:go'])
  assert.equal(admission.inFlight, 2)
})

test('a zero turn budget admits everything at once', () => {
  const loop = fakeLoop()
  const admission = createAdmission(options({ turnBudgetMs: 0 }), loop)
  const outcomes: Outcome[] = []
  for (let i = 0; i < 5; i++) admission.admit((o) => { outcomes.push(o); loop.advance(100) })
  assert.deepEqual(outcomes, ['go', 'go', 'go', 'go', 'go'])
})
