import { describe, expect, it } from 'vitest';
import { vacancyMatchesSearch, type SavedSearchCriteria } from './saved-search';

const vacancy = { occupationCode: '2342', municipalityCode: 630, title: 'Pædagog til vuggestue', employerName: 'Vuggestuen Mariehønen', description: '30 timer, fast stilling' };
const any: SavedSearchCriteria = { occupationCodes: [], municipalityCode: null, radiusKm: 0, freeText: null };

describe('vacancyMatchesSearch', () => {
  it('matches everything when the search sets nothing', () => {
    expect(vacancyMatchesSearch(any, vacancy)).toBe(true);
  });
  it('checks the occupation codes', () => {
    expect(vacancyMatchesSearch({ ...any, occupationCodes: ['2342', '5321'] }, vacancy)).toBe(true);
    expect(vacancyMatchesSearch({ ...any, occupationCodes: ['5321'] }, vacancy)).toBe(false);
  });
  it('checks the distance between municipality centres against the radius (Vejle–Fredericia ≈ 20 km, Vejle–København ≈ 200 km)', () => {
    expect(vacancyMatchesSearch({ ...any, municipalityCode: 630, radiusKm: 0 }, vacancy)).toBe(true);
    expect(vacancyMatchesSearch({ ...any, municipalityCode: 607, radiusKm: 30 }, vacancy)).toBe(true);
    expect(vacancyMatchesSearch({ ...any, municipalityCode: 607, radiusKm: 5 }, vacancy)).toBe(false);
    expect(vacancyMatchesSearch({ ...any, municipalityCode: 101, radiusKm: 100 }, vacancy)).toBe(false);
  });
  it('needs every word of the free text, in any case, anywhere in title, employer or description', () => {
    expect(vacancyMatchesSearch({ ...any, freeText: 'VUGGESTUE fast' }, vacancy)).toBe(true);
    expect(vacancyMatchesSearch({ ...any, freeText: 'vuggestue deltid' }, vacancy)).toBe(false);
  });
});
