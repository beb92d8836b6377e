// Demo official statements republished by the newsroom, and an interview. Events and people are fictional.

import type { DemoArticle } from './demo-types.ts'

export const statementArticles: readonly DemoArticle[] = [
  {
    slug: 'eu-statement-kazakhstan-presidential-election', section: 'news', genre: 'statement',
    title: 'EU comments on Kazakhstan’s presidential election',
    standfirst: 'The European Union notes an orderly vote but points to limited competition and restrictions on fundamental freedoms, and urges follow-up on the observers’ recommendations.',
    tags: ['elections', 'kazakhstan', 'european-union', 'diplomacy'], authors: ['newsroom'],
    hoursAgo: 18, updatedHoursAgo: 14, editorsChoice: 1, hero: 'ballot-map',
    bodyHtml: `
<p><em>The following statement was issued by the Spokesperson of the European External Action Service. We publish it in full, followed by background from our newsroom.</em></p>
<p>The European Union takes note of the preliminary conclusions of the international election observation mission led by the OSCE Office for Democratic Institutions and Human Rights on the presidential election held in Kazakhstan.</p>
<p>The election was efficiently administered and voting took place in a calm atmosphere. However, the observers noted that the election took place in a political environment that lacked genuine competition, that restrictions on the freedoms of assembly, association and expression continue to limit political participation, and that significant procedural irregularities were observed during the counting of votes.</p>
<p>The European Union encourages the authorities of Kazakhstan to address the recommendations of the <a href="https://www.osce.org/odihr">OSCE/ODIHR</a> in a timely manner, including those concerning candidate registration, the independence of election commissions and the ability of citizens to observe the process. The EU stands ready to support these efforts.</p>
<p>The European Union remains committed to deepening its relations with Kazakhstan, including through the full implementation of the Enhanced Partnership and Cooperation Agreement, on the basis of shared commitments to democracy, human rights and the rule of law.</p>
<h2>Background</h2>
<p>Statements of this kind follow a familiar template, and the wording is chosen with care. “Takes note” is the most neutral formula available to Brussels; statements on elections considered fully competitive usually “welcome” the outcome or congratulate the winner. The reference to counting irregularities, which did not appear in the EU’s comments on the previous presidential vote, was noticed by diplomats in Astana.</p>
<p>Kazakhstan’s foreign ministry said in a brief response that the election had been conducted “in full accordance with national legislation” and that the country would continue its dialogue with the OSCE on electoral reform.</p>
<p><em>Updated with the response of Kazakhstan’s foreign ministry.</em></p>
`,
  },
  {
    slug: 'eu-statement-georgia-local-elections', section: 'news', genre: 'statement',
    title: 'EU statement on local elections in Georgia',
    standfirst: 'Brussels calls for independent investigation of reported pressure on voters and public sector employees, and for an inclusive dialogue on electoral reform.',
    tags: ['elections', 'georgia', 'european-union'], authors: ['newsroom'],
    hoursAgo: 900,
    bodyHtml: `
<p><em>The following statement was issued by the Spokesperson of the European External Action Service on the municipal elections in Georgia. We publish it in full.</em></p>
<p>The European Union takes note of the preliminary findings of the international observers on the municipal elections held in Georgia. Fundamental freedoms were generally respected and voters had a choice between a range of candidates, but the campaign was marked by a sharply polarised environment and an uneven playing field.</p>
<p>The EU is concerned by credible reports of pressure on voters, in particular on public sector employees, and of the misuse of administrative resources. These allegations should be investigated promptly, transparently and independently.</p>
<p>The European Union recalls that free and fair elections, an independent judiciary and a pluralistic media environment are at the heart of the reforms Georgia has committed to on its European path. The EU calls on all political forces to engage in an inclusive dialogue on electoral reform, in line with the recommendations of the OSCE/ODIHR and the Venice Commission.</p>
<p>The EU will continue to support the Georgian people in their aspirations for a democratic, prosperous and European future.</p>
<h2>Context</h2>
<p>Georgia was granted EU candidate status on the basis of a set of reform steps, several of which concern elections and the judiciary. The statement’s reference to public sector employees reflects concerns raised repeatedly by domestic observer groups, which reported that teachers and municipal staff had been asked to provide lists of relatives who intended to vote.</p>
`,
  },
  {
    slug: 'eu-statement-azerbaijan-journalists-sentenced', section: 'news', genre: 'statement',
    title: 'EU statement on the sentencing of journalists in Azerbaijan',
    standfirst: 'The European Union calls for the release of journalists from an independent online outlet who received prison terms on smuggling charges.',
    tags: ['media-freedom', 'human-rights', 'azerbaijan', 'european-union'], authors: ['newsroom'],
    hoursAgo: 1010,
    bodyHtml: `
<p><em>The following statement was issued by the Spokesperson of the European External Action Service. We publish it in full.</em></p>
<p>A court in Baku has sentenced several journalists working for an independent online outlet to prison terms of between seven and nine years on charges of currency smuggling. The journalists had reported on corruption and public procurement.</p>
<p>The European Union is deeply concerned by these sentences, which follow a series of arrests of journalists and civil society representatives in Azerbaijan. The charges appear to be related to the journalists’ professional activities. The EU calls on the authorities to release them and to ensure that all detained journalists are treated in accordance with Azerbaijan’s international obligations.</p>
<p>Freedom of expression and media freedom are fundamental to any democratic society. As a member of the Council of Europe and a participating State of the OSCE, Azerbaijan has committed to uphold these freedoms and to guarantee the right to a fair trial.</p>
<p>The European Union will continue to follow these cases closely and to raise them with the Azerbaijani authorities, including in the framework of the EU–Azerbaijan dialogue.</p>
<h2>Reaction</h2>
<p>Azerbaijan’s foreign ministry rejected the statement as interference in the independent work of the judiciary. Media freedom organisations said the sentences were among the longest handed down to journalists in the country in recent years, and that the case would weigh on talks about a new partnership agreement with the EU.</p>
`,
  },
  {
    slug: 'interview-what-election-observers-actually-do', section: 'news', genre: 'interview',
    title: '“Observers do not decide elections. They describe them”',
    standfirst: 'Katarzyna Wrona has served on fourteen election observation missions from Moldova to Kyrgyzstan. She explains what observers can see, what they miss, and why their reports still matter.',
    tags: ['elections', 'human-rights', 'central-asia', 'eastern-europe'], authors: ['anna-kowalska', 'timur-akhmetov'],
    hoursAgo: 98, editorsChoice: 4, hero: 'ballot-map',
    bodyHtml: `
<p>Election observation missions publish their preliminary findings the day after a vote, and for a few hours their language is parsed in every capital concerned. Katarzyna Wrona, a Polish election lawyer, has worked as a long-term observer on fourteen missions in Eastern Europe, the South Caucasus and Central Asia. We spoke to her about the work. The interview has been edited for length.</p>
<h2>Long before polling day</h2>
<p><strong>The Caspian Ledger:</strong> Most people imagine observers standing in a polling station with a clipboard. Is that the job?</p>
<p><strong>Katarzyna Wrona:</strong> That is the last and most visible part. Long-term observers arrive six or seven weeks before the vote. We meet election commissions, candidates, local journalists, police chiefs, people who were refused registration. By polling day we should already understand whether the competition was real. A clean polling station cannot repair a campaign in which the main challenger was never allowed on the ballot.</p>
<p><strong>What do observers regularly miss?</strong></p>
<p><strong>Wrona:</strong> Pressure that happens in private. A factory director who tells his workers to photograph their ballots, a teacher told that her contract depends on turnout in her school. People tell you these things, but they rarely want to be named, and a report must rest on what can be verified. So the report is often more cautious than the reality.</p>
<blockquote><p>“A clean polling station cannot repair a campaign in which the main challenger was never allowed on the ballot.”</p></blockquote>
<h2>Reading the verdict</h2>
<p><strong>Governments often quote only the positive sentences. Does that frustrate you?</strong></p>
<p><strong>Wrona:</strong> It is expected. Every report says something positive, usually about the technical administration, which is often genuinely good. The important sentences are the ones about fundamental freedoms and about counting. If you want to understand a report, read three things:</p>
<ul>
<li>the first paragraph of the summary, which carries the overall assessment;</li>
<li>the section on the counting and tabulation of results;</li>
<li>the list of priority recommendations, and whether they repeat those of the previous mission.</li>
</ul>
<p><strong>And if they repeat?</strong></p>
<p><strong>Wrona:</strong> Then you have learned something important about the government’s intentions, whatever it says in public. Observers do not decide elections. They describe them, carefully, so that the record exists.</p>
`,
  },
]
