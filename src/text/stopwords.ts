// Stopwords per language: words too common to say what an article is about, folded as foldWord folds them.

import { foldWord } from './fold.ts'

const ENGLISH = `a about above after again against all almost also although am among an and any are aren around as at be
because been before being below between both but by can cannot could couldn did didn do does doesn doing don down during
each either else ever every few for from further had hadn has hasn have haven having he her here hers herself him himself his
how however i if in into is isn it its itself just let ll may me might more most much must mustn my myself neither no nor not
now of off often on once one only or other ought our ours ourselves out over own per quite rather re really said say says
shall shan she should shouldn since so some still such than that the their theirs them themselves then there these they this
those though through thus to too under until up upon us very via was wasn we were weren what when where whether which while
who whom whose why will with within without won would wouldn ye yet you your yours yourself yourselves mr mrs ms s t d m ve
also told according added two three new year years last first time people`

const RUSSIAN = `а без более бы был была были было быть в вам вас весь во вот все всё всего всех вы где да даже для до его её
если есть ещё же за здесь и из или им их к как ко когда кто ли либо мне может мы на над надо наш не него неё нет ни них но
ну о об однако он она они оно от очень по под при с со так также такой там те тем то того тоже той только том ты у уже хотя
чего чей чем что чтобы чьё чья эта эти это я год года лет сказал заявил`

const build = (words: string, language: string): ReadonlySet<string> =>
  new Set(words.split(/\s+/).filter(Boolean).map((w) => foldWord(w, language)))

const LISTS: Readonly<Record<string, ReadonlySet<string>>> = { en: build(ENGLISH, 'en'), ru: build(RUSSIAN, 'ru') }
const NONE: ReadonlySet<string> = new Set()

/** The stopwords of a language (its primary subtag decides: `en-GB` uses `en`); an empty set where none are listed. */
export const stopwordsOf = (language: string): ReadonlySet<string> => LISTS[language.split('-')[0] ?? ''] ?? NONE
