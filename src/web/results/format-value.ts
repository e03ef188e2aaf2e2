import { formatNumber } from '../i18n/format';

/** A figure as shown: decimal comma in Danish, a percent sign for shares. */
export function formatFigure(value: number | null, unit: string, language: string): string {
  if (value === null) return '';
  const text = formatNumber(value, language, 1);
  return unit === 'percent' ? `${text} %` : text;
}

const MONTHS = { da: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'], en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] };

/** 'YYYY-MM' as 'okt-26' (the statusskema's own month headings). */
export function formatMonth(month: string, language: string): string {
  const names = language === 'en' ? MONTHS.en : MONTHS.da;
  return `${names[Number(month.slice(5, 7)) - 1]}-${month.slice(2, 4)}`;
}
