/**
 * English words too common to be worth an index entry: they are in nearly every article, so
 * they cost much index space and AND queries with them, and rank almost nothing. They still
 * count inside "quoted phrases", which are checked against the stored text word for word.
 * Kept short on purpose: "us" (the US), "who" (the WHO), "may" and "will" mean something here.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'been',
  'but',
  'by',
  'for',
  'from',
  'had',
  'has',
  'have',
  'in',
  'is',
  'it',
  'its',
  'of',
  'on',
  'or',
  's',
  't',
  'that',
  'the',
  'this',
  'to',
  'was',
  'were',
  'which',
  'with',
]);
