const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Denmark at an instant: what "today" means to a caseworker. */
export function copenhagenDate(instant: Date): string {
  return formatter.format(instant);
}
