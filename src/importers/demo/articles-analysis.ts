// Demo analysis pieces: longer explanations with context and numbers. Figures are illustrative.

import type { DemoArticle } from './demo-types.ts'

export const analysisArticles: readonly DemoArticle[] = [
  {
    slug: 'middle-corridor-bottlenecks-explained', section: 'analysis', genre: 'analysis',
    title: 'The Middle Corridor, explained: where the freight actually gets stuck',
    standfirst: 'Cargo between China and Europe via Kazakhstan, the Caspian and the South Caucasus has grown fast. The route is only as quick as its slowest transfer.',
    tags: ['connectivity', 'trade', 'caspian-sea', 'kazakhstan'], authors: ['dilnoza-yusupova'],
    hoursAgo: 70, editorsChoice: 2, hero: 'rail-corridor',
    bodyHtml: `
<p>The Trans-Caspian International Transport Route, usually called the Middle Corridor, links China to Europe without passing through Russia. Containers travel by rail across Kazakhstan, by ferry across the Caspian, by rail again through Azerbaijan and Georgia, and then either by sea across the Black Sea or overland through Turkey.</p>
<p>Since trade through Russia became politically and legally fraught for European shippers, volumes on the route have risen sharply. Yet the corridor still carries only a fraction of the freight that moves on the northern route, and transit times vary from under three weeks to well over a month.</p>
<figure><img src="/media/demo/caspian-contours.svg" alt="Abstract illustration of layered contour shapes in teal and sand tones"><figcaption>The sea crossing between Aktau or Kuryk and Alat is the route’s most famous link, but rarely its slowest. <small>Broadsheet illustration</small></figcaption></figure>
<h2>Five places where time is lost</h2>
<ul>
<li><strong>The Chinese–Kazakh border</strong>, where rail gauges change and containers must be transferred between wagons.</li>
<li><strong>The Caspian ports</strong>, where a shortage of ferries and berths has long meant days of waiting, although new capacity is helping.</li>
<li><strong>The Azerbaijani and Georgian railways</strong>, where single-track sections and mountain gradients limit the number and length of trains.</li>
<li><strong>The Black Sea crossing</strong>, which depends on ferry schedules and on port capacity in Georgia.</li>
<li><strong>Paperwork</strong> at every border, where customs systems are not yet fully connected and documents are still sometimes printed and stamped.</li>
</ul>
<h2>Who is paying to fix it</h2>
<p>International lenders including the <a href="https://www.ebrd.com">European Bank for Reconstruction and Development</a> and the Asian Development Bank have committed funds to rail upgrades, port expansion and digital customs. The EU has grouped its support under its Global Gateway strategy. Kazakhstan, Azerbaijan and Georgia have created a joint venture to offer shippers a single through tariff.</p>
<blockquote><p>“Shippers do not buy a corridor, they buy a delivery date,” said a freight forwarder in Almaty. “Until the route can promise one, most will use it as a back-up.”</p></blockquote>
<p>The decisive improvements may be the least visible: a shared electronic consignment note, coordinated timetables between railways and ferries, and customs officers empowered to clear goods in advance. Those are cheaper than new track and would cut days rather than hours.</p>
`,
  },
  {
    slug: 'how-eu-election-statements-are-written', section: 'analysis', genre: 'analysis',
    title: 'How the EU writes a statement on someone else’s election',
    standfirst: 'Every word in a statement on a foreign election is negotiated. Here is how to read them, and what the choice of verb reveals.',
    tags: ['elections', 'diplomacy', 'european-union'], authors: ['lucas-verhoeven'],
    hoursAgo: 190, hero: 'capital-plan',
    bodyHtml: `
<p>Within a day or two of an election in a neighbouring country, the European Union usually publishes a short statement. It is typically issued by the spokesperson of the <a href="https://www.eeas.europa.eu">European External Action Service</a>, or, when the message needs more weight, as a declaration by the High Representative on behalf of all member states.</p>
<p>The distinction matters. A declaration on behalf of the EU requires the agreement of all twenty-seven governments, which can take days and often softens the text. A spokesperson’s statement is faster, and can be sharper, but carries less political weight.</p>
<h2>The vocabulary of assessment</h2>
<p>Over the years a recognisable scale has developed. Roughly from warmest to coolest, the opening verb tells the reader most of what they need to know:</p>
<ul>
<li><strong>“Congratulates”</strong> the people and the winner: the election is considered genuinely competitive.</li>
<li><strong>“Welcomes”</strong> the conduct of the election: broadly positive, perhaps with reservations.</li>
<li><strong>“Takes note”</strong> of the results or of observers’ findings: the election raised significant concerns.</li>
<li><strong>“Regrets”</strong> or <strong>“is concerned”</strong>: serious violations, usually accompanied by specific criticism.</li>
<li><strong>Silence</strong>: occasionally, the absence of any statement is itself the message.</li>
</ul>
<blockquote><p>“The EU calls on the authorities to address the shortcomings identified by the observers,” runs a typical sentence, which diplomats read as a polite way of saying the shortcomings were serious.</p></blockquote>
<h2>Where the text comes from</h2>
<p>Most statements lean heavily on the preliminary findings of the OSCE/ODIHR observation mission, published the day after the vote. This is deliberate: by quoting an independent mission in which the country itself participates, the EU avoids being accused of making its own political judgement.</p>
<p>The approach has critics, who argue that the code has become so cautious that it no longer communicates anything to ordinary citizens. Defenders reply that the statements are written for governments, and that governments read them very carefully indeed.</p>
`,
  },
  {
    slug: 'caspian-seabed-pipelines-legal-status', section: 'analysis', genre: 'analysis',
    title: 'Who owns the Caspian seabed, and why it matters for pipelines',
    standfirst: 'A convention signed by the five littoral states settled some old disputes. It left the most commercially important questions open.',
    tags: ['energy', 'caspian-sea', 'diplomacy'], authors: ['timur-akhmetov'],
    hoursAgo: 300,
    bodyHtml: `
<p>For more than two decades after the Soviet Union dissolved, the Caspian Sea had no agreed legal status. Was it a sea, governed by the law of the sea, or a lake, to be divided among its shores? The answer determined who could drill where and who could lay pipelines across the bottom.</p>
<p>The convention signed by Azerbaijan, Iran, Kazakhstan, Russia and Turkmenistan in Aktau in 2018 gave a partial answer. It defined territorial waters and fishing zones, banned military forces of non-littoral states and confirmed that pipelines could be laid with the consent of the states whose seabed sectors they cross.</p>
<h2>What was left undecided</h2>
<p>The convention did not draw the lines dividing the seabed itself. That was left to bilateral and trilateral agreements, several of which had already been signed in the north of the sea. In the south, where Iran’s claims overlap with those of Azerbaijan and Turkmenistan, boundaries remain unsettled.</p>
<blockquote><p>The convention answered the question of who may build a pipeline. It did not fully answer the question of where.</p></blockquote>
<p>The pipeline provisions also come with environmental conditions. Projects must meet standards set out in a separate framework convention on the protection of the Caspian environment, and Russia and Iran have in the past argued that this gives all littoral states a say over any seabed pipeline. Most lawyers in the region read the text more narrowly.</p>
<p>For a trans-Caspian gas link between Turkmenistan and Azerbaijan, the legal obstacles are therefore smaller than they once were, but not zero. Investors will want certainty about environmental review before committing billions, and that certainty depends on politics as much as law.</p>
`,
  },
  {
    slug: 'kazakh-uranium-and-european-reactors', section: 'analysis', genre: 'analysis',
    title: 'Kazakh uranium and Europe’s nuclear dilemma',
    standfirst: 'Kazakhstan is the world’s largest uranium producer. European utilities want more of its output, but much of it still passes through Russian hands.',
    tags: ['energy', 'kazakhstan', 'european-union'], authors: ['dilnoza-yusupova'],
    hoursAgo: 440, hero: 'steppe-grid',
    bodyHtml: `
<p>Kazakhstan mines more uranium than any other country, producing roughly two-fifths of the world’s supply. For European utilities that operate nuclear reactors, it is an obvious partner as they try to reduce their reliance on Russian nuclear fuel services.</p>
<p>Mining, however, is only the first step in a long chain. Uranium ore concentrate must be converted, enriched and fabricated into fuel assemblies, and several of those steps have historically taken place in Russia, or in joint ventures involving Russian state companies.</p>
<h2>The logistics problem</h2>
<p>Most Kazakh uranium bound for the West has travelled by rail through Russia to the port of St Petersburg. Since relations with Moscow deteriorated, shippers have increasingly used the Trans-Caspian route instead, which is longer and more expensive but avoids Russian territory.</p>
<blockquote><p>“Kazakhstan can offer Europe ore. What Europe still lacks is enough capacity of its own to turn that ore into fuel,” said an industry analyst in Vienna.</p></blockquote>
<p>Europe’s conversion and enrichment capacity is being expanded, but new plants take years to build. Until then, utilities must balance the political desire to diversify with contracts that still run through Russian facilities. The <a href="https://www.iaea.org">International Atomic Energy Agency</a> monitors the material at every stage, but safeguards say nothing about commercial dependence.</p>
<p>For Kazakhstan, the opportunity is considerable: long-term contracts with European buyers, and possibly investment in fuel fabrication at home. The risk is that ambitious promises run ahead of the unglamorous infrastructure needed to deliver on them.</p>
`,
  },
  {
    slug: 'georgia-foreign-agent-laws-compared', section: 'analysis', genre: 'analysis',
    title: 'Georgia’s “foreign influence” law, compared with its models',
    standfirst: 'Supporters say the law copies Western transparency rules. A close reading shows where it differs, and why those differences matter.',
    tags: ['media-freedom', 'rule-of-law', 'georgia', 'european-union'], authors: ['nino-beridze'],
    hoursAgo: 150, editorsChoice: 6, hero: 'press-freedom',
    bodyHtml: `
<p>Georgia’s governing party has defended its law on the transparency of foreign influence by pointing to legislation in the United States and in some EU member states. Critics call it a copy of Russian legislation on “foreign agents”. Both claims deserve to be tested against the text.</p>
<h2>What the models actually require</h2>
<p>The American law most often cited, the Foreign Agents Registration Act, requires registration by people acting at the direction of a foreign principal, typically lobbyists and public relations firms working for foreign governments. Receiving a foreign grant is not, by itself, enough to trigger it.</p>
<p>The Georgian law, by contrast, applies to any non-commercial organisation or media outlet that receives more than a fifth of its income from abroad, regardless of what it does with the money or whether it acts on anyone’s instructions.</p>
<h2>Four key differences</h2>
<ul>
<li><strong>The trigger</strong>: funding share, not activity on behalf of a foreign principal.</li>
<li><strong>The label</strong>: organisations must register as pursuing the interests of a foreign power, a designation many consider stigmatising.</li>
<li><strong>Inspections</strong>: the justice ministry may demand any information, including personal data, with little judicial oversight.</li>
<li><strong>Scope</strong>: media outlets are covered, which is not the case in most Western transparency regimes.</li>
</ul>
<blockquote><p>The Venice Commission has repeatedly warned that registration requirements based solely on foreign funding risk stigmatising civil society and chilling legitimate activity.</p></blockquote>
<p>Transparency of funding is a legitimate goal, and most Georgian NGOs already publish their donors. The question is whether the law is designed to inform the public or to discourage the work. Its design, more than its title, suggests the answer.</p>
`,
  },
  {
    slug: 'remittances-and-the-rouble', section: 'analysis', genre: 'analysis',
    title: 'Remittances and the rouble: how Central Asian households absorb shocks',
    standfirst: 'When the rouble falls, family budgets in Dushanbe and Bishkek shrink within weeks. A look at how the mechanism works and who is most exposed.',
    tags: ['migration', 'trade', 'tajikistan', 'kyrgyzstan'], authors: ['timur-akhmetov', 'dilnoza-yusupova'],
    hoursAgo: 560, hero: 'migration-routes',
    bodyHtml: `
<p>In Tajikistan, money sent home by workers abroad has at times amounted to around a third of the economy. In Kyrgyzstan the share has been almost as high. Most of it comes from Russia, and most of it is earned in roubles.</p>
<p>That creates a direct channel from the Russian currency market to household budgets in Central Asia. When the rouble weakens, a construction worker in Moscow sends home the same number of roubles but they buy fewer somoni or som. Families feel the change within weeks.</p>
<h2>Three ways households adapt</h2>
<p>Research by regional economists suggests that families respond in predictable ways. They cut spending on durable goods and home improvements first, then on education, and only later on food. Workers abroad may extend their stay to make up the difference, which keeps remittances stable in roubles but separates families for longer.</p>
<blockquote><p>The first thing to go is the new roof. The last is the children’s school fees. Families protect the future until they cannot.</p></blockquote>
<h2>National exposure</h2>
<p>Governments feel the effect too. Remittances finance imports, support the local currency and underpin bank deposits. Central banks in the region have built larger foreign reserves in recent years, partly as a buffer against such shocks, but the tools available to small economies are limited.</p>
<p>Diversifying destinations for migrant workers, towards the EU, the Gulf and East Asia, would spread the risk. So would domestic job creation, which remains the harder and more important task.</p>
`,
  },
  {
    slug: 'azerbaijan-gas-to-europe-how-much-more', section: 'analysis', genre: 'analysis',
    title: 'More Azerbaijani gas for Europe: how much is realistic?',
    standfirst: 'Political commitments speak of doubling deliveries. Pipeline capacity, field output and domestic demand set the real limits.',
    tags: ['energy', 'azerbaijan', 'european-union'], authors: ['lucas-verhoeven'],
    hoursAgo: 680, hero: 'pipeline-route',
    bodyHtml: `
<p>Azerbaijan supplies a modest but strategically valuable share of the European Union’s gas imports through the Southern Gas Corridor, a chain of pipelines running from the Caspian across Georgia and Turkey to Greece, Albania and Italy. A political commitment to roughly double those deliveries has featured in EU energy diplomacy for several years.</p>
<p>Whether it can be met depends on three constraints that are easy to overlook in summit communiqués.</p>
<h2>The three constraints</h2>
<ul>
<li><strong>Production</strong>: Azerbaijan’s main offshore fields are mature. New volumes depend on the development of additional fields and on gas that is currently reinjected to maintain oil output.</li>
<li><strong>Pipeline capacity</strong>: expanding the corridor requires new compressor stations and possibly looping along the route, which require long-term contracts to finance.</li>
<li><strong>Domestic demand</strong>: Azerbaijan itself consumes much of its gas, mostly for power generation. Renewables could free up volumes for export, but only as fast as they are built.</li>
</ul>
<blockquote><p>“Everybody agrees on the target. Nobody has yet signed the contracts that would pay for it,” said an energy analyst in Baku.</p></blockquote>
<p>European buyers face their own dilemma. The EU’s climate policies imply falling gas demand over the coming decades, which makes utilities reluctant to sign the twenty-year contracts investors prefer. Shorter contracts mean higher prices or slower expansion.</p>
<p>A realistic expectation is a gradual increase over the rest of the decade, not a doubling overnight. That is still meaningful for south-eastern Europe, where a few additional billion cubic metres can transform a small country’s energy security.</p>
`,
  },
  {
    slug: 'ukraine-reconstruction-procurement-transparency', section: 'analysis', genre: 'analysis',
    title: 'Rebuilding Ukraine in the open: can procurement stay transparent?',
    standfirst: 'Ukraine’s electronic procurement system is admired abroad. The scale and urgency of reconstruction will test it as never before.',
    tags: ['rule-of-law', 'trade', 'ukraine'], authors: ['anna-kowalska'],
    hoursAgo: 800,
    bodyHtml: `
<p>Ukraine’s public procurement system, built after 2014 by a coalition of reformers, volunteers and officials, is often cited as an example for other countries. Tenders are published online, bids are visible, and anyone can analyse contracts using open data tools.</p>
<p>Reconstruction will put that system under unprecedented strain. Donor money is arriving in large volumes, needs are urgent, and wartime rules allow some contracts to be awarded faster and with less scrutiny than in peacetime.</p>
<h2>The pressures</h2>
<p>Municipalities rebuilding schools, water systems and housing often lack the staff to prepare complex tenders. Contractors are scarce in frontline regions. And the temptation to use emergency procedures for work that is no longer an emergency grows with every month.</p>
<blockquote><p>“Transparency was easy when the budgets were small. The real test is a billion-euro bridge that everybody wants built yesterday,” said a procurement monitor in Kyiv.</p></blockquote>
<h2>What donors can do</h2>
<p>International partners have largely chosen to work through Ukrainian systems rather than around them, on the grounds that parallel structures weaken national institutions. That is the right choice, but it places responsibility on donors to fund monitoring as generously as construction.</p>
<p>Civil society watchdogs, investigative journalists and the anti-corruption bodies have already exposed several overpriced contracts. Their work is sometimes unwelcome, but it is the best guarantee that reconstruction builds public trust rather than eroding it.</p>
`,
  },
  {
    slug: 'tien-shan-glaciers-and-hydropower', section: 'analysis', genre: 'analysis',
    title: 'Melting glaciers, thirsty turbines: the Tien Shan’s hydropower bet',
    standfirst: 'Kyrgyzstan and Tajikistan plan new dams to export clean electricity. The water that will fill them is becoming less predictable.',
    tags: ['climate', 'water', 'kyrgyzstan', 'tajikistan'], authors: ['timur-akhmetov'],
    hoursAgo: 960, hero: 'glacier-lines',
    bodyHtml: `
<p>The mountains of Kyrgyzstan and Tajikistan are among the world’s most promising places for hydropower. Steep valleys, large rivers and short distances to growing markets have led both governments to plan new dams that could export electricity across the region and beyond.</p>
<p>Those plans rest on an assumption that river flows will remain broadly similar to the past. Glaciologists increasingly doubt it.</p>
<figure><img src="/media/demo/glacier-lines.svg" alt="Abstract illustration of layered contour shapes in moss green and cream tones"><figcaption>Glaciers in the Tien Shan supply much of the summer flow of Central Asia’s great rivers. <small>Broadsheet illustration</small></figcaption></figure>
<h2>Peak water</h2>
<p>As glaciers melt, they first release more water, increasing summer flows. At some point, which scientists call “peak water”, the shrinking ice can no longer sustain that increase and flows begin to decline. For some Tien Shan basins, studies suggest the peak is close or has already passed.</p>
<blockquote><p>A dam is a fifty-year bet on a river. Climate change is changing the odds while the concrete is still setting.</p></blockquote>
<h2>Designing for uncertainty</h2>
<p>Engineers can build for a range of scenarios rather than a single forecast, for example by planning smaller plants in sequence, combining hydropower with solar, and designing reservoirs that can be operated flexibly. These approaches cost more up front but reduce the risk of stranded assets.</p>
<p>The downstream countries have a stake too, since reservoir operation affects the water available for irrigation. Regional agreements on how the dams will be run are at least as important as the financing for building them.</p>
`,
  },
  {
    slug: 'armenia-trade-between-two-unions', section: 'analysis', genre: 'analysis',
    title: 'Armenia’s trade, caught between two unions',
    standfirst: 'Armenia belongs to the Eurasian Economic Union and has a partnership agreement with the EU. Its trade figures tell a more complicated story than either membership suggests.',
    tags: ['trade', 'armenia', 'european-union'], authors: ['nino-beridze'],
    hoursAgo: 1120, hero: 'clay-highlands',
    bodyHtml: `
<p>Armenia is a member of the Russian-led Eurasian Economic Union, which sets its external tariffs. It also has a comprehensive partnership agreement with the European Union and enjoys preferential access to European markets for many of its goods. Few countries balance two such different arrangements.</p>
<p>In recent years Armenia’s trade with Russia has grown dramatically, driven in part by re-exports of goods that European and other companies can no longer sell directly to Russian buyers. Economists caution that much of this growth reflects transit rather than domestic production.</p>
<h2>Beneath the headline numbers</h2>
<p>Armenia’s own exports remain concentrated in a few products: metals and ores, brandy, cigarettes and, increasingly, precious stones and jewellery. Its information technology sector, which exports services rather than goods, has been the fastest-growing part of the economy.</p>
<blockquote><p>“Trade statistics show a boom. Factories show something more modest,” said an economist at a university in Yerevan.</p></blockquote>
<p>The government has spoken of its interest in deeper ties with the EU, while remaining in the Eurasian union for now. Any shift would have to take account of Armenia’s dependence on Russian gas, its migrants working in Russia and the Eurasian market for its farm products.</p>
<p>For European policymakers, the lesson is that support for Armenian diversification must be practical: standards certification, access for agricultural exports, investment in logistics through Georgia. Declarations of interest, however welcome, do not change the freight routes.</p>
`,
  },
]
