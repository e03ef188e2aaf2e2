import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DbExecutor } from '../connect';
import { closingDays, messages, messageThreads, spells } from '../schema';
import { addDays, copenhagenLocalTime } from '../../core/calendar/iso-date';
import { createWorkingCalendar } from '../../core/calendar/working-calendar';
import { addWorkingHours, workingMinutesBetween } from '../../core/messages/answer-promise';
import { loadAnswerPromise } from '../../server/messages/answer-promise';
import { createSeededRandom } from '../../core/synthetic/random';

const MESSAGES_SEED = 20_261_127;

const INQUIRIES = [
  { subject: 'Må jeg søge job uden for mit fag?', body: 'Jeg har set et job som kundeservicemedarbejder. Må jeg søge det, selvom det ikke er mit fag?', answer: 'Ja, det må du gerne. Det tæller med i din jobsøgning, og det er en god idé at søge bredt.' },
  { subject: 'Jobsamtale samme dag som vores møde', body: 'Jeg er kaldt til jobsamtale på tirsdag, samme dag som vores samtale. Kan vi flytte den?', answer: 'Tillykke med samtalen! Jeg flytter vores møde til torsdag samme tid.' },
  { subject: 'Deltidsjob og dagpenge', body: 'Hvis jeg tager et deltidsjob på 20 timer, hvad sker der så med mine dagpenge?', answer: 'Du kan få supplerende dagpenge for de timer, du ikke arbejder. Husk at registrere timerne på dit dagpengekort.' },
  { subject: 'Hjælp til ansøgning', body: 'Kan du læse min ansøgning til en stilling som lagerarbejder igennem, før jeg sender den?', answer: 'Den er fin. Skriv gerne lidt mere konkret om din truckerfaring i andet afsnit.' },
] as const;

/**
 * A few message threads per organisation for the demo, over the last three weeks: job inquiries
 * answered in time, one answered late, and one still waiting (so the inbox shows the promise).
 * Written before any alert existed, so nothing goes to the outbox.
 */
export async function writeDemoMessages(tx: DbExecutor, org: { id: string; kind: 'akasse' | 'jobcenter' }, today: string): Promise<void> {
  const random = createSeededRandom(MESSAGES_SEED + (org.kind === 'akasse' ? 0 : 1));
  const promise = loadAnswerPromise();
  const days = await tx.select({ day: closingDays.day }).from(closingDays).where(eq(closingDays.organisationId, org.id));
  const calendar = createWorkingCalendar({ closingDays: days.map((d) => d.day) });
  const active = await tx
    .select({ jobseekerId: spells.jobseekerId, caseworkerId: spells.caseworkerId, unitId: spells.unitId })
    .from(spells)
    .where(and(eq(spells.organisationId, org.id), eq(spells.status, 'active'), isNotNull(spells.caseworkerId)))
    .orderBy(asc(spells.startDate), asc(spells.id))
    .limit(6);
  for (const [i, spell] of active.entries()) {
    const text = INQUIRIES[i % INQUIRIES.length]!;
    const sentDay = calendar.previousWorkingDayOnOrBefore(addDays(today, -(i * 3 + 1)));
    const sentAt = copenhagenLocalTime(sentDay, 9 * 60 + random.int(0, 300));
    const due = addWorkingHours(sentAt, promise.promiseWorkingHours, promise, calendar);
    // The newest one waits; the one before it was answered late; the rest in time.
    const waiting = i === 0;
    const answeredAt = waiting ? null : i === 1 ? new Date(due.getTime() + 3 * 3_600_000) : new Date(sentAt.getTime() + random.int(1, 20) * 3_600_000);
    const threadId = random.uuid();
    await tx.insert(messageThreads).values({
      id: threadId,
      organisationId: org.id,
      jobseekerId: spell.jobseekerId,
      subject: text.subject,
      category: 'job',
      caseworkerId: spell.caseworkerId,
      unitId: spell.unitId,
      status: waiting ? 'open' : 'answered',
      awaitingSince: waiting ? sentAt : null,
      answerDueAt: waiting ? due : null,
      firstAnsweredAt: answeredAt,
      lastMessageAt: answeredAt ?? sentAt,
      createdAt: sentAt,
    });
    await tx.insert(messages).values({
      id: random.uuid(),
      organisationId: org.id,
      threadId,
      authorKind: 'jobseeker',
      authorId: spell.jobseekerId,
      body: text.body,
      readAt: answeredAt,
      answerDueAt: due,
      answeredAt,
      answerWorkingMinutes: answeredAt ? workingMinutesBetween(sentAt, answeredAt, promise, calendar) : null,
      createdAt: sentAt,
    });
    if (answeredAt) {
      await tx.insert(messages).values({ id: random.uuid(), organisationId: org.id, threadId, authorKind: 'staff', authorId: spell.caseworkerId!, body: text.answer, readAt: null, createdAt: answeredAt });
    }
  }
}
