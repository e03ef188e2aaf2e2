import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MATCH_WEIGHTS, occupationMatch, rankCandidates, rankJobs, scoreMatch, shortlist, skillKeys, type MatchCandidate, type MatchJob, type ShortlistCandidate } from './score';
import { contentWords, phraseCovered, wordsMatch } from './text';

const TODAY = '2026-11-02';

// Vejle (630) is the workplace; Fredericia (607) is ~20 km away, Aarhus (751) ~60 km, Kolding (621) ~25 km.
const job: MatchJob = {
  id: 'job-ssa',
  occupationCode: '5321',
  title: 'Social- og sundhedsassistent til akutteam',
  text: 'Vi søger en SSA med erfaring fra akutmodtagelse og demens. Medicinhåndtering er et krav.',
  skills: ['medicinhåndtering', 'demens', 'akut'],
  educationLevel: 'vocational',
  drivingLicence: 'B',
  municipalityCode: 630,
  hoursPerWeek: 32,
  wantedStart: '2026-12-01',
};

const base: MatchCandidate = {
  id: 'c-base',
  occupationsWanted: ['5321'],
  occupationsHeld: [],
  skills: ['medicinhåndtering', 'demensområdet', 'akutmodtagelse'],
  education: ['Social- og sundhedsassistentuddannelsen'],
  summary: '',
  educationLevel: 'vocational',
  drivingLicences: ['B'],
  municipalityCode: 630,
  maxTravelKm: 30,
  hoursWanted: 32,
  availableFrom: null,
};
const person = (id: string, change: Partial<MatchCandidate>): MatchCandidate => ({ ...base, id, ...change });

describe('Danish free text', () => {
  it('matches compounds and inflections by prefix, containment and trigrams', () => {
    expect(wordsMatch('akut', 'akutmodtagelse')).toBe(true);
    expect(wordsMatch('modtagelse', 'akutmodtagelse')).toBe(true);
    expect(wordsMatch('demens', 'demensområdet')).toBe(true);
    expect(wordsMatch('lager', 'lagerarbejde')).toBe(true);
    expect(wordsMatch('kok', 'kokosmælk')).toBe(false);
    expect(wordsMatch('pædagog', 'lager')).toBe(false);
  });

  it('drops stop words and short words', () => {
    expect(contentWords('Vi søger en SSA med erfaring og et kørekort')).toEqual(['søger', 'ssa', 'erfaring', 'kørekort']);
  });

  it('covers a skill phrase when at least half its words match', () => {
    expect(phraseCovered('erfaring med demens', contentWords('demensområdet i 5 år'))).toBe(true);
    expect(phraseCovered('truckcertifikat', contentWords('kørekort B'))).toBe(false);
  });
});

describe('scoring a hand-made set with known right answers', () => {
  it('explains a good match in Danish and English, with the weights', () => {
    const r = scoreMatch(job, base, TODAY);
    expect(r.summary.da).toBe('samme stilling; 0 km (samme kommune); kan starte nu; 4 af 4 kompetencer; fritekst: social, sundhedsassistent, ssa; uddannelse på niveau; ønsker 32 timer');
    expect(r.summary.en).toContain('same occupation; 0 km (same municipality); available now; 4 of 4 skills');
    expect(r.parts.map((p) => [p.part, p.weight])).toEqual(Object.entries(MATCH_WEIGHTS).sort(([a], [b]) => ['occupation', 'distance', 'availability', 'skills', 'text', 'education', 'hours'].indexOf(a) - ['occupation', 'distance', 'availability', 'skills', 'text', 'education', 'hours'].indexOf(b)));
    expect(r.score).toBeGreaterThan(90);
  });

  it('ranks the same occupation above a related one (same minor group) above another occupation', () => {
    const ranked = rankCandidates(
      job,
      [person('c-other', { occupationsWanted: ['9333'] }), person('c-related', { occupationsWanted: ['5322'] }), person('c-same', {})],
      TODAY,
    );
    expect(ranked.map((r) => r.candidateId)).toEqual(['c-same', 'c-related', 'c-other']);
    expect(ranked[1]!.summary.da).toContain('beslægtet stilling (social- og sundhedshjælper)');
  });

  it('never ranks a person over their travel limit above one within it, all else equal', () => {
    const within = person('c-within', { municipalityCode: 607, maxTravelKm: 30 }); // Fredericia → Vejle
    const over = person('c-over', { municipalityCode: 751, maxTravelKm: 30 }); // Aarhus → Vejle
    const ranked = rankCandidates(job, [over, within], TODAY);
    expect(ranked.map((r) => r.candidateId)).toEqual(['c-within', 'c-over']);
    expect(ranked[0]!.withinTravelLimit).toBe(true);
    expect(ranked[1]!.withinTravelLimit).toBe(false);
    expect(ranked[1]!.summary.da).toMatch(/km \(over grænsen på 30 km\)/);
  });

  it('prefers someone who can start in time over someone who cannot, and says when they can', () => {
    const late = person('c-late', { availableFrom: '2027-03-01' });
    const r = scoreMatch(job, late, TODAY);
    expect(r.summary.da).toContain('kan først starte 01-03-2027');
    expect(rankCandidates(job, [late, base], TODAY)[0]!.candidateId).toBe('c-base');
  });

  it('counts skills matched, so 3 of 4 is below 4 of 4', () => {
    const fewer = person('c-fewer', { skills: ['medicinhåndtering', 'demens'], education: [], drivingLicences: ['B'] });
    const r = scoreMatch(job, fewer, TODAY);
    expect(r.summary.da).toContain('3 af 4 kompetencer');
    expect(r.score).toBeLessThan(scoreMatch(job, base, TODAY).score);
  });

  it('leaves parts it cannot judge out of the score instead of counting them against the person', () => {
    const unknownHours = person('c-hours', { hoursWanted: null });
    const r = scoreMatch(job, unknownHours, TODAY);
    expect(r.parts.find((p) => p.part === 'hours')).toMatchObject({ value: null, points: 0 });
    expect(r.score).toBeGreaterThan(90);
  });

  it('ranks jobs for a jobseeker the same way round', () => {
    const far: MatchJob = { ...job, id: 'job-far', municipalityCode: 751 };
    const other: MatchJob = { ...job, id: 'job-other', occupationCode: '4110', title: 'Kontorassistent', text: 'Bogføring', skills: ['bogføring'] };
    expect(rankJobs(base, [other, far, job], TODAY).map((r) => r.jobId)).toEqual(['job-ssa', 'job-far', 'job-other']);
  });
});

const arbCandidate = fc.record({
  id: fc.uuid(),
  occupationsWanted: fc.subarray(['5321', '5322', '2342', '9333', '4110']),
  occupationsHeld: fc.subarray(['5321', '5329', '8332']),
  skills: fc.subarray(['medicinhåndtering', 'demens', 'akutmodtagelse', 'truck', 'bogføring', 'sprogvurdering']),
  education: fc.constant([] as string[]),
  summary: fc.constantFrom('', 'erfaren fra hjemmeplejen', 'lager og logistik'),
  educationLevel: fc.constantFrom(null, 'primary', 'vocational', 'master'),
  drivingLicences: fc.subarray(['B', 'C']),
  municipalityCode: fc.constantFrom(null, 630, 607, 751, 101, 621),
  maxTravelKm: fc.constantFrom(null, 0, 10, 30, 80),
  hoursWanted: fc.constantFrom(null, 15, 32, 37),
  availableFrom: fc.constantFrom(null, '2026-10-01', '2026-12-01', '2027-05-01'),
}) as fc.Arbitrary<MatchCandidate>;

describe('properties of the score', () => {
  it('is always between 0 and 100, and its parts add up to it', () => {
    fc.assert(
      fc.property(arbCandidate, (c) => {
        const r = scoreMatch(job, c, TODAY);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(Math.abs(r.parts.reduce((s, p) => s + p.points, 0) - r.score)).toBeLessThan(0.5);
      }),
    );
  });

  it('never falls when the person gains a skill the job asks for', () => {
    fc.assert(
      fc.property(arbCandidate, fc.constantFrom(...job.skills), (c, skill) => {
        const more = { ...c, skills: [...c.skills, skill] };
        expect(scoreMatch(job, more, TODAY).score).toBeGreaterThanOrEqual(scoreMatch(job, c, TODAY).score);
      }),
    );
  });

  it('puts anyone within their travel limit above the same person moved beyond it', () => {
    fc.assert(
      fc.property(arbCandidate, (c) => {
        const within = { ...c, id: 'a', municipalityCode: 630, maxTravelKm: 30 };
        const over = { ...c, id: 'b', municipalityCode: 751, maxTravelKm: 30 };
        expect(scoreMatch(job, within, TODAY).score).toBeGreaterThan(scoreMatch(job, over, TODAY).score);
      }),
    );
  });

  it('gives the same ranking whatever order the candidates come in', () => {
    fc.assert(
      fc.property(fc.array(arbCandidate, { maxLength: 12 }), (cs) => {
        const a = rankCandidates(job, cs, TODAY).map((r) => r.candidateId);
        const b = rankCandidates(job, [...cs].reverse(), TODAY).map((r) => r.candidateId);
        expect(b).toEqual(a);
      }),
    );
  });
});

describe('a job that does not state everything (an imported vacancy)', () => {
  const vacancy: MatchJob = { ...job, id: 'vacancy', skills: [], educationLevel: null, drivingLicence: null, hoursPerWeek: null, wantedStart: null, unstated: ['skills', 'education', 'start'] };

  it('says what is not stated instead of judging it, and scores on what is known', () => {
    const r = scoreMatch(vacancy, person('later', { availableFrom: '2027-03-01' }), TODAY);
    const part = (p: string) => r.parts.find((x) => x.part === p)!;
    for (const p of ['skills', 'education', 'hours', 'availability']) expect(part(p).value).toBeNull();
    expect(part('skills').reason.da).toBe('kompetencekrav ikke oplyst');
    expect(part('education').reason.da).toBe('uddannelseskrav ikke oplyst');
    expect(part('hours').reason.da).toBe('timetal ikke oplyst');
    expect(part('availability').reason.da).toBe('kan starte 01-03-2027; startdato ikke oplyst');
    expect(r.summary.da).toContain('timetal ikke oplyst');
    expect(r.summary.da).toContain('kompetencekrav ikke oplyst');
    // Same occupation at home with the free text matching: the judged parts carry the whole score.
    expect(r.score).toBeGreaterThan(80);
  });

  it('does not read missing skills as "no skills asked for"', () => {
    const r = scoreMatch(vacancy, base, TODAY);
    expect(r.summary.da).not.toContain('ingen kompetencer efterspurgt');
    expect(r.parts.find((p) => p.part === 'availability')!.value).toBe(1);
  });

  it('ranks the same occupation above a related one, as for job orders', () => {
    const ranked = rankCandidates(vacancy, [person('related', { occupationsWanted: ['5322'] }), person('same', {})], TODAY);
    expect(ranked.map((r) => r.candidateId)).toEqual(['same', 'related']);
  });
});

describe('ranking many candidates', () => {
  it('scores free text and skills exactly as the word-by-word definition does (prepared job, pairs judged once)', async () => {
    const { generateEmployers, generateJobOrders, generateJobseekers } = await import('../synthetic/generate');
    const { findOccupation } = await import('../reference/occupations');
    const opts = { seed: 11, today: TODAY, organisationId: 'org', organisationKind: 'akasse' as const };
    const candidates: MatchCandidate[] = [...generateJobseekers(opts, 150)].map(({ jobseeker, cv }) => ({ id: cv.jobseekerId, ...cv, educationLevel: jobseeker.educationLevel, municipalityCode: jobseeker.municipalityCode }));
    const jobs: MatchJob[] = generateJobOrders(opts, generateEmployers(opts, 10), 15).map((o) => ({ ...o, text: `${o.description} ${o.requirements}` }));
    for (const j of jobs) {
      const ranked = rankCandidates(j, candidates, TODAY, candidates.length);
      expect(ranked).toHaveLength(candidates.length);
      const jobWords = contentWords(`${j.title} ${j.text}`);
      for (const r of ranked) {
        const c = candidates.find((x) => x.id === r.candidateId)!;
        const names = [...c.occupationsWanted, ...c.occupationsHeld].flatMap((code) => [findOccupation(code)!.title.da, ...findOccupation(code)!.synonyms]);
        const words = contentWords([...c.skills, ...c.education, c.summary, ...names].join(' '));
        const text = jobWords.filter((w) => words.some((cw) => wordsMatch(w, cw))).length / jobWords.length;
        const skills = j.skills.filter((s) => phraseCovered(s, words)).length + (j.drivingLicence && c.drivingLicences.includes(j.drivingLicence) ? 1 : 0);
        expect(r.parts.find((p) => p.part === 'text')!.value).toBe(text);
        expect(r.parts.find((p) => p.part === 'skills')!.value).toBe(skills / (j.skills.length + (j.drivingLicence ? 1 : 0)));
        expect(r).toEqual(scoreMatch(j, c, TODAY));
      }
    }
  });
});

describe('the shortlist the ranking reads the words of', () => {
  const facts = (c: MatchCandidate): ShortlistCandidate => ({
    id: c.id,
    occupationMatch: occupationMatch(job, c),
    skillsNamed: c.skills.filter((s) => skillKeys(job.skills).includes(s.trim().toLowerCase())).length,
    educationLevel: c.educationLevel,
    municipalityCode: c.municipalityCode,
    maxTravelKm: c.maxTravelKm,
    hoursWanted: c.hoursWanted,
    availableFrom: c.availableFrom,
  });

  it('keeps everyone when it has room for them', () => {
    const pool = [person('a', { occupationsWanted: ['9333'] }), base].map(facts);
    expect(shortlist(job, pool, TODAY, 2)).toEqual(pool);
  });

  it('keeps the same occupation over a related one, and within the travel limit over beyond it, whatever the order', () => {
    const pool = [
      person('a-related', { occupationsWanted: ['5322'] }),
      person('b-over-limit', { municipalityCode: 751 }),
      person('c-same', {}),
      person('d-held', { occupationsWanted: [], occupationsHeld: ['5321'] }),
    ].map(facts);
    expect(shortlist(job, pool, TODAY, 2).map((c) => c.id)).toEqual(['c-same', 'd-held']);
    expect(shortlist(job, [...pool].reverse(), TODAY, 2).map((c) => c.id)).toEqual(['c-same', 'd-held']);
  });

  it('prefers, all else equal, the people who name more of the skills asked for', () => {
    const pool = [person('a', { skills: ['Demens '] }), person('b', { skills: ['medicinhåndtering', 'demens', 'akut'] }), person('c', { skills: [] })].map(facts);
    expect(pool.map((c) => c.skillsNamed)).toEqual([1, 3, 0]);
    expect(shortlist(job, pool, TODAY, 2).map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('agrees with the score on how occupations meet', () => {
    expect(occupationMatch(job, base)).toBe('wanted');
    expect(occupationMatch(job, person('x', { occupationsWanted: ['9333'], occupationsHeld: ['5321'] }))).toBe('held');
    expect(occupationMatch(job, person('x', { occupationsWanted: ['5322'] }))).toBe('related');
    expect(occupationMatch(job, person('x', { occupationsWanted: ['4110'] }))).toBe('other');
  });

  it('loses nothing from the top of the full ranking when the people differ only in what it judges', () => {
    // Same words and occupations for all, and every part judged, so the words add the same to everyone.
    const arbFacts = fc.record({
      id: fc.uuid(),
      educationLevel: fc.constantFrom('primary', 'vocational', 'master'),
      municipalityCode: fc.constantFrom(630, 607, 751, 621),
      maxTravelKm: fc.constantFrom(10, 30, 80),
      hoursWanted: fc.constantFrom(15, 32, 37),
      availableFrom: fc.constantFrom(null, '2026-10-01', '2026-12-01', '2027-05-01'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbFacts, { minLength: 6, maxLength: 30, selector: (c) => c.id }), (rows) => {
        const people = rows.map((r) => person(r.id, r as Partial<MatchCandidate>));
        const size = 5;
        const short = new Set(shortlist(job, people.map(facts), TODAY, size).map((c) => c.id));
        // The same scores: with scores rounded to a tenth, equals may be kept in another order.
        const ranked = (from: MatchCandidate[]) => rankCandidates(job, from, TODAY, size).map((r) => r.score);
        expect(ranked(people.filter((p) => short.has(p.id)))).toEqual(ranked(people));
      }),
    );
  });
});
