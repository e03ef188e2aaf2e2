import { addMonthsClamped } from '../../core/calendar/iso-date';

/**
 * The month a new figure most likely belongs to: the month just ended (eIndkomst reports a
 * month around the 10th of the next), kept inside the spell and not after this month. 'YYYY-MM'.
 */
export function defaultWageHoursMonth(spell: { startDate: string; endDate: string | null }, today: string): string {
  const thisMonth = today.slice(0, 7);
  const lastMonth = addMonthsClamped(`${thisMonth}-01`, -1).slice(0, 7);
  const spellEnd = spell.endDate?.slice(0, 7) ?? thisMonth;
  const latest = spellEnd < thisMonth ? spellEnd : thisMonth;
  const guess = lastMonth < latest ? lastMonth : latest;
  const first = spell.startDate.slice(0, 7);
  return guess < first ? first : guess;
}

/** Newest month first, as a caseworker reads them. */
export function newestFirst<T extends { month: string }>(months: readonly T[]): T[] {
  return [...months].sort((a, b) => b.month.localeCompare(a.month));
}
