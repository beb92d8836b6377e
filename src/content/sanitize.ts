// The one sanitizer: every path that stores an article body or page passes through this allowlist.

import { createRequire } from 'node:module'
import type sanitizeHtml from 'sanitize-html'
import type { SanitizedHtml } from '../domain/sanitized-html.ts'
import { AppError } from '../errors.ts'
import { nestsDeeperThan } from './nesting-depth.ts'
import { createSanitizePool, type CleanOutcome, type SanitizePool } from './sanitize-pool.ts'

/**
 * How deeply a body may nest elements. htmlparser2 and sanitize-html do work proportional to the depth for every tag
 * (200,000 nested `<b>` took 65 s), so the depth bounds the cost per character; editor output nests under 20.
 */
export const MAX_NESTING = 200
/** Bodies up to this many characters are cleaned inline (about 10 ms at most); longer ones in the worker thread. */
export const INLINE_MAX_CHARS = 64 * 1024

/** Hosts whose players may be embedded in an iframe; anything else is dropped. */
const EMBED_HOSTS = ['www.youtube-nocookie.com', 'www.youtube.com', 'player.vimeo.com', 'framatube.org', 'peertube.tv']

/** What a refused iframe leaves in the output, removed in one pass at the end. */
const REFUSED_IFRAME = '<iframe></iframe>'

/** Whether an iframe's src is https on one of the embed hosts (sanitize-html checks the host again). */
const isEmbedSource = (src: string): boolean =>
  src.startsWith('https://') && URL.canParse(src) && EMBED_HOSTS.includes(new URL(src).hostname)

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'a', 'br', 'hr', 'ul', 'ol', 'li',
    'blockquote', 'cite', 'q', 'figure', 'figcaption', 'img', 'small', 'code', 'pre', 'abbr',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'iframe', 'aside', 'video', 'audio', 'source',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'hreflang'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'data-media-id'],
    iframe: ['src', 'title', 'width', 'height', 'allowfullscreen', 'loading'],
    // data-quote names the quote stored beside the body (editorial/quotes.ts): the mark an editor put on the text.
    blockquote: ['class', 'cite', 'data-quote'],
    q: ['data-quote'],
    figure: ['class'],
    aside: ['class'],
    abbr: ['title'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
    // Players with the browser's controls, never autoplay: a reader starts the sound.
    video: ['src', 'controls', 'width', 'height', 'poster', 'preload'],
    audio: ['src', 'controls', 'preload'],
    source: ['src', 'type'],
    // A definition term, made a paragraph marked for its <strong> (see DEFINITION_TERM).
    p: ['data-term'],
  },
  allowedClasses: {
    blockquote: ['pull-quote'],
    figure: ['embed', 'embed-video', 'image', 'wide'],
    aside: ['embed-card'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'], video: ['http', 'https'], audio: ['http', 'https'], source: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster'],
  allowProtocolRelative: false,
  allowedIframeHostnames: EMBED_HOSTS,
  allowIframeRelativeUrls: false,
  transformTags: {
    // External links never get the opener; rel is ours to set, not the author's.
    a: (tagName, attribs) => {
      const href = attribs.href ?? ''
      const external = /^https?:\/\//i.test(href)
      const out: Record<string, string> = { ...attribs }
      if (external) out.rel = 'noopener noreferrer'
      else delete out.rel
      return { tagName, attribs: out }
    },
    // An iframe must be https from an embed host, or it goes with its content: it becomes a bare <iframe></iframe>,
    // removed after. Not an exclusiveFilter, which cuts the output string on every refusal (quadratic for a body of
    // many bad iframes), nor a rename to a refused tag, after which sanitize-html renames the next end tag too.
    // What an iframe holds is never shown and reaches us as raw text, escaped anew on every pass: it is dropped.
    iframe: (tagName, attribs) => isEmbedSource(attribs.src ?? '')
      ? { tagName, attribs: { ...attribs, loading: 'lazy' }, text: '' }
      : { tagName, attribs: {}, text: '' },
    b: 'strong',
    i: 'em',
    // Headings below h4 and definition lists are not in the allowlist: they become structure that is, not run-on text.
    h5: 'h4',
    h6: 'h4',
    dt: (_tagName, _attribs) => ({ tagName: 'p', attribs: { 'data-term': '' } }),
    dd: (_tagName, _attribs) => ({ tagName: 'p', attribs: {} }),
    video: (tagName, attribs) => ({ tagName, attribs: { ...attribs, controls: '' } }),
    audio: (tagName, attribs) => ({ tagName, attribs: { ...attribs, controls: '' } }),
  },
  // SVG and MathML go with their content: inside them htmlparser2 reads markup by foreign rules (no implied end
  // tags), so what they held would come out nested in ways that a second pass reads differently.
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'template', 'svg', 'math'],
}

/**
 * Block elements outside the allowlist. Unwrapping one used to join the text on either side of it ("Platforms" and "A
 * shared movement" of a Ghost bookmark card read "PlatformsA shared movement"): a line break goes before and after each,
 * which reads as a space in running text and as a new line in <pre>. The break goes after each end tag, and before a
 * start tag that follows text.
 */
const BLOCK_NAMES = 'div|section|article|header|footer|main|nav|address|details|summary|dl|fieldset|form|center|hgroup|h1'
/** An end tag of such a block, and a start tag right after text (not after another tag, where no text can run on). */
const UNWRAPPED_BLOCK_END = new RegExp(`</(?:${BLOCK_NAMES})\\s*>`, 'gi')
const UNWRAPPED_BLOCK_START = new RegExp(`(?<=[^>\\s])<(?:${BLOCK_NAMES})(?=[\\s/>])`, 'gi')

/** A definition term (`dt`, made `<p data-term="">`) as a paragraph of strong text; a paragraph never holds another. */
const DEFINITION_TERM = /<p data-term(?:="")?>([\s\S]*?)<\/p>/g

/** Thrown out of the parser's callbacks to stop it once the nesting passes the limit. */
const TOO_DEEP = new Error('nesting too deep')

const ALLOWED_TAGS = new Set(OPTIONS.allowedTags || [])

/**
 * sanitize-html with the options above. It brings htmlparser2 and postcss (some 60 modules, a tenth of a start's module
 * loading) that only writes need, so it is required, synchronously, when the first body is cleaned rather than when the
 * server starts: that first clean takes some 50 ms more.
 */
let loaded: { readonly sanitize: typeof sanitizeHtml; readonly options: sanitizeHtml.IOptions } | undefined
function sanitizer(): NonNullable<typeof loaded> {
  if (loaded) return loaded
  const sanitize = createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtml
  return loaded = { sanitize, options: { ...OPTIONS, selfClosing: [...sanitize.defaults.selfClosing, 'source'] } }
}

/** One pass of sanitize-html, counting the parser's depth; says whether any element was taken out or unwrapped. */
function cleanOnce(dirty: string): { html: string; unwrapped: boolean } {
  let depth = 0
  let unwrapped = false
  const { sanitize, options } = sanitizer()
  const html = sanitize(dirty.replace(UNWRAPPED_BLOCK_END, '$&\n').replace(UNWRAPPED_BLOCK_START, '\n$&'), {
    ...options,
    onOpenTag: (name) => {
      if (++depth > MAX_NESTING) throw TOO_DEEP
      if (!ALLOWED_TAGS.has(name)) unwrapped = true
    },
    onCloseTag: () => {
      depth--
    },
  })
  return { html: html.replaceAll(REFUSED_IFRAME, '').replace(DEFINITION_TERM, '<p><strong>$1</strong></p>').trim(), unwrapped }
}

/**
 * Cleans untrusted HTML down to the allowlist, as plain markup, or null when it nests deeper than MAX_NESTING. The
 * pre-scan refuses such input before parsing; the parser's own depth, counted as it goes, is the exact check behind it.
 * Work is linear in the length. Only this module and the sanitizer's worker call it.
 */
export function cleanMarkup(dirty: string): string | null {
  // Nothing to clean, and nothing to load the sanitizer for (editorial/article-input.ts cleans '' as it loads).
  if (dirty === '') return ''
  if (nestsDeeperThan(dirty, MAX_NESTING)) return null
  try {
    let pass = cleanOnce(dirty)
    // Taking out an element can change how the rest reads (`<h2><div><h3>` nests the h3; `<h2><h3>` ends the h2 first),
    // so markup that lost elements is cleaned again until it reads the same: what is stored is what a later save keeps.
    for (let more = 2; pass.unwrapped && more > 0; more--) {
      const again = cleanOnce(pass.html)
      if (again.html === pass.html) break
      pass = again
    }
    return pass.html
  } catch (err) {
    if (err === TOO_DEEP) return null
    throw err
  }
}

const tooDeep = (field: string): AppError =>
  new AppError('Invalid', `the body nests elements deeper than ${MAX_NESTING} levels`, field)

/**
 * Cleans untrusted HTML of at most INLINE_MAX_CHARS characters down to the article allowlist, on the calling thread; the
 * only synchronous producer of SanitizedHtml. Throws AppError('Invalid', field) when it nests deeper than MAX_NESTING.
 * Longer input is a programming error (RangeError): it must go through sanitizeBodyAsync, off the event loop.
 */
export function sanitizeBody(dirty: string, field = 'body_html'): SanitizedHtml {
  if (dirty.length > INLINE_MAX_CHARS) throw new RangeError(`sanitizeBody takes at most ${INLINE_MAX_CHARS} characters; use sanitizeBodyAsync`)
  const clean = cleanMarkup(dirty)
  if (clean === null) throw tooDeep(field)
  return clean as SanitizedHtml
}

let pool: SanitizePool | null = null
/** The worker pool, created on the first large body; the worker module imports cleanMarkup from this file. */
const sharedPool = (): SanitizePool => (pool ??= createSanitizePool({
  workerUrl: new URL('./sanitize-worker.ts', import.meta.url), maxWaiting: 4, timeoutMs: 15_000,
}))

/** Turns the worker's outcome into SanitizedHtml or the AppError the user sees. */
function fromOutcome(outcome: CleanOutcome, field: string): SanitizedHtml {
  if ('html' in outcome) return outcome.html as SanitizedHtml
  if (outcome.refused === 'too-deep') throw tooDeep(field)
  if (outcome.refused === 'busy') throw new AppError('TooMany', 'the server is cleaning several long texts at once; try again in a moment')
  throw new AppError('Invalid', 'the body took too long to clean; simplify its markup or split it', field)
}

/**
 * Cleans untrusted HTML of any length down to the article allowlist, like sanitizeBody: inline when short, in a worker
 * thread when longer than INLINE_MAX_CHARS, so other requests keep being answered. Throws AppError('Invalid', field) when
 * it nests too deeply or takes too long, AppError('TooMany') when several long bodies already wait.
 */
export async function sanitizeBodyAsync(dirty: string, field = 'body_html'): Promise<SanitizedHtml> {
  if (dirty.length <= INLINE_MAX_CHARS) return sanitizeBody(dirty, field)
  return fromOutcome(await sharedPool().clean(dirty), field)
}

/**
 * Marks HTML read back from the store as sanitized: every write path stored it through sanitizeBody,
 * so this is a re-assertion of that invariant, not a bypass. Only store/ calls it.
 */
export const storedSanitizedHtml = (html: string): SanitizedHtml => html as SanitizedHtml
