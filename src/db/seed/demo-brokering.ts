import { and, asc, eq } from 'drizzle-orm';
import type { DbExecutor } from '../connect';
import { employerContactPersons, employerContacts, employers, jobOrders, jobseekerCvs, jobseekers, spells, staff } from '../schema';
import { addDays, type IsoDate } from '../../core/calendar/iso-date';
import { passesCvrModulus11 } from '../../core/identity/cvr';
import { responseDueAt } from '../../core/brokering/job-orders';
import { occupationGroup } from '../../core/reference/occupations';
import { FEMALE_NAMES, MALE_NAMES, STREETS, SURNAMES } from '../../core/synthetic/danish-names';
import { createSeededRandom } from '../../core/synthetic/random';

// Demo brokering: employers with contact persons and a contact log, job orders in every
// response state, and CV data for the jobseekers with an active spell, so matching has
// something to rank. Deterministic: its own seed per organisation. Names are made up.

const BROKERING_SEED = 5_050_505;

/** Occupations the demo people want, with the skills people in them write. */
export const PROFILES: readonly { code: string; skills: readonly string[]; education: string }[] = [
  { code: '5321', skills: ['medicinhåndtering', 'demens', 'akutmodtagelse', 'sårpleje', 'dokumentation'], education: 'Social- og sundhedsassistentuddannelsen' },
  { code: '5322', skills: ['personlig pleje', 'hjemmepleje', 'demens', 'forflytning'], education: 'Social- og sundhedshjælperuddannelsen' },
  { code: '2342', skills: ['vuggestue', 'sprogvurdering', 'inklusion', 'forældresamarbejde'], education: 'Pædagoguddannelsen' },
  { code: '5311', skills: ['børnehave', 'leg og læring', 'udeliv'], education: 'Pædagogisk assistentuddannelse' },
  { code: '4110', skills: ['Office', 'bogføring', 'kundeservice', 'journalisering'], education: 'Kontoruddannelse' },
  { code: '9333', skills: ['truckcertifikat', 'plukning', 'scanner', 'lagerstyring'], education: 'Lager- og terminaluddannelsen' },
  { code: '8332', skills: ['kørekort CE', 'chaufføruddannelse', 'fjernkørsel'], education: 'Vejgodstransportuddannelsen' },
  { code: '5223', skills: ['kasse', 'varebestilling', 'kundeservice', 'butiksdrift'], education: 'Detailhandelsuddannelse' },
  { code: '5120', skills: ['storkøkken', 'kantine', 'hygiejnebevis', 'menuplanlægning'], education: 'Ernæringsassistentuddannelsen' },
  { code: '9112', skills: ['erhvervsrengøring', 'kemikalier', 'hotelrengøring'], education: 'Rengøringsuddannelse (AMU)' },
];

export const EMPLOYERS: readonly { name: string; trade: string; profile: number }[] = [
  { name: 'Plejecenter Solbakken', trade: 'Ældrepleje', profile: 0 },
  { name: 'Hjemmeplejen Nord', trade: 'Ældrepleje', profile: 1 },
  { name: 'Børnehuset Mælkebøtten', trade: 'Dagtilbud', profile: 2 },
  { name: 'Vuggestuen Lærkereden', trade: 'Dagtilbud', profile: 3 },
  { name: 'Kontorfællesskabet Havnegade ApS', trade: 'Administration', profile: 4 },
  { name: 'Lager & Logistik Syd ApS', trade: 'Transport og logistik', profile: 5 },
  { name: 'Vognmand Bøgh & Søn', trade: 'Transport og logistik', profile: 6 },
  { name: 'Købmandsgården', trade: 'Detailhandel', profile: 7 },
  { name: 'Kantinen i Erhvervsparken', trade: 'Hotel og restauration', profile: 8 },
  { name: 'Rent & Pænt Service ApS', trade: 'Rengøring', profile: 9 },
  { name: 'Plejehjemmet Lindegården', trade: 'Ældrepleje', profile: 0 },
  { name: 'Fritidshjemmet Kastanjen', trade: 'Dagtilbud', profile: 2 },
];

const OUTCOMES = [
  'Drøftede rekrutteringsbehov for foråret',
  'Interesseret i kandidater med kort varsel',
  'Aftalt praktikforløb for en ledig',
  'Ønsker løntilskudsstilling',
  'Ingen behov lige nu – ring igen om tre måneder',
  'Mødt på jobmesse, udvekslet kontaktoplysninger',
];
const NEXT_STEPS = ['Send kandidater', 'Ring op igen', 'Book virksomhedsbesøg', 'Send jobordre-formular'];

/** 8-digit CVR numbers that pass modulus 11, from a series no test uses. */
function demoCvr(n: number): string {
  for (let d = 0; d < 10; d++) {
    const candidate = `${3100000 + n}${d}`;
    if (passesCvrModulus11(candidate)) return candidate;
  }
  return demoCvr(n + 5000);
}

export async function writeDemoBrokering(tx: DbExecutor, org: { id: string; kind: 'akasse' | 'jobcenter' }, today: IsoDate): Promise<void> {
  const random = createSeededRandom(BROKERING_SEED + (org.kind === 'akasse' ? 0 : 1));
  const orgStaff = await tx.select({ id: staff.id, role: staff.role }).from(staff).where(eq(staff.organisationId, org.id)).orderBy(asc(staff.email));
  const brokers = orgStaff.filter((s) => s.role === 'broker' || s.role === 'manager');
  if (brokers.length === 0) return;
  const people = await tx
    .select({ id: jobseekers.id, municipalityCode: jobseekers.municipalityCode })
    .from(jobseekers)
    .innerJoin(spells, and(eq(spells.jobseekerId, jobseekers.id), eq(spells.status, 'active')))
    .where(eq(jobseekers.organisationId, org.id))
    .orderBy(asc(jobseekers.id));
  const towns = [...new Set(people.map((p) => p.municipalityCode).filter((c): c is number => c !== null))].sort((a, b) => a - b);
  if (towns.length === 0) return;
  const now = new Date(`${today}T08:00:00Z`);

  const employerRows: (typeof employers.$inferInsert)[] = [];
  const personRows: (typeof employerContactPersons.$inferInsert)[] = [];
  const contactRows: (typeof employerContacts.$inferInsert)[] = [];
  const orderRows: (typeof jobOrders.$inferInsert)[] = [];
  EMPLOYERS.forEach((e, i) => {
    const id = random.uuid();
    const municipalityCode = random.pick(towns);
    employerRows.push({
      id,
      organisationId: org.id,
      cvr: demoCvr(i * 7 + (org.kind === 'akasse' ? 0 : 1000)),
      pNumbers: [String(1_100_000_000 + random.int(0, 899_999_999))],
      name: e.name,
      addressLine: `${random.pick(STREETS)} ${random.int(1, 120)}`,
      municipalityCode,
      trade: e.trade,
      cooperationAgreement: random.chance(0.4),
      source: 'staff',
      createdAt: now,
      updatedAt: now,
    });
    const female = random.chance(0.6);
    const personId = random.uuid();
    const first = random.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const last = random.pick(SURNAMES);
    personRows.push({ id: personId, organisationId: org.id, employerId: id, name: `${first} ${last}`, jobTitle: random.pick(['Daglig leder', 'HR-konsulent', 'Afdelingsleder', 'Tillidsrepræsentant']), email: `${first}.${last}@eksempel.dk`.toLowerCase().replace(/[æøå]/g, (c) => ({ æ: 'ae', ø: 'oe', å: 'aa' })[c]!), createdAt: now });
    const contacts = random.int(1, 4);
    for (let c = 0; c < contacts; c++) {
      const day = addDays(today, -random.int(1, 120));
      contactRows.push({
        id: random.uuid(),
        organisationId: org.id,
        employerId: id,
        originalEmployerId: id,
        kind: random.pick(['visit', 'call', 'call', 'meeting', 'event'] as const),
        occurredAt: new Date(`${day}T${String(random.int(8, 14)).padStart(2, '0')}:00:00Z`),
        staffId: random.pick(brokers).id,
        contactPersonId: random.chance(0.7) ? personId : null,
        outcome: random.pick(OUTCOMES),
        nextStep: random.chance(0.6) ? random.pick(NEXT_STEPS) : null,
        nextStepDue: random.chance(0.5) ? addDays(today, random.int(-5, 20)) : null,
        createdAt: now,
      });
    }
    if (i < 9) {
      const profile = PROFILES[e.profile]!;
      // Received between 3 days ago and now, so some are overdue, some waiting, some answered.
      const received = new Date(now.getTime() - random.int(1, 72) * 3_600_000);
      const hours = random.pick([24, 24, 48]);
      const due = responseDueAt(received, hours);
      const answered = random.chance(0.5) ? new Date(received.getTime() + random.int(1, hours + 12) * 3_600_000) : null;
      orderRows.push({
        id: random.uuid(),
        organisationId: org.id,
        employerId: id,
        source: random.chance(0.4) ? 'web_form' : 'staff',
        title: `${e.trade === 'Dagtilbud' ? 'Pædagogisk medarbejder' : 'Medarbejder'} til ${e.name}`,
        occupationCode: profile.code,
        description: `Vi søger en kollega med erfaring inden for ${profile.skills.slice(0, 2).join(' og ')}.`,
        skills: profile.skills.slice(0, 3),
        municipalityCode,
        hoursPerWeek: random.pick([25, 30, 32, 37]),
        kind: random.pick(['permanent', 'permanent', 'temporary', 'wage_subsidy', 'internship'] as const),
        wantedStart: addDays(today, random.int(7, 60)),
        responseHours: hours,
        responseDueAt: due,
        answeredAt: answered && answered <= now ? answered : null,
        answeredBy: answered && answered <= now ? random.pick(brokers).id : null,
        brokerId: random.pick(brokers).id,
        contactName: personRows[personRows.length - 1]!.name,
        createdAt: received,
        updatedAt: received,
      });
    }
  });
  await tx.insert(employers).values(employerRows);
  await tx.insert(employerContactPersons).values(personRows);
  await tx.insert(employerContacts).values(contactRows);
  await tx.insert(jobOrders).values(orderRows);

  // CV data for four in five people with an active spell.
  const cvRows: (typeof jobseekerCvs.$inferInsert)[] = [];
  for (const p of people) {
    if (!random.chance(0.8)) continue;
    const main = random.pick(PROFILES);
    const held = random.chance(0.5) ? [random.pick(PROFILES.filter((x) => occupationGroup(x.code) === occupationGroup(main.code))).code] : [];
    const wanted = [main.code];
    const skills = main.skills.filter(() => random.chance(0.6));
    cvRows.push({
      jobseekerId: p.id,
      organisationId: org.id,
      occupationsWanted: wanted,
      occupationsHeld: held,
      skills,
      education: [main.education],
      languages: random.chance(0.7) ? ['da', 'en'] : ['da'],
      drivingLicences: random.chance(0.7) ? ['B'] : [],
      hoursWanted: random.pick([null, 25, 32, 37, 37]),
      maxTravelKm: random.pick([null, 15, 25, 30, 50]),
      availableFrom: random.chance(0.8) ? null : addDays(today, random.int(5, 60)),
      summary: '',
      updatedAt: now,
    });
  }
  if (cvRows.length) await tx.insert(jobseekerCvs).values(cvRows);
}
