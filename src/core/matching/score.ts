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

type Part = { value: number | null; reason: Label };

function occupationPart(job: MatchJob, c: MatchCandidate): Part {
  if (c.occupationsWanted.includes(job.occupationCode)) return { value: 1, reason: { da: 'samme stilling', en: 'same occupation' } };
  if (c.occupationsHeld.includes(job.occupationCode)) return { value: 0.9, reason: { da: 'har arbejdet i stillingen', en: 'has worked in the occupation' } };
  const group = occupationGroup(job.occupationCode);
  const related = [...c.occupationsWanted, ...c.occupationsHeld].find((code) => occupationGroup(code) === group);
  if (related) {
    const t = title(related);
    return { value: 0.5, reason: { da: `beslægtet stilling (${t.da.toLocaleLowerCase('da-DK')})`, en: `related occupation (${t.en.toLocaleLowerCase('en')})` } };
  }
  return { value: 0, reason: { da: 'anden stilling', en: 'other occupation' } };
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

function skillsPart(prepared: PreparedJob, c: MatchCandidate, covered: Uint8Array): Part {
  const job = prepared.job;
  if (isUnstated(job, 'skills')) return { value: null, reason: { da: 'kompetencekrav ikke oplyst', en: 'skills asked for not stated' } };
  const wanted = job.skills.length + (job.drivingLicence ? 1 : 0);
  if (wanted === 0) return { value: null, reason: { da: 'ingen kompetencer efterspurgt', en: 'no skills asked for' } };
  // A skill phrase is covered when at least half its words match (as phraseCovered in ./text).
  let hits = prepared.skillIds.filter((ids) => ids.length > 0 && ids.filter((i) => covered[i]).length >= Math.ceil(ids.length / 2)).length;
  if (job.drivingLicence && c.drivingLicences.includes(job.drivingLicence)) hits++;
  return { value: hits / wanted, reason: { da: `${hits} af ${wanted} kompetencer`, en: `${hits} of ${wanted} skills` } };
}

function textPart(prepared: PreparedJob, covered: Uint8Array): Part {
  const { jobWords, jobWordIds } = prepared;
  if (jobWords.length === 0) return { value: null, reason: { da: 'ingen fritekst', en: 'no free text' } };
  const hit = jobWords.filter((_, i) => covered[jobWordIds[i]!]);
  const shown = hit.slice(0, 3).join(', ');
  return {
    value: hit.length / jobWords.length,
    reason: hit.length ? { da: `fritekst: ${shown}`, en: `free text: ${shown}` } : { da: 'fritekst matcher ikke', en: 'free text does not match' },
  };
}

function educationPart(job: MatchJob, c: MatchCandidate): Part {
  if (isUnstated(job, 'education')) return { value: null, reason: { da: 'uddannelseskrav ikke oplyst', en: 'education required not stated' } };
  if (!job.educationLevel) return { value: null, reason: { da: 'intet uddannelseskrav', en: 'no education required' } };
  if (!c.educationLevel) return { value: 0.5, reason: { da: 'uddannelse ukendt', en: 'education unknown' } };
  const diff = isced(c.educationLevel) - isced(job.educationLevel);
  if (diff >= 0) return { value: 1, reason: { da: 'uddannelse på niveau', en: 'education at the level asked' } };
  return { value: diff >= -1 ? 0.4 : 0, reason: { da: 'uddannelse under niveau', en: 'education below the level asked' } };
}

function distancePart(job: MatchJob, c: MatchCandidate): Part & { km: number | null; within: boolean | null } {
  if (c.municipalityCode === null) return { value: null, km: null, within: null, reason: { da: 'bopæl ukendt', en: 'home unknown' } };
  const km = distanceKm(c.municipalityCode, job.municipalityCode);
  if (km === null) return { value: null, km: null, within: null, reason: { da: 'afstand ukendt', en: 'distance unknown' } };
  const rounded = Math.round(km);
  const limit = c.maxTravelKm ?? DEFAULT_MAX_TRAVEL_KM;
  if (km > limit) return { value: 0, km: rounded, within: false, reason: { da: `${rounded} km (over grænsen på ${limit} km)`, en: `${rounded} km (over the ${limit} km limit)` } };
  // Within the limit: 1 at home, falling to 0.5 at the limit, so within always beats over.
  const value = limit === 0 ? 1 : 1 - 0.5 * (km / limit);
  return { value, km: rounded, within: true, reason: rounded === 0 ? { da: '0 km (samme kommune)', en: '0 km (same municipality)' } : { da: `${rounded} km`, en: `${rounded} km` } };
}

function availabilityPart(job: MatchJob, c: MatchCandidate, today: IsoDate): Part {
  const start = job.wantedStart && job.wantedStart > today ? job.wantedStart : today;
  if (!c.availableFrom || c.availableFrom <= today) return { value: 1, reason: { da: 'kan starte nu', en: 'available now' } };
  const d = fmtDate(c.availableFrom);
  // A later start only counts against the person when the job says when it starts.
  if (isUnstated(job, 'start')) return { value: null, reason: { da: `kan starte ${d.da}; startdato ikke oplyst`, en: `available ${d.en}; start date not stated` } };
  if (c.availableFrom <= start) return { value: 1, reason: { da: `kan starte ${d.da}, til tiden`, en: `available ${d.en}, in time` } };
  return { value: c.availableFrom <= addDays(start, 14) ? 0.5 : 0, reason: { da: `kan først starte ${d.da}`, en: `available only from ${d.en}` } };
}

function hoursPart(job: MatchJob, c: MatchCandidate): Part {
  if (job.hoursPerWeek === null) return { value: null, reason: { da: 'timetal ikke oplyst', en: 'hours not stated' } };
  if (c.hoursWanted === null) return { value: null, reason: { da: 'timer ikke oplyst', en: 'hours not given' } };
  const diff = Math.abs(c.hoursWanted - job.hoursPerWeek);
  const value = diff <= 2 ? 1 : Math.max(0, 1 - diff / 20);
  return { value, reason: { da: `ønsker ${c.hoursWanted} timer`, en: `wants ${c.hoursWanted} hours` } };
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

/** Scores one candidate for one job: a weighted sum of the judged parts, rescaled to 0–100. */
export function scoreMatch(job: MatchJob, candidate: MatchCandidate, today: IsoDate, weights: Readonly<Record<ScorePart, number>> = MATCH_WEIGHTS): MatchResult {
  return scorePrepared(prepareJob(job), candidate, today, weights);
}

function scorePrepared(prepared: PreparedJob, candidate: MatchCandidate, today: IsoDate, weights: Readonly<Record<ScorePart, number>>): MatchResult {
  const job = prepared.job;
  const covered = coveredVocabulary(prepared, candidateWords(candidate));
  const distance = distancePart(job, candidate);
  const raw: Record<ScorePart, Part> = {
    occupation: occupationPart(job, candidate),
    distance,
    availability: availabilityPart(job, candidate, today),
    skills: skillsPart(prepared, candidate, covered),
    text: textPart(prepared, covered),
    education: educationPart(job, candidate),
    hours: hoursPart(job, candidate),
  };
  const order: ScorePart[] = ['occupation', 'distance', 'availability', 'skills', 'text', 'education', 'hours'];
  const judgedWeight = order.reduce((sum, p) => sum + (raw[p].value === null ? 0 : weights[p]), 0);
  const scale = judgedWeight > 0 ? 100 / judgedWeight : 0;
  const parts: PartResult[] = order.map((part) => {
    const { value, reason } = raw[part];
    return { part, weight: weights[part], value, points: value === null ? 0 : Math.round(weights[part] * value * scale * 10) / 10, reason };
  });
  const score = Math.round(parts.reduce((sum, p) => sum + (p.value === null ? 0 : weights[p.part] * p.value), 0) * scale * 10) / 10;
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

/** Highest score first; equal scores by id, so a ranking never depends on the order rows came in. */
function byScore(a: MatchResult, b: MatchResult, key: 'candidateId' | 'jobId'): number {
  return b.score - a.score || (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
}

export function rankCandidates(job: MatchJob, candidates: readonly MatchCandidate[], today: IsoDate, limit = 50): MatchResult[] {
  const prepared = prepareJob(job);
  return candidates
    .map((c) => scorePrepared(prepared, c, today, MATCH_WEIGHTS))
    .sort((a, b) => byScore(a, b, 'candidateId'))
    .slice(0, limit);
}

export function rankJobs(candidate: MatchCandidate, jobs: readonly MatchJob[], today: IsoDate, limit = 50): MatchResult[] {
  return jobs
    .map((j) => scoreMatch(j, candidate, today))
    .sort((a, b) => byScore(a, b, 'jobId'))
    .slice(0, limit);
}
