import { distanceKm } from '../reference/municipalities';

// Whether an imported vacancy fits a jobseeker's saved search. Pure; the daily digest calls it
// on the vacancies imported since the search's last digest.

export type SavedSearchCriteria = {
  occupationCodes: readonly string[];
  municipalityCode: number | null;
  radiusKm: number;
  freeText: string | null;
};

export type SearchableVacancy = { occupationCode: string; municipalityCode: number; title: string; employerName: string; description: string };

const words = (text: string) => text.toLocaleLowerCase('da').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

export function vacancyMatchesSearch(search: SavedSearchCriteria, vacancy: SearchableVacancy): boolean {
  if (search.occupationCodes.length > 0 && !search.occupationCodes.includes(vacancy.occupationCode)) return false;
  if (search.municipalityCode !== null && search.municipalityCode !== vacancy.municipalityCode) {
    const km = distanceKm(search.municipalityCode, vacancy.municipalityCode);
    if (km === null || km > search.radiusKm) return false;
  }
  if (search.freeText) {
    const haystack = `${vacancy.title} ${vacancy.employerName} ${vacancy.description}`.toLocaleLowerCase('da');
    if (!words(search.freeText).every((w) => haystack.includes(w))) return false;
  }
  return true;
}
