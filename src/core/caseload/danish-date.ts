import type { IsoDate } from '../calendar/iso-date.js';

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** '2026-11-13' → '13. november 2026', as dates are written in Danish letters and task titles. */
export function formatDanishDate(date: IsoDate): string {
  return `${Number(date.slice(8, 10))}. ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
