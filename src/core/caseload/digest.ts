import { daysBetween, type IsoDate } from '../calendar/iso-date.js';
import { formatDanishDate } from './danish-date.js';

export interface DigestConversationItem {
  jobseekerName: string;
  caseworkerName: string | null;
  label: string;
  latest: IsoDate;
}

export interface DigestTaskItem {
  jobseekerName: string | null;
  caseworkerName: string | null;
  title: string;
  dueDate: IsoDate;
}

export interface WeeklyDigestInput {
  recipientName: string;
  /** A caseworker gets their own items; a manager the items of the units they lead, with who holds each case. */
  recipientRole: 'caseworker' | 'manager';
  /** For a manager: the units covered, e.g. 'Afdeling Nord' or 'hele organisationen'. */
  scopeName?: string;
  /** '2026-W45' */
  week: string;
  today: IsoDate;
  conversations: readonly DigestConversationItem[];
  tasks: readonly DigestTaskItem[];
}

export interface WeeklyDigestMail {
  subject: string;
  body: string;
}

/** An e-mail lists at most this many lines per section; the rest is in the app. */
export const DIGEST_MAX_LINES = 50;

/**
 * The weekly e-mail about overdue items, in Danish plain text. It names jobseekers (it goes to
 * staff) but the input has no CPR number, so none can reach the mail. Null when nothing is overdue.
 */
export function composeWeeklyDigest(input: WeeklyDigestInput): WeeklyDigestMail | null {
  const { conversations, tasks, today } = input;
  const total = conversations.length + tasks.length;
  if (total === 0) return null;
  const weekNumber = Number(input.week.slice(6));
  const whose = input.recipientRole === 'manager' ? `i ${input.scopeName ?? 'dine afdelinger'}` : 'i dine sager';
  const who = (item: { jobseekerName: string | null; caseworkerName: string | null }) => {
    const name = item.jobseekerName ?? 'Ingen borger';
    return input.recipientRole === 'manager' ? `${name} (${item.caseworkerName ?? 'ingen sagsbehandler'})` : name;
  };
  const late = (date: IsoDate) => {
    const days = daysBetween(date, today);
    return days === 1 ? '1 dag over' : `${days} dage over`;
  };
  const section = (heading: string, lines: string[]) => {
    if (lines.length === 0) return [];
    const shown = lines.slice(0, DIGEST_MAX_LINES);
    const rest = lines.length - shown.length;
    return [`${heading} (${lines.length}):`, ...shown.map((l) => `- ${l}`), ...(rest > 0 ? [`  … og ${rest} mere i Jobspor.`] : []), ''];
  };
  const sortedConversations = [...conversations].sort((a, b) => a.latest.localeCompare(b.latest) || a.jobseekerName.localeCompare(b.jobseekerName, 'da'));
  const sortedTasks = [...tasks].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title, 'da'));
  const body = [
    `Hej ${input.recipientName}`,
    '',
    `Her er de overskredne frister ${whose} i uge ${weekNumber} (opgjort ${formatDanishDate(today)}).`,
    '',
    ...section(
      'Samtaler over fristen',
      sortedConversations.map((c) => `${who(c)}: ${c.label}, senest ${formatDanishDate(c.latest)} (${late(c.latest)})`),
    ),
    ...section(
      'Opgaver over fristen',
      sortedTasks.map((t) => `${who(t)}: ${t.title}, frist ${formatDanishDate(t.dueDate)} (${late(t.dueDate)})`),
    ),
    'Se og løs dem under "Min sagsstamme" og "Opgaver" i Jobspor.',
    '',
    'Venlig hilsen',
    'Jobspor',
  ].join('\n');
  const subject = `Jobspor uge ${weekNumber}: ${total} ${total === 1 ? 'overskredet frist' : 'overskredne frister'}`;
  return { subject, body };
}
