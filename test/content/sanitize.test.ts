// The one body sanitizer: what it strips, what it keeps, and the rel it puts on links (src/content/sanitize.ts).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { INLINE_MAX_CHARS, MAX_NESTING, sanitizeBody, sanitizeBodyAsync } from '../../src/content/sanitize.ts'
import { AppError } from '../../src/errors.ts'

test('script and style elements are removed with their content', () => {
  const out = sanitizeBody('<p>Hi<script>alert(1)</script><style>p{color:red}</style> there</p><noscript>x</noscript>')
  assert.equal(out, '<p>Hi there</p>')
})

test('event-handler and style attributes are removed', () => {
  const out = sanitizeBody('<p onclick="steal()" style="color:red" class="x">Text</p><img src="/media/a.jpg" alt="A" onerror="steal()">')
  assert.doesNotMatch(out, /onclick|onerror|style=|class=|steal/)
  assert.match(out, /<p>Text<\/p>/)
  assert.match(out, /<img src="\/media\/a.jpg" alt="A" \/>/)
})

test('javascript:, data: and protocol-relative URLs are dropped from links and images', () => {
  const out = sanitizeBody([
    '<a href="javascript:alert(1)">a</a>', '<a href="jav&#x09;ascript:alert(1)">b</a>', '<a href="JAVASCRIPT:alert(1)">c</a>',
    '<a href="//evil.example">d</a>', '<a href="/\\evil.example">e</a>', '<img src="data:image/png;base64,AAAA">',
    '<img src="javascript:alert(1)">', '<img src="//evil.example/x.png">',
  ].join(''))
  assert.doesNotMatch(out, /javascript|data:|evil/i)
  assert.match(out, /<a>a<\/a><a>b<\/a><a>c<\/a><a>d<\/a><a>e<\/a>/)
})

test('iframes are kept only for allowlisted https embed hosts, and made lazy', () => {
  const out = sanitizeBody([
    '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video"></iframe>',
    '<iframe src="https://evil.example/embed"></iframe>',
    '<iframe src="https://www.youtube.com.evil.example/x"></iframe>',
    '<iframe src="https://evil.example/?www.youtube.com"></iframe>',
    '<iframe src="http://www.youtube.com/embed/x"></iframe>',
    '<iframe src="//player.vimeo.com/video/1"></iframe>',
  ].join(''))
  assert.equal(out, '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Video" loading="lazy"></iframe>')
})

test('the article structure is kept: paragraphs, subheads, pull quotes, figures, images, lists, links', () => {
  const body = [
    '<h2>Background</h2>', '<p>First <strong>strong</strong> and <em>em</em>.</p>',
    '<blockquote class="pull-quote">A quote</blockquote>',
    '<figure class="image"><img src="/media/2026/a.jpg" alt="Alt text" width="800" height="600"><figcaption>Caption</figcaption></figure>',
    '<ul><li>one</li></ul>', '<ol start="3"><li>three</li></ol>', '<p><a href="/news/other">inside</a></p>',
  ].join('')
  const out = sanitizeBody(body)
  assert.match(out, /<h2>Background<\/h2>/)
  assert.match(out, /<p>First <strong>strong<\/strong> and <em>em<\/em>.<\/p>/)
  assert.match(out, /<blockquote class="pull-quote">A quote<\/blockquote>/)
  assert.match(out, /<figure class="image"><img src="\/media\/2026\/a.jpg" alt="Alt text" width="800" height="600" \/><figcaption>Caption<\/figcaption><\/figure>/)
  assert.match(out, /<ul><li>one<\/li><\/ul><ol start="3"><li>three<\/li><\/ol>/)
  assert.match(out, /<a href="\/news\/other">inside<\/a>/)
})

test('classes outside the allowlist are removed, allowed ones kept', () => {
  assert.equal(sanitizeBody('<blockquote class="pull-quote evil">q</blockquote>'), '<blockquote class="pull-quote">q</blockquote>')
  assert.equal(sanitizeBody('<figure class="wide big">f</figure>'), '<figure class="wide">f</figure>')
})

test('elements outside the allowlist are unwrapped, keeping their text', () => {
  // Blocks leave a line break where they were (read as a space); inline elements leave nothing.
  assert.equal(sanitizeBody('<h1>Big</h1><div>Box</div><span>s</span>'), 'Big\nBox\ns')
})

test('b and i become strong and em', () => {
  assert.equal(sanitizeBody('<p><b>bold</b> <i>it</i></p>'), '<p><strong>bold</strong> <em>it</em></p>')
})

test('external links get rel="noopener noreferrer", replacing whatever rel the author set', () => {
  assert.equal(sanitizeBody('<a href="https://example.org/x" rel="follow">x</a>'), '<a href="https://example.org/x" rel="noopener noreferrer">x</a>')
  assert.equal(sanitizeBody('<a href="HTTP://EXAMPLE.ORG">x</a>'), '<a href="HTTP://EXAMPLE.ORG" rel="noopener noreferrer">x</a>')
})

test('internal and mailto links carry no rel at all', () => {
  assert.equal(sanitizeBody('<a href="/tag/energy" rel="nofollow">t</a>'), '<a href="/tag/energy">t</a>')
  assert.equal(sanitizeBody('<a href="mailto:desk@example.org" rel="x">m</a>'), '<a href="mailto:desk@example.org">m</a>')
})

test('text is escaped and the result is trimmed', () => {
  assert.equal(sanitizeBody('  <p>1 &lt; 2 &amp; "q"</p>  '), '<p>1 &lt; 2 &amp; "q"</p>')
})

test('sanitizing is idempotent: clean output passes through unchanged', () => {
  const once = sanitizeBody('<p onclick="x">a <a href="https://e.org">e</a></p><figure class="image"><img src="/media/a.jpg" alt="A"><figcaption>c</figcaption></figure>')
  assert.equal(sanitizeBody(once), once)
})

const tooDeep = (field: string) => (err: unknown): boolean =>
  err instanceof AppError && err.kind === 'Invalid' && err.field === field && /nests elements deeper than 200 levels/.test(err.message)

test('a body nesting deeper than the limit is refused with AppError Invalid naming the field; at the limit it is kept', () => {
  assert.equal(MAX_NESTING, 200)
  assert.throws(() => sanitizeBody('<b>'.repeat(MAX_NESTING + 1)), tooDeep('body_html'))
  assert.throws(() => sanitizeBody(`<div>${'<span>'.repeat(MAX_NESTING)}</div>`, 'page_about_body'), tooDeep('page_about_body'))
  const atLimit = `${'<em>'.repeat(MAX_NESTING)}x${'</em>'.repeat(MAX_NESTING)}`
  assert.equal(sanitizeBody(atLimit), atLimit)
})

test("the parser's own depth is checked too, whatever the pre-scan reads: an empty comment does not hide what follows", () => {
  assert.throws(() => sanitizeBody(`<!-->${'<b>'.repeat(MAX_NESTING + 50)}x-->`), tooDeep('body_html'))
})

test('iframes refused in bulk are dropped with their content, and the rest of the body is kept', () => {
  const body = '<p>k</p><iframe src="http://www.youtube.com/embed/x">fallback <b>text</b></iframe>'.repeat(500)
  assert.equal(sanitizeBody(body), '<p>k</p>'.repeat(500))
})

test('sanitizeBody takes only short input; sanitizeBodyAsync cleans long input the same way, in the worker', async () => {
  const unit = '<p onclick="x()">One <b>bold</b> <a href="javascript:alert(1)">link</a></p><script>alert(1)</script>'
  const long = unit.repeat(Math.ceil((2 * INLINE_MAX_CHARS) / unit.length))
  assert.throws(() => sanitizeBody(long), RangeError)
  assert.equal(await sanitizeBodyAsync(long), sanitizeBody(unit).repeat(long.length / unit.length))
  await assert.rejects(sanitizeBodyAsync('<i>'.repeat(INLINE_MAX_CHARS)), tooDeep('body_html'))
  assert.equal(await sanitizeBodyAsync(unit), sanitizeBody(unit), 'short input is cleaned inline')
})

test('a removed block leaves a break, so the text on either side of it does not run together', () => {
  const bookmark = '<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://x.example/"><div class="kg-bookmark-content">'
    + '<div class="kg-bookmark-title">Platforms</div><div class="kg-bookmark-description">A shared movement</div></div></a></figure>'
  const out = sanitizeBody(bookmark)
  assert.doesNotMatch(out, /PlatformsA/)
  assert.match(out, /Platforms\sA shared movement/)
  assert.equal(sanitizeBody('Intro<div>one</div><section>two</section>end'), 'Intro\none\ntwo\nend')
  // In preformatted text the break is a new line, as the blocks were.
  assert.equal(sanitizeBody('<pre><div>a</div><div>b</div></pre>'), '<pre>a\nb\n</pre>')
})

test('h5 and h6 become h4, definition lists become a strong term paragraph and a definition paragraph', () => {
  assert.equal(sanitizeBody('<h5>Five</h5><h6 id="x">Six</h6>'), '<h4>Five</h4><h4>Six</h4>')
  assert.equal(sanitizeBody('<dl><dt>Quorum</dt><dd>The least number of members.</dd><dt>Recess<dd>A break.</dl>'),
    '<p><strong>Quorum</strong></p><p>The least number of members.</p><p><strong>Recess</strong></p><p>A break.</p>')
})

test('video and audio stay, always with controls and never autoplay, with http(s) sources only', () => {
  const out = sanitizeBody([
    '<video src="https://media.example/a.mp4" autoplay muted loop onplay="steal()" poster="javascript:alert(1)" width="640"></video>',
    '<audio src="javascript:alert(1)" autoplay></audio>',
    '<video><source src="https://media.example/b.webm" type="video/webm"><source src="data:video/mp4;base64,AAAA"></video>',
  ].join(''))
  assert.equal(out, '<video src="https://media.example/a.mp4" width="640" controls></video><audio controls></audio>'
    + '<video controls><source src="https://media.example/b.webm" type="video/webm" /><source /></video>')
  assert.equal(sanitizeBody(out), out)
})
