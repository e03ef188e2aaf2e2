// Danish free text for matching. PostgreSQL's Danish stemmer does not split compounds
// ("akutmodtagelse" never meets "akut"), so words are compared by prefix, by containment of a
// long enough part, and by trigram overlap for inflections ("demente" ~ "demens").

const STOPWORDS = new Set([
  'og', 'i', 'på', 'til', 'med', 'for', 'at', 'en', 'et', 'af', 'der', 'som', 'er', 'de', 'den', 'det', 'du', 'vi', 'har', 'kan', 'skal', 'vil',
  'fra', 'om', 'eller', 'ikke', 'os', 'din', 'dit', 'dine', 'vores', 'hos', 'ved', 'efter', 'under', 'over', 'samt', 'også', 'meget', 'god', 'gode',
  'godt', 'gerne', 'have', 'være', 'bliver', 'blive', 'timer', 'uge', 'ugen', 'the', 'and', 'for', 'with', 'you', 'our', 'are', 'have', 'will',
]);

const isContentWord = (w: string) => w.length >= 3 && !STOPWORDS.has(w) && !/^\d+$/.test(w);

/** Lower-cased words of 3+ letters, stop words dropped, in order, each once. */
export function contentWords(text: string): string[] {
  // Danish has no locale-specific case rules, and toLowerCase is many times faster on every CV ranked.
  return [...new Set(text.toLowerCase().split(/[^0-9a-zæøåéü]+/).filter(isContentWord))];
}

// Ranking compares the same few thousand words again and again; their trigram sets are kept.
const TRIGRAM_CACHE_SIZE = 50_000;
const trigramCache = new Map<string, Set<string>>();

function trigrams(word: string): Set<string> {
  const cached = trigramCache.get(word);
  if (cached) return cached;
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  if (trigramCache.size >= TRIGRAM_CACHE_SIZE) trigramCache.clear();
  trigramCache.set(word, out);
  return out;
}

/** Dice coefficient of the two words' trigram sets, 0–1. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  if (ta.size > tb.size) {
    for (const t of tb) if (ta.has(t)) shared++;
    return (2 * shared) / (ta.size + tb.size);
  }
  for (const t of ta) if (tb.has(t)) shared++;
  return (2 * shared) / (ta.size + tb.size);
}

/**
 * Whether two (lower-cased) words are the same for matching: equal; one a prefix of the other
 * (4+ letters: "akut" ~ "akutmodtagelse"); the shorter inside the longer (5+ letters:
 * "modtagelse" ~ "akutmodtagelse"); or trigram similarity ≥ 0.6 (inflections).
 */
export function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short)) return true;
  if (short.length >= 5 && long.includes(short)) return true;
  return short.length >= 4 && trigramSimilarity(a, b) >= 0.6;
}

/** Whether a phrase (a wanted skill, 1+ words) is covered by the words: at least half its words match one. */
export function phraseCovered(phrase: string, words: readonly string[]): boolean {
  const parts = contentWords(phrase);
  if (parts.length === 0) return false;
  const hits = parts.filter((p) => words.some((w) => wordsMatch(p, w))).length;
  return hits >= Math.ceil(parts.length / 2);
}
