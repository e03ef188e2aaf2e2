import { MUNICIPALITIES } from '../../core/reference/municipalities';
import { OCCUPATIONS } from '../../core/reference/occupations';

/** The 98 municipalities and the DISCO-08 occupations, from the shared reference lists (pure data). */
export const municipalityOptions = [...MUNICIPALITIES].sort((a, b) => a.name.localeCompare(b.name, 'da')).map((m) => ({ value: String(m.code), label: m.name }));

export function occupationOptions(lang: string) {
  return [...OCCUPATIONS]
    .map((o) => ({ value: o.code, label: `${lang === 'en' ? o.title.en : o.title.da} (${o.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'da'));
}

export function municipalityName(code: number | null | undefined): string {
  return MUNICIPALITIES.find((m) => m.code === code)?.name ?? '';
}
