// Demo news reports from the correspondents. Events and officials are fictional.

import type { DemoArticle } from './demo-types.ts'

export const newsArticles: readonly DemoArticle[] = [
  {
    slug: 'trans-caspian-ferry-freight-record', section: 'news', genre: 'news',
    title: 'Trans-Caspian ferries carry record freight as new berth opens at Aktau',
    standfirst: 'A third ferry berth has cut waiting times at the Kazakh port, but shippers say the bottleneck has simply moved to the rail yards on either shore.',
    tags: ['trade', 'connectivity', 'caspian-sea', 'kazakhstan'], authors: ['dilnoza-yusupova'],
    hoursAgo: 5, editorsChoice: 7, hero: 'caspian-contours',
    bodyHtml: `
<p>Ferries crossing the Caspian Sea between Kazakhstan and Azerbaijan carried more freight in the past quarter than in any comparable period, according to figures published by the port authority in Aktau, after a third roll-on berth entered service at the end of the summer.</p>
<p>The new berth allows two vessels to load at the same time as a third discharges, which the port says has reduced the average wait for a ferry slot from almost five days to under two. Container volumes on the route rose by roughly a third year on year, driven by cargo from China bound for Georgia, Turkey and the European Union.</p>
<blockquote><p>“For years the sea was the slowest part of the journey. This quarter it was not,” said Serik Nurlanov, deputy director for operations at the port. “Now we need the railways on both sides to move at the same speed as the ships.”</p></blockquote>
<h2>Rail yards under strain</h2>
<p>Freight forwarders in Almaty and Baku told The Caspian Ledger that the gains at sea had exposed weaknesses elsewhere. Wagons arriving at Aktau still wait for locomotives, and on the Azerbaijani side the marshalling yards near Alat are operating close to capacity during the autumn harvest season.</p>
<p>“The ferry is no longer the problem, the transfer is,” said one logistics manager who handles grain and fertiliser shipments and asked not to be named because his company is bidding for a port concession. He estimated that a container now spends as long being moved between wagon and ship as it does at sea.</p>
<h2>Investment plans</h2>
<p>Kazakhstan’s transport ministry has said it intends to double the number of ferries flagged in the country within five years, partly through leasing. Azerbaijan has announced a tender for a new container terminal at the Port of Baku. Neither government has published a timetable for the joint digital customs platform promised at a ministerial meeting last spring, which shippers say would do more for transit times than any new hardware.</p>
`,
  },
  {
    slug: 'georgia-broadcasting-amendments-council-of-europe', section: 'news', genre: 'news',
    title: 'Council of Europe experts warn Georgia over broadcasting amendments',
    standfirst: 'A legal opinion says proposed changes to the powers of the media regulator could be used to sanction critical channels, and urges parliament to slow down.',
    tags: ['media-freedom', 'rule-of-law', 'georgia'], authors: ['nino-beridze'],
    hoursAgo: 29, hero: 'press-freedom',
    bodyHtml: `
<p>Legal experts working for the <a href="https://www.coe.int">Council of Europe</a> have warned that draft amendments to Georgia’s broadcasting law would give the national media regulator wide discretion to fine and suspend television channels, and have recommended that parliament postpone the final reading.</p>
<p>The opinion, prepared at the request of the parliament’s own human rights committee, examines changes that would allow the regulator to act on complaints about “unbalanced” coverage without a prior court ruling. The authors note that the term is not defined anywhere in the draft.</p>
<blockquote><p>“Vague criteria combined with fast-track sanctions create a risk that the regulator will be perceived, rightly or wrongly, as an instrument in political disputes,” the opinion states.</p></blockquote>
<h2>Government defends the bill</h2>
<p>The governing party says the amendments bring Georgian law closer to European audiovisual rules and protect viewers from disinformation. A spokesperson for the parliamentary majority said the bill had been “discussed in detail” with broadcasters and would be adjusted where necessary before the final vote.</p>
<p>Opposition deputies and the association of independent regional broadcasters have called for the draft to be withdrawn. Several regional channels, which depend on advertising from small local businesses, say that even a short suspension would threaten their survival.</p>
<p>The opinion is not binding, but Georgia’s progress on media freedom is one of the areas the European Commission examines in its annual enlargement report. Diplomats in Tbilisi said they expected the issue to be raised at the next meeting of the EU–Georgia association committee.</p>
`,
  },
  {
    slug: 'moldova-gas-storage-winter', section: 'news', genre: 'news',
    title: 'Moldova enters winter with gas stored in Romania and Ukraine',
    standfirst: 'The energy ministry says reserves held abroad cover most of the coldest months, but households remain exposed to price swings on regional markets.',
    tags: ['energy', 'moldova', 'european-union'], authors: ['lucas-verhoeven'],
    hoursAgo: 55, updatedHoursAgo: 40, hero: 'pipeline-route',
    bodyHtml: `
<p>Moldova has completed its injection of natural gas into storage facilities in Romania and Ukraine ahead of the heating season, the energy ministry in Chisinau said, describing the country’s position as the most secure it has been in several winters.</p>
<p>Because Moldova has no significant storage of its own, the state gas trader books capacity in neighbouring countries and brings volumes home through the interconnector with Romania as temperatures fall. Officials say current reserves would cover household demand for most of January and February even if imports were interrupted for several weeks.</p>
<blockquote><p>“Three years ago we had one supplier and no alternatives. Today we have contracts, storage and a pipeline that runs west,” a ministry spokesperson said. “That is not the end of the problem, but it is a different problem.”</p></blockquote>
<h2>Prices remain the risk</h2>
<p>Consumer groups point out that security of supply has come at the cost of exposure to regional market prices. Tariffs for households rose sharply after the switch away from long-term contracts and, although they have since fallen, remain well above their level of five years ago.</p>
<p>The <a href="https://www.energy-community.org">Energy Community</a>, which Moldova belongs to, has urged the government to target support at low-income households rather than keep tariffs artificially low for everyone. The ministry says a revised compensation scheme will be announced before the end of the month.</p>
<p><em>Updated with the ministry’s figures on expected winter demand and the timetable for the compensation scheme.</em></p>
`,
  },
  {
    slug: 'amu-darya-water-talks-termez', section: 'news', genre: 'news',
    title: 'Amu Darya states agree to share river data in real time',
    standfirst: 'Meeting in Termez, water officials from four countries committed to install joint gauging stations. The harder question of how to divide the flow was left for later.',
    tags: ['water', 'climate', 'uzbekistan', 'central-asia'], authors: ['dilnoza-yusupova'],
    hoursAgo: 120, hero: 'delta-fields',
    bodyHtml: `
<p>Water officials from Uzbekistan, Tajikistan, Turkmenistan and Afghanistan’s de facto authorities agreed in the Uzbek border city of Termez to share measurements of the Amu Darya’s flow in real time, the first technical agreement of its kind on the river in more than a decade.</p>
<p>Under the arrangement, a network of automated gauging stations will publish water levels and discharge rates to a common platform, hosted by a regional commission and supported by international donors. Participants said the system should be partly operational before the next irrigation season.</p>
<figure><img src="/media/demo/delta-fields.svg" alt="Abstract illustration of layered contour shapes in ochre and olive tones"><figcaption>The Amu Darya feeds irrigation across four countries before it reaches what remains of the Aral Sea. <small>Broadsheet illustration</small></figcaption></figure>
<h2>A canal in the background</h2>
<p>The talks took place against the background of a large irrigation canal under construction in northern Afghanistan, which downstream farmers fear could divert a significant share of the river. The canal was not formally on the agenda, but several delegates referred to it in their opening remarks.</p>
<blockquote><p>“You cannot negotiate about water you cannot measure,” said Bakhtiyor Rasulov, a senior official at Uzbekistan’s water ministry. “Data first. Then we can talk about quotas with facts on the table.”</p></blockquote>
<p>Farmers in the Khorezm region and in Karakalpakstan, at the end of the river’s course, have endured repeated summer shortages. Agronomists say the real-time data will help them plan sowing, but that it cannot by itself produce more water in a warming climate.</p>
`,
  },
  {
    slug: 'armenia-azerbaijan-border-commissions-meet', section: 'news', genre: 'news',
    title: 'Armenian and Azerbaijani border commissions agree on survey rules',
    standfirst: 'The technical document sets out how the two sides will map disputed sections of their frontier. Officials on both sides called the meeting constructive.',
    tags: ['security', 'diplomacy', 'armenia', 'azerbaijan'], authors: ['nino-beridze'],
    hoursAgo: 170, hero: 'border-survey',
    bodyHtml: `
<p>The state commissions responsible for delimiting the border between Armenia and Azerbaijan have agreed on a set of procedural rules for their joint work, including the maps and survey methods the two sides will use, according to statements released in Yerevan and Baku after a meeting at the frontier.</p>
<p>The document is technical, but diplomats say it matters: disagreements over which Soviet-era maps should serve as a reference have stalled previous rounds. The rules also set out how local residents will be consulted where the line passes close to villages and farmland.</p>
<blockquote><p>“Nobody should expect ceremonies. This is surveyors, lawyers and patience,” one Western diplomat who follows the process said. “But it is the first time the two sides have agreed on how to disagree.”</p></blockquote>
<h2>Next steps</h2>
<p>The commissions are due to meet again within two months to begin work on a northern section of the frontier, where a small number of border markers were installed last year. Both governments have said that delimitation should proceed in parallel with negotiations on a broader peace agreement rather than wait for it.</p>
<p>Residents of border villages in Armenia’s Tavush province, some of whose orchards lie close to the expected line, told our correspondent that they welcomed clearer rules but wanted guarantees about compensation and access to their land.</p>
`,
  },
  {
    slug: 'kyrgyzstan-ngo-registration-rules', section: 'news', genre: 'news',
    title: 'Kyrgyzstan’s new NGO reporting rules take effect',
    standfirst: 'Organisations that receive foreign funding must now file quarterly reports. Rights groups say the paperwork is designed to wear them down.',
    tags: ['human-rights', 'kyrgyzstan', 'central-asia'], authors: ['timur-akhmetov'],
    hoursAgo: 260,
    bodyHtml: `
<p>Non-governmental organisations in Kyrgyzstan that receive money from abroad are now required to submit detailed quarterly reports on their funding, staff and activities, under implementing rules that came into force this week.</p>
<p>The justice ministry says the rules are about transparency and apply equally to all organisations. Critics say the reporting burden falls hardest on small groups working on legal aid, disability rights and environmental monitoring, many of which have no full-time accountant.</p>
<blockquote><p>“We spent three days on the first form and we still do not know whether we filled it in correctly,” said the director of a legal aid centre in Osh, which provides free advice to labour migrants’ families. “The penalty for a mistake can be suspension. That is the point.”</p></blockquote>
<h2>International reaction</h2>
<p>Several international human rights organisations have called on the authorities to simplify the requirements and to guarantee that no organisation will be suspended for administrative errors alone. The EU delegation in Bishkek said it was following the implementation closely and remained in dialogue with the government.</p>
<p>Some organisations have already stopped accepting foreign grants and are trying to raise money locally, which their directors say is possible for a few well-known groups but not for most. At least two small environmental groups in the Issyk-Kul region have announced that they will close.</p>
`,
  },
  {
    slug: 'ukraine-electricity-import-capacity-raised', section: 'news', genre: 'news',
    title: 'European grid operators raise Ukraine’s electricity import limit',
    standfirst: 'The higher ceiling should help Ukraine cover evening peaks this winter, as repairs to damaged generation continue.',
    tags: ['energy', 'ukraine', 'european-union'], authors: ['lucas-verhoeven'],
    hoursAgo: 330,
    bodyHtml: `
<p>European transmission system operators have agreed to raise the amount of electricity Ukraine and Moldova can import from the continental grid, a step Kyiv has requested since the start of the autumn as it prepares for winter peaks in demand.</p>
<p>The decision, taken within the framework of <a href="https://www.entsoe.eu">ENTSO-E</a>, the association of European grid operators, follows technical studies on the stability of the interconnected system. Ukraine’s grid operator said the additional capacity would be available from the start of next month.</p>
<h2>Evening peaks</h2>
<p>The import capacity matters most in the early evening, when solar output falls and households switch on lighting and heating at the same time. Ukraine has added substantial rooftop and commercial solar generation over the past two years, which has eased daytime shortages but not the evening gap.</p>
<blockquote><p>“Imports do not replace our own generation, but they buy time,” an official at Ukraine’s energy ministry told reporters. “Every megawatt from the west is a megawatt we do not have to cut from a hospital or a school.”</p></blockquote>
<p>Traders note that the practical volume of imports will also depend on prices in neighbouring markets in Poland, Slovakia, Hungary and Romania, which tend to rise at the same hours. The European Commission has said it will continue to fund emergency equipment deliveries through the winter.</p>
`,
  },
  {
    slug: 'kazakhstan-wind-auction-results', section: 'news', genre: 'news',
    title: 'Kazakhstan’s wind auction draws record bids from foreign developers',
    standfirst: 'Prices fell sharply in the latest renewable energy auction, but grid connections in the windy south and west remain the constraint.',
    tags: ['energy', 'climate', 'kazakhstan'], authors: ['timur-akhmetov'],
    hoursAgo: 410, hero: 'steppe-grid',
    bodyHtml: `
<p>Kazakhstan’s latest auction for renewable energy capacity attracted more bids than any previous round, with developers from Europe, China and the Gulf competing for contracts to build wind farms in the Zhambyl, Turkestan and Mangystau regions, according to results published by the auction operator.</p>
<p>The average winning price for wind power fell by around a fifth compared with the previous round. Analysts attributed the fall to cheaper turbines and to longer contract terms, which reduce the risk for lenders.</p>
<h2>Coal still dominates</h2>
<p>Despite the growth of renewables, coal still generates the majority of Kazakhstan’s electricity, mostly in large Soviet-era plants in the north. The government has committed to carbon neutrality by the middle of the century, but the ageing coal fleet also needs costly repairs that compete for the same investment.</p>
<blockquote><p>“The auctions prove that the wind is there and the money is there,” said an energy economist at a university in Almaty. “What is missing is the wire. Without new transmission lines from the south to the industrial north, the best projects will wait.”</p></blockquote>
<p>The grid operator has announced plans for a new north–south high-voltage line, partly financed by international development banks. Developers said they expected the connection schedule, rather than price, to decide which projects are built first.</p>
`,
  },
  {
    slug: 'trans-caspian-pipeline-feasibility-update', section: 'news', genre: 'news',
    title: 'Feasibility work resumes on a trans-Caspian gas link',
    standfirst: 'Turkmenistan and Azerbaijan have commissioned a new study of a short seabed pipeline. European buyers are interested, but wary of committing for decades.',
    tags: ['energy', 'turkmenistan', 'azerbaijan', 'caspian-sea'], authors: ['dilnoza-yusupova'],
    hoursAgo: 520, hero: 'pipeline-route',
    bodyHtml: `
<p>Turkmenistan and Azerbaijan have jointly commissioned a new feasibility study for a gas pipeline across the Caspian seabed, reviving an idea that has been discussed for three decades without a final investment decision.</p>
<p>The study will examine a relatively modest link between offshore fields on the Turkmen shelf and the Azerbaijani coast, rather than the large pipeline once planned to carry gas from Turkmenistan’s onshore fields. Engineers involved in earlier assessments say a shorter line would be cheaper and quicker to build.</p>
<h2>Who will buy the gas?</h2>
<p>The question that has always hung over the project is demand. European utilities want to diversify their supplies but are reluctant to sign the long-term contracts that would make financing possible, given the EU’s goal of cutting gas consumption over the coming decades.</p>
<ul>
<li>Turkmenistan holds some of the world’s largest proven gas reserves but sells most of its exports to China.</li>
<li>Azerbaijan’s existing pipelines to Europe have limited spare capacity without further expansion.</li>
<li>The 2018 convention on the Caspian’s legal status allows pipelines to be built with the consent of the states whose sectors they cross, but requires environmental assessments.</li>
</ul>
<p>Officials from both countries said the study should be completed within a year. European Commission officials have described the project as worth examining but have not committed any funding.</p>
`,
  },
  {
    slug: 'central-asia-remittances-shift', section: 'news', genre: 'news',
    title: 'Remittances to Central Asia start to shift away from Russia',
    standfirst: 'Central bank data suggest a growing share of money sent home by migrant workers comes from the EU, the Gulf and South Korea.',
    tags: ['migration', 'central-asia', 'uzbekistan', 'tajikistan'], authors: ['timur-akhmetov'],
    hoursAgo: 640,
    bodyHtml: `
<p>Money transfers from migrant workers remain a pillar of household income in Tajikistan, Kyrgyzstan and Uzbekistan, but new central bank figures suggest that the sources of those transfers are slowly diversifying.</p>
<p>Russia is still by far the largest source of remittances to the region. However, the share of transfers from EU member states, the United Kingdom, the Gulf states and South Korea has grown in each of the past four quarters, according to data published by the central banks in Tashkent and Dushanbe.</p>
<h2>Recruitment agreements</h2>
<p>Uzbekistan has signed labour agreements with several European countries that organise recruitment for agriculture, construction and care work. The scheme is small compared with the numbers who still travel to Russia, but officials say it is growing quickly.</p>
<blockquote><p>“A worker in Germany or Poland earns more, but pays more for rent and travel, and the paperwork is heavier,” said a recruitment consultant in Samarkand. “Families are learning to do that arithmetic.”</p></blockquote>
<p>Economists caution that a sharp fall in remittances from Russia, for example because of tighter residency rules, would hit poorer households long before alternative destinations could absorb the workers. The World Bank has urged governments to invest in vocational training that would make workers eligible for a wider range of jobs abroad.</p>
`,
  },
  {
    slug: 'belarusian-exile-newsrooms-funding-squeeze', section: 'news', genre: 'news',
    title: 'Belarusian newsrooms in exile face a funding squeeze',
    standfirst: 'Independent outlets based in Vilnius and Warsaw are cutting staff as donor budgets shrink, even as their audiences inside Belarus hold steady.',
    tags: ['media-freedom', 'belarus', 'european-union'], authors: ['anna-kowalska'],
    hoursAgo: 760,
    bodyHtml: `
<p>Several independent Belarusian media organisations that moved abroad after the crackdown on the press have announced staff cuts and reduced programming, citing lower grants from foreign donors and the rising cost of operating in EU capitals.</p>
<p>Editors at three outlets in Vilnius and Warsaw told The Caspian Ledger that their budgets for the coming year had fallen by between a quarter and a half. All three said their audiences inside Belarus had remained stable, despite the risk that readers face if they are found to follow media the authorities have designated as extremist.</p>
<blockquote><p>“Our readers take a risk every time they open our site. We owe them more than a shrinking newsroom,” said the editor of one online outlet, who asked that it not be named because of the danger to its contributors inside the country.</p></blockquote>
<h2>Donor fatigue</h2>
<p>Media development organisations say that support for exiled media rose quickly after the 2020 protests but has since been redirected to other priorities. Some donors now require outlets to demonstrate commercial revenue, which is almost impossible when advertisers inside Belarus cannot be seen to work with them.</p>
<p>The European Commission has said that independent media remain a priority in its support for Belarusian civil society and that a new call for proposals will be published in the spring.</p>
`,
  },
  {
    slug: 'council-conclusions-central-asia-connectivity', section: 'news', genre: 'news',
    title: 'EU ministers back transport links with Central Asia, with conditions',
    standfirst: 'Council conclusions endorse investment in the Trans-Caspian Transport Corridor and tie it to reforms on customs, procurement and sanctions compliance.',
    tags: ['connectivity', 'central-asia', 'european-union', 'diplomacy'], authors: ['lucas-verhoeven'],
    hoursAgo: 196, hero: 'rail-corridor',
    bodyHtml: `
<p>EU foreign ministers meeting in Brussels adopted conclusions endorsing further investment in transport links between Europe and Central Asia via the Caspian Sea and the South Caucasus, while making clear that the money will come with expectations about governance.</p>
<p>The text, published on the website of the <a href="https://www.consilium.europa.eu">Council of the EU</a>, welcomes commitments made by European and international financial institutions and calls for “fast, sustainable and competitive” connections along what Brussels calls the Trans-Caspian Transport Corridor.</p>
<blockquote><p>“The Council underlines that sustainable connectivity depends on transparent procurement, predictable regulation and full respect for the rule of law,” the conclusions read.</p></blockquote>
<h2>What the conclusions ask for</h2>
<ul>
<li>Harmonised and digitalised customs procedures between Central Asian states and with the South Caucasus.</li>
<li>Public procurement open to European companies on equal terms.</li>
<li>Cooperation to prevent the circumvention of EU sanctions through regional trade.</li>
<li>Environmental and social standards for projects financed with EU support.</li>
</ul>
<p>Officials from Central Asian embassies in Brussels welcomed the political support but said they hoped it would translate into faster decisions on financing. One diplomat noted that the conclusions mention reform nine times and specific projects only twice.</p>
`,
  },
]
