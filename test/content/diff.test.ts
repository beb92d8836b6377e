// Word diffs of revisions and field changes (src/content/diff.ts).

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { bodyText, compareSnapshots, MAX_DIFF_CELLS, wordDiff } from '../../src/content/diff.ts'
import type { RevisionSnapshot } from '../../src/domain/revision.ts'
import { storedSanitizedHtml } from '../../src/content/sanitize.ts'

const joined = (segments: readonly { op: string; text: string }[], keep: 'before' | 'after') =>
  segments.filter((s) => s.op === 'same' || s.op === (keep === 'before' ? 'removed' : 'added')).map((s) => s.text).join('')

test('a replaced word shows as removed then added, between unchanged runs', () => {
  const { segments, truncated } = wordDiff('The vote was held on Sunday.', 'The vote was postponed on Sunday.')
  assert.deepEqual(segments, [
    { op: 'same', text: 'The vote was' }, { op: 'removed', text: ' held' }, { op: 'added', text: ' postponed' }, { op: 'same', text: ' on Sunday.' },
  ])
  assert.equal(truncated, false)
})

test('identical texts are one unchanged run, and empty texts no runs at all', () => {
  assert.deepEqual(wordDiff('same words here', 'same words here').segments, [{ op: 'same', text: 'same words here' }])
  assert.deepEqual(wordDiff('', '').segments, [])
  assert.deepEqual(wordDiff('', 'new text').segments, [{ op: 'added', text: 'new text' }])
  assert.deepEqual(wordDiff('old text', '').segments, [{ op: 'removed', text: 'old text' }])
})

test('inserted and deleted words in the middle are found by the longest common subsequence', () => {
  const before = 'Observers from ten countries watched the count in Almaty'
  const after = 'Observers from twelve countries closely watched the count'
  const { segments } = wordDiff(before, after)
  assert.equal(joined(segments, 'before'), before)
  assert.equal(joined(segments, 'after'), after)
  assert.deepEqual(segments.filter((s) => s.op !== 'same').map((s) => `${s.op}:${s.text.trim()}`),
    ['removed:ten', 'added:twelve', 'added:closely', 'removed:in Almaty'])
})

test('whitespace differences alone are not changes', () => {
  assert.deepEqual(wordDiff('a  b\nc', 'a b c').segments.map((s) => s.op), ['same'])
})

test('a changed middle too large to align is shown as wholly removed and added, and marked truncated', () => {
  const size = Math.ceil(Math.sqrt(MAX_DIFF_CELLS)) + 10
  const before = ['start', ...Array.from({ length: size }, (_, i) => `a${i}`), 'end'].join(' ')
  const after = ['start', ...Array.from({ length: size }, (_, i) => `b${i}`), 'end'].join(' ')
  const { segments, truncated } = wordDiff(before, after)
  assert.equal(truncated, true)
  assert.deepEqual(segments.map((s) => s.op), ['same', 'removed', 'added', 'same'])
  assert.equal(joined(segments, 'after'), after)
})

test('body text keeps a blank line between paragraphs and decodes entities', () => {
  assert.equal(bodyText('<p>One &amp; two</p><blockquote><p>Quoted</p></blockquote><ul><li>Item</li></ul>'), 'One & two\n\nQuoted\n\nItem')
})

const snapshot = (over: Partial<RevisionSnapshot> = {}): RevisionSnapshot => ({
  title: 'Election day', slug: 'election-day', standfirst: 'Polls open.', bodyHtml: storedSanitizedHtml('<p>First paragraph.</p><p>Second.</p>'),
  section: 'news', genre: 'news', language: 'en', tags: ['elections'], authors: ['newsroom'], heroMediaId: null, heroCaption: null, heroCredit: null, seoTitle: '',
  seoDescription: '', editorsChoiceRank: null, ...over,
})

test('comparing snapshots diffs title, standfirst and body by word and lists only the other fields that changed', () => {
  const cmp = compareSnapshots(snapshot(), snapshot({
    title: 'Election night', bodyHtml: storedSanitizedHtml('<p>First paragraph.</p><p>Second, revised.</p>'),
    tags: ['elections', 'kazakhstan'], section: 'analysis',
  }))
  assert.deepEqual(cmp.title, [{ op: 'same', text: 'Election' }, { op: 'removed', text: ' day' }, { op: 'added', text: ' night' }])
  assert.deepEqual(cmp.standfirst, [{ op: 'same', text: 'Polls open.' }])
  assert.deepEqual(cmp.body, [{ op: 'same', text: 'First paragraph.' }, { op: 'removed', text: '\n\nSecond.' }, { op: 'added', text: '\n\nSecond, revised.' }])
  assert.deepEqual(cmp.fields, [
    { field: 'section', before: 'news', after: 'analysis' },
    { field: 'tags', before: 'elections', after: 'elections, kazakhstan' },
  ])
  assert.equal(cmp.truncated, false)
})
