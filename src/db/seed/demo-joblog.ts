import { and, eq } from 'drizzle-orm';
import { addDays, daysBetween, maxIsoDate } from '../../core/calendar/iso-date';
import type { JoblogKind, JoblogStatus } from '../../core/joblog/rules';
import type { DbExecutor } from '../connect';
import { joblogEntries, spells } from '../schema';
import { createSeededRandom, type SeededRandom } from '../../core/synthetic/random';

/** Its own seed, so adding the joblog did not move any other demo data. */
const JOBLOG_SEED = 20_261_104;

/** Made-up employers (no real company is named). */
const EMPLOYERS = [
  'Nordlys Logistik ApS',
  'Fjordbyens Tandklinik',
  'Kystvejens Børnehus',
  'Midtjysk Regnskab A/S',
  'Bølgen Supermarked',
  'Egeskovens Plejecenter',
  'Havnens Værksted',
  'Solsikken Vuggestue',
  'Grønland Transport ApS',
  'Ringvejens IT-Service',
  'Åløkke Byggemarked',
  'Lindegårdens Kantine',
  'Vesterhavets Hotel',
  'Kommunens Borgerservice',
  'Bakkedalens Skole',
  'Østerbro Kontorservice',
];
const TITLES = ['Kontorassistent', 'Lagermedarbejder', 'Pædagog', 'Social- og sundhedsassistent', 'Butiksassistent', 'Bogholder', 'Chauffør', 'IT-supporter', 'Kok', 'Receptionist'];
const SOURCES: Record<JoblogKind, string[]> = {
  advertised: ['Jobnet', 'Jobindex', 'LinkedIn', 'Virksomhedens hjemmeside'],
  unsolicited: ['Uopfordret via e-mail', 'Personligt fremmøde'],
  network: ['Tidligere kollega', 'Familie og venner', 'LinkedIn-netværk'],
  other_activity: ['Jobmesse', 'Jobcafé', 'CV-workshop'],
};

type Profile = { perWeek: number; stopDaysAgo: number; interviews: boolean };

function pickProfile(random: SeededRandom): Profile | null {
  const roll = random.int(0, 99);
  if (roll < 45) return { perWeek: 1.6 + random.int(0, 10) / 10, stopDaysAgo: 0, interviews: true }; // meets the benchmark
  if (roll < 65) return { perWeek: 0.4 + random.int(0, 8) / 10, stopDaysAgo: 0, interviews: true }; // light green
  if (roll < 77) return { perWeek: 2.5, stopDaysAgo: 0, interviews: false }; // many applications, no interview
  if (roll < 90) return { perWeek: 1.5, stopDaysAgo: 35 + random.int(0, 20), interviews: true }; // went quiet
  return null; // nothing logged
}

function pickKind(random: SeededRandom): JoblogKind {
  const roll = random.int(0, 99);
  return roll < 60 ? 'advertised' : roll < 83 ? 'unsolicited' : roll < 95 ? 'network' : 'other_activity';
}

/**
 * Joblog entries for the demo jobseekers with an active spell, over up to six months back, in a
 * mix that shows every light of the trend and every monitoring rule on first start. Inserted
 * directly: no sync events (a first start should not push demo data to a sink). The worker's
 * joblog sweep at start raises the tasks.
 */
export async function writeDemoJoblog(tx: DbExecutor, organisationId: string, today: string): Promise<void> {
  const random = createSeededRandom(JOBLOG_SEED + organisationId.charCodeAt(0));
  const active = await tx
    .select({ id: spells.id, jobseekerId: spells.jobseekerId, startDate: spells.startDate })
    .from(spells)
    .where(and(eq(spells.organisationId, organisationId), eq(spells.status, 'active')))
    .orderBy(spells.id);
  const rows: (typeof joblogEntries.$inferInsert)[] = [];
  for (const spell of active) {
    const profile = pickProfile(random);
    if (!profile) continue;
    const from = maxIsoDate(spell.startDate, addDays(today, -180));
    const until = addDays(today, -profile.stopDaysAgo);
    const days = daysBetween(from, until);
    if (days < 0) continue;
    const count = Math.round((days / 7) * profile.perWeek);
    const dates = Array.from({ length: count }, () => addDays(from, random.int(0, days))).sort();
    for (const date of dates) {
      const kind = pickKind(random);
      const old = daysBetween(date, today) > 21;
      const statusRoll = random.int(0, 99);
      const status: JoblogStatus = !old || kind === 'other_activity' ? 'sent' : profile.interviews && statusRoll < 15 ? 'interview' : statusRoll < 70 ? 'rejected' : 'sent';
      rows.push({
        id: random.uuid(),
        organisationId,
        jobseekerId: spell.jobseekerId,
        spellId: spell.id,
        date,
        employer: random.pick(EMPLOYERS),
        jobTitle: kind === 'other_activity' ? random.pick(SOURCES.other_activity) : random.pick(TITLES),
        kind,
        source: random.pick(SOURCES[kind]),
        status,
        createdByKind: random.chance(0.85) ? 'jobseeker' : 'staff',
        createdAt: new Date(`${date}T18:00:00Z`),
        updatedAt: new Date(`${date}T18:00:00Z`),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(joblogEntries).values(rows.slice(i, i + 500));
}

/** Its own seed, so the history did not move the recent joblog above. */
const HISTORY_SEED = 20_261_128;

/**
 * The joblog before the recent six months, and of spells that have ended: a steady, lower pace
 * (about one application a week) than the recent entries, so "change in jobs sought" has a
 * baseline to compare with and shows the rise the jobcentre's project aims at (seed 002).
 */
export async function writeDemoJoblogHistory(tx: DbExecutor, organisationId: string, today: string): Promise<void> {
  const random = createSeededRandom(HISTORY_SEED + organisationId.charCodeAt(0));
  const list = await tx
    .select({ id: spells.id, jobseekerId: spells.jobseekerId, startDate: spells.startDate, endDate: spells.endDate, status: spells.status })
    .from(spells)
    .where(and(eq(spells.organisationId, organisationId), eq(spells.kind, 'unemployment')))
    .orderBy(spells.id);
  const rows: (typeof joblogEntries.$inferInsert)[] = [];
  const recentFrom = addDays(today, -180);
  for (const spell of list) {
    if (random.chance(0.1)) continue; // some never log anything
    // writeDemoJoblog covers active spells from six months back; this covers the rest.
    const until = spell.status === 'active' ? addDays(recentFrom, -1) : spell.endDate ? addDays(spell.endDate, -1) : null;
    if (until === null) continue;
    const days = daysBetween(spell.startDate, until);
    if (days < 0) continue;
    const perWeek = 0.7 + random.int(0, 6) / 10;
    const count = Math.round((days / 7) * perWeek);
    for (let i = 0; i < count; i++) {
      const date = addDays(spell.startDate, random.int(0, days));
      const kind = pickKind(random);
      rows.push({
        id: random.uuid(),
        organisationId,
        jobseekerId: spell.jobseekerId,
        spellId: spell.id,
        date,
        employer: random.pick(EMPLOYERS),
        jobTitle: kind === 'other_activity' ? random.pick(SOURCES.other_activity) : random.pick(TITLES),
        kind,
        source: random.pick(SOURCES[kind]),
        status: kind === 'other_activity' ? 'sent' : random.chance(0.1) ? 'interview' : random.chance(0.7) ? 'rejected' : 'sent',
        createdByKind: random.chance(0.85) ? 'jobseeker' : 'staff',
        createdAt: new Date(`${date}T18:00:00Z`),
        updatedAt: new Date(`${date}T18:00:00Z`),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(joblogEntries).values(rows.slice(i, i + 500));
}
