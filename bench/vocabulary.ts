// Words of the generated newsroom: the demo's places and topics extended to ~40 tags and 20 bylines, plus the phrases articles are built from.

import type { DemoAuthor, DemoTag } from '../src/importers/demo/demo-types.ts'

/** Tags added to the demo's 29, for about 40 in all. */
export const extraTags: readonly DemoTag[] = [
  { slug: 'economy', name: 'Economy', kind: 'topic', description: 'Growth, inflation, budgets and central banks.' },
  { slug: 'health', name: 'Health', kind: 'topic', description: 'Hospitals, medicines and public health campaigns.' },
  { slug: 'education', name: 'Education', kind: 'topic', description: 'Schools, universities and the languages they teach in.' },
  { slug: 'technology', name: 'Technology', kind: 'topic', description: 'Internet access, digital services and the rules that govern them.' },
  { slug: 'corruption', name: 'Corruption', kind: 'topic', description: 'Procurement, asset declarations and the bodies that investigate them.' },
  { slug: 'sanctions', name: 'Sanctions', kind: 'topic', description: 'Restrictive measures, their enforcement and their evasion.' },
  { slug: 'russia', name: 'Russia', kind: 'place', isoCode: 'RU' },
  { slug: 'turkey', name: 'Turkey', kind: 'place', isoCode: 'TR' },
  { slug: 'china', name: 'China', kind: 'place', isoCode: 'CN' },
  { slug: 'iran', name: 'Iran', kind: 'place', isoCode: 'IR' },
  { slug: 'afghanistan', name: 'Afghanistan', kind: 'place', isoCode: 'AF' },
  { slug: 'black-sea', name: 'Black Sea', kind: 'place', description: 'The sea, its ports and the states around it.' },
]

/** Bylines added to the demo's 8, for 20 in all. */
export const extraAuthors: readonly DemoAuthor[] = [
  { slug: 'oksana-melnyk', name: 'Oksana Melnyk', kind: 'staff', bio: 'Ukraine correspondent, based in Kyiv. She covers reconstruction, energy and the courts.' },
  { slug: 'ion-rusu', name: 'Ion Rusu', kind: 'staff', bio: 'Moldova correspondent, based in Chisinau, following the country’s path towards the EU.' },
  { slug: 'aliaksei-karpovich', name: 'Aliaksei Karpovich', kind: 'staff', bio: 'Belarus correspondent, reporting from exile in Vilnius.' },
  { slug: 'levan-tsiklauri', name: 'Levan Tsiklauri', kind: 'staff', bio: 'Reporter in Tbilisi covering parliament, elections and the Black Sea ports.' },
  { slug: 'gayane-petrosyan', name: 'Gayane Petrosyan', kind: 'staff', bio: 'Yerevan correspondent. She writes about Armenia’s security, its economy and its diaspora.' },
  { slug: 'rashad-mammadli', name: 'Rashad Mammadli', kind: 'staff', bio: 'Energy reporter covering the Caspian oil and gas industry from Baku and Istanbul.' },
  { slug: 'aidana-zhumabekova', name: 'Aidana Zhumabekova', kind: 'staff', bio: 'Bishkek correspondent, covering Kyrgyzstan and Tajikistan, glaciers and border disputes.' },
  { slug: 'farrukh-nazarov', name: 'Farrukh Nazarov', kind: 'staff', bio: 'Reporter in Tashkent on labour migration, cotton and water.' },
  { slug: 'madina-seitkali', name: 'Madina Seitkali', kind: 'staff', bio: 'Data editor. She builds the newsroom’s trackers of elections, tariffs and trade flows.' },
  { slug: 'james-whitfield', name: 'James Whitfield', kind: 'guest', bio: 'Guest contributor. A former ambassador who served in Baku and Astana.' },
  { slug: 'katarzyna-nowak', name: 'Katarzyna Nowak', kind: 'guest', bio: 'Guest contributor. She teaches international relations in Kraków.' },
  { slug: 'pieter-de-vries', name: 'Pieter de Vries', kind: 'guest', bio: 'Guest contributor. An energy economist who advised the Energy Community secretariat.' },
]

export interface Country {
  readonly tag: string
  readonly name: string
  readonly adj: string
  readonly capital: string
  readonly cities: readonly string[]
  readonly parliament: string
  /** Region tag, when the demo has one. */
  readonly region: string | null
  /** Bylines that usually cover it. */
  readonly desk: readonly string[]
}

const c = (tag: string, name: string, adj: string, capital: string, cities: string[], parliament: string, region: string | null, desk: string[]): Country =>
  ({ tag, name, adj, capital, cities: [capital, ...cities], parliament, region, desk })

export const countries: readonly Country[] = [
  c('ukraine', 'Ukraine', 'Ukrainian', 'Kyiv', ['Lviv', 'Odesa', 'Kharkiv', 'Dnipro'], 'Verkhovna Rada', 'eastern-europe', ['oksana-melnyk', 'lucas-verhoeven']),
  c('moldova', 'Moldova', 'Moldovan', 'Chisinau', ['Balti', 'Cahul', 'Comrat'], 'parliament', 'eastern-europe', ['ion-rusu']),
  c('belarus', 'Belarus', 'Belarusian', 'Minsk', ['Grodno', 'Brest', 'Gomel'], 'House of Representatives', 'eastern-europe', ['aliaksei-karpovich']),
  c('georgia', 'Georgia', 'Georgian', 'Tbilisi', ['Batumi', 'Kutaisi', 'Poti', 'Zugdidi'], 'parliament', 'south-caucasus', ['nino-beridze', 'levan-tsiklauri']),
  c('armenia', 'Armenia', 'Armenian', 'Yerevan', ['Gyumri', 'Vanadzor', 'Goris'], 'National Assembly', 'south-caucasus', ['gayane-petrosyan', 'nino-beridze']),
  c('azerbaijan', 'Azerbaijan', 'Azerbaijani', 'Baku', ['Ganja', 'Sumgait', 'Lankaran'], 'Milli Majlis', 'south-caucasus', ['rashad-mammadli']),
  c('kazakhstan', 'Kazakhstan', 'Kazakh', 'Astana', ['Almaty', 'Shymkent', 'Aktau', 'Karaganda'], 'Mazhilis', 'central-asia', ['timur-akhmetov', 'dilnoza-yusupova']),
  c('kyrgyzstan', 'Kyrgyzstan', 'Kyrgyz', 'Bishkek', ['Osh', 'Karakol', 'Naryn'], 'Jogorku Kenesh', 'central-asia', ['aidana-zhumabekova']),
  c('tajikistan', 'Tajikistan', 'Tajik', 'Dushanbe', ['Khujand', 'Khorog', 'Kulob'], 'Majlisi Oli', 'central-asia', ['aidana-zhumabekova']),
  c('turkmenistan', 'Turkmenistan', 'Turkmen', 'Ashgabat', ['Turkmenbashi', 'Mary', 'Dashoguz'], 'Mejlis', 'central-asia', ['timur-akhmetov']),
  c('uzbekistan', 'Uzbekistan', 'Uzbek', 'Tashkent', ['Samarkand', 'Termez', 'Nukus', 'Bukhara'], 'Oliy Majlis', 'central-asia', ['farrukh-nazarov', 'dilnoza-yusupova']),
  c('russia', 'Russia', 'Russian', 'Moscow', ['St Petersburg', 'Kazan', 'Astrakhan'], 'State Duma', null, ['lucas-verhoeven']),
  c('turkey', 'Turkey', 'Turkish', 'Ankara', ['Istanbul', 'Kars', 'Trabzon'], 'Grand National Assembly', null, ['rashad-mammadli']),
  c('china', 'China', 'Chinese', 'Beijing', ['Urumqi', 'Xi’an', 'Khorgos'], 'National People’s Congress', null, ['dilnoza-yusupova']),
  c('iran', 'Iran', 'Iranian', 'Tehran', ['Tabriz', 'Mashhad', 'Bandar Anzali'], 'Majlis', null, ['rashad-mammadli']),
  c('afghanistan', 'Afghanistan', 'Afghan', 'Kabul', ['Mazar-i-Sharif', 'Herat', 'Kunduz'], 'de facto authorities', null, ['farrukh-nazarov']),
]

export interface Topic {
  readonly tag: string
  /** Things a headline can be about, lower case, as they read mid-sentence. */
  readonly objects: readonly string[]
  /** How often the newsroom writes about it, relative. */
  readonly weight: number
}

export const topics: readonly Topic[] = [
  { tag: 'energy', weight: 10, objects: ['gas supplies', 'a new pipeline', 'electricity tariffs', 'a solar power plant', 'oil exports', 'the grid interconnector', 'uranium contracts', 'winter gas storage', 'a wind farm tender'] },
  { tag: 'elections', weight: 8, objects: ['the presidential vote', 'parliamentary elections', 'the electoral code', 'local elections', 'the observers’ report', 'a constitutional referendum', 'voter lists', 'campaign finance rules'] },
  { tag: 'human-rights', weight: 6, objects: ['the detention of activists', 'prison conditions', 'the right to protest', 'torture allegations', 'a ban on peaceful assembly', 'the ombudsman’s report'] },
  { tag: 'trade', weight: 7, objects: ['customs rules', 'grain exports', 'a free trade agreement', 'tariffs on steel', 'transit fees', 'the cotton harvest', 'export quotas'] },
  { tag: 'connectivity', weight: 6, objects: ['the Middle Corridor', 'a new rail link', 'port capacity', 'the Trans-Caspian route', 'a border crossing', 'ferry schedules', 'a highway upgrade'] },
  { tag: 'security', weight: 7, objects: ['the border commission', 'the peace talks', 'military exercises', 'the ceasefire', 'demining work', 'a defence agreement', 'drone attacks'] },
  { tag: 'climate', weight: 5, objects: ['glacier melt', 'the drought', 'emissions targets', 'record heat', 'the adaptation plan', 'coal phase-out plans'] },
  { tag: 'water', weight: 4, objects: ['irrigation quotas', 'the dam project', 'river data sharing', 'the shrinking Aral Sea', 'drinking water supplies', 'a new canal'] },
  { tag: 'media-freedom', weight: 5, objects: ['the broadcasting law', 'foreign agent rules', 'exiled newsrooms', 'press accreditation', 'a jailed reporter', 'blocked news sites'] },
  { tag: 'migration', weight: 4, objects: ['labour migration', 'remittances', 'visa rules', 'returning migrants', 'refugee registration', 'work permits abroad'] },
  { tag: 'rule-of-law', weight: 5, objects: ['judicial reform', 'the constitutional court', 'the vetting of judges', 'the prosecutor general’s powers', 'a new criminal code'] },
  { tag: 'diplomacy', weight: 7, objects: ['the summit', 'the association agreement', 'a joint declaration', 'the foreign ministers’ visit', 'visa liberalisation', 'the accession talks'] },
  { tag: 'economy', weight: 6, objects: ['inflation', 'interest rates', 'the budget deficit', 'the currency', 'growth forecasts', 'a privatisation programme'] },
  { tag: 'health', weight: 2, objects: ['the vaccination campaign', 'hospital funding', 'medicine prices', 'a tuberculosis programme'] },
  { tag: 'education', weight: 2, objects: ['school reform', 'university admissions', 'language teaching', 'scholarships abroad'] },
  { tag: 'technology', weight: 3, objects: ['mobile internet', 'e-government services', 'a data centre', 'digital identity cards', 'internet shutdowns'] },
  { tag: 'corruption', weight: 4, objects: ['procurement fraud', 'asset declarations', 'the anti-corruption bureau', 'an embezzlement case', 'offshore companies'] },
  { tag: 'sanctions', weight: 4, objects: ['sanctions evasion', 'dual-use exports', 'a new sanctions package', 're-exports to Russia', 'frozen assets'] },
]

/** Institutions, as a headline names them and as a sentence does, with a site to link to. */
export const organisations: readonly (readonly [short: string, long: string, url: string])[] = [
  ['EU', 'the European Union', 'https://european-union.europa.eu'],
  ['OSCE', 'the Organization for Security and Co-operation in Europe', 'https://www.osce.org'],
  ['Council of Europe', 'the Council of Europe', 'https://www.coe.int'],
  ['World Bank', 'the World Bank', 'https://www.worldbank.org'],
  ['IMF', 'the International Monetary Fund', 'https://www.imf.org'],
  ['UN', 'the United Nations', 'https://www.un.org'],
  ['EBRD', 'the European Bank for Reconstruction and Development', 'https://www.ebrd.com'],
  ['ADB', 'the Asian Development Bank', 'https://www.adb.org'],
  ['Venice Commission', 'the Venice Commission', 'https://www.venice.coe.int'],
  ['Energy Community', 'the Energy Community', 'https://www.energy-community.org'],
]

export const firstNames: readonly string[] = [
  'Aigerim', 'Nurlan', 'Giorgi', 'Tamar', 'Armen', 'Lilit', 'Elvin', 'Leyla', 'Olena', 'Andriy', 'Mihai', 'Elena', 'Sergei',
  'Dilshod', 'Zarina', 'Bakyt', 'Gulnara', 'Rustam', 'Shahnoza', 'Anna', 'Jonas', 'Marta', 'Thomas', 'Claire', 'Farhod', 'Nodira',
]

export const lastNames: readonly string[] = [
  'Abenova', 'Serikbayev', 'Kapanadze', 'Gelashvili', 'Sargsyan', 'Hovhannisyan', 'Huseynov', 'Guliyeva', 'Kovalenko', 'Shevchuk',
  'Popescu', 'Ciobanu', 'Ivanov', 'Karimov', 'Rakhimova', 'Osmonov', 'Toktogulova', 'Saidov', 'Yuldasheva', 'Lindgren', 'Müller',
  'Dubois', 'Kowalczyk', 'Rossi', 'Ismoilov', 'Azimova',
]

/** Who gets quoted; `{capital}` and `{city}` are filled in. */
export const roles: readonly string[] = [
  'a spokesperson for the foreign ministry', 'the deputy minister of energy', 'an analyst at a think tank in {capital}',
  'an opposition member of parliament', 'a farmer near {city}', 'a freight forwarder in {city}', 'a lawyer who represents several of the detained',
  'an economist at the central bank', 'a diplomat in {capital} who asked not to be named', 'the head of a local rights group',
  'a teacher in {city}', 'a senior official at the ministry of economy', 'a researcher who has studied the issue for a decade',
  'the mayor of {city}', 'a business owner in {city}', 'an adviser to the prime minister',
]

export const quotes: readonly string[] = [
  'We have heard these promises before. What matters is whether anything changes on the ground',
  'This is a technical question that has become a political one, and that makes it much harder to solve',
  'Nobody in {capital} wants to be the first to blink',
  'The numbers are better than last year, but they are not yet good enough',
  'You cannot negotiate about {object} you cannot measure',
  'For ordinary families the question is simple: will prices go up again this winter',
  'We are ready to talk, but not at any price',
  'The law is written so vaguely that it can be used against almost anyone',
  'Investors need to know the rules will still be the same in five years',
  'If {org} means what it says, it will have to put money behind it',
  'The region has changed faster in three years than in the previous twenty',
  'People here do not read communiqués. They look at their bills and at the border queues',
]

export const headings: readonly string[] = [
  'What happens next', 'A familiar pattern', 'The view from {capital}', 'Money and politics', 'Who decides', 'Reactions in {capital}',
  'The numbers', 'A long history', 'What critics say', 'Winners and losers', 'The European angle', 'On the ground in {city}',
]
