// Sections, tags and bylines of the demo newsroom.

import type { DemoAuthor, DemoSection, DemoTag } from './demo-types.ts'

export const demoSections: readonly DemoSection[] = [
  { slug: 'news', name: 'News', description: 'Reporting from our correspondents on politics, energy, trade and rights across Europe, the Caucasus and Central Asia.' },
  { slug: 'opinion', name: 'Opinion', description: 'Arguments from our writers and invited contributors, who speak for themselves and not for the newsroom.' },
  { slug: 'analysis', name: 'Analysis', description: 'Longer explanations of the forces behind the headlines, with the numbers and the context laid out.' },
  { slug: 'monday-commentary', name: 'Monday Commentary', description: 'The editor’s weekly column, published on Mondays, on what the past week meant and what to watch next.' },
]

export const demoTags: readonly DemoTag[] = [
  // Topics
  { slug: 'energy', name: 'Energy', kind: 'topic', description: 'Gas, oil, electricity, pipelines and the transition away from fossil fuels.' },
  { slug: 'elections', name: 'Elections', kind: 'topic', description: 'Votes, observation missions and the institutions that make elections credible.' },
  { slug: 'human-rights', name: 'Human rights', kind: 'topic', description: 'Civil liberties, courts, detention and the work of rights defenders.' },
  { slug: 'trade', name: 'Trade', kind: 'topic', description: 'Customs, tariffs, freight and the economics of the region’s trade routes.' },
  { slug: 'connectivity', name: 'Connectivity', kind: 'topic', description: 'Rail, road, ports and the Middle Corridor between Europe and Asia.' },
  { slug: 'security', name: 'Security', kind: 'topic', description: 'Conflicts, borders, peace processes and defence cooperation.' },
  { slug: 'climate', name: 'Climate', kind: 'topic', description: 'Warming, glaciers, drought and the policies meant to cope with them.' },
  { slug: 'water', name: 'Water', kind: 'topic', description: 'Rivers, irrigation and the agreements that share them.' },
  { slug: 'media-freedom', name: 'Media freedom', kind: 'topic', description: 'Journalists, broadcasters, exiled newsrooms and the laws that govern them.' },
  { slug: 'migration', name: 'Migration', kind: 'topic', description: 'Labour migration, remittances, refugees and visa policy.' },
  { slug: 'rule-of-law', name: 'Rule of law', kind: 'topic', description: 'Judicial independence, constitutional reform and anti-corruption work.' },
  { slug: 'diplomacy', name: 'Diplomacy', kind: 'topic', description: 'Summits, statements, negotiations and the institutions behind them.' },
  // Regions
  { slug: 'european-union', name: 'European Union', kind: 'place', description: 'The EU’s institutions and their policies towards the neighbourhood.' },
  { slug: 'eastern-europe', name: 'Eastern Europe', kind: 'place', description: 'Ukraine, Moldova and Belarus.' },
  { slug: 'south-caucasus', name: 'South Caucasus', kind: 'place', description: 'Georgia, Armenia and Azerbaijan.' },
  { slug: 'central-asia', name: 'Central Asia', kind: 'place', description: 'Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.' },
  { slug: 'caspian-sea', name: 'Caspian Sea', kind: 'place', description: 'The sea, its shipping lanes and the five states on its shores.' },
  // Countries
  { slug: 'ukraine', name: 'Ukraine', kind: 'place', parent: 'eastern-europe', isoCode: 'UA' },
  { slug: 'moldova', name: 'Moldova', kind: 'place', parent: 'eastern-europe', isoCode: 'MD' },
  { slug: 'belarus', name: 'Belarus', kind: 'place', parent: 'eastern-europe', isoCode: 'BY' },
  { slug: 'georgia', name: 'Georgia', kind: 'place', parent: 'south-caucasus', isoCode: 'GE' },
  { slug: 'armenia', name: 'Armenia', kind: 'place', parent: 'south-caucasus', isoCode: 'AM' },
  { slug: 'azerbaijan', name: 'Azerbaijan', kind: 'place', parent: 'south-caucasus', isoCode: 'AZ' },
  { slug: 'kazakhstan', name: 'Kazakhstan', kind: 'place', parent: 'central-asia', isoCode: 'KZ' },
  { slug: 'kyrgyzstan', name: 'Kyrgyzstan', kind: 'place', parent: 'central-asia', isoCode: 'KG' },
  { slug: 'tajikistan', name: 'Tajikistan', kind: 'place', parent: 'central-asia', isoCode: 'TJ' },
  { slug: 'turkmenistan', name: 'Turkmenistan', kind: 'place', parent: 'central-asia', isoCode: 'TM' },
  { slug: 'uzbekistan', name: 'Uzbekistan', kind: 'place', parent: 'central-asia', isoCode: 'UZ' },
]

export const demoAuthors: readonly DemoAuthor[] = [
  { slug: 'anna-kowalska', name: 'Anna Kowalska', kind: 'staff', bio: 'Editor of The Caspian Ledger. She spent a decade reporting from Warsaw, Kyiv and Brussels before joining the newsroom, and writes the Monday Commentary.' },
  { slug: 'nino-beridze', name: 'Nino Beridze', kind: 'staff', bio: 'South Caucasus correspondent, based in Tbilisi. She covers courts, parliaments and the long negotiations between Armenia and Azerbaijan.' },
  { slug: 'timur-akhmetov', name: 'Timur Akhmetov', kind: 'staff', bio: 'Central Asia correspondent, based in Almaty. He reports on elections, labour migration and the region’s changing climate.' },
  { slug: 'lucas-verhoeven', name: 'Lucas Verhoeven', kind: 'staff', bio: 'Brussels correspondent. He follows the EU’s foreign ministers, its energy diplomacy and the fine print of Council conclusions.' },
  { slug: 'dilnoza-yusupova', name: 'Dilnoza Yusupova', kind: 'staff', bio: 'Energy and trade editor, based in Tashkent. Before journalism she worked as a freight analyst on routes between China and the Caspian.' },
  { slug: 'mariam-hakobyan', name: 'Mariam Hakobyan', kind: 'guest', bio: 'Guest contributor. A constitutional lawyer in Yerevan who has advised civil society groups on election law and judicial reform.' },
  { slug: 'henrik-lindqvist', name: 'Henrik Lindqvist', kind: 'guest', bio: 'Guest contributor. A retired Nordic diplomat who served in Chisinau, Tbilisi and Astana, and took part in several election observation missions.' },
  { slug: 'newsroom', name: 'Newsroom', kind: 'agency', bio: 'Reports and official statements compiled by the editors of The Caspian Ledger.' },
]
