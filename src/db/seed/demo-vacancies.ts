import { and, asc, eq } from 'drizzle-orm';
import type { DbExecutor } from '../connect';
import { jobseekerCvs, jobseekers, vacancies, vacancyImports } from '../schema';
import { addDays, type IsoDate } from '../../core/calendar/iso-date';
import { findOccupation } from '../../core/reference/occupations';
import type { FeedVacancy } from '../../core/vacancies/feed';
import { vacancyHash } from '../../server/vacancies/service';
import { createSeededRandom } from '../../core/synthetic/random';

// Demo imported vacancies, as if a job board's feed had been read in once: for every fourth
// person with CV data, one vacancy in their wanted occupation near home, so "Job til dig" and
// the staff CV page show vacancies beside job orders. Two more have passed their deadline and
// must never be shown. Own seed per organisation; after the CVs exist (demo-brokering).

const VACANCY_SEED = 6_060_606;
export const DEMO_VACANCY_SOURCE = 'demo-jobnet';

const EMPLOYER_NAMES = ['Region Syddanmark', 'Kommunens Ældreområde', 'Dagtilbud Øst', 'Nordlager A/S', 'Fragtmanden ApS', 'SuperBrugsen', 'Kantine & Køkken ApS', 'ServiceTeam ApS', 'Administrationscentret'];

export async function writeDemoVacancies(tx: DbExecutor, org: { id: string; kind: 'akasse' | 'jobcenter' }, today: IsoDate): Promise<void> {
  const random = createSeededRandom(VACANCY_SEED + (org.kind === 'akasse' ? 0 : 1));
  const people = await tx
    .select({ id: jobseekers.id, municipalityCode: jobseekers.municipalityCode, wanted: jobseekerCvs.occupationsWanted })
    .from(jobseekerCvs)
    .innerJoin(jobseekers, and(eq(jobseekers.id, jobseekerCvs.jobseekerId), eq(jobseekers.organisationId, jobseekerCvs.organisationId)))
    .where(eq(jobseekerCvs.organisationId, org.id))
    .orderBy(asc(jobseekers.id));
  const feed: FeedVacancy[] = [];
  people.forEach((p, i) => {
    const code = p.wanted[0];
    if (i % 4 !== 0 || !code || p.municipalityCode === null) return;
    const title = findOccupation(code)?.title.da ?? 'Medarbejder';
    const n = feed.length + 1;
    feed.push({
      externalId: `DEMO-${org.kind}-${n}`,
      title: `${title} søges`,
      employerName: random.pick(EMPLOYER_NAMES),
      cvr: null,
      occupationCode: code,
      occupationText: null,
      municipalityCode: p.municipalityCode,
      description: random.pick(['Fast stilling, 37 timer.', 'Deltid med mulighed for flere timer.', 'Vikariat i 6 måneder.', '']),
      deadline: addDays(today, random.int(7, 45)),
      url: `https://job.example/demo/${org.kind}/${n}`,
    });
  });
  // Two whose deadline has passed: they stay in the table (a feed may list them) but are never matched.
  for (const v of feed.slice(0, 2)) feed.push({ ...v, externalId: `${v.externalId}-udløbet`, title: `${v.title} (udløbet)`, deadline: addDays(today, -random.int(1, 10)), url: `${v.url}-udlobet` });
  if (feed.length === 0) return;
  const at = new Date(`${addDays(today, -1)}T06:00:00Z`);
  const importId = random.uuid();
  await tx.insert(vacancyImports).values({ id: importId, organisationId: org.id, source: DEMO_VACANCY_SOURCE, format: 'json', importedBy: null, created: feed.length, updated: 0, unchanged: 0, rejected: 0, createdAt: at });
  await tx.insert(vacancies).values(
    feed.map((v) => ({ ...v, id: random.uuid(), organisationId: org.id, source: DEMO_VACANCY_SOURCE, contentHash: vacancyHash(v), firstImportId: importId, lastImportId: importId, createdAt: at, updatedAt: at })),
  );
}
