// Parsing readers' search input and building engine expressions from it.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { MAX_QUERY_CHARS, isSearchable, parseQuery, toFts5Match, toSearchExpression, toTsquery, toWebsearch, wantedWords } from '../../src/search/query.ts'
import { stemmerOf } from '../../src/text/stem.ts'
import { foldWord, snippet, wordMatcher } from '../../src/search/snippet.ts'

test('plain words become lower-case terms that must all match', () => {
  const q = parseQuery('Gas  PIPELINE')
  assert.deepEqual(q, { include: [['gas'], ['pipeline']], exclude: [] })
  assert.equal(toFts5Match(q), '{title standfirst body} : "gas" AND {title standfirst body} : "pipeline"')
  assert.equal(toWebsearch(q), '"gas" "pipeline"')
  assert.equal(toTsquery(q), "'gas' & 'pipeline'")
})

test('quoted text is a phrase, and a missing closing quote ends it at the end of the input', () => {
  assert.deepEqual(parseQuery('"Caspian Sea" oil').include, [['caspian', 'sea'], ['oil']])
  assert.deepEqual(parseQuery('oil "black sea').include, [['oil'], ['black', 'sea']])
})

test('a minus before a word or a phrase excludes it', () => {
  const q = parseQuery('election -runoff -"second round"')
  assert.deepEqual(q.exclude, [['runoff'], ['second', 'round']])
  assert.equal(toFts5Match(q), '{title standfirst body} : "election" NOT {title standfirst body} : "runoff" NOT {title standfirst body} : "second round"')
  assert.equal(toTsquery(q), "'election' & !'runoff' & !('second' <-> 'round')")
  assert.equal(toWebsearch(q), '"election" -"runoff" -"second round"')
})

test('a word with inner punctuation is searched as a phrase of its parts', () => {
  assert.deepEqual(parseQuery('e-mail').include, [['e', 'mail']])
  assert.deepEqual(parseQuery('-a-b'), { include: [], exclude: [['a', 'b']] })
})

test('FTS5 and SQL syntax become plain quoted words and never reach the engine as syntax', () => {
  for (const input of ['"', '*', 'OR', 'NEAR(', 'a OR b', 'x AND y', 'NOT', "'; drop table articles; --", 'title:x', 'a*', '^start', '(a', '{a b}:c', '""""', '\\', '\u0000']) {
    const expr = toFts5Match(parseQuery(input), stemmerOf('en'))
    // Outside quotes only column filters, parentheses, OR (between the forms of one word), AND and NOT from the builder.
    const FORM = String.raw`(?:\{title standfirst body\} : "[\p{L}\p{N}\p{M}\p{Co} ]+"|\(\{title standfirst body\} : "[\p{L}\p{N}\p{M}\p{Co}]+" OR \{title_stems standfirst_stems body_stems\} : "[\p{L}\p{N}\p{M}\p{Co}]+"\))`
    assert.match(expr, new RegExp(`^(?:${FORM}(?:(?: AND | NOT )${FORM})*)?$`, 'u'), `${input} → ${expr}`)
    const tsquery = toTsquery(parseQuery(input), stemmerOf('en'))
    assert.doesNotMatch(tsquery.replace(/'(?:[^']|'')*'/g, ''), /[^\s()&|!<\->]/, `${input} → ${tsquery}`)
  }
  assert.equal(toFts5Match(parseQuery('a OR b')), '{title standfirst body} : "a" AND {title standfirst body} : "or" AND {title standfirst body} : "b"')
  assert.equal(toWebsearch(parseQuery('a OR b')), '"a" "or" "b"')
  assert.equal(toFts5Match(parseQuery('NEAR(a b)')), '{title standfirst body} : "near a" AND {title standfirst body} : "b"')
})

test('empty, blank, punctuation-only and exclusion-only input has nothing to search', () => {
  for (const input of ['', '   ', '"', '*', '- -', '-"', '-gas', '!!!']) {
    const q = parseQuery(input)
    assert.equal(isSearchable(q), false, input)
    assert.equal(toFts5Match(q), '')
    assert.equal(toWebsearch(q), '')
  }
})

test('very long input is cut, and repeated words count once', () => {
  const q = parseQuery('word '.repeat(1000))
  assert.deepEqual(q.include, [['word']])
  const many = parseQuery(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ') + 'x'.repeat(MAX_QUERY_CHARS))
  assert.ok(many.include.length <= 12)
  assert.ok(toFts5Match(many).length < 1000)
})

test('words are folded as the engines fold them, and when highlighting', () => {
  assert.deepEqual(parseQuery('Zürich Ёлка').include, [['zurich'], ['елка']])
  assert.equal(foldWord('Zürich'), 'zurich')
  assert.deepEqual([...wantedWords(parseQuery('"black sea" Zürich'))], ['black', 'sea', 'zurich'])
})

test('a snippet marks the searched words, whatever their case or accents, in the densest passage', () => {
  const text = `${'Filler words here. '.repeat(30)}Talks in Zurich on the GAS deal. ${'More filler. '.repeat(30)}`
  const s = snippet(text, wordMatcher(wantedWords(parseQuery('zürich gas'))))
  assert.equal(s.hits, 2)
  assert.deepEqual(s.parts.filter((p) => p.mark).map((p) => p.text), ['Zurich', 'GAS'])
  assert.equal(s.parts[0]!.text, '… ')
  assert.equal(s.parts.at(-1)!.text.endsWith(' …'), true)
})

test('a snippet of text without hits is its beginning, unmarked', () => {
  const s = snippet('One two three.', wordMatcher(['nothing']))
  assert.equal(s.hits, 0)
  assert.deepEqual(s.parts, [{ text: 'One two three.', mark: false }])
  assert.deepEqual(snippet('', wordMatcher(['x'])).parts, [])
})

test('a word is searched in every form by its stem, a phrase only as written', () => {
  const en = toSearchExpression(parseQuery('agents "secret agents"'), { language: 'en' })
  assert.equal(en.sqlite, '({title standfirst body} : "agents" OR {title_stems standfirst_stems body_stems} : "agent") AND {title standfirst body} : "secret agents"')
  assert.equal(en.postgres.terms, "('agents' | '~agent') & ('secret' <-> 'agents')")
  const ru = toSearchExpression(parseQuery('выборах'), { language: 'ru' })
  assert.equal(ru.postgres.terms, "('выборах' | '~выбор')")
  assert.equal(toSearchExpression(parseQuery('agents'), { stems: false }).postgres.terms, "'agents'")
})
