// SafeHtml templates, safeUrl and jsonScript: HTML escaped by construction (src/render/html.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { EMPTY, escapeHtml, html, jsonScript, SafeHtml, safeUrl, trusted } from '../../src/render/html.ts'
import { sanitizeBody } from '../../src/content/sanitize.ts'

test('interpolated strings are escaped in element content', () => {
  assert.equal(html`<h1>${'<script>alert(1)</script>'}</h1>`.value, '<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>')
  assert.equal(html`<p>${'Tom & Jerry'}</p>`.value, '<p>Tom &amp; Jerry</p>')
})

test('quotes are escaped so a value cannot leave its attribute', () => {
  assert.equal(html`<a title="${'" onmouseover="x'}">`.value, '<a title="&quot; onmouseover=&quot;x">')
  assert.equal(html`<a title='${"' onmouseover='x"}'>`.value, "<a title='&#39; onmouseover=&#39;x'>")
  assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;')
})

test('SafeHtml values pass through unescaped', () => {
  const inner = html`<em>${'a<b'}</em>`
  assert.ok(inner instanceof SafeHtml)
  assert.equal(html`<p>${inner}</p>`.value, '<p><em>a&lt;b</em></p>')
  assert.equal(html`${trusted(sanitizeBody('<p>ok</p>'))}`.value, '<p>ok</p>')
  assert.equal(String(inner), '<em>a&lt;b</em>')
})

test('arrays are joined without separators, each item escaped or trusted on its own', () => {
  assert.equal(html`<ul>${['<a>', html`<li>x</li>`, ['b', html`<i></i>`]]}</ul>`.value, '<ul>&lt;a&gt;<li>x</li>b<i></i></ul>')
})

test('null, undefined and false render as nothing; 0 and true render as text', () => {
  assert.equal(html`[${null}][${undefined}][${false}][${EMPTY}]`.value, '[][][][]')
  assert.equal(html`[${0}][${true}][${42}]`.value, '[0][true][42]')
})

test('safeUrl keeps site-relative paths and http, https and mailto URLs', () => {
  for (const u of ['/news', '/tag/energy?page=2', 'https://example.org/a', 'http://example.org', 'HTTPS://EXAMPLE.ORG', 'mailto:desk@example.org']) {
    assert.equal(safeUrl(u), u)
  }
  assert.equal(safeUrl('  /news  '), '/news')
})

test('safeUrl turns javascript:, data:, vbscript: and relative-without-slash URLs into "#"', () => {
  for (const u of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x', 'news/x', '']) {
    assert.equal(safeUrl(u), '#', JSON.stringify(u))
  }
})

test('safeUrl rejects protocol-relative URLs, also when spelled with a backslash or a tab', () => {
  for (const u of ['//evil.example', '//evil.example/x', '/\\evil.example', '\\\\evil.example', '/\t/evil.example', '/\n/evil.example']) {
    assert.equal(safeUrl(u), '#', JSON.stringify(u))
  }
})

test('jsonScript output parses back to the same data', () => {
  const data = { headline: 'A "quoted" <b>title</b>', n: 1, list: ['\u2028', '\u2029'] }
  assert.deepEqual(JSON.parse(jsonScript(data).value), data)
})

test('jsonScript cannot be closed by </script> or open a comment', () => {
  const out = jsonScript({ headline: '</script><script>alert(1)</script><!--' }).value
  assert.doesNotMatch(out, /</)
  assert.match(out, /\\u003c\/script>/)
  assert.doesNotMatch(jsonScript({ s: '\u2028\u2029' }).value, /[\u2028\u2029]/)
})
