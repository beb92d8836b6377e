// Crawler detection: browsers count, bots, previews, monitors, headless browsers and HTTP tools do not.

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isCrawler } from '../../src/popular/crawlers.ts'

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 YaBrowser/24.4.0.0 Safari/537.36',
  'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36 OPR/82.0.0.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29',
]

const CRAWLERS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36',
  'Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)',
  'Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)',
  'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Mozilla/5.0 (compatible; facebookexternalhit/1.1)',
  'Twitterbot/1.0', 'TelegramBot (like TwitterBot)', 'WhatsApp/2.23.20.0', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'curl/8.5.0', 'Wget/1.21.4', 'python-requests/2.32.3', 'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)', 'node', 'undici',
  'Go-http-client/1.1', 'axios/1.7.2', 'okhttp/4.12.0', 'Java/17.0.2', 'Apache-HttpClient/4.5.14 (Java/17)', 'PostmanRuntime/7.39.0',
  'Mozilla/5.0 (compatible; GPTBot/1.2; +https://openai.com/gptbot)', 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)',
  'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)', 'Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)',
  'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse',
  'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)', 'wrk',
]

test('real browsers are not crawlers', () => {
  for (const ua of BROWSERS) assert.equal(isCrawler(ua), false, ua)
})

test('bots, link previews, monitors, headless browsers and HTTP libraries are crawlers', () => {
  for (const ua of CRAWLERS) assert.equal(isCrawler(ua), true, ua)
})

test('a request without a user agent, or with an empty, short or huge one, is a crawler', () => {
  assert.equal(isCrawler(undefined), true)
  assert.equal(isCrawler(''), true)
  assert.equal(isCrawler('   '), true)
  assert.equal(isCrawler('Mozilla/5.0'), true)
  assert.equal(isCrawler(`${BROWSERS[0]} ${'x'.repeat(1000)}`), true)
})

test('matching ignores case', () => {
  assert.equal(isCrawler('Mozilla/5.0 (compatible; SOMEBOT/1.0)'), true)
  assert.equal(isCrawler('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) headlesschrome/126.0 Safari/537.36'), true)
})
