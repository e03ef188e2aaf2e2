import { asc, eq, isNull, and } from 'drizzle-orm';
import type { DbExecutor } from '../connect';
import { boardPosts, boardSubscriptions, employers, staff } from '../schema';
import { addDays, type IsoDate } from '../../core/calendar/iso-date';
import type { BoardCloseReason, BoardPostKind } from '../../core/brokering/recruitment-board';
import { createSeededRandom } from '../../core/synthetic/random';

// Demo posts on the recruitment board, so the page has something to show: openings, labour
// needs and internship places from the organisation's own demo employers, one closed as filled.
// Its own seed, so the rest of the demo data is unchanged. Written without notifications: the
// board's e-mails are for posts made after start.

const BOARD_SEED = 7_070_707;

const POSTS: readonly { kind: BoardPostKind; title: string; text: string; occupationCode: string | null; employer: boolean; places: number; days: number; closed?: BoardCloseReason }[] = [
  { kind: 'internship', title: 'Praktikplads som social- og sundhedsassistent', text: '13 ugers virksomhedspraktik på plejecenter, dagvagter. Mulighed for ansættelse bagefter.', occupationCode: '5321', employer: true, places: 2, days: 30 },
  { kind: 'opening', title: 'Pædagog til vuggestue, 32 timer', text: 'Fast stilling fra næste måned. Lederen vil gerne se 2–3 kandidater hurtigt.', occupationCode: '2342', employer: true, places: 1, days: 14 },
  { kind: 'labour_need', title: 'Lagerfolk til julesæsonen', text: 'Virksomheden mangler 10–15 lagermedarbejdere i 8 uger. Truckcertifikat en fordel, ikke et krav.', occupationCode: '9333', employer: true, places: 12, days: 21 },
  { kind: 'internship', title: 'Praktik i kantine med henblik på løntilskud', text: 'Køkkenet tager én i praktik og kan bagefter tilbyde løntilskud.', occupationCode: '5120', employer: true, places: 1, days: 45 },
  { kind: 'labour_need', title: 'Rengøringsfirma udvider med nyt hold', text: 'Morgenhold i erhvervsrengøring. Kørekort B ønskes.', occupationCode: null, employer: true, places: 4, days: 60 },
  { kind: 'opening', title: 'Kontorelev i administrationen', text: 'Elevplads med start efter nytår.', occupationCode: '4110', employer: true, places: 1, days: 10, closed: 'filled' },
];

export async function writeDemoBoard(tx: DbExecutor, org: { id: string; kind: 'akasse' | 'jobcenter' }, today: IsoDate): Promise<void> {
  const random = createSeededRandom(BOARD_SEED + (org.kind === 'akasse' ? 0 : 1));
  const people = await tx.select({ id: staff.id, role: staff.role, unitId: staff.unitId, email: staff.email }).from(staff).where(and(eq(staff.organisationId, org.id), eq(staff.active, true))).orderBy(asc(staff.email));
  const authors = people.filter((s) => s.role === 'broker' || s.role === 'manager' || s.role === 'caseworker');
  const orgEmployers = await tx.select({ id: employers.id, municipalityCode: employers.municipalityCode }).from(employers).where(and(eq(employers.organisationId, org.id), isNull(employers.mergedIntoId))).orderBy(asc(employers.name));
  if (authors.length === 0 || orgEmployers.length === 0) return;
  const rows = POSTS.map((p, i) => {
    const employer = p.employer ? orgEmployers[i % orgEmployers.length]! : null;
    const writer = random.pick(authors);
    const created = new Date(`${addDays(today, -random.int(1, 20))}T${String(random.int(7, 14)).padStart(2, '0')}:15:00Z`);
    return {
      id: random.uuid(),
      organisationId: org.id,
      kind: p.kind,
      title: p.title,
      text: p.text,
      employerId: employer?.id ?? null,
      occupationCode: p.occupationCode,
      municipalityCode: employer?.municipalityCode ?? 101,
      places: p.places,
      expiresOn: addDays(today, p.days),
      status: p.closed ? ('closed' as const) : ('open' as const),
      closedReason: p.closed ?? null,
      closedAt: p.closed ? created : null,
      closedBy: p.closed ? writer.id : null,
      authorId: writer.id,
      unitId: writer.unitId,
      createdAt: created,
      updatedAt: created,
    };
  });
  await tx.insert(boardPosts).values(rows);
  // Managers follow the whole board; caseworkers the internship places.
  const subscriptions = people
    .filter((s) => s.role === 'manager' || s.role === 'caseworker')
    .map((s) => ({ id: random.uuid(), organisationId: org.id, staffId: s.id, kind: s.role === 'manager' ? null : ('internship' as const), occupationGroup: null, municipalityCode: null, createdAt: new Date(`${today}T07:00:00Z`) }));
  if (subscriptions.length) await tx.insert(boardSubscriptions).values(subscriptions);
}
