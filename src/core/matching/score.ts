import { addDays, type IsoDate } from '../calendar/iso-date';
import { EDUCATION_LEVELS, type EducationLevel } from '../reference/education-levels';
import type { Label } from '../reference/label';
import { distanceKm } from '../reference/municipalities';
import { findOccupation, occupationGroup } from '../reference/occupations';
import { contentWords, wordsMatch } from './text';

// Explainable matching of jobseekers and job orders. Matching people to jobs is high-risk AI
// use under the EU AI Act: every score is a weighted sum of a few named parts, each part and
// its weight is shown with a reason in words, and a person decides. No learning, no hidden state.

export type MatchJob = {
  id: string;
  occupationCode: string;
  title: string;
  /** Description and requirements: the free text. */
  text: string;
  skills: readonly string[];
  educationLevel: EducationLevel | null;
  drivingLicence: string | null;
  municipalityCode: number;
  /** Null when the job does not say (an imported vacancy): the hours part is then not judged. */
  hoursPerWeek: number | null;
  wantedStart: IsoDate | null;
  /**
   * What the job's source does not state at all (an imported vacancy has no skills, education
   * requirement or start date): those parts are not judged, and their reasons say "not stated"
   * rather than reading the empty value as "nothing asked".
   */
  unstated?: readonly UnstatedJobField[];
};

export type UnstatedJobField = 'skills' | 'education' | 'start';

export type MatchCandidate = {
  id: string;
  occupationsWanted: readonly string[];
  occupationsHeld: readonly string[];
  skills: readonly string[];
  education: readonly string[];
  summary: string;
  educationLevel: EducationLevel | null;
  drivingLicences: readonly string[];
  municipalityCode: number | null;
  maxTravelKm: number | null;
  hoursWanted: number | null;
  availableFrom: IsoDate | null;
};

/** What the parts other than occupation, skills and free text judge. */
type CandidateFacts = Pick<MatchCandidate, 'educationLevel' | 'municipalityCode' | 'maxTravelKm' | 'hoursWanted' | 'availableFrom'>;

/** How a candidate's occupations meet the job's: its code wanted, held, another in its minor group, or none. */
export type OccupationMatch = 'wanted' | 'held' | 'related' | 'other';

/**
 * What the shortlist knows of a candidate: how their occupations meet the job's and how many of
 * the job's skills they name as the job names them (both worked out by the pre-filter's query),
 * and the facts the other word-free parts judge.
 */
export type ShortlistCandidate = { id: string } & CandidateFacts & {
  occupationMatch: OccupationMatch;
  skillsNamed: number;
};

export type ScorePart = 'occupation' | 'skills' | 'text' | 'education' | 'distance' | 'availability' | 'hours';

/** The weights, out of 100. Shown beside every result. */
export const MATCH_WEIGHTS: Readonly<Record<ScorePart, number>> = {
  occupation: 35,
  skills: 20,
  text: 10,
  education: 10,
  distance: 15,
  availability: 5,
  hours: 5,
};

/** Travel limit assumed when the person has not said how far they will travel. */
export const DEFAULT_MAX_TRAVEL_KM = 30;

export type PartResult = {
  part: ScorePart;
  weight: number;
  /** 0–1, or null when it cannot be judged (then it counts neither for nor against). */
  value: number | null;
  /** Points it adds to the score (weight × value, rescaled with the other judged parts). */
  points: number;
  reason: Label;
};

export type MatchResult = {
  jobId: string;
  candidateId: string;
  /** 0–100. */
  score: number;
  parts: PartResult[];
  /** The reasons joined: "samme stilling; 24 km; kan starte nu; 3 af 4 kompetencer". */
  summary: Label;
  withinTravelLimit: boolean | null;
  distanceKm: number | null;
};

const title = (code: string): Label => findOccupation(code)?.title ?? { da: code, en: code };
const isced = (level: EducationLevel) => EDUCATION_LEVELS.find((l) => l.code === level)!.iscedLevel;
const fmtDate = (d: IsoDate): Label => ({ da: `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`, en: d });

/**
 * A part's value, and its reason in words when asked for (`say`): ranking judges thousands of
 * candidates and explains the few shown, so the words are put together for those only.
 */
type Part = { value: number | null; reason: Label | null };

const OCCUPATION_VALUE: Readonly<Record<OccupationMatch, number>> = { wanted: 1, held: 0.9, related: 0.5, other: 0 };

/** The first of the candidate's codes in the job's minor group, wanted before held. */
function relatedCode(job: MatchJob, c: Pick<MatchCandidate, 'occupationsWanted' | 'occupationsHeld'>): string | undefined {
  const group = occupationGroup(job.occupationCode);
  return c.occupationsWanted.find((code) => occupationGroup(code) === group) ?? c.occupationsHeld.find((code) => occupationGroup(code) === group);
}

/**
 * How the candidate's occupations meet the job's. The candidate pre-filter works the same out in
 * SQL (matching.ts), where everyone it reads has a code in the job's minor group.
 */
export function occupationMatch(job: MatchJob, c: Pick<MatchCandidate, 'occupationsWanted' | 'occupationsHeld'>): OccupationMatch {
  if (c.occupationsWanted.includes(job.occupationCode)) return 'wanted';
  if (c.occupationsHeld.includes(job.occupationCode)) return 'held';
  return relatedCode(job, c) ? 'related' : 'other';
}

function occupationPart(job: MatchJob, c: MatchCandidate, say: boolean): Part {
  const match = occupationMatch(job, c);
  const value = OCCUPATION_VALUE[match];
  if (!say) return { value, reason: null };
  switch (match) {
    case 'wanted':
      return { value, reason: { da: 'samme stilling', en: 'same occupation' } };
    case 'held':
      return { value, reason: { da: 'har arbejdet i stillingen', en: 'has worked in the occupation' } };
    case 'related': {
      const t = title(relatedCode(job, c)!);
      return { value, reason: { da: `beslægtet stilling (${t.da.toLocaleLowerCase('da-DK')})`, en: `related occupation (${t.en.toLocaleLowerCase('en')})` } };
    }
    case 'other':
      return { value, reason: { da: 'anden stilling', en: 'other occupation' } };
    default:
      return match satisfies never;
  }
}

const occupationWordsCache = new Map<string, readonly string[]>();

/** The words of an occupation's Danish title and synonyms (a fixed list, so kept once worked out). */
function occupationWords(code: string): readonly string[] {
  let words = occupationWordsCache.get(code);
  if (!words) {
    const o = findOccupation(code);
    words = o ? contentWords([o.title.da, ...o.synonyms].join(' ')) : [];
    occupationWordsCache.set(code, words);
  }
  return words;
}

const isUnstated = (job: MatchJob, field: UnstatedJobField) => job.unstated?.includes(field) ?? false;

/** The candidate's words: skills, education, summary and the names of their occupations (as a set; order does not matter). */
function candidateWords(c: MatchCandidate): readonly (readonly string[])[] {
  return [contentWords([...c.skills, ...c.education, c.summary].join(' ')), ...c.occupationsWanted.map(occupationWords), ...c.occupationsHeld.map(occupationWords)];
}

/**
 * The job's words (title and text) and its skills' words, worked out once per ranking, and for
 * each candidate word met so far which of them it matches. Matching two words is the costly
 * step (trigrams); the same words recur across thousands of CVs, so each pair is judged once.
 */
type PreparedJob = {
  job: MatchJob;
  jobWords: string[];
  /** Per job word, its index in the vocabulary. */
  jobWordIds: number[];
  /** Per wanted skill, the vocabulary indices of its words. */
  skillIds: number[][];
  vocabulary: string[];
  matches: Map<string, number[]>;
};

function prepareJob(job: MatchJob): PreparedJob {
  const vocabulary: string[] = [];
  const idOf = new Map<string, number>();
  const id = (w: string) => {
    let i = idOf.get(w);
    if (i === undefined) {
      i = vocabulary.push(w) - 1;
      idOf.set(w, i);
    }
    return i;
  };
  const jobWords = contentWords(`${job.title} ${job.text}`);
  const jobWordIds = jobWords.map(id);
  const skillIds = job.skills.map((s) => contentWords(s).map(id));
  return { job, jobWords, jobWordIds, skillIds, vocabulary, matches: new Map() };
}

/** Which vocabulary words the candidate's words match (1 = some candidate word matches it). */
function coveredVocabulary(prepared: PreparedJob, lists: readonly (readonly string[])[]): Uint8Array {
  const covered = new Uint8Array(prepared.vocabulary.length);
  for (const words of lists) {
    for (const w of words) {
      let hits = prepared.matches.get(w);
      if (!hits) {
        hits = [];
        for (let i = 0; i < prepared.vocabulary.length; i++) if (wordsMatch(prepared.vocabulary[i]!, w)) hits.push(i);
        prepared.matches.set(w, hits);
      }
      for (const i of hits) covered[i] = 1;
    }
  }
  return covered;
}

function skillsPart(prepared: PreparedJob, c: MatchCandidate, covered: Uint8Array, say: boolean): Part {
  const job = prepared.job;
  if (isUnstated(job, 'skills')) return { value: null, reason: say ? { da: 'kompetencekrav ikke oplyst', en: 'skills asked for not stated' } : null };
  const wanted = job.skills.length + (job.drivingLicence ? 1 : 0);
  if (wanted === 0) return { value: null, reason: say ? { da: 'ingen kompetencer efterspurgt', en: 'no skills asked for' } : null };
  // A skill phrase is covered when at least half its words match (as phraseCovered in ./text).
  let hits = 0;
  for (const ids of prepared.skillIds) {
    let matched = 0;
    for (const i of ids) matched += covered[i]!;
    if (ids.length > 0 && matched >= Math.ceil(ids.length / 2)) hits++;
  }
  if (job.drivingLicence && c.drivingLicences.includes(job.drivingLicence)) hits++;
  return { value: hits / wanted, reason: say ? { da: `${hits} af ${wanted} kompetencer`, en: `${hits} of ${wanted} skills` } : null };
}

function textPart(prepared: PreparedJob, covered: Uint8Array, say: boolean): Part {
  const { jobWords, jobWordIds } = prepared;
  if (jobWords.length === 0) return { value: null, reason: say ? { da: 'ingen fritekst', en: 'no free text' } : null };
  let hits = 0;
  for (const id of jobWordIds) hits += covered[id]!;
  if (!say) return { value: hits / jobWords.length, reason: null };
  const shown = jobWords
    .filter((_, i) => covered[jobWordIds[i]!])
    .slice(0, 3)
    .join(', ');
  return {
    value: hits / jobWords.length,
    reason: hits ? { da: `fritekst: ${shown}`, en: `free text: ${shown}` } : { da: 'fritekst matcher ikke', en: 'free text does not match' },
  };
}

function educationPart(job: MatchJob, c: CandidateFacts, say: boolean): Part {
  if (isUnstated(job, 'education')) return { value: null, reason: say ? { da: 'uddannelseskrav ikke oplyst', en: 'education required not stated' } : null };
  if (!job.educationLevel) return { value: null, reason: say ? { da: 'intet uddannelseskrav', en: 'no education required' } : null };
  if (!c.educationLevel) return { value: 0.5, reason: say ? { da: 'uddannelse ukendt', en: 'education unknown' } : null };
  const diff = isced(c.educationLevel) - isced(job.educationLevel);
  if (diff >= 0) return { value: 1, reason: say ? { da: 'uddannelse på niveau', en: 'education at the level asked' } : null };
  return { value: diff >= -1 ? 0.4 : 0, reason: say ? { da: 'uddannelse under niveau', en: 'education below the level asked' } : null };
}

function distancePart(job: MatchJob, c: CandidateFacts, say: boolean): Part & { km: number | null; within: boolean | null } {
  if (c.municipalityCode === null) return { value: null, km: null, within: null, reason: say ? { da: 'bopæl ukendt', en: 'home unknown' } : null };
  const km = distanceKm(c.municipalityCode, job.municipalityCode);
  if (km === null) return { value: null, km: null, within: null, reason: say ? { da: 'afstand ukendt', en: 'distance unknown' } : null };
  const rounded = Math.round(km);
  const limit = c.maxTravelKm ?? DEFAULT_MAX_TRAVEL_KM;
  if (km > limit) return { value: 0, km: rounded, within: false, reason: say ? { da: `${rounded} km (over grænsen på ${limit} km)`, en: `${rounded} km (over the ${limit} km limit)` } : null };
  // Within the limit: 1 at home, falling to 0.5 at the limit, so within always beats over.
  const value = limit === 0 ? 1 : 1 - 0.5 * (km / limit);
  return { value, km: rounded, within: true, reason: say ? (rounded === 0 ? { da: '0 km (samme kommune)', en: '0 km (same municipality)' } : { da: `${rounded} km`, en: `${rounded} km` }) : null };
}

function availabilityPart(job: MatchJob, c: CandidateFacts, today: IsoDate, say: boolean): Part {
  const start = job.wantedStart && job.wantedStart > today ? job.wantedStart : today;
  if (!c.availableFrom || c.availableFrom <= today) return { value: 1, reason: say ? { da: 'kan starte nu', en: 'available now' } : null };
  const from = c.availableFrom;
  // A later start only counts against the person when the job says when it starts.
  if (isUnstated(job, 'start')) return { value: null, reason: say ? { da: `kan starte ${fmtDate(from).da}; startdato ikke oplyst`, en: `available ${from}; start date not stated` } : null };
  if (from <= start) return { value: 1, reason: say ? { da: `kan starte ${fmtDate(from).da}, til tiden`, en: `available ${from}, in time` } : null };
  return { value: from <= addDays(start, 14) ? 0.5 : 0, reason: say ? { da: `kan først starte ${fmtDate(from).da}`, en: `available only from ${from}` } : null };
}

function hoursPart(job: MatchJob, c: CandidateFacts, say: boolean): Part {
  if (job.hoursPerWeek === null) return { value: null, reason: say ? { da: 'timetal ikke oplyst', en: 'hours not stated' } : null };
  if (c.hoursWanted === null) return { value: null, reason: say ? { da: 'timer ikke oplyst', en: 'hours not given' } : null };
  const diff = Math.abs(c.hoursWanted - job.hoursPerWeek);
  const value = diff <= 2 ? 1 : Math.max(0, 1 - diff / 20);
  return { value, reason: say ? { da: `ønsker ${c.hoursWanted} timer`, en: `wants ${c.hoursWanted} hours` } : null };
}

function unstatedPart(job: MatchJob, part: ScorePart): boolean {
  switch (part) {
    case 'skills':
      return isUnstated(job, 'skills');
    case 'education':
      return isUnstated(job, 'education');
    case 'availability':
      return isUnstated(job, 'start');
    case 'hours':
      return job.hoursPerWeek === null;
    case 'occupation':
    case 'distance':
    case 'text':
      return false;
    default:
      return part satisfies never;
  }
}

const PART_ORDER: readonly ScorePart[] = ['occupation', 'distance', 'availability', 'skills', 'text', 'education', 'hours'];

type Judged = { raw: Record<ScorePart, Part>; distance: ReturnType<typeof distancePart>; score: number };

/** Judges every part and works out the score: a weighted sum of the judged parts, rescaled to 0–100. */
function judge(prepared: PreparedJob, candidate: MatchCandidate, today: IsoDate, weights: Readonly<Record<ScorePart, number>>, say: boolean): Judged {
  const job = prepared.job;
  const covered = coveredVocabulary(prepared, candidateWords(candidate));
  const distance = distancePart(job, candidate, say);
  const raw: Record<ScorePart, Part> = {
    occupation: occupationPart(job, candidate, say),
    distance,
    availability: availabilityPart(job, candidate, today, say),
    skills: skillsPart(prepared, candidate, covered, say),
    text: textPart(prepared, covered, say),
    education: educationPart(job, candidate, say),
    hours: hoursPart(job, candidate, say),
  };
  let judged = 0;
  let sum = 0;
  for (const p of PART_ORDER) {
    const value = raw[p].value;
    if (value === null) continue;
    judged += weights[p];
    sum += weights[p] * value;
  }
  const scale = judged > 0 ? 100 / judged : 0;
  return { raw, distance, score: Math.round(sum * scale * 10) / 10 };
}

/** The result as shown: every part with its points and reason, and the reasons joined (from a judgement that said them). */
function explain(prepared: PreparedJob, candidate: MatchCandidate, { raw, distance, score }: Judged, weights: Readonly<Record<ScorePart, number>>): MatchResult {
  const job = prepared.job;
  const judgedWeight = PART_ORDER.reduce((sum, p) => sum + (raw[p].value === null ? 0 : weights[p]), 0);
  const scale = judgedWeight > 0 ? 100 / judgedWeight : 0;
  const parts: PartResult[] = PART_ORDER.map((part) => {
    const { value, reason } = raw[part];
    return { part, weight: weights[part], value, points: value === null ? 0 : Math.round(weights[part] * value * scale * 10) / 10, reason: reason! };
  });
  // Parts not judged stay out of the summary, except distance and what the job does not state
  // (a person should see that the hours of a vacancy are unknown, not that they did not count).
  const shown = parts.filter((p) => p.value !== null || p.part === 'distance' || unstatedPart(job, p.part));
  return {
    jobId: job.id,
    candidateId: candidate.id,
    score,
    parts,
    summary: { da: shown.map((p) => p.reason.da).join('; '), en: shown.map((p) => p.reason.en).join('; ') },
    withinTravelLimit: distance.within,
    distanceKm: distance.km,
  };
}

/** Scores one candidate for one job, with the reasons. */
export function scoreMatch(job: MatchJob, candidate: MatchCandidate, today: IsoDate, weights: Readonly<Record<ScorePart, number>> = MATCH_WEIGHTS): MatchResult {
  const prepared = prepareJob(job);
  return explain(prepared, candidate, judge(prepared, candidate, today, weights, true), weights);
}

/** Highest score first; equal scores by id, so a ranking never depends on the order rows came in. */
function byScore(a: { score: number; id: string }, b: { score: number; id: string }): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The `size` candidates likely to score highest, best first, ties by id: ranking then reads the
 * words of these few only. The parts that need no words (occupation, distance, education,
 * availability and hours) are judged as in the score. Of the rest, skills count the job's skills
 * the candidate names as the job names them (the score may find more, in other words or in their
 * education and summary), and free text counts in full.
 */
export function shortlist<C extends ShortlistCandidate>(job: MatchJob, candidates: readonly C[], today: IsoDate, size: number): C[] {
  if (candidates.length <= size) return [...candidates];
  const prepared = prepareJob(job);
  const skillsAsked = job.skills.length + (job.drivingLicence ? 1 : 0);
  const skillsJudged = !isUnstated(job, 'skills') && skillsAsked > 0;
  const textJudged = prepared.jobWords.length > 0;
  const keyed = candidates.map((c) => {
    const values: [ScorePart, number | null][] = [
      ['occupation', OCCUPATION_VALUE[c.occupationMatch]],
      ['distance', distancePart(job, c, false).value],
      ['education', educationPart(job, c, false).value],
      ['availability', availabilityPart(job, c, today, false).value],
      ['hours', hoursPart(job, c, false).value],
      // A driving licence asked for is not known here; it is taken as held.
      ['skills', skillsJudged ? (c.skillsNamed + (job.drivingLicence ? 1 : 0)) / skillsAsked : null],
      ['text', textJudged ? 1 : null],
    ];
    let points = 0;
    let judged = 0;
    for (const [part, value] of values) {
      if (value === null) continue;
      points += MATCH_WEIGHTS[part] * value;
      judged += MATCH_WEIGHTS[part];
    }
    return { c, id: c.id, score: judged > 0 ? points / judged : 0 };
  });
  return keyed
    .sort(byScore)
    .slice(0, size)
    .map((k) => k.c);
}

/** The job's skills as the shortlist compares them with a CV's (`skillsNamed`): trimmed, lower-cased, each once. */
export function skillKeys(skills: readonly string[]): string[] {
  return [...new Set(skills.map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0))];
}

/** The `limit` best candidates for the job, best first, with reasons (worked out for those only). */
export function rankCandidates(job: MatchJob, candidates: readonly MatchCandidate[], today: IsoDate, limit = 50): MatchResult[] {
  const prepared = prepareJob(job);
  return candidates
    .map((c) => ({ c, id: c.id, score: judge(prepared, c, today, MATCH_WEIGHTS, false).score }))
    .sort(byScore)
    .slice(0, limit)
    .map(({ c }) => explain(prepared, c, judge(prepared, c, today, MATCH_WEIGHTS, true), MATCH_WEIGHTS));
}

/** The `limit` best jobs for the candidate, best first, with reasons. */
export function rankJobs(candidate: MatchCandidate, jobs: readonly MatchJob[], today: IsoDate, limit = 50): MatchResult[] {
  return jobs
    .map((job) => {
      const prepared = prepareJob(job);
      return { prepared, id: job.id, score: judge(prepared, candidate, today, MATCH_WEIGHTS, false).score };
    })
    .sort(byScore)
    .slice(0, limit)
    .map(({ prepared }) => explain(prepared, candidate, judge(prepared, candidate, today, MATCH_WEIGHTS, true), MATCH_WEIGHTS));
}
