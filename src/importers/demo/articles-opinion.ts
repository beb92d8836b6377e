// Demo opinion pieces by staff writers and guest contributors.

import type { DemoArticle } from './demo-types.ts'

export const opinionArticles: readonly DemoArticle[] = [
  {
    slug: 'central-asia-is-not-a-corridor', section: 'opinion', genre: 'opinion',
    title: 'Central Asia is not a corridor',
    standfirst: 'Europe talks about the region as a route between somewhere and somewhere else. The people who live along that route have plans of their own.',
    tags: ['connectivity', 'central-asia', 'european-union'], authors: ['dilnoza-yusupova'],
    hoursAgo: 44, editorsChoice: 3, hero: 'rail-corridor',
    bodyHtml: `
<p>Read enough European policy papers about my part of the world and a pattern emerges. Central Asia appears as a space to be crossed: a corridor, a bridge, a link, a transit zone. Goods travel through it, pipelines run under it, and the region’s importance is measured in the days it can shave off a journey from Xi’an to Duisburg.</p>
<p>There is nothing wrong with transit. Kazakhstan and Uzbekistan earn real money from it, and faster freight is good for everyone. But a region that is seen only as a route will be governed as a route. Investment goes into the tracks and the border posts; the towns beside them stay as they are.</p>
<h2>What a destination needs</h2>
<p>Consider what actually holds back Central Asian exporters. It is rarely the absence of a railway to Europe. It is the cost of certifying a product to European standards, the lack of cold storage for fruit in the Fergana Valley, the difficulty of getting a small business loan in a currency that does not swing by a third in a year. None of these problems is solved by a faster container train that passes through without stopping.</p>
<blockquote><p>A region that is seen only as a route will be governed as a route.</p></blockquote>
<p>The European Union has the instruments to do better. Its development banks already lend to small firms; its customs experts know how to simplify border procedures; its universities could train the engineers who will run the region’s grids. What is missing is the framing. When Brussels describes Central Asia as a partner with its own economy rather than as terrain between China and Europe, the projects change.</p>
<p>Governments in the region are not blameless. They like the corridor story too, because it brings ministers to summits and leaves domestic reform off the table. But the people of Almaty, Samarkand and Khujand do not think of themselves as living in a corridor. Neither should the people who want to be their partners.</p>
`,
  },
  {
    slug: 'observers-matter-even-when-results-do-not-change', section: 'opinion', genre: 'opinion',
    title: 'Observers matter even when the result never changes',
    standfirst: 'It is tempting to dismiss election observation in countries where the outcome is never in doubt. That would be a mistake, and an expensive one.',
    tags: ['elections', 'human-rights', 'south-caucasus'], authors: ['mariam-hakobyan'],
    hoursAgo: 140, hero: 'ballot-map',
    bodyHtml: `
<p>Every few months, after another vote in which the incumbent wins with a majority that would embarrass a football referee, someone asks whether international election observation has become a ritual. Observers arrive, they publish a report, the report is ignored, and four years later the same recommendations are printed again.</p>
<p>I have spent twenty years working on election law, and I understand the fatigue. But I have also seen what happens to an electoral system when nobody is writing anything down.</p>
<h2>The value of the record</h2>
<p>An observation report is, above all, a record. It establishes, in measured language that governments find difficult to dismiss, what the rules were, how they were applied and where they were broken. Domestic lawyers and civic groups use these reports for years. They cite them in court, in parliamentary hearings and in negotiations over new electoral codes.</p>
<blockquote><p>Reform rarely arrives when the observers are in town. It arrives years later, and it arrives with their recommendations in its hands.</p></blockquote>
<p>In Armenia, parts of the current electoral code were drafted with earlier observation reports open on the table. Voter lists became public, ballot box cameras were introduced and complaint procedures were tightened. None of this happened in the month after any single report. All of it drew on a long series of them.</p>
<p>The real risk is not that observation fails to change results. It is that budgets are cut, missions shrink and reports become shorter and vaguer, until they are ritual in fact as well as in reputation. The people who would lose most are not diplomats in Vienna, but the lawyers and activists who need the record to do their work.</p>
`,
  },
  {
    slug: 'georgias-european-path-runs-through-its-courts', section: 'opinion', genre: 'opinion',
    title: 'Georgia’s European path runs through its courts',
    standfirst: 'Arguments about foreign policy dominate Georgian politics. The reform that would matter most is quieter and far less popular with those in power.',
    tags: ['rule-of-law', 'georgia', 'european-union'], authors: ['nino-beridze'],
    hoursAgo: 230, hero: 'mountain-passes',
    bodyHtml: `
<p>Ask Georgians whether they want to join the European Union and a large majority will say yes, as they have in every survey for two decades. Ask them whether they trust their courts and the numbers collapse. The two answers are more closely connected than Georgian politicians like to admit.</p>
<p>Enlargement is, in practice, a long negotiation about institutions. The chapters on the judiciary and fundamental rights are opened first and closed last, because everything else depends on them. A country can align its customs code in a year. It cannot fake an independent judiciary for long.</p>
<h2>A small circle of judges</h2>
<p>The problem in Georgia is well documented. A relatively small group of senior judges has shaped appointments, promotions and case allocation for years, and reforms passed under successive governments have changed the procedures without changing who decides. Lawyers in Tbilisi speak of “the clan” without needing to explain the term.</p>
<blockquote><p>A country can align its customs code in a year. It cannot fake an independent judiciary for long.</p></blockquote>
<p>Breaking that circle would require measures that no governing party enjoys: transparent, competitive appointments to the High Council of Justice; random allocation of cases that is genuinely random; and integrity checks carried out with international participation. Each of these would reduce the government’s own influence as well as that of the judges.</p>
<p>That is exactly why they matter. Georgia’s European aspiration will not be decided by speeches in Brussels or rallies on Rustaveli Avenue, but by whether a judge in Kutaisi can rule against a powerful person and keep her job.</p>
`,
  },
  {
    slug: 'in-praise-of-boring-energy-deals', section: 'opinion', genre: 'opinion',
    title: 'In praise of boring energy deals',
    standfirst: 'The agreements that keep Europe’s lights on are rarely signed at summits. They are written by regulators, grid engineers and lawyers nobody has heard of.',
    tags: ['energy', 'azerbaijan', 'european-union'], authors: ['lucas-verhoeven'],
    hoursAgo: 350,
    bodyHtml: `
<p>Energy diplomacy has a weakness for spectacle. Leaders sign memoranda of understanding in front of flags, pipelines are announced with maps that look like arrows in a military briefing, and a quantity of gas is promised for a year that conveniently lies beyond the next election.</p>
<p>Some of those memoranda matter. Many do not. What actually changed Europe’s energy position after the shock of recent winters was much less photogenic.</p>
<h2>The unglamorous work</h2>
<p>It was capacity booking rules that allowed traders to move gas from new LNG terminals across borders. It was the synchronisation of grids, years in preparation, that let Ukraine and Moldova import electricity from the west. It was network codes, storage obligations and reverse-flow arrangements negotiated by people whose names never appear in a headline.</p>
<blockquote><p>The most important energy agreements are the ones that nobody notices until they are missing.</p></blockquote>
<p>The same applies to the Caspian. A headline promise of more Azerbaijani gas for Europe is only as good as the compressor stations, the interconnectors in the Balkans and the regulatory approvals in half a dozen countries that make those volumes deliverable. Journalists, myself included, tend to report the promise and forget the plumbing.</p>
<p>The next time a summit ends with a grand announcement on energy, ask a simpler question: which regulator has to approve what, by when, and is anybody working on it? If the answer is yes, the deal is probably real. If nobody knows, enjoy the photographs.</p>
`,
  },
  {
    slug: 'exiled-media-need-more-than-sympathy', section: 'opinion', genre: 'opinion',
    title: 'Exiled media need more than sympathy',
    standfirst: 'European governments praise the journalists who fled Belarus and Russia. Praise does not pay salaries, secure servers or protect sources.',
    tags: ['media-freedom', 'belarus', 'european-union'], authors: ['anna-kowalska'],
    hoursAgo: 470, hero: 'press-freedom',
    bodyHtml: `
<p>There is a particular kind of conference panel that I have sat through many times. An editor from an exiled newsroom describes colleagues in prison, readers who take risks to open a website and a budget that shrinks every year. The audience applauds warmly. A minister promises continued support. Then everyone goes home.</p>
<p>Sympathy is sincere, but it is not a business model. Exiled newsrooms face costs that ordinary media do not: relocating staff and families, legal defence for contributors left behind, the constant expense of circumventing censorship and defending against cyberattacks.</p>
<h2>Three practical steps</h2>
<p>There are things governments could do that cost relatively little. They could offer multi-year funding rather than annual grants, so that editors can plan beyond the next reporting deadline. They could simplify residence permits for journalists and their families, which in some EU countries still take months. And they could treat cyber protection for independent media as part of their own security policy.</p>
<blockquote><p>Sympathy is sincere, but it is not a business model.</p></blockquote>
<p>Organisations such as <a href="https://rsf.org">Reporters Without Borders</a> have documented how much of the independent information available inside Belarus now comes from abroad. If that supply dries up, the space will not remain empty. It will be filled by state media and by anonymous channels with no editorial standards at all.</p>
<p>Europe has made a considered choice to shelter these journalists. It should now make the equally considered choice to let them work.</p>
`,
  },
  {
    slug: 'water-will-test-central-asia-before-gas-does', section: 'opinion', genre: 'opinion',
    title: 'Water will test Central Asia before gas does',
    standfirst: 'The region’s governments have learned to cooperate on trade and transit. Shrinking glaciers will ask them something much harder.',
    tags: ['water', 'climate', 'central-asia'], authors: ['timur-akhmetov'],
    hoursAgo: 590, hero: 'glacier-lines',
    bodyHtml: `
<p>Relations between Central Asian governments are better than at any time since independence. Borders that were mined have been reopened, presidents visit each other regularly and regional summits produce communiqués about trade that would have been unthinkable fifteen years ago.</p>
<p>That progress is real, and it has been built largely on things that grow: trade volumes, transit fees, joint investment projects. Water is different. It is a resource that is shrinking, and the politics of sharing a shrinking resource are far harsher than the politics of dividing new income.</p>
<h2>An arithmetic problem</h2>
<p>The glaciers of the Tien Shan and Pamir have lost a significant share of their mass over recent decades. For now, faster melting actually increases summer flow in some rivers, which hides the problem. Hydrologists expect that effect to reverse within a generation, just as populations and irrigated areas downstream continue to grow.</p>
<blockquote><p>Dividing new income is easy. Dividing a shrinking river is the real test of a friendship.</p></blockquote>
<p>The upstream countries, Kyrgyzstan and Tajikistan, want to store water in winter to generate electricity. The downstream countries need it released in summer for cotton, wheat and fruit. The Soviet system that once balanced these needs through energy swaps is long gone, and the arrangements that replaced it are annual, fragile and easily disrupted.</p>
<p>The current warmth between capitals is the best opportunity in a generation to build durable rules: shared data, binding seasonal schedules, compensation mechanisms. It would be a tragedy to spend that goodwill on ribbon-cutting and leave the river until a dry summer forces the question.</p>
`,
  },
  {
    slug: 'armenia-needs-a-peace-that-outlasts-elections', section: 'opinion', genre: 'opinion',
    title: 'Armenia needs a peace that outlasts its elections',
    standfirst: 'A treaty signed by one government can be torn up by the next. Durable peace depends on institutions and public consent, not only on signatures.',
    tags: ['security', 'armenia', 'azerbaijan', 'diplomacy'], authors: ['mariam-hakobyan'],
    hoursAgo: 700, hero: 'clay-highlands',
    bodyHtml: `
<p>Armenians have lived through so many ceasefires, statements and frameworks that the word “peace” itself has become difficult to use without irony. That scepticism is understandable. It is also dangerous, because it leaves the terms of any settlement to be decided by a small number of negotiators while the public watches from a distance.</p>
<p>As a lawyer, I am less interested in the date of a signing ceremony than in what happens afterwards. A peace agreement is a legal instrument that must survive changes of government in both capitals, rulings by constitutional courts and the anger of people who feel they were not consulted.</p>
<h2>What makes a settlement last</h2>
<p>Durable agreements tend to share certain features. They are ratified through transparent procedures, they create joint bodies that meet regularly regardless of the political weather, and they include mechanisms for resolving disputes before they become crises.</p>
<blockquote><p>A treaty that the public does not understand is a treaty that the next government can easily abandon.</p></blockquote>
<p>Just as important is public explanation. Citizens of both countries deserve to know what is being agreed about borders, transport routes and the rights of people who live near the frontier. Secrecy may make negotiations easier, but it makes implementation harder, and it hands opponents of any deal the powerful argument that something is being hidden.</p>
<p>Armenia’s government and opposition disagree about almost everything. They should at least be able to agree on how a peace would be debated, ratified and protected, so that whatever is signed belongs to the country and not to one cabinet.</p>
`,
  },
  {
    slug: 'moldova-is-proving-the-sceptics-wrong', section: 'opinion', genre: 'opinion',
    title: 'Moldova is proving the sceptics wrong',
    standfirst: 'Few diplomats I served with would have bet on a small, poor country breaking its energy dependence within three winters. Moldova did.',
    tags: ['energy', 'moldova', 'european-union'], authors: ['henrik-lindqvist'],
    hoursAgo: 850,
    bodyHtml: `
<p>When I served in Chisinau, the conversation about Moldova in European chancelleries had a predictable shape. It was a poor country with a frozen conflict, a single gas supplier and a political class that changed sides with the seasons. It deserved help, the argument went, but expectations should be modest.</p>
<p>The past few years have embarrassed that argument. Moldova has connected its electricity grid to the European system, bought gas from new suppliers, stored reserves in neighbouring countries and survived a winter in which its former supplier cut deliveries. It did so while hosting, per head of population, more refugees from Ukraine than almost any other country.</p>
<h2>Not a miracle, a method</h2>
<p>None of this was a miracle. It was the product of specific decisions: accepting higher tariffs in the short term, trusting technical agencies with real authority, and working closely with Romanian and European partners on the detail of interconnectors and market rules.</p>
<blockquote><p>Small states are often told to be realistic. Sometimes realism means doing the difficult thing early.</p></blockquote>
<p>Moldova’s remaining problems are serious. Corruption has not disappeared, the judiciary remains fragile and the separatist region on the Dniester continues to complicate everything from energy to elections. Emigration has emptied villages.</p>
<p>Still, European policymakers who doubt whether their support for the neighbourhood can make a difference should spend a winter in Chisinau. The heating works. A decade ago, that was not something anyone could take for granted.</p>
`,
  },
  {
    slug: 'visa-liberalisation-is-cheap-soft-power', section: 'opinion', genre: 'opinion',
    title: 'Visa-free travel is the EU’s cheapest soft power',
    standfirst: 'Suspending visa-free travel is a powerful threat. Used too readily, it punishes the very citizens Europe wants on its side.',
    tags: ['migration', 'european-union', 'georgia', 'eastern-europe'], authors: ['lucas-verhoeven', 'nino-beridze'],
    hoursAgo: 1050,
    bodyHtml: `
<p>Of all the things the European Union has offered its eastern neighbours, few have had as much everyday impact as visa-free travel. For students from Tbilisi, small traders from Chisinau and families from Kyiv, the ability to board a cheap flight to Berlin or Milan without queuing at a consulate changed their sense of where they belonged.</p>
<p>That is why the suspension mechanism, which allows the EU to reintroduce visa requirements, is such a powerful instrument. It is also why it should be used with great care.</p>
<h2>Who pays the price</h2>
<p>The mechanism was designed to respond to rising irregular migration or unfounded asylum claims. In recent years it has been discussed increasingly as a tool of political pressure on governments that backslide on democratic commitments. The logic is understandable, but the cost falls on the wrong people.</p>
<blockquote><p>A visa requirement does not inconvenience a minister. It inconveniences a student, a nurse and a grandmother.</p></blockquote>
<p>Officials who disregard European values rarely travel on ordinary passports or stand in ordinary queues. The citizens who would lose visa-free travel are disproportionately young, urban and pro-European, the very people whose support for reform Brussels needs.</p>
<p>There are better-targeted tools: sanctions on specific individuals, conditions on budget support, suspension of particular programmes. Visa-free travel should remain what it has been at its best, a promise made to people rather than a lever pulled on governments.</p>
`,
  },
  {
    slug: 'stop-grading-elections-on-a-curve', section: 'opinion', genre: 'opinion',
    title: 'Stop grading elections on a curve',
    standfirst: 'Diplomatic language about flawed votes has become so cautious that it no longer informs anyone. European statements should say plainly what observers saw.',
    tags: ['elections', 'diplomacy', 'european-union'], authors: ['henrik-lindqvist'],
    hoursAgo: 1320,
    bodyHtml: `
<p>I drafted my share of election statements during a long diplomatic career, and I confess that I grew skilled at a particular art: saying something critical in a way that nobody outside the profession would notice. “Takes note” instead of “welcomes”. “Calls on the authorities to address” instead of “regrets”. A reference to “the recommendations of the OSCE/ODIHR” instead of any description of what went wrong.</p>
<p>Diplomats defend this language as a way to keep channels open. There is some truth in that. But over time the code has become so elaborate that it informs only other diplomats, and the governments concerned have learned to read it as a pass.</p>
<h2>Saying what happened</h2>
<p>When an election takes place without a genuine opposition candidate, or when observers document ballot stuffing in a significant number of polling stations, a European statement should say so in a sentence that a citizen of that country can understand. It need not be insulting or sanctimonious. It must simply be accurate.</p>
<blockquote><p>A statement that only diplomats can decode is not a message to the people who voted.</p></blockquote>
<p>Plain speaking has costs. Governments will protest, and some partnerships will be more difficult for a season. But the alternative has costs too: the credibility of every future European statement, and the trust of the citizens who risked something to observe, report or simply vote.</p>
<p>Elections should be assessed against the commitments countries have made, not against our expectations of them. Grading on a curve is not kindness. It is a quiet form of condescension.</p>
`,
  },
]
