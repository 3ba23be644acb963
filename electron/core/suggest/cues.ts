/**
 * The words the suggester treats as attribution cues and the words it reads around them.
 * Kept as explicit word forms (not lemmas) so that the evaluation can classify a gold cue with
 * the very same list without running the tagger.
 */

/** Verbs of saying, in every inflected form an English news text uses. */
const SPEECH_VERBS: readonly (readonly string[])[] = [
  ['say', 'says', 'said', 'saying'],
  ['tell', 'tells', 'told', 'telling'],
  ['add', 'adds', 'added', 'adding'],
  ['state', 'states', 'stated', 'stating'],
  ['explain', 'explains', 'explained', 'explaining'],
  ['note', 'notes', 'noted', 'noting'],
  ['warn', 'warns', 'warned', 'warning'],
  ['argue', 'argues', 'argued', 'arguing'],
  ['claim', 'claims', 'claimed', 'claiming'],
  ['insist', 'insists', 'insisted', 'insisting'],
  ['declare', 'declares', 'declared', 'declaring'],
  ['announce', 'announces', 'announced', 'announcing'],
  ['write', 'writes', 'wrote', 'writing', 'written'],
  ['report', 'reports', 'reported', 'reporting'],
  ['ask', 'asks', 'asked', 'asking'],
  ['reply', 'replies', 'replied', 'replying'],
  ['respond', 'responds', 'responded', 'responding'],
  ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  ['admit', 'admits', 'admitted', 'admitting'],
  ['concede', 'concedes', 'conceded', 'conceding'],
  ['confirm', 'confirms', 'confirmed', 'confirming'],
  ['deny', 'denies', 'denied', 'denying'],
  ['predict', 'predicts', 'predicted', 'predicting'],
  ['promise', 'promises', 'promised', 'promising'],
  ['vow', 'vows', 'vowed', 'vowing'],
  ['pledge', 'pledges', 'pledged', 'pledging'],
  ['urge', 'urges', 'urged', 'urging'],
  ['caution', 'cautions', 'cautioned', 'cautioning'],
  ['emphasize', 'emphasizes', 'emphasized', 'emphasizing', 'emphasise', 'emphasises', 'emphasised', 'emphasising'],
  ['stress', 'stresses', 'stressed', 'stressing'],
  ['remark', 'remarks', 'remarked', 'remarking'],
  ['comment', 'comments', 'commented', 'commenting'],
  ['tweet', 'tweets', 'tweeted', 'tweeting'],
  ['recall', 'recalls', 'recalled', 'recalling'],
  ['counter', 'counters', 'countered', 'countering'],
  ['complain', 'complains', 'complained', 'complaining'],
  ['contend', 'contends', 'contended', 'contending'],
  ['maintain', 'maintains', 'maintained', 'maintaining'],
  ['assert', 'asserts', 'asserted', 'asserting'],
  ['allege', 'alleges', 'alleged', 'alleging'],
  ['testify', 'testifies', 'testified', 'testifying'],
  ['joke', 'jokes', 'joked', 'joking'],
  ['quip', 'quips', 'quipped', 'quipping'],
  ['reveal', 'reveals', 'revealed', 'revealing'],
  ['disclose', 'discloses', 'disclosed', 'disclosing'],
  ['suggest', 'suggests', 'suggested', 'suggesting'],
  ['point', 'points', 'pointed', 'pointing'], // only as "pointed out": see isSpeechCueAt
  ['continue', 'continues', 'continued', 'continuing'],
  ['describe', 'describes', 'described', 'describing'],
  ['accuse', 'accuses', 'accused', 'accusing'],
  ['criticize', 'criticizes', 'criticized', 'criticizing', 'criticise', 'criticises', 'criticised', 'criticising'],
  ['tout', 'touts', 'touted', 'touting'],
  ['boast', 'boasts', 'boasted', 'boasting'],
  ['estimate', 'estimates', 'estimated', 'estimating'],
  ['shout', 'shouts', 'shouted', 'shouting'],
  ['yell', 'yells', 'yelled', 'yelling'],
  ['reiterate', 'reiterates', 'reiterated', 'reiterating'],
  ['repeat', 'repeats', 'repeated', 'repeating'],
  ['mention', 'mentions', 'mentioned', 'mentioning'],
  ['answer', 'answers', 'answered', 'answering'],
  ['proclaim', 'proclaims', 'proclaimed', 'proclaiming'],
  ['observe', 'observes', 'observed', 'observing'],
];

const SPEECH_FORMS = new Set(SPEECH_VERBS.flat());

/**
 * Forms that are cues only in the word order of an attribution ("she warned", "said Wang"),
 * because they are far more often nouns or other verbs: "warning", "report", "claims" ...
 */
const WEAK_FORMS = new Set([
  'claim', 'claims', 'report', 'reports', 'note', 'notes', 'state', 'states', 'warning', 'comment', 'comments',
  'remarks', 'remark', 'answer', 'answers', 'counter', 'estimate', 'estimates', 'point', 'points', 'pointed',
  'pointing', 'continue', 'continues', 'continued', 'continuing', 'reporting', 'writing', 'promising', 'stress',
  'stresses', 'add', 'adding', 'saying', 'telling', 'describe', 'describes', 'described', 'describing', 'accuse',
  'accuses', 'accused', 'accusing', 'criticize', 'criticizes', 'criticized', 'criticizing', 'criticise',
  'criticises', 'criticised', 'criticising', 'suggest', 'suggests', 'suggested', 'suggesting', 'estimated',
  'repeat', 'repeats', 'repeated', 'repeating', 'mention', 'mentions', 'mentioned', 'mentioning', 'observe',
  'observes', 'observed', 'observing', 'recall', 'recalls', 'recalled', 'recalling', 'reveal', 'reveals',
  'revealed', 'revealing', 'tout', 'touts', 'touted', 'touting', 'maintain', 'maintains', 'maintained',
  'maintaining', 'confirm', 'confirmed', 'confirms', 'confirming', 'ask', 'asks', 'asked', 'asking',
  'answer', 'answered', 'answering', 'written', 'promise', 'promises', 'promised',
]);

/** Verbs whose first object is the hearer, not the content: "told reporters that ...". */
export const HEARER_VERBS = new Set([
  'tell', 'tells', 'told', 'telling', 'warn', 'warns', 'warned', 'warning', 'assure', 'assured', 'remind',
  'reminded', 'urge', 'urges', 'urged', 'ask', 'asks', 'asked', 'promise', 'promised', 'promises',
]);

/** True when the lower-cased word is a form of a verb of saying. */
export function isSpeechForm(lower: string): boolean {
  return SPEECH_FORMS.has(lower);
}

/** True when the word is a cue only where it sits in an attribution's word order. */
export function isWeakForm(lower: string): boolean {
  return WEAK_FORMS.has(lower);
}

/**
 * Whether a gold cue (as annotated, e.g. "said in a statement", "has learned", "according to")
 * is a speech cue: it contains a verb of saying or "according to".
 */
export function isSpeechCueText(cue: string): boolean {
  const lower = cue.toLowerCase();
  if (/\baccording to\b/.test(lower)) return true;
  return lower.split(/[^a-z]+/).some((word) => SPEECH_FORMS.has(word));
}

/** Pronouns that refer back to a named speaker. */
export const PERSONAL_PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'it']);

/**
 * Role nouns that, after "the", usually refer to the last named speaker ("the minister said").
 * "the source", "officials" and the like are left as written.
 */
export const ROLE_NOUNS = new Set([
  'minister', 'spokesman', 'spokeswoman', 'spokesperson', 'senator', 'congressman', 'congresswoman',
  'governor', 'candidate', 'nominee', 'secretary', 'ambassador', 'diplomat', 'chairman', 'chairwoman',
  'mayor', 'businessman', 'billionaire', 'lawmaker', 'official', 'envoy', 'premier', 'president',
  'leader', 'adviser', 'advisor', 'aide', 'strategist', 'director', 'chief', 'executive', 'republican',
  'democrat', 'former', 'general', 'admiral', 'representative', 'judge', 'prosecutor', 'author', 'economist',
  'analyst', 'professor', 'woman', 'man', 'congressman', 'frontrunner', 'front-runner', 'speaker',
]);

/** Title words dropped from the front of a named speaker: "Foreign Minister Wang Yi" is "Wang Yi". */
export const TITLE_WORDS = new Set([
  'president', 'minister', 'foreign', 'prime', 'vice', 'secretary', 'sen.', 'senator', 'rep.',
  'representative', 'gov.', 'governor', 'mr.', 'mrs.', 'ms.', 'dr.', 'gen.', 'general', 'adm.', 'admiral',
  'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'state', 'defense', 'defence',
  'former', 'mayor', 'ambassador', 'judge', 'justice', 'attorney', 'speaker', 'house', 'senate', 'majority',
  'minority', 'leader', 'chief', 'deputy', 'assistant', 'national', 'security', 'adviser', 'advisor', 'u.s.',
  'us', 'chinese', 'american', 'democratic', 'republican', 'gop', 'candidate', 'nominee', 'presidential',
  'lt.', 'col.', 'sgt.', 'prof.', 'professor', 'rev.', 'sir', 'lord', 'lady', 'king', 'queen', 'premier',
  'commerce', 'trade', 'treasury', 'finance', 'economic', 'campaign', 'manager', 'press', 'white',
]);

/** Titles that stand right before a person's name: "President Biden", "Sen. Warren". */
export const PERSON_TITLES = new Set([
  'president', 'minister', 'secretary', 'sen.', 'senator', 'rep.', 'representative', 'gov.', 'governor', 'mr.',
  'mrs.', 'ms.', 'dr.', 'gen.', 'general', 'adm.', 'admiral', 'spokesman', 'spokeswoman', 'spokesperson',
  'chairman', 'chairwoman', 'mayor', 'ambassador', 'judge', 'justice', 'speaker', 'leader', 'chief', 'deputy',
  'adviser', 'advisor', 'candidate', 'nominee', 'lt.', 'col.', 'sgt.', 'prof.', 'professor', 'rev.', 'sir',
  'lord', 'lady', 'king', 'queen', 'premier', 'manager', 'attorney',
]);
