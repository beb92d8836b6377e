// Who said what in the demo newsroom's articles: speakers, and the passages of the articles that quote them. The seed
// marks each passage in its article's body and stores the quote beside it. Events and people are fictional.

/** A person or organisation quoted in the demo articles. */
export interface DemoSpeaker { readonly slug: string; readonly name: string; readonly kind: 'person' | 'organisation'; readonly description: string; readonly country?: string; readonly links?: readonly string[] }

/** A passage of an article, word for word as its body has it (or the whole statement of a statement article). */
export interface DemoQuote {
  readonly article: string; readonly speaker: string; readonly text: string
  readonly role?: string; readonly organisation?: string; readonly place?: string; readonly event?: string; readonly source?: string
  /** A statement article's issuer: no mark in the body, the quote is the statement itself. */
  readonly statement?: boolean
}

export const demoSpeakers: readonly DemoSpeaker[] = [
  { slug: 'eeas-spokesperson', name: 'EEAS Spokesperson', kind: 'organisation', description: 'The spokesperson service of the European External Action Service, which issues the EU’s statements on events abroad.', country: 'european-union', links: ['https://www.eeas.europa.eu'] },
  { slug: 'council-of-the-eu', name: 'Council of the European Union', kind: 'organisation', description: 'The EU institution of the member states’ governments; its conclusions set the Union’s positions.', country: 'european-union', links: ['https://www.consilium.europa.eu'] },
  { slug: 'venice-commission', name: 'Venice Commission', kind: 'organisation', description: 'The Council of Europe’s advisory body of experts on constitutional law.', links: ['https://www.venice.coe.int'] },
  { slug: 'kazakhstan-foreign-ministry', name: 'Ministry of Foreign Affairs of Kazakhstan', kind: 'organisation', description: 'Kazakhstan’s foreign ministry.', country: 'kazakhstan' },
  { slug: 'moldova-energy-ministry', name: 'Ministry of Energy of Moldova', kind: 'organisation', description: 'Moldova’s energy ministry, in charge of gas supply and storage.', country: 'moldova' },
  { slug: 'ukraine-energy-ministry', name: 'Ministry of Energy of Ukraine', kind: 'organisation', description: 'Ukraine’s energy ministry.', country: 'ukraine' },
  { slug: 'serik-nurlanov', name: 'Serik Nurlanov', kind: 'person', description: 'Deputy director for operations at the port of Aktau.', country: 'kazakhstan' },
  { slug: 'bakhtiyor-rasulov', name: 'Bakhtiyor Rasulov', kind: 'person', description: 'Senior official at Uzbekistan’s water ministry.', country: 'uzbekistan' },
  { slug: 'katarzyna-wrona', name: 'Katarzyna Wrona', kind: 'person', description: 'Polish election lawyer; long-term observer on fourteen election observation missions.' },
  { slug: 'freight-forwarder-almaty', name: 'A freight forwarder in Almaty', kind: 'person', description: 'Quoted without a name, at their request.', country: 'kazakhstan' },
  { slug: 'energy-economist-almaty', name: 'An energy economist in Almaty', kind: 'person', description: 'A university economist, quoted without a name.', country: 'kazakhstan' },
  { slug: 'western-diplomat', name: 'A Western diplomat', kind: 'person', description: 'A diplomat who follows the Armenia–Azerbaijan border talks, quoted without a name.' },
  { slug: 'legal-aid-director-osh', name: 'A legal aid director in Osh', kind: 'person', description: 'Runs a centre giving free advice to labour migrants’ families; quoted without a name.', country: 'kyrgyzstan' },
  { slug: 'industry-analyst-vienna', name: 'An industry analyst in Vienna', kind: 'person', description: 'A nuclear fuel industry analyst, quoted without a name.' },
  { slug: 'energy-analyst-baku', name: 'An energy analyst in Baku', kind: 'person', description: 'Quoted without a name.', country: 'azerbaijan' },
  { slug: 'recruitment-consultant-samarkand', name: 'A recruitment consultant in Samarkand', kind: 'person', description: 'Quoted without a name.', country: 'uzbekistan' },
]

export const demoQuotes: readonly DemoQuote[] = [
  { article: 'eu-statement-kazakhstan-presidential-election', speaker: 'eeas-spokesperson', statement: true, role: 'Spokesperson', organisation: 'European External Action Service', text: 'The European Union takes note of the preliminary conclusions of the international election observation mission led by the OSCE Office for Democratic Institutions and Human Rights on the presidential election held in Kazakhstan.', place: 'kazakhstan', source: 'https://www.eeas.europa.eu' },
  { article: 'eu-statement-georgia-local-elections', speaker: 'eeas-spokesperson', statement: true, role: 'Spokesperson', organisation: 'European External Action Service', text: 'The EU is concerned by credible reports of pressure on voters, in particular on public sector employees, and of the misuse of administrative resources.', place: 'georgia', source: 'https://www.eeas.europa.eu' },
  { article: 'eu-statement-kazakhstan-presidential-election', speaker: 'kazakhstan-foreign-ministry', text: 'in full accordance with national legislation', place: 'kazakhstan' },
  { article: 'how-eu-election-statements-are-written', speaker: 'eeas-spokesperson', text: 'The EU calls on the authorities to address the shortcomings identified by the observers,', organisation: 'European External Action Service' },
  { article: 'council-conclusions-central-asia-connectivity', speaker: 'council-of-the-eu', text: 'fast, sustainable and competitive', event: 'Council conclusions on Central Asia', place: 'central-asia' },
  { article: 'council-conclusions-central-asia-connectivity', speaker: 'council-of-the-eu', text: 'The Council underlines that sustainable connectivity depends on transparent procurement, predictable regulation and full respect for the rule of law,', event: 'Council conclusions on Central Asia', place: 'central-asia', source: 'https://www.consilium.europa.eu' },
  { article: 'georgia-broadcasting-amendments-council-of-europe', speaker: 'venice-commission', text: 'Vague criteria combined with fast-track sanctions create a risk that the regulator will be perceived, rightly or wrongly, as an instrument in political disputes,', organisation: 'Council of Europe', place: 'georgia', event: 'Opinion on the broadcasting amendments' },
  { article: 'moldova-gas-storage-winter', speaker: 'moldova-energy-ministry', role: 'Spokesperson', text: 'Three years ago we had one supplier and no alternatives. Today we have contracts, storage and a pipeline that runs west,', place: 'moldova' },
  { article: 'moldova-gas-storage-winter', speaker: 'moldova-energy-ministry', role: 'Spokesperson', text: 'That is not the end of the problem, but it is a different problem.', place: 'moldova' },
  { article: 'ukraine-electricity-import-capacity-raised', speaker: 'ukraine-energy-ministry', role: 'Official', text: 'Imports do not replace our own generation, but they buy time,', place: 'ukraine', event: 'Briefing for reporters' },
  { article: 'ukraine-electricity-import-capacity-raised', speaker: 'ukraine-energy-ministry', role: 'Official', text: 'Every megawatt from the west is a megawatt we do not have to cut from a hospital or a school.', place: 'ukraine', event: 'Briefing for reporters' },
  { article: 'trans-caspian-ferry-freight-record', speaker: 'serik-nurlanov', role: 'Deputy director for operations', organisation: 'Port of Aktau', text: 'For years the sea was the slowest part of the journey. This quarter it was not,', place: 'kazakhstan' },
  { article: 'trans-caspian-ferry-freight-record', speaker: 'serik-nurlanov', role: 'Deputy director for operations', organisation: 'Port of Aktau', text: 'Now we need the railways on both sides to move at the same speed as the ships.', place: 'kazakhstan' },
  { article: 'amu-darya-water-talks-termez', speaker: 'bakhtiyor-rasulov', role: 'Senior official', organisation: 'Ministry of Water Resources of Uzbekistan', text: 'You cannot negotiate about water you cannot measure,', place: 'uzbekistan', event: 'Water talks in Termez' },
  { article: 'amu-darya-water-talks-termez', speaker: 'bakhtiyor-rasulov', role: 'Senior official', organisation: 'Ministry of Water Resources of Uzbekistan', text: 'Data first. Then we can talk about quotas with facts on the table.', place: 'uzbekistan', event: 'Water talks in Termez' },
  { article: 'interview-what-election-observers-actually-do', speaker: 'katarzyna-wrona', role: 'Long-term election observer', text: 'A clean polling station cannot repair a campaign in which the main challenger was never allowed on the ballot.' },
  { article: 'interview-what-election-observers-actually-do', speaker: 'katarzyna-wrona', role: 'Long-term election observer', text: 'Pressure that happens in private.' },
  { article: 'interview-what-election-observers-actually-do', speaker: 'katarzyna-wrona', role: 'Long-term election observer', text: 'Observers do not decide elections. They describe them, carefully, so that the record exists.' },
  { article: 'middle-corridor-bottlenecks-explained', speaker: 'freight-forwarder-almaty', text: 'Shippers do not buy a corridor, they buy a delivery date,', place: 'kazakhstan' },
  { article: 'middle-corridor-bottlenecks-explained', speaker: 'freight-forwarder-almaty', text: 'Until the route can promise one, most will use it as a back-up.', place: 'kazakhstan' },
  { article: 'kazakhstan-wind-auction-results', speaker: 'energy-economist-almaty', text: 'The auctions prove that the wind is there and the money is there,', place: 'kazakhstan' },
  { article: 'kazakhstan-wind-auction-results', speaker: 'energy-economist-almaty', text: 'What is missing is the wire. Without new transmission lines from the south to the industrial north, the best projects will wait.', place: 'kazakhstan' },
  { article: 'armenia-azerbaijan-border-commissions-meet', speaker: 'western-diplomat', text: 'Nobody should expect ceremonies. This is surveyors, lawyers and patience,', place: 'armenia' },
  { article: 'armenia-azerbaijan-border-commissions-meet', speaker: 'western-diplomat', text: 'But it is the first time the two sides have agreed on how to disagree.', place: 'azerbaijan' },
  { article: 'kyrgyzstan-ngo-registration-rules', speaker: 'legal-aid-director-osh', text: 'We spent three days on the first form and we still do not know whether we filled it in correctly,', place: 'kyrgyzstan' },
  { article: 'kyrgyzstan-ngo-registration-rules', speaker: 'legal-aid-director-osh', text: 'The penalty for a mistake can be suspension. That is the point.', place: 'kyrgyzstan' },
  { article: 'central-asia-remittances-shift', speaker: 'recruitment-consultant-samarkand', text: 'A worker in Germany or Poland earns more, but pays more for rent and travel, and the paperwork is heavier,', place: 'uzbekistan' },
  { article: 'central-asia-remittances-shift', speaker: 'recruitment-consultant-samarkand', text: 'Families are learning to do that arithmetic.', place: 'uzbekistan' },
  { article: 'kazakh-uranium-and-european-reactors', speaker: 'industry-analyst-vienna', text: 'Kazakhstan can offer Europe ore. What Europe still lacks is enough capacity of its own to turn that ore into fuel,', place: 'kazakhstan' },
  { article: 'azerbaijan-gas-to-europe-how-much-more', speaker: 'energy-analyst-baku', text: 'Everybody agrees on the target. Nobody has yet signed the contracts that would pay for it,', place: 'azerbaijan' },
  { article: 'eu-statement-azerbaijan-journalists-sentenced', speaker: 'eeas-spokesperson', statement: true, role: 'Spokesperson', organisation: 'European External Action Service', text: 'A court in Baku has sentenced several journalists working for an independent online outlet to prison terms of between seven and nine years on charges of currency smuggling.', place: 'azerbaijan', source: 'https://www.eeas.europa.eu' },
]
