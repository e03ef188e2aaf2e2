import { addDays, type IsoDate } from '../calendar/iso-date';
import { EDUCATION_LEVELS, type EducationLevel } from '../reference/education-levels';
import type { Label } from '../reference/label';
import { distanceKm } from '../reference/municipalities';
import { findOccupation, occupationGroup } from '../reference/occupations';
import { contentWords, phraseCovered, wordsMatch } from './text';

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

function candidateWords(c: MatchCandidate): string[] {
  const occupationNames = [...c.occupationsWanted, ...c.occupationsHeld].flatMap((code) => {
    const o = findOccupation(code);
    return o ? [o.title.da, ...o.synonyms] : [];
  });
  return contentWords([...c.skills, ...c.education, c.summary, ...occupationNames].join(' '));
}

const isUnstated = (job: MatchJob, field: UnstatedJobField) => job.unstated?.includes(field) ?? false;

function skillsPart(job: MatchJob, c: MatchCandidate, words: readonly string[]): Part {
  if (isUnstated(job, 'skills')) return { value: null, reason: { da: 'kompetencekrav ikke oplyst', en: 'skills asked for not stated' } };
  const wanted = job.skills.length + (job.drivingLicence ? 1 : 0);
  if (wanted === 0) return { value: null, reason: { da: 'ingen kompetencer efterspurgt', en: 'no skills asked for' } };
  let hits = job.skills.filter((s) => phraseCovered(s, words)).length;
  if (job.drivingLicence && c.drivingLicences.includes(job.drivingLicence)) hits++;
  return { value: hits / wanted, reason: { da: `${hits} af ${wanted} kompetencer`, en: `${hits} of ${wanted} skills` } };
}

function textPart(job: MatchJob, words: readonly string[]): Part {
  const jobWords = contentWords(`${job.title} ${job.text}`);
  if (jobWords.length === 0) return { value: null, reason: { da: 'ingen fritekst', en: 'no free text' } };
  const hit = jobWords.filter((w) => words.some((cw) => wordsMatch(w, cw)));
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
  const words = candidateWords(candidate);
  const distance = distancePart(job, candidate);
  const raw: Record<ScorePart, Part> = {
    occupation: occupationPart(job, candidate),
    distance,
    availability: availabilityPart(job, candidate, today),
    skills: skillsPart(job, candidate, words),
    text: textPart(job, words),
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
  return candidates
    .map((c) => scoreMatch(job, c, today))
    .sort((a, b) => byScore(a, b, 'candidateId'))
    .slice(0, limit);
}

export function rankJobs(candidate: MatchCandidate, jobs: readonly MatchJob[], today: IsoDate, limit = 50): MatchResult[] {
  return jobs
    .map((j) => scoreMatch(j, candidate, today))
    .sort((a, b) => byScore(a, b, 'jobId'))
    .slice(0, limit);
}
