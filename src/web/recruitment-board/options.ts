import { occupationOptions } from '../brokering/options';

/** DISCO-08 minor groups (3 digits) with the occupations in them, for filters and subscriptions. */
export function occupationGroupOptions(lang: string, label: (code: string, titles: string) => string) {
  const groups = new Map<string, string[]>();
  for (const o of occupationOptions(lang)) {
    const code = o.value.slice(0, 3);
    groups.set(code, [...(groups.get(code) ?? []), o.label.replace(/ \(\d{4}\)$/, '')]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, titles]) => ({ value: code, label: label(code, titles.slice(0, 3).join(', ') + (titles.length > 3 ? ' …' : '')) }));
}
