// The linear nesting pre-scan: what counts as nesting and what does not (src/content/nesting-depth.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { nestsDeeperThan } from '../../src/content/nesting-depth.ts'

test('open elements deeper than the limit are caught, up to the limit they pass', () => {
  assert.equal(nestsDeeperThan('<b>'.repeat(11), 10), true)
  assert.equal(nestsDeeperThan('<b>'.repeat(10), 10), false)
  assert.equal(nestsDeeperThan(`${'<DIV class="x">'.repeat(11)}</div>`, 10), true, 'upper-case names and attributes')
  assert.equal(nestsDeeperThan('<p>x</p>'.repeat(1000), 10), false, 'siblings do not nest')
})

test('end tags that close nothing open do not make the nesting shallower', () => {
  assert.equal(nestsDeeperThan('<b></i>'.repeat(11), 10), true)
  assert.equal(nestsDeeperThan(`${'<b><i>'.repeat(6)}</b>`, 10), true, 'an end tag closes only from its own element up')
})

test('an end tag closes the elements opened inside its element', () => {
  assert.equal(nestsDeeperThan(`<div>${'<b><i>'.repeat(4)}</div>`.repeat(100), 10), false)
})

test('void elements, unclosed paragraphs, list items and table cells are not nesting', () => {
  assert.equal(nestsDeeperThan('<br><img src="a.jpg"><hr>'.repeat(100), 10), false)
  assert.equal(nestsDeeperThan('<p>para '.repeat(100), 10), false)
  assert.equal(nestsDeeperThan(`<ul>${'<li>item'.repeat(100)}</ul>`, 10), false)
  assert.equal(nestsDeeperThan(`<table>${'<tr><td>a<td>b'.repeat(100)}</table>`, 10), false)
  assert.equal(nestsDeeperThan(`${'<p>a<div>b'.repeat(100)}`, 10), true, 'a div closes the paragraph, not itself')
})

test('markup inside quoted attributes, comments, scripts and styles is not read as elements', () => {
  assert.equal(nestsDeeperThan('<b title="</b>">'.repeat(11), 10), true, 'a quoted end tag closes nothing')
  assert.equal(nestsDeeperThan(`<a title='${'<b>'.repeat(20)}'>x</a>`, 10), false)
  assert.equal(nestsDeeperThan(`<!-- ${'<b>'.repeat(20)} -->`, 10), false)
  assert.equal(nestsDeeperThan(`<script>${'<b>'.repeat(20)}</script><style>${'<i>'.repeat(20)}</STYLE>`, 10), false)
  assert.equal(nestsDeeperThan(`<textarea>${'<b>'.repeat(20)}</textarea>${'<b>'.repeat(11)}`, 10), true, 'counting resumes after raw text')
})

test('text with stray angle brackets is not markup', () => {
  assert.equal(nestsDeeperThan('1 < 2 and <3 and <<<>>> and </ 4>'.repeat(100), 10), false)
})
