import { addDays, type IsoDate } from '../calendar/iso-date';
import { responseDueAt } from '../brokering/job-orders';
import { parseCpr, passesModulus11, type Sex } from '../identity/cpr';
import { passesCvrModulus11 } from '../identity/cvr';
import type { EducationLevel } from '../reference/education-levels';
import { MUNICIPALITIES, type Municipality } from '../reference/municipalities';
import { MUNICIPALITY_POPULATION } from '../reference/municipality-population';
import { findOccupation, OCCUPATIONS, occupationGroup, type Occupation } from '../reference/occupations';
import { FEMALE_NAMES, MALE_NAMES, STREETS, SURNAMES } from './danish-names';
import { groupProfile, WEIGHTED_OCCUPATIONS } from './profiles';
import { createSeededRandom, type SeededRandom } from './random';

// Synthetic Danish jobseekers (person, spell, profiling decision, CV), employers and job orders
// for tests and benchmarks. Pure and seeded: the same seed and options give the same records,
// and the first n records of a larger run equal a run of n. Each kind of record draws from its
// own random stream, so asking for more employers does not change the jobseekers.

export type SyntheticOptions = {
  seed: number;
  /** The day the data is generated "as of": spells start before it, job orders are open on it. */
  today: IsoDate;
  organisationId: string;
  organisationKind: 'akasse' | 'jobcenter';
  /** Staff the spells are spread over (round robin by draw); none leaves spells unassigned. */
  caseworkers?: readonly { id: string; unitId: string | null }[];
};

export type SyntheticJobseeker = {
  id: string;
  /** 10 digits, plain: the caller encrypts and hashes it. Fails modulus 11, so it is no real person's. */
  cpr: string;
  birthDate: IsoDate;
  sex: Sex;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  addressLine: string;
  postalCode: string;
  city: string;
  municipalityCode: number;
  educationLevel: EducationLevel;
  preferredLanguage: 'da' | 'en';
  createdAt: Date;
};

export type SyntheticSpell = {
  id: string;
  jobseekerId: string;
  kind: 'unemployment' | 'notice';
  startDate: IsoDate;
  registrationDate: IsoDate;
  noticeEndDate: IsoDate | null;
  targetGroup: string;
  unitId: string | null;
  caseworkerId: string | null;
  /** Null while the segment is still to be decided (then there is no assessment). */
  segment: string | null;
  status: 'active' | 'ended';
  endDate: IsoDate | null;
  endReason: string | null;
  createdAt: Date;
};

export type SyntheticAssessment = {
  id: string;
  spellId: string;
  probability: number;
  band: 'low' | 'medium' | 'high';
  suggestedSegment: string;
  chosenSegment: string;
  overridden: boolean;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: Date;
};

export type SyntheticCv = {
  jobseekerId: string;
  occupationsWanted: string[];
  occupationsHeld: string[];
  skills: string[];
  education: string[];
  languages: string[];
  drivingLicences: string[];
  hoursWanted: number | null;
  maxTravelKm: number | null;
  availableFrom: IsoDate | null;
  summary: string;
};

export type SyntheticPerson = { jobseeker: SyntheticJobseeker; spell: SyntheticSpell; assessment: SyntheticAssessment | null; cv: SyntheticCv };

export type SyntheticEmployer = {
  id: string;
  cvr: string;
  pNumbers: string[];
  name: string;
  addressLine: string;
  postalCode: string;
  city: string;
  municipalityCode: number;
  trade: string;
  cooperationAgreement: boolean;
  /** The occupation the workplace mostly hires; its job orders are in the same sub-major group. */
  mainOccupationCode: string;
  createdAt: Date;
};

export type SyntheticJobOrder = {
  id: string;
  employerId: string;
  source: 'staff' | 'web_form';
  title: string;
  occupationCode: string;
  description: string;
  requirements: string;
  skills: string[];
  educationLevel: EducationLevel | null;
  drivingLicence: string | null;
  municipalityCode: number;
  workplaceAddress: string;
  hoursPerWeek: number;
  kind: 'permanent' | 'temporary' | 'wage_subsidy' | 'internship' | 'trainee';
  wantedStart: IsoDate | null;
  deadline: IsoDate | null;
  positions: number;
  responseHours: number;
  responseDueAt: Date;
  status: 'open' | 'filled' | 'closed';
  contactName: string;
  createdAt: Date;
};

/** A draw from weighted options in O(log n): cumulative weights, binary search. */
export function weightedPicker<T>(options: readonly (readonly [T, number])[]): (random: SeededRandom) => T {
  const values = options.map(([v]) => v);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of options) cumulative.push((total += w));
  return (random) => {
    const roll = (random.int(0, 999_999_999) / 1_000_000_000) * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > roll) hi = mid;
      else lo = mid + 1;
    }
    return values[lo]!;
  };
}

const pickMunicipality = weightedPicker(MUNICIPALITIES.map((m) => [m, MUNICIPALITY_POPULATION.get(m.code) ?? 1_000] as const));
const pickOccupation = weightedPicker(WEIGHTED_OCCUPATIONS);
const BY_SUB_MAJOR = new Map<string, Occupation[]>();
for (const o of OCCUPATIONS) BY_SUB_MAJOR.set(o.code.slice(0, 2), [...(BY_SUB_MAJOR.get(o.code.slice(0, 2)) ?? []), o]);
const BY_MINOR = new Map<string, Occupation[]>();
for (const o of OCCUPATIONS) BY_MINOR.set(occupationGroup(o.code), [...(BY_MINOR.get(occupationGroup(o.code)) ?? []), o]);

const pickTravel = weightedPicker<number | null>([[null, 2], [10, 1], [15, 1.5], [20, 2], [25, 1.5], [30, 2], [40, 1.5], [50, 1], [75, 0.5]]);
const pickHours = weightedPicker<number | null>([[37, 6], [32, 1.5], [30, 1.5], [25, 1], [20, 0.5], [null, 1]]);
const pickOrderHours = weightedPicker([[37, 7], [32, 1.5], [30, 1], [25, 1], [15, 0.5]] as const);
const pickKind = weightedPicker([['permanent', 6], ['temporary', 2], ['wage_subsidy', 1], ['internship', 1], ['trainee', 0.3]] as const);
const OTHER_LANGUAGES = ['pl', 'ar', 'tr', 'uk', 'ro', 'lt', 'so', 'fa', 'de', 'sv'] as const;

function lower(text: string): string {
  return text.toLocaleLowerCase('da-DK');
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('da-DK') + text.slice(1);
}

/** What people write for the occupation: mostly the title, often a synonym ("SSA", "lagermand"). */
function occupationWord(random: SeededRandom, o: Occupation): string {
  return o.synonyms.length > 0 && random.chance(0.5) ? random.pick(o.synonyms) : lower(o.title.da);
}

function sample<T>(random: SeededRandom, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  return out;
}

function ascii(text: string): string {
  return lower(text).replace(/[æøå]/g, (c) => ({ æ: 'ae', ø: 'oe', å: 'aa' })[c]!).replace(/[^a-z0-9.]/g, '');
}

/**
 * A fictitious CPR number for someone 18–66 on `today`: a valid birth date and century digit,
 * chosen to fail the modulus-11 check nearly every number issued before 2007 passes.
 */
function makeCpr(random: SeededRandom, todayYear: number): string {
  for (;;) {
    const year = todayYear - random.int(18, 66);
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    const seventh = year >= 2000 ? random.int(4, 8) : random.int(0, 3);
    const cpr = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${seventh}${String(random.int(0, 999)).padStart(3, '0')}`;
    if (!passesModulus11(cpr)) return cpr;
  }
}

/** A CVR number (8 digits, not starting with 0) whose last digit makes it pass modulus 11. */
export function makeCvr(random: SeededRandom): string {
  for (;;) {
    const body = String(random.int(1_000_000, 9_999_999));
    for (let d = 0; d < 10; d++) if (passesCvrModulus11(`${body}${d}`)) return `${body}${d}`;
  }
}

/** A four-digit postal code near the municipality's (synthetic: the region's range, not the town's real one). */
function postalCode(random: SeededRandom, m: Municipality): string {
  const base: Record<number, number> = { 1084: 2000, 1085: 4000, 1083: 5000, 1082: 7000, 1081: 9000 };
  const start = m.code === 101 || m.code === 147 ? 1000 : base[m.regionCode]!;
  return String(start + random.int(0, 98) * 10);
}

function at(day: IsoDate, hour: number): Date {
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
}

const SEGMENTS: Record<SyntheticOptions['organisationKind'], readonly (readonly [string, number])[]> = {
  akasse: [['hk-1', 0.5], ['hk-2', 0.35], ['hk-3', 0.15]],
  jobcenter: [['jobviften-dagpenge', 0.4], ['jobviften-kontanthjaelp', 0.45], ['hk-3', 0.15]],
};

/** Low, medium or high risk of long-term unemployment, as the profiling model's band per segment. */
function bandOf(segment: string): 'low' | 'medium' | 'high' {
  if (segment === 'hk-1' || segment === 'jobviften-dagpenge') return 'low';
  if (segment === 'hk-2' || segment === 'jobviften-kontanthjaelp') return 'medium';
  return 'high';
}

const SUMMARY_OPENINGS = [
  'Jeg er uddannet {word} og har {years} års erfaring.',
  'Erfaren {word} med {years} år i faget.',
  'Jeg har arbejdet som {word} i {years} år.',
  'Nyuddannet {word}, klar til nye udfordringer.',
];
const SUMMARY_MIDDLES = [
  'Jeg er god til {skill1} og {skill2}.',
  'Mine styrker er {skill1} og {skill2}, og jeg er mødestabil.',
  'Jeg har erfaring med {skill1} og har arbejdet med {skill2}.',
  'Kolleger beskriver mig som pålidelig og fleksibel, især inden for {skill1}.',
];
const SUMMARY_ENDINGS = [
  'Jeg søger job som {wanted} i {town} og omegn.',
  'Jeg søger fast stilling som {wanted}, gerne på fuld tid.',
  'Jeg er åben for vikariater og løntilskud som {wanted}.',
  'Jeg vil gerne arbejde som {wanted} tæt på {town}.',
];

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/**
 * The jobseekers, one at a time (200,000 fit in a stream, not necessarily in memory at once).
 * `isTaken` lets the caller reject a CPR number already in the database; the draw is then repeated.
 */
export function* generateJobseekers(options: SyntheticOptions, count: number, isTaken: (cpr: string) => boolean = () => false): Generator<SyntheticPerson> {
  const random = createSeededRandom(options.seed);
  const todayYear = Number(options.today.slice(0, 4));
  const used = new Set<string>();
  const pickSegment = weightedPicker(SEGMENTS[options.organisationKind]);
  const caseworkers = options.caseworkers ?? [];
  for (let i = 0; i < count; i++) {
    let cpr = makeCpr(random, todayYear);
    while (used.has(cpr) || isTaken(cpr)) cpr = makeCpr(random, todayYear);
    used.add(cpr);
    const parsed = parseCpr(cpr, { today: options.today });
    if (!parsed.ok) throw new Error(`Synthetic CPR ${cpr} does not parse: ${parsed.reason}`);
    const sex = parsed.sex;
    const firstName = random.pick(sex === 'female' ? FEMALE_NAMES : MALE_NAMES);
    const lastName = random.pick(SURNAMES);
    const municipality = pickMunicipality(random);
    const main = pickOccupation(random);
    const profile = groupProfile(main.code);
    const educationLevel = random.chance(0.75) ? profile.levels[0]! : random.pick(profile.levels);
    const id = random.uuid();
    const createdDaysAgo = random.chance(0.6) ? random.int(0, 120) : random.int(121, 420);
    const created = at(addDays(options.today, -createdDaysAgo), 9);

    const jobseeker: SyntheticJobseeker = {
      id,
      cpr,
      birthDate: parsed.birthDate,
      sex,
      firstName,
      lastName,
      phone: random.chance(0.92) ? `+45${random.int(20, 99)}${String(random.int(0, 999_999)).padStart(6, '0')}` : null,
      email: random.chance(0.88) ? `${ascii(firstName)}.${ascii(lastName)}${random.int(1, 999)}@eksempel.dk` : null,
      addressLine: `${random.pick(STREETS)} ${random.int(1, 150)}${random.chance(0.3) ? `, ${random.int(1, 4)}. ${random.pick(['tv', 'th', 'mf'])}` : ''}`,
      postalCode: postalCode(random, municipality),
      city: municipality.town,
      municipalityCode: municipality.code,
      educationLevel,
      preferredLanguage: random.chance(0.93) ? 'da' : 'en',
      createdAt: created,
    };

    // The spell: mostly active, some ended; notice spells only in an a-kasse, and only young ones.
    const ageDays = Math.min(createdDaysAgo, random.chance(0.65) ? random.int(0, 110) : random.int(111, 420));
    const startDate = addDays(options.today, -ageDays);
    const isNotice = options.organisationKind === 'akasse' && ageDays < 30 && random.chance(0.3);
    const ended = ageDays > 60 && random.chance(0.08);
    const pending = ageDays < 10 && random.chance(0.5);
    const segment = pending ? null : pickSegment(random);
    const caseworker = caseworkers.length > 0 ? random.pick(caseworkers) : null;
    const spellId = random.uuid();
    const spell: SyntheticSpell = {
      id: spellId,
      jobseekerId: id,
      kind: isNotice ? 'notice' : 'unemployment',
      startDate,
      registrationDate: startDate,
      noticeEndDate: isNotice ? addDays(startDate, random.pick([30, 60, 90, 120])) : null,
      targetGroup: options.organisationKind === 'jobcenter' && segment === 'jobviften-kontanthjaelp' ? 'cash_benefit_job_ready' : 'unemployment_insurance',
      unitId: caseworker?.unitId ?? null,
      caseworkerId: caseworker?.id ?? null,
      segment,
      status: ended ? 'ended' : 'active',
      endDate: ended ? addDays(startDate, random.int(30, ageDays - 1)) : null,
      endReason: ended ? random.pick(['ordinary_job', 'ordinary_job', 'ordinary_job', 'education', 'moved', 'sickness']) : null,
      createdAt: at(startDate, 9),
    };
    let assessment: SyntheticAssessment | null = null;
    if (segment) {
      const band = bandOf(segment);
      const overridden = random.chance(0.12);
      assessment = {
        id: random.uuid(),
        spellId,
        probability: Math.round((band === 'low' ? 0.05 + random.int(0, 20) / 100 : band === 'medium' ? 0.25 + random.int(0, 20) / 100 : 0.45 + random.int(0, 35) / 100) * 100) / 100,
        band,
        suggestedSegment: overridden ? random.pick(SEGMENTS[options.organisationKind].map(([s]) => s).filter((s) => s !== segment)) : segment,
        chosenSegment: segment,
        overridden,
        reason: overridden ? 'Vurderet ud fra samtalen og tidligere forløb.' : null,
        decidedBy: caseworker?.id ?? null,
        decidedAt: at(addDays(startDate, Math.min(2, ageDays)), 10),
      };
    }

    // The CV: the main occupation wanted, sometimes a related one too; held jobs mostly in the
    // same minor group, sometimes something else entirely (people change trade).
    const minor = BY_MINOR.get(occupationGroup(main.code))!;
    const wanted = [main.code];
    if (minor.length > 1 && random.chance(0.25)) wanted.push(random.pick(minor.filter((o) => o.code !== main.code)).code);
    const held: string[] = [];
    if (random.chance(0.6)) held.push(random.chance(0.6) ? main.code : random.chance(0.6) ? random.pick(minor).code : pickOccupation(random).code);
    const skills = sample(random, profile.skills, random.int(1, Math.min(5, profile.skills.length)));
    const languages = ['da'];
    if (random.chance(0.65)) languages.push('en');
    if (random.chance(0.1)) languages.push(random.pick(OTHER_LANGUAGES));
    const drivingLicences = random.chance(0.72) ? ['B'] : [];
    if (main.code.startsWith('83')) drivingLicences.push(...(main.code === '8331' ? ['D'] : main.code === '8332' ? ['C', 'CE'] : []));
    const word = occupationWord(random, main);
    const summary = [
      fill(random.pick(SUMMARY_OPENINGS), { word, years: String(random.int(1, 25)) }),
      fill(random.pick(SUMMARY_MIDDLES), { skill1: skills[0]!, skill2: skills[1] ?? random.pick(profile.skills) }),
      fill(random.pick(SUMMARY_ENDINGS), { wanted: occupationWord(random, main), town: municipality.town }),
    ].join(' ');
    const cv: SyntheticCv = {
      jobseekerId: id,
      occupationsWanted: [...new Set(wanted)],
      occupationsHeld: held,
      skills,
      education: [fill(random.pick(profile.education), { title: lower(main.title.da) })],
      languages: [...new Set(languages)],
      drivingLicences: [...new Set(drivingLicences)],
      hoursWanted: pickHours(random),
      maxTravelKm: pickTravel(random),
      availableFrom: random.chance(0.75) ? null : addDays(options.today, random.int(1, 60)),
      summary,
    };
    yield { jobseeker, spell, assessment, cv };
  }
}

/** Employers, with unique valid CVR numbers, placed by population and hiring in one trade. */
export function generateEmployers(options: SyntheticOptions, count: number): SyntheticEmployer[] {
  const random = createSeededRandom(options.seed + 1_000_003);
  const cvrs = new Set<string>();
  const names = new Set<string>();
  const out: SyntheticEmployer[] = [];
  while (out.length < count) {
    let cvr = makeCvr(random);
    while (cvrs.has(cvr)) cvr = makeCvr(random);
    cvrs.add(cvr);
    const municipality = pickMunicipality(random);
    const main = pickOccupation(random);
    const profile = groupProfile(main.code);
    let name = fill(random.pick(profile.employerNames), { surname: random.pick(SURNAMES), town: municipality.town });
    // Two workplaces with one name in one town happen, but a list full of them reads badly.
    if (names.has(name)) name = `${name} (${random.pick(STREETS)})`;
    names.add(name);
    const created = at(addDays(options.today, -random.int(30, 900)), 10);
    out.push({
      id: random.uuid(),
      cvr,
      pNumbers: Array.from({ length: random.chance(0.8) ? 1 : random.int(2, 4) }, () => String(random.int(1_000_000_000, 1_999_999_999))),
      name,
      addressLine: `${random.pick(STREETS)} ${random.int(1, 200)}`,
      postalCode: postalCode(random, municipality),
      city: municipality.town,
      municipalityCode: municipality.code,
      trade: profile.trade,
      cooperationAgreement: random.chance(0.3),
      mainOccupationCode: main.code,
      createdAt: created,
    });
  }
  return out;
}

/** Job orders from the employers: mostly open, for the employer's trade, with Danish free text. */
export function generateJobOrders(options: SyntheticOptions, employers: readonly SyntheticEmployer[], count: number): SyntheticJobOrder[] {
  if (employers.length === 0 && count > 0) throw new Error('Job orders need at least one employer');
  const random = createSeededRandom(options.seed + 2_000_003);
  const out: SyntheticJobOrder[] = [];
  for (let i = 0; i < count; i++) {
    const employer = random.pick(employers);
    const main = findOccupation(employer.mainOccupationCode)!;
    const occupation = random.chance(0.7) ? main : random.pick(BY_SUB_MAJOR.get(main.code.slice(0, 2))!);
    const profile = groupProfile(occupation.code);
    const skills = sample(random, profile.skills, random.int(2, Math.min(4, profile.skills.length)));
    const word = occupationWord(random, occupation);
    const kind = pickKind(random);
    const hours = pickOrderHours(random);
    const kindWord = { permanent: 'fast stilling', temporary: 'vikariat', wage_subsidy: 'løntilskudsjob', internship: 'praktik', trainee: 'elevplads' }[kind];
    const receivedHoursAgo = random.int(1, 24 * 30);
    const received = new Date(at(options.today, 8).getTime() - receivedHoursAgo * 3_600_000);
    const responseHours = random.pick([24, 24, 24, 48, 72]);
    const status = random.chance(0.9) ? 'open' : random.pick(['filled', 'closed'] as const);
    const licence = occupation.code.startsWith('83') ? (occupation.code === '8331' ? 'D' : occupation.code === '8332' ? 'CE' : 'B') : random.chance(0.15) ? 'B' : null;
    const contactFemale = random.chance(0.6);
    out.push({
      id: random.uuid(),
      employerId: employer.id,
      source: random.chance(0.35) ? 'web_form' : 'staff',
      title: `${capitalise(word)}${random.chance(0.5) ? ` til ${employer.name}` : ''}`,
      occupationCode: occupation.code,
      description: [
        `${employer.name} søger en ${word} til ${kindWord} på ${hours} timer om ugen.`,
        `Du skal arbejde med ${skills.slice(0, 2).join(' og ')}${skills.length > 2 ? ` og gerne ${skills[2]}` : ''}.`,
        random.pick(['Vi er en travl arbejdsplads med god stemning.', 'Vi tilbyder grundig oplæring og gode kolleger.', 'Arbejdspladsen ligger tæt på offentlig transport.']),
      ].join(' '),
      requirements: random.pick([`Erfaring som ${word} er en fordel.`, `Relevant uddannelse: ${fill(random.pick(profile.education), { title: lower(occupation.title.da) })}.`, 'Du taler og skriver dansk.', '']),
      skills,
      educationLevel: random.chance(0.5) ? profile.levels[0]! : null,
      drivingLicence: licence,
      municipalityCode: employer.municipalityCode,
      workplaceAddress: `${employer.addressLine}, ${employer.postalCode} ${employer.city}`,
      hoursPerWeek: hours,
      kind,
      wantedStart: random.chance(0.8) ? addDays(options.today, random.int(7, 60)) : null,
      deadline: random.chance(0.7) ? addDays(options.today, random.int(5, 45)) : null,
      positions: random.chance(0.85) ? 1 : random.int(2, 5),
      responseHours,
      responseDueAt: responseDueAt(received, responseHours),
      status,
      contactName: `${random.pick(contactFemale ? FEMALE_NAMES : MALE_NAMES)} ${random.pick(SURNAMES)}`,
      createdAt: received,
    });
  }
  return out;
}
