// Crawler detection by user agent: bots, link previews, monitors, headless browsers and HTTP libraries are not readers.

/**
 * Substrings (matched case-insensitively) that mark a user agent as automated. Generic words come first; the named
 * ones cover agents whose user agent contains none of them.
 */
const PATTERNS: readonly string[] = [
  // generic
  'bot', 'crawl', 'spider', 'slurp', 'scraper', 'fetcher', 'archiver', 'indexer', 'monitor', 'checker', 'preview', 'scanner',
  'headless', 'phantomjs', 'lighthouse', 'pagespeed', 'ptst/', 'prerender', 'http://', 'https://', '@',
  // HTTP libraries and command-line tools
  'curl', 'wget', 'libwww', 'lwp-', 'httpie', 'python-requests', 'python-urllib', 'aiohttp', 'httpx', 'scrapy',
  'node-fetch', 'undici', 'axios', 'got (', 'okhttp', 'go-http-client', 'java/', 'apache-httpclient', 'jakarta',
  'ruby', 'faraday', 'guzzlehttp', 'php/', 'perl', 'libcurl', 'winhttp', 'wrk', 'apachebench', 'ab/', 'k6/', 'jmeter',
  'postmanruntime', 'insomnia', 'dart:io', 'reqwest', 'hackney', 'electron-fetch', 'nutch', 'heritrix',
  // link previews and social cards (not app names: the in-app browsers of LinkedIn, Pinterest or Flipboard carry real readers)
  'facebookexternalhit', 'facebookcatalog', 'meta-externalagent', 'skypeuripreview', 'embedly', 'quora link preview', 'vkshare',
  'flipboardproxy', 'iframely', 'outbrain', 'nuzzel', 'w3c_validator', 'validator.nu', 'feedfetcher', 'feedburner', 'feedly', 'newsblur', 'inoreader',
  // search engines, SEO, AI and archive agents whose names lack the generic words
  'mediapartners-google', 'adsbot', 'google-inspectiontool', 'google-read-aloud', 'googleother', 'google-extended',
  'storebot', 'apis-google', 'bingpreview', 'yandexmetrika', 'yandexwebmaster', 'exabot', 'seznam', 'qwantify', 'ia_archiver',
  'archive.org', 'chatgpt-user', 'gptbot', 'oai-searchbot', 'claude', 'anthropic', 'perplexity', 'cohere-ai', 'bytespider',
  'ccbot', 'diffbot', 'ahrefs', 'semrush', 'mj12', 'dotbot', 'petalbot', 'dataforseo', 'screaming frog', 'sitebulb',
  'uptimerobot', 'pingdom', 'statuscake', 'site24x7', 'datadog', 'newrelic', 'synthetic', 'cloudflare', 'netcraft', 'censys',
  'zgrab', 'masscan', 'nmap', 'nessus', 'qualys', 'gomez', 'catchpoint', 'rigor', 'dareboost', 'webpagetest', 'gtmetrix',
]

const MATCHER = new RegExp(PATTERNS.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'i')

/** The longest user agent looked at; real browsers stay well below it, and a longer one is not a reader's. */
const MAX_UA_LENGTH = 512

/** Whether a request with this user agent comes from a crawler or a program rather than a reader; no user agent counts as a crawler. */
export function isCrawler(userAgent: string | undefined): boolean {
  if (userAgent === undefined) return true
  const ua = userAgent.trim()
  // Every browser sends "Mozilla/…"; anything without it (or absurdly long or short) is a program.
  if (ua.length < 20 || ua.length > MAX_UA_LENGTH || !ua.startsWith('Mozilla/')) return true
  return MATCHER.test(ua)
}
