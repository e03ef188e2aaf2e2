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

/**
 * A wall-clock time typed in a datetime-local field ('YYYY-MM-DDTHH:MM'), read as Copenhagen
 * time, as an ISO instant with its offset ('2026-11-30T09:00:00+01:00'), whatever the
 * browser's own time zone. Null when the text is not a time.
 */
export function copenhagenLocalToIso(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return null;
  // The offset at the guessed instant, then once more at the corrected one (the DST edges).
  let offset = copenhagenOffsetMinutes(new Date(wall));
  offset = copenhagenOffsetMinutes(new Date(wall - offset * 60_000));
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function copenhagenOffsetMinutes(at: Date): number {
  const parts = Object.fromEntries(copenhagen.formatToParts(at).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** An instant as the 'YYYY-MM-DDTHH:MM' a datetime-local field shows, in Copenhagen time. */
export function isoToCopenhagenLocal(isoInstant: string | null | undefined): string {
  if (!isoInstant) return '';
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return '';
  const parts = Object.fromEntries(copenhagen.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Today's date in Copenhagen as 'YYYY-MM-DD'. */
export function copenhagenToday(now: Date = new Date()): string {
  const parts = Object.fromEntries(copenhagen.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A window of two calendar dates as 'DD-MM-YYYY – DD-MM-YYYY'. */
export function formatWindow(earliest: string | null | undefined, latest: string | null | undefined): string {
  if (earliest && latest) return `${formatDate(earliest)} – ${formatDate(latest)}`;
  return formatDate(earliest ?? latest);
}

/** The time of day of an instant, 'HH:MM' in Copenhagen time. */
export function formatTime(isoInstant: string | null | undefined): string {
  return formatDateTime(isoInstant).split(' ')[1] ?? '';
}

const localeOf = (language: string) => (language === 'en' ? 'en-GB' : 'da-DK');

/** A number as shown: decimal comma in Danish ('37,5'), at most `digits` decimals. */
export function formatNumber(value: number, language: string, digits = 2): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: digits }).format(value);
}

/** 'YYYY-MM' as the month's name and year: 'oktober 2026' in Danish, 'October 2026' in English. */
export function formatMonthName(month: string, language: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(month);
  if (!match) return month;
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, 1);
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}

/**
 * A typed decimal number, with a comma or a point before the decimals ('37,5', '37.5', '-2').
 * Null when the text is not a plain number (exponents, units), and for the separator that marks
 * thousands in the language before exactly three digits: '1.000' is a thousand to a Dane,
 * '1,000' to an English reader, so neither is read as one.
 */
export function parseDecimal(text: string, language: string): number | null {
  const match = /^([+-]?\d+)(?:([.,])(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const thousands = language === 'en' ? ',' : '.';
  if (match[2] === thousands && match[3]!.length === 3) return null;
  return Number(`${match[1]}.${match[3] ?? '0'}`);
}
