import { createHash } from 'node:crypto';
import { count } from 'drizzle-orm';
import { addDays, format, parseISO } from 'date-fns';
import type { Database, DbExecutor } from '../connect';
import { availabilityBlocks, jobseekers, organisations, staff, systemState, units } from '../schema';
import { hashPassword } from '../../server/auth/service';
import { syncShippedTemplates } from '../../server/templates/sync-templates';
import { seedDemoMeasurement } from '../../server/measurement/demo-scorecards';
import type { CprCipher } from '../../server/crypto/cpr-cipher';
import { parseCpr, passesModulus11 } from '../../core/identity/cpr';
import { EDUCATION_LEVELS } from '../../core/reference';
import { MUNICIPALITIES } from '../../core/reference/municipalities';
import { createSeededRandom, type SeededRandom } from '../../core/synthetic/random';
import { writeDemoCourse } from './demo-course';
import { writeDemoSurveys } from './demo-surveys';
import { writeDemoBrokering } from './demo-brokering';
import { writeDemoBoard } from './demo-board';
import { writeDemoVacancies } from './demo-vacancies';
import { writeDemoBusinessActivities } from './demo-activities';
import { writeDemoWageHours } from './demo-wage-hours';
import { writeDemoJoblog, writeDemoJoblogHistory } from './demo-joblog';
import { writeDemoMessages } from './demo-messages';
import { writeDemoOutcomes } from './demo-outcomes';
import { FEMALE_NAMES, MALE_NAMES, STREETS, SURNAMES } from '../../core/synthetic/danish-names';

export const DEMO_SEED = 20_260_701;

type Role = 'caseworker' | 'broker' | 'manager' | 'admin';
export const DEMO_LOGINS: { email: string; name: string; role: Role; org: 'akasse' | 'jobcenter'; unit: number | null; roleLabel: string }[] = [
  { email: 'vejleder@akasse.demo', name: 'Vera Vejleder', role: 'caseworker', org: 'akasse', unit: 0, roleLabel: 'jobvejleder, Demo A-kasse' },
  { email: 'formidler@akasse.demo', name: 'Frede Formidler', role: 'broker', org: 'akasse', unit: 0, roleLabel: 'jobformidler, Demo A-kasse' },
  { email: 'leder@akasse.demo', name: 'Lise Leder', role: 'manager', org: 'akasse', unit: null, roleLabel: 'leder, Demo A-kasse' },
  { email: 'admin@akasse.demo', name: 'Adam Admin', role: 'admin', org: 'akasse', unit: null, roleLabel: 'administrator, Demo A-kasse' },
  { email: 'konsulent@jobcenter.demo', name: 'Karl Konsulent', role: 'caseworker', org: 'jobcenter', unit: 0, roleLabel: 'jobkonsulent, Demo Jobcenter' },
  { email: 'leder@jobcenter.demo', name: 'Jytte Jobcenterleder', role: 'manager', org: 'jobcenter', unit: null, roleLabel: 'leder, Demo Jobcenter' },
];

const AKASSE_UNITS = ['Afdeling Nord', 'Afdeling Midt', 'Afdeling Syd'];
const JOBCENTER_UNITS = ['Jobteam', 'Virksomhedsservice'];
const JOBCENTER_MUNICIPALITY = 615;
const AKASSE_JOBSEEKERS = 240;
const JOBCENTER_JOBSEEKERS = 80;

/** Writes the demo data set when the database has no organisations yet. Returns whether it wrote. */
export async function seedDemoIfEmpty(db: Database, cipher: CprCipher, today: string = format(new Date(), 'yyyy-MM-dd')): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(organisations);
  if ((existing?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword('demo');
  await db.transaction(async (tx) => {
    const random = await writeDemoData(tx, cipher, passwordHash, today);
    await syncShippedTemplates(tx);
    for (const org of await tx.select({ id: organisations.id, kind: organisations.kind }).from(organisations).orderBy(organisations.name)) {
      await writeDemoCourse(tx, random, org, today);
    }
    for (const org of await tx.select({ id: organisations.id, kind: organisations.kind }).from(organisations).orderBy(organisations.name)) {
      await writeDemoSurveys(tx, org, today);
      await writeDemoBrokering(tx, org, today);
      await writeDemoBoard(tx, org, today);
      await writeDemoVacancies(tx, org, today);
      await writeDemoBusinessActivities(tx, org, today);
      await writeDemoMessages(tx, org, today);
    }
    // After the spells exist: the demo scorecards compute from them, and the project marks some.
    await seedDemoMeasurement(tx, today);
    for (const org of await tx.select({ id: organisations.id }).from(organisations).orderBy(organisations.name)) {
      await writeDemoJoblog(tx, org.id, today);
      await writeDemoJoblogHistory(tx, org.id, today);
    }
    // Last, so every writer above reads the demo as it was before these outcomes were added.
    for (const org of await tx.select({ id: organisations.id, kind: organisations.kind }).from(organisations).orderBy(organisations.name)) {
      await writeDemoOutcomes(tx, org, today);
      await writeDemoWageHours(tx, org, today);
    }
    await tx.insert(systemState).values({ key: 'demo', value: { seed: DEMO_SEED, today } });
  });
  return true;
}

async function writeDemoData(tx: DbExecutor, cipher: CprCipher, passwordHash: string, today: string) {
  const random = createSeededRandom(DEMO_SEED);
  const akasse = { id: random.uuid(), name: 'Demo A-kasse', kind: 'akasse' as const, municipalityCode: null };
  const jobcenter = { id: random.uuid(), name: 'Demo Jobcenter', kind: 'jobcenter' as const, municipalityCode: JOBCENTER_MUNICIPALITY };
  await tx.insert(organisations).values([akasse, jobcenter]);
  const akasseUnits = AKASSE_UNITS.map((name) => ({ id: random.uuid(), organisationId: akasse.id, name }));
  const jobcenterUnits = JOBCENTER_UNITS.map((name) => ({ id: random.uuid(), organisationId: jobcenter.id, name }));
  await tx.insert(units).values([...akasseUnits, ...jobcenterUnits]);

  const staffRows = DEMO_LOGINS.map((login) => {
    const org = login.org === 'akasse' ? akasse : jobcenter;
    const orgUnits = login.org === 'akasse' ? akasseUnits : jobcenterUnits;
    return {
      id: random.uuid(),
      organisationId: org.id,
      unitId: login.unit === null ? null : orgUnits[login.unit]!.id,
      email: login.email,
      name: login.name,
      role: login.role,
      passwordHash,
    };
  });
  // More caseworkers, so caseloads can be spread; they cannot log in (no known password).
  const extraCaseworkers = [
    { name: 'Birgitte Bisgaard', org: akasse, unit: akasseUnits[1]! },
    { name: 'Carsten Holm', org: akasse, unit: akasseUnits[2]! },
    { name: 'Dorthe Lund', org: akasse, unit: akasseUnits[2]! },
    { name: 'Erik Dam', org: jobcenter, unit: jobcenterUnits[0]! },
  ];
  for (const [i, extra] of extraCaseworkers.entries()) {
    staffRows.push({
      id: random.uuid(),
      organisationId: extra.org.id,
      unitId: extra.unit.id,
      email: `vejleder${i + 2}@${extra.org.kind === 'akasse' ? 'akasse' : 'jobcenter'}.demo`,
      name: extra.name,
      role: 'caseworker',
      passwordHash: '!disabled',
    });
  }
  await tx.insert(staff).values(staffRows);
  await tx.insert(availabilityBlocks).values(demoAvailability(staffRows.filter((s) => s.role === 'caseworker')));

  const rows = [
    ...makeJobseekers(random, cipher, akasse.id, AKASSE_JOBSEEKERS, today, () => random.pick(MUNICIPALITIES).code),
    ...makeJobseekers(random, cipher, jobcenter.id, JOBCENTER_JOBSEEKERS, today, () => JOBCENTER_MUNICIPALITY),
  ];
  for (let i = 0; i < rows.length; i += 200) await tx.insert(jobseekers).values(rows.slice(i, i + 200));
  return random;
}

/**
 * Every demo caseworker publishes the same week for self-booking: Monday to Thursday 9–12 in
 * person, phone or video, and Tuesday afternoon by phone. Ids are derived from the staff id, so
 * the seeded random stream (and with it the rest of the demo data) is untouched.
 */
function demoAvailability(caseworkers: { id: string; organisationId: string }[]): (typeof availabilityBlocks.$inferInsert)[] {
  const derivedId = (...parts: (string | number)[]) => {
    const h = createHash('sha256').update(parts.join(':')).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  return caseworkers.flatMap((c) => [
    ...[1, 2, 3, 4].map((weekday) => ({
      id: derivedId(c.id, weekday, 'am'),
      organisationId: c.organisationId,
      caseworkerId: c.id,
      weekday,
      startTime: '09:00',
      endTime: '12:00',
      slotMinutes: 45,
      place: 'Mødelokale 1',
      modes: ['in_person' as const, 'phone' as const, 'video' as const],
    })),
    { id: derivedId(c.id, 2, 'pm'), organisationId: c.organisationId, caseworkerId: c.id, weekday: 2, startTime: '13:00', endTime: '15:00', slotMinutes: 30, place: null, modes: ['phone' as const] },
  ]);
}

function makeJobseekers(random: SeededRandom, cipher: CprCipher, organisationId: string, n: number, today: string, municipality: () => number) {
  const used = new Set<string>();
  const rows: (typeof jobseekers.$inferInsert)[] = [];
  const createdBase = parseISO(today);
  while (rows.length < n) {
    const cpr = makeCpr(random);
    if (used.has(cpr)) continue;
    const parsed = parseCpr(cpr);
    if (!parsed.ok) continue;
    used.add(cpr);
    const female = parsed.sex === 'female';
    const firstName = random.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const lastName = random.pick(SURNAMES);
    const code = municipality();
    const m = MUNICIPALITIES.find((x) => x.code === code)!;
    const created = addDays(createdBase, -random.int(1, 400));
    rows.push({
      id: random.uuid(),
      organisationId,
      cprCiphertext: cipher.encrypt(parsed.cpr),
      cprHash: cipher.hash(parsed.cpr),
      birthDate: parsed.birthDate,
      sex: parsed.sex,
      firstName,
      lastName,
      phone: random.chance(0.9) ? `+45${random.int(20, 99)}${String(random.int(0, 999_999)).padStart(6, '0')}` : null,
      email: random.chance(0.85) ? `${firstName}.${lastName}${random.int(1, 99)}@eksempel.dk`.toLowerCase().replace(/[æøå]/g, (c) => ({ æ: 'ae', ø: 'oe', å: 'aa' })[c]!) : null,
      addressLine: `${random.pick(STREETS)} ${random.int(1, 120)}`,
      postalCode: String(random.int(1000, 9990)),
      city: m.town,
      municipalityCode: code,
      educationLevel: random.pick(EDUCATION_LEVELS).code,
      preferredLanguage: random.chance(0.92) ? 'da' : 'en',
      createdAt: created,
      updatedAt: created,
    });
  }
  return rows;
}

/**
 * Fictitious CPR numbers: valid birth dates and century digits, but chosen to fail the old
 * modulus-11 check, which nearly every number issued before 2007 passes.
 */
function makeCpr(random: SeededRandom): string {
  for (;;) {
    const year = random.int(1961, 2005);
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    const yy = String(year % 100).padStart(2, '0');
    const seventh = year >= 2000 ? 4 : random.int(0, 3);
    const rest = String(random.int(0, 999)).padStart(3, '0');
    const cpr = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${yy}${seventh}${rest}`;
    if (!passesModulus11(cpr)) return cpr;
  }
}
