/** Dates on screen are Danish style, dd-mm-yyyy, whatever the language. */

/** A calendar date 'YYYY-MM-DD' as 'DD-MM-YYYY', without passing through a time zone. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  return `${match[3]}-${match[2]}-${match[1]}`;
}

const copenhagen = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as 'DD-MM-YYYY HH:MM' in Copenhagen time. */
export function formatDateTime(isoInstant: string | null | undefined): string {
  if (!isoInstant) return '';
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  const parts = Object.fromEntries(copenhagen.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
}

/** The calendar date part of an instant, in Copenhagen time, as 'DD-MM-YYYY'. */
export function formatInstantDate(isoInstant: string | null | undefined): string {
  return formatDateTime(isoInstant).split(' ')[0] ?? '';
}
