// Builds one realistic generated article (section, genre, headline, standfirst, body, tags, bylines) from a seeded Random.

import type { Random } from './random.ts'
import {
  countries, extraAuthors, firstNames, headings, lastNames, organisations, quotes, roles, topics, type Country, type Topic,
} from './vocabulary.ts'

export type SectionSlug = 'news' | 'opinion' | 'analysis' | 'monday-commentary'
export type GenreName = 'news' | 'opinion' | 'analysis' | 'commentary' | 'interview' | 'statement'

/** What the generator hands to createDraft, before slugs are made unique. */
export interface GeneratedArticle {
  readonly section: SectionSlug
  readonly genre: GenreName
  readonly title: string
  readonly standfirst: string
  readonly bodyHtml: string
  readonly tags: readonly string[]
  readonly authors: readonly string[]
  /** Slug of a demo image to use as the hero, or null. */
  readonly hero: string | null
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const GUESTS = ['mariam-hakobyan', 'henrik-lindqvist', ...extraAuthors.filter((a) => a.kind === 'guest').map((a) => a.slug)]
const STAFF = ['anna-kowalska', 'nino-beridze', 'timur-akhmetov', 'lucas-verhoeven', 'dilnoza-yusupova', ...extraAuthors.filter((a) => a.kind === 'staff').map((a) => a.slug)]
const TOPIC_WEIGHTS = topics.map((t) => [t, t.weight] as const)

const TITLES: Readonly<Record<GenreName, readonly string[]>> = {
  news: [
    '{Country} delays decision on {object}', '{orgShort} warns {Country} over {object}', '{City} hosts talks on {object}',
    '{Adj} parliament approves changes to {object}', 'Protests in {City} over {object}', '{Country} and {Country2} sign agreement on {object}',
    'Report finds gaps in {adj} plans for {object}', '{Detained} detained in {City} after protest over {object}', 'New figures show shift in {object} in {Country}',
    '{Adj} government reshuffle puts {object} in new hands', '{orgShort} offers {Country} support on {object}', '{Country} tightens rules on {object}',
  ],
  statement: ['Statement on {object} in {Country}', 'Joint statement on {object} after talks in {City}', 'Statement on the situation in {Country}'],
  interview: ['Interview: {Person} on {object} in {Country}', '“{ShortQuote}”: {Person} on {object}'],
  opinion: [
    'Why {Country} should rethink {object}', '{orgShort} must speak plainly about {object}', 'The quiet cost of {object} in {Country}',
    'Europe cannot ignore {object} in {Country}', 'What {Country} gets wrong about {object}', 'A better deal on {object} is within reach',
    'Stop pretending {object} is a technical question',
  ],
  analysis: [
    '{Object}, explained: what changes in {Country}', 'What {object} means for {Country}', 'How {Country} learned to live with {object}',
    'The numbers behind {object} in {Country}', 'Five questions about {object} in {Region}', 'Who gains from {object} in {Country}?',
  ],
  commentary: ['The week in {Region}: {object} and {object2}', 'Notes from {City}: {object}', 'What to watch this week: {object}', 'Monday notes: {object} in {Country}'],
}

const STANDFIRSTS: Readonly<Record<'report' | 'opinion' | 'analysis' | 'commentary', readonly string[]>> = {
  report: [
    'The {adj} government says the changes to {object} will bring stability. Critics fear they will do the opposite.',
    'A report by {org} finds that {object} has become a test of {country}’s reform promises.',
    'Talks in {city} ended without agreement on {object}, but both sides said they would meet again within weeks.',
    'Figures published this week suggest {object} is improving in {country}, though not evenly.',
    'The decision on {object} will be felt far beyond {capital}, from {city} to neighbouring {country2}.',
  ],
  opinion: [
    '{Country} has a chance to get {object} right. It should not waste it.',
    'The debate about {object} has become a proxy for a larger argument about where {country} belongs.',
    'Governments in the region keep promising progress on {object}. Here is how to tell whether they mean it.',
  ],
  analysis: [
    'Behind the headlines about {object} lies a slower story about money, institutions and geography.',
    'Everyone in {capital} has an opinion on {object}. Few have looked at the numbers.',
    '{Object} has changed more in three years than in the previous twenty. We explain why, and what comes next.',
  ],
  commentary: [
    'This week: {object} in {country}, {object2}, and what to watch in the days ahead.',
    'Good morning. A week of {object} and {object2}, and one question nobody in {capital} wants to answer.',
  ],
}

const REPORT_SENTENCES: readonly string[] = [
  'Officials in {capital} said a decision on {object} would be taken before the end of {month}.',
  'The {adj} government has argued that {object} cannot wait, pointing to pressure from {org}.',
  'Critics say the plan was drafted without consultation and leaves key questions about {object} unanswered.',
  'According to figures published by the statistics office, {object} rose by {percent} per cent over the past year.',
  'The {parliament} is expected to debate the proposal in its next session, although no date has been set.',
  'In {city}, residents told our correspondent that they had seen little change so far.',
  'Diplomats in {capital} said the issue had been raised repeatedly in talks with {org}.',
  'The dispute over {object} has simmered for years, flaring up whenever prices rise or elections approach.',
  '<a href="{orgUrl}">{OrgLong}</a> has offered technical support, but has made further funding conditional on reform.',
  'Neighbouring {country2} is watching closely, since any change to {object} will affect its own plans.',
  'More than {number} people are directly affected, according to estimates by local organisations.',
  'A report published in {year} warned that {object} was becoming one of the country’s most pressing problems.',
  'The ministry did not respond to a request for comment.',
  'Independent experts are divided over how quickly the measures can take effect.',
  'The timetable is ambitious: the first stage is due to be completed by {month} {nextYear}.',
  'Business associations welcomed the announcement but asked for clearer rules on {object2}.',
  'Opposition parties accused the government of using {object} to distract attention from {object2}.',
  'Since {year}, the share of the budget spent on {object} has roughly doubled.',
  'Much depends on {country2}, whose own approach to {object2} has shifted several times.',
  'For now, the practical effect on {object} is likely to be <strong>modest</strong>.',
  'Observers from {org} noted improvements, but also listed a number of shortcomings.',
  'The announcement came a day after talks in {city} between {adj} and {adj2} officials.',
  'Local media reported that several officials involved had been replaced in recent weeks.',
  'The central question, as one official put it privately, is <em>who pays</em>.',
]

const VIEW_SENTENCES: readonly string[] = [
  'I have followed {object} in {country} for a long time, and rarely has the debate been so confused.',
  'It is tempting to blame {capital} alone. That would be too easy.',
  'Europe’s response has been cautious to the point of timidity.',
  'The lesson is not that reform is impossible, but that it needs patience and a clear plan.',
  'We should be honest about what {org} can and cannot do.',
  'There is a better way, and it starts with {object2}.',
  'None of this is new, which is exactly why it deserves attention now.',
  'Those who warn against haste have a point, but delay has a price too, and it is paid in {city}, not in {capital}.',
]

interface Scene {
  readonly country: Country
  readonly country2: Country
  readonly topic: Topic
  readonly object: string
  readonly object2: string
  readonly org: readonly [string, string, string]
  readonly year: number
  readonly rnd: Random
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
const regionName = (c: Country): string =>
  c.region === 'eastern-europe' ? 'Eastern Europe' : c.region === 'south-caucasus' ? 'the South Caucasus' : c.region === 'central-asia' ? 'Central Asia' : c.name

/** Fills `{slot}` placeholders; a capitalised slot name capitalises the value. */
function fill(template: string, s: Scene): string {
  const r = s.rnd
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const lower = key.charAt(0).toLowerCase() + key.slice(1)
    const value = slot(lower, s, r)
    return key === lower ? value : cap(value)
  })
}

function slot(key: string, s: Scene, r: Random): string {
  switch (key) {
    case 'country': return s.country.name
    case 'country2': return s.country2.name
    case 'adj': return s.country.adj
    case 'adj2': return s.country2.adj
    case 'capital': return s.country.capital
    case 'city': return r.pick(s.country.cities)
    case 'parliament': return s.country.parliament
    case 'region': return regionName(s.country)
    case 'object': return s.object
    case 'object2': return s.object2
    case 'orgShort': return s.org[0]
    case 'org': case 'orgLong': return s.org[1]
    case 'orgUrl': return s.org[2]
    case 'person': return `${r.pick(firstNames)} ${r.pick(lastNames)}`
    case 'number': return String(r.pick([12, 40, 150, 2000, 15000, 300000]) * r.between(1, 9))
    case 'detained': return String(r.between(3, 60))
    case 'percent': return String(r.between(3, 48))
    case 'year': return String(s.year - r.between(2, 12))
    case 'nextYear': return String(s.year + r.between(1, 3))
    case 'month': return r.pick(MONTHS)
    case 'shortQuote': return r.pick(['We are not done yet', 'The rules must be the same for everyone', 'This is about trust', 'Time is running out'])
    default: return key
  }
}

function paragraph(s: Scene, pool: readonly string[]): string {
  const sentences = s.rnd.sample(pool, s.rnd.between(2, 5)).map((t) => fill(t, s))
  return `<p>${sentences.join(' ')}</p>`
}

function quote(s: Scene): string {
  const role = fill(s.rnd.pick(roles), s)
  return `<blockquote><p>“${fill(s.rnd.pick(quotes), s)},” said ${fill('{person}', s)}, ${role}.</p></blockquote>`
}

function body(s: Scene, genre: GenreName, images: readonly string[]): string {
  const r = s.rnd
  const view = genre === 'opinion' || genre === 'commentary'
  const parts: string[] = []
  const count = r.between(4, 9)
  for (let i = 0; i < count; i++) {
    parts.push(paragraph(s, view && r.chance(0.6) ? VIEW_SENTENCES : REPORT_SENTENCES))
    if (i === 1 && r.chance(0.6)) parts.push(quote(s))
    if (i === 2 && r.chance(0.5)) parts.push(`<h2>${fill(r.pick(headings), s)}</h2>`)
    if (i === 3 && r.chance(0.2)) {
      const items = r.sample(s.topic.objects, 3).map((o) => `<li><strong>${cap(o)}</strong>, where ${s.country.adj} and ${s.country2.adj} positions still differ.</li>`)
      parts.push(`<ul>${items.join('')}</ul>`)
    }
    if (i === 4 && r.chance(0.1) && images.length) {
      const img = r.pick(images)
      parts.push(`<figure><img src="/media/demo/${img}.svg" alt="Abstract illustration in muted tones"><figcaption>${cap(s.object)} in ${s.country.name}. <small>Broadsheet illustration</small></figcaption></figure>`)
    }
  }
  if (genre === 'statement') parts.push('<p><em>This statement is published in full.</em></p>')
  return parts.join('\n')
}

function pickSection(r: Random): [SectionSlug, GenreName] {
  const section = r.weighted<SectionSlug>([['news', 58], ['opinion', 17], ['analysis', 20], ['monday-commentary', 5]])
  if (section === 'news') return [section, r.weighted<GenreName>([['news', 90], ['statement', 6], ['interview', 4]])]
  return [section, section === 'monday-commentary' ? 'commentary' : section]
}

function bylines(r: Random, section: SectionSlug, genre: GenreName, country: Country): string[] {
  if (genre === 'statement') return ['newsroom']
  if (section === 'monday-commentary') return [r.chance(0.85) ? 'anna-kowalska' : r.pick(GUESTS)]
  if (section === 'opinion' && r.chance(0.6)) return [r.pick(GUESTS)]
  const first = r.chance(0.7) ? r.pick(country.desk) : r.pick(STAFF)
  if (!r.chance(0.1)) return [first]
  const second = r.pick(STAFF)
  return second === first ? [first] : [first, second]
}

function tagsFor(r: Random, s: Scene, second: Topic | null): string[] {
  const tags = [s.topic.tag, s.country.tag]
  if (s.country.region && r.chance(0.4)) tags.push(s.country.region)
  if (second) tags.push(second.tag)
  if (r.chance(0.25)) tags.push(s.country2.tag)
  if (s.org[0] === 'EU' || r.chance(0.1)) tags.push('european-union')
  if (['kazakhstan', 'azerbaijan', 'turkmenistan', 'iran', 'russia'].includes(s.country.tag) && ['energy', 'connectivity', 'trade'].includes(s.topic.tag) && r.chance(0.5)) tags.push('caspian-sea')
  if (['georgia', 'ukraine', 'turkey'].includes(s.country.tag) && ['security', 'trade', 'connectivity'].includes(s.topic.tag) && r.chance(0.5)) tags.push('black-sea')
  return [...new Set(tags)]
}

/** One article; `year` is the calendar year it is published in, `images` the demo image slugs heroes may use. */
export function buildArticle(r: Random, year: number, images: readonly string[]): GeneratedArticle {
  const [section, genre] = pickSection(r)
  const country = countries[r.zipf(countries.length, 0.6)]!
  let country2 = r.pick(countries)
  if (country2 === country) country2 = countries[(countries.indexOf(country) + 1) % countries.length]!
  const topic = r.weighted(TOPIC_WEIGHTS)
  const second = r.chance(0.5) ? r.weighted(TOPIC_WEIGHTS) : null
  const scene: Scene = {
    country, country2, topic, rnd: r, year,
    object: r.pick(topic.objects), object2: r.pick((second ?? topic).objects), org: r.pick(organisations),
  }
  const kind = genre === 'opinion' ? 'opinion' : genre === 'analysis' ? 'analysis' : genre === 'commentary' ? 'commentary' : 'report'
  return {
    section, genre,
    title: fill(r.pick(TITLES[genre]), scene),
    standfirst: fill(r.pick(STANDFIRSTS[kind]), scene),
    bodyHtml: body(scene, genre, images),
    tags: tagsFor(r, scene, second && second !== topic ? second : null),
    authors: bylines(r, section, genre, country),
    hero: images.length && r.chance(0.35) ? r.pick(images) : null,
  }
}
