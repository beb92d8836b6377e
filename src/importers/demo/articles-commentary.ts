// Demo Monday Commentary columns by the editor.

import type { DemoArticle } from './demo-types.ts'

export const commentaryArticles: readonly DemoArticle[] = [
  {
    slug: 'elections-without-suspense-still-matter', section: 'monday-commentary', genre: 'commentary',
    title: 'Elections without suspense still matter',
    standfirst: 'Nobody doubted who would win in Kazakhstan. The interesting questions were elsewhere: in the counting, in the turnout and in the wording from Brussels.',
    tags: ['elections', 'kazakhstan', 'central-asia', 'european-union'], authors: ['anna-kowalska'],
    hoursAgo: 10, editorsChoice: 5, hero: 'ballot-map',
    bodyHtml: `
<p>Good morning. It is tempting to treat an election without suspense as a non-event, and some of our readers wrote last week to ask why we devoted so much space to a vote whose winner was known before the campaign began. It is a fair question, and this column is my answer.</p>
<p>Elections in which the outcome is certain still reveal a great deal, precisely because the authorities control so much of the process. What they choose to allow, and what they choose to prevent, tells you what they fear.</p>
<h2>Three things worth noticing</h2>
<p>First, turnout. Where the result is not in doubt, the effort to get people to the polls is a measure of how much the government needs the appearance of consent. Second, the count: the observers’ description of counting procedures is often the most candid passage in their report. Third, the reaction abroad, which this time included a phrase about counting irregularities that was absent from the EU’s statement on the previous vote.</p>
<blockquote><p>What a government chooses to allow, and what it chooses to prevent, tells you what it fears.</p></blockquote>
<p>None of this will change who governs Kazakhstan. But the country is changing underneath its politics: younger, more urban, more connected to the world. The gap between that society and its tightly managed elections is the story we will keep following.</p>
<p>This week, watch for the final observation report, the composition of the new government and any sign that the promised reform of local elections is back on the agenda. As always, thank you for reading, and for writing to us.</p>
`,
  },
  {
    slug: 'read-the-communique-twice', section: 'monday-commentary', genre: 'commentary',
    title: 'Read the communiqué twice',
    standfirst: 'Summit declarations are written to be skimmed. The important parts are the sentences that took the longest to negotiate.',
    tags: ['diplomacy', 'european-union'], authors: ['anna-kowalska'],
    hoursAgo: 178, hero: 'capital-plan',
    bodyHtml: `
<p>Good morning. Last week produced two summit declarations, a joint statement and a set of Council conclusions concerning our region, adding up to some thirty pages of carefully balanced prose. I read all of them so that you do not have to, and I want to share a method rather than a summary.</p>
<p>Official texts have a structure. The opening paragraphs are ceremonial. The middle is a list of areas of cooperation, most of them carried over from the previous text. The real news, when there is any, hides in three places.</p>
<h2>Where to look</h2>
<p>Look for what is new compared with the last text on the same subject: a new verb, a named project, a deadline. Look for what has disappeared, because omissions are usually deliberate. And look for the sentences that are oddly long and full of qualifications, because those are the ones that were fought over late into the night.</p>
<blockquote><p>The sentence with the most commas is usually the one that cost the most sleep.</p></blockquote>
<p>Applied to the latest Council conclusions on Central Asia, this method reveals something the press releases did not: a new reference to sanctions circumvention, inserted into a paragraph on trade. It is one line, and it will shape how Brussels judges the region’s trade figures for years.</p>
<p>Our Brussels correspondent has more on the conclusions in our news pages. Next Monday: what the winter gas numbers say about the east of the continent.</p>
`,
  },
  {
    slug: 'winter-is-an-energy-policy', section: 'monday-commentary', genre: 'commentary',
    title: 'Winter is an energy policy',
    standfirst: 'In Kyiv and Chisinau, the heating season is the most honest audit of a government’s choices. This year’s results are better than feared, and fragile.',
    tags: ['energy', 'ukraine', 'moldova'], authors: ['anna-kowalska'],
    hoursAgo: 346,
    bodyHtml: `
<p>Good morning. Every autumn, energy ministries across our region publish reassuring figures about storage levels, import contracts and repair schedules. Every winter, the weather checks their arithmetic.</p>
<p>The figures this year are genuinely better than in recent winters. Moldova has gas stored abroad and a pipeline that runs west. Ukraine can import more electricity from the European grid, and has added solar capacity that eases daytime shortages. These are real achievements, built by people who rarely get credit for them.</p>
<h2>The weak points</h2>
<p>But a system is only as strong as its weakest hour. For Ukraine, that is the early evening on a cold, windless day, when solar output has faded and demand peaks. For Moldova, it is a price spike on regional markets that turns security of supply into a household affordability crisis.</p>
<blockquote><p>Security of supply and affordability are two different problems, and winter tests both at once.</p></blockquote>
<p>Governments should be honest with citizens about both risks. The temptation is to promise that the lights will stay on and prices will stay low. Credibility is better served by explaining what has been done, what could still go wrong and what people can expect if it does.</p>
<p>We will be tracking the winter across the region in the coming months, with our correspondents reporting from households as well as ministries. Stay warm.</p>
`,
  },
  {
    slug: 'a-corridor-needs-people-not-only-rails', section: 'monday-commentary', genre: 'commentary',
    title: 'A corridor needs people, not only rails',
    standfirst: 'Freight routes across the Caspian are growing fast. The customs officers, train drivers and ferry crews who run them are the part of the plan nobody budgets for.',
    tags: ['connectivity', 'trade', 'central-asia', 'south-caucasus'], authors: ['anna-kowalska'],
    hoursAgo: 514,
    bodyHtml: `
<p>Good morning. I spent part of last week at a logistics conference where the slides were full of maps: thick arrows crossing the steppe, the sea and the mountains, converging on European ports. Not one of the slides showed a person.</p>
<p>That omission is telling. Transport corridors are planned as infrastructure, financed as infrastructure and reported as infrastructure. Yet the most common complaints from shippers on the route between China and Europe via the Caspian concern people: too few trained customs officers, too few locomotive drivers, ferry crews working long rotations.</p>
<figure><img src="/media/demo/rail-corridor.svg" alt="Abstract illustration of layered contour shapes in terracotta and clay tones"><figcaption>The maps show routes. The routes depend on the people who work them. <small>Broadsheet illustration</small></figcaption></figure>
<h2>An unglamorous investment</h2>
<p>Training is cheap compared with track, and it pays back quickly. A customs service that can clear goods electronically before they arrive saves more time than a new siding. A railway that can retain skilled staff, by paying them properly, avoids the delays that come from constant turnover.</p>
<blockquote><p>Nobody cuts a ribbon for a training centre. Perhaps somebody should.</p></blockquote>
<p>Our energy and trade editor has written about the corridor’s bottlenecks in detail in our analysis pages. This week, I would simply ask the lenders and ministries involved to add one line to their next slide: who will run it?</p>
`,
  },
  {
    slug: 'the-quiet-work-of-border-commissions', section: 'monday-commentary', genre: 'commentary',
    title: 'The quiet work of border commissions',
    standfirst: 'Peace between Armenia and Azerbaijan will not be made in a single ceremony. Some of it is being made, slowly, by surveyors with old maps.',
    tags: ['security', 'diplomacy', 'armenia', 'azerbaijan'], authors: ['anna-kowalska'],
    hoursAgo: 682, hero: 'border-survey',
    bodyHtml: `
<p>Good morning. News from the South Caucasus tends to reach European audiences in two forms: violence, and grand diplomatic announcements. What happens in between rarely makes headlines, and yet it is where most of the work of ending a conflict actually takes place.</p>
<p>Consider the commissions on border delimitation. Their members spend their days comparing Soviet maps from different decades, walking ridgelines with GPS devices and arguing about which village’s pasture lies on which side of a stream. It is slow, technical and politically dangerous work.</p>
<h2>Why it matters</h2>
<p>A border that is defined is a border that can be respected. Where the line is unclear, every patrol is a potential incident and every farmer grazing sheep is a potential hostage to politics. Where it is agreed, even imperfectly, both sides have something to defend together.</p>
<blockquote><p>Peace is often built by people whose names never appear in the communiqué.</p></blockquote>
<p>Our South Caucasus correspondent has reported from villages along the frontier, where residents are cautiously hopeful and deeply practical. They want to know where they can plant their orchards and whether the road to the next town will be open. Those are the right questions, and they deserve answers.</p>
<p>This week, the commissions are expected to publish a summary of their latest meeting. We will read it closely.</p>
`,
  },
  {
    slug: 'small-newsrooms-long-memories', section: 'monday-commentary', genre: 'commentary',
    title: 'Small newsrooms, long memories',
    standfirst: 'A regional newsroom cannot compete with the wire services on speed. It can remember what was promised, and check whether it was done.',
    tags: ['media-freedom', 'central-asia', 'south-caucasus'], authors: ['anna-kowalska'],
    hoursAgo: 850,
    bodyHtml: `
<p>Good morning. A reader asked me recently why a newsroom of our size bothers covering breaking news at all, when larger organisations will always report it faster. It is a question I ask myself every week.</p>
<p>My answer is that speed is not our job. Our job is memory. Governments, international organisations and companies make promises in our region constantly: a reform by next year, a pipeline by the end of the decade, an investigation that will be “thorough and transparent”. The wire services report the promise. Few organisations go back to check.</p>
<h2>The archive as a tool</h2>
<p>That is why we keep a searchable archive of every statement, commitment and deadline we have reported, and why our correspondents are encouraged to revisit old stories. Sometimes the promise was kept, and we say so. More often the deadline passed quietly, and nobody noticed until we asked.</p>
<blockquote><p>Speed is not our job. Memory is.</p></blockquote>
<p>This requires patience and a certain stubbornness, qualities that small newsrooms tend to have in abundance. It also requires readers who value it, and I am grateful to those of you who support our work by reading, sharing and sending us tips.</p>
<p>In the coming weeks we will publish a series looking back at commitments made at regional summits three years ago. You may be surprised by what we found.</p>
`,
  },
  {
    slug: 'what-brussels-forgets-about-the-caucasus', section: 'monday-commentary', genre: 'commentary',
    title: 'What Brussels forgets about the Caucasus',
    standfirst: 'European policy towards the South Caucasus treats three very different countries as one file. Each of them notices.',
    tags: ['south-caucasus', 'european-union', 'diplomacy'], authors: ['anna-kowalska', 'nino-beridze'],
    hoursAgo: 1186, hero: 'mountain-passes',
    bodyHtml: `
<p>Good morning. This week’s column is written jointly with our South Caucasus correspondent, who has heard one complaint more than any other from officials and activists in Tbilisi, Yerevan and Baku: that Brussels sees the region as a single problem.</p>
<p>It is easy to understand why. The three countries share mountains, a history of Soviet rule and a place on the EU’s eastern horizon. But their relationships with Europe could hardly be more different. Georgia is a candidate for membership. Armenia is rethinking its alliances. Azerbaijan is an energy partner with little interest in European political standards.</p>
<h2>One region, three conversations</h2>
<p>A regional approach has its uses, particularly for transport, energy and the peace process between Armenia and Azerbaijan. But when European statements bundle the three together, each capital hears something it dislikes: Georgians hear their European path diluted, Armenians hear their security concerns equated with those of their adversary, and Azerbaijanis hear lectures they consider irrelevant to a commercial relationship.</p>
<blockquote><p>A regional strategy is useful. A regional assumption is not.</p></blockquote>
<p>The EU does better when it speaks to each country about what that country actually wants and what it has actually committed to. That requires more diplomats who speak the languages, more time spent outside the capitals and less reliance on a single strategy paper.</p>
<p>Next week: the Black Sea, and why it has returned to the centre of European thinking about the region.</p>
`,
  },
  {
    slug: 'the-black-sea-is-back-on-the-map', section: 'monday-commentary', genre: 'commentary',
    title: 'The Black Sea is back on the map',
    standfirst: 'For years European strategy treated the Black Sea as a backwater. War, energy and trade have made it a crossroads again.',
    tags: ['security', 'trade', 'georgia', 'ukraine'], authors: ['anna-kowalska'],
    hoursAgo: 1018, hero: 'harbour-at-dusk',
    bodyHtml: `
<p>Good morning. When I began reporting from the region, the Black Sea rarely featured in European strategy documents except as a line on a map between more important places. That has changed decisively.</p>
<p>The war in Ukraine has made the sea a front line, with shipping lanes, grain exports and naval power all contested. At the same time, the search for trade and energy routes that bypass Russia has turned Georgian and Romanian ports into links in chains that stretch to Central Asia and China.</p>
<h2>Competing visions</h2>
<p>Different actors see different seas. For Ukraine, it is a lifeline for exports and a theatre of war. For Georgia, it is a commercial opportunity, centred on plans for a deep-water port. For the EU, it is both a security concern and the western end of a corridor it hopes to build across the Caspian. For Turkey, which controls access through the straits, it is a sphere of influence.</p>
<blockquote><p>The Black Sea has stopped being a border of Europe and become one of its crossroads.</p></blockquote>
<p>These visions are not always compatible. Ports need security to attract investment; security arrangements can deter traffic; undersea cables and electricity links raise questions about who will protect them.</p>
<p>We will be expanding our coverage of the Black Sea in the coming months, with reporting from ports, shipping companies and coastal communities. As ever, tell us what you would like us to look at.</p>
`,
  },
]
