import type { TFunction } from 'i18next';
import { findOccupation } from '../../core/reference/occupations';
import type { SearchCriteria } from '../api/portal-jobs';
import { municipalityName } from '../brokering/options';

/** A search in words: "Bygningsingeniør · højst 25 km fra Vejle · «beton»". */
export function describeSearch(search: SearchCriteria, t: TFunction, lang: string): string {
  const title = (code: string) => {
    const o = findOccupation(code);
    return o ? (lang === 'en' ? o.title.en : o.title.da) : code;
  };
  const jobs = search.occupationCodes.length ? search.occupationCodes.map(title).join(', ') : t('portalJobs.search.anyOccupation');
  const place = search.municipalityCode === null ? t('portalJobs.search.anywhere') : t('portalJobs.search.near', { km: search.radiusKm, place: municipalityName(search.municipalityCode) });
  return [jobs, place, search.freeText ? t('portalJobs.search.words', { words: search.freeText }) : null].filter(Boolean).join(' · ');
}
