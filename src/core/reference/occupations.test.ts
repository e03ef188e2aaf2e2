import { describe, expect, it } from 'vitest';
import { findOccupation, isOccupationCode, occupationGroup, OCCUPATIONS, searchOccupations } from './occupations';

describe('occupations (DISCO-08)', () => {
  it('holds about 150 occupations, each a unique 4-digit code with Danish and English titles', () => {
    expect(OCCUPATIONS.length).toBeGreaterThanOrEqual(140);
    expect(new Set(OCCUPATIONS.map((o) => o.code)).size).toBe(OCCUPATIONS.length);
    for (const o of OCCUPATIONS) {
      expect(o.code).toMatch(/^[1-9]\d{3}$/);
      expect(o.title.da.length).toBeGreaterThan(1);
      expect(o.title.en.length).toBeGreaterThan(1);
    }
  });

  it('knows the codes caseworkers use most', () => {
    expect(findOccupation('5321')?.title.da).toBe('Social- og sundhedsassistent');
    expect(findOccupation('5322')?.title.da).toBe('Social- og sundhedshjælper');
    expect(findOccupation('2342')?.title.da).toBe('Pædagog');
    expect(findOccupation('4110')?.title.da).toBe('Kontorassistent');
    expect(findOccupation('2221')?.title.da).toBe('Sygeplejerske');
    expect(isOccupationCode('0000')).toBe(false);
  });

  it('finds an occupation by the abbreviation or words people write', () => {
    expect(searchOccupations('SSA')[0]?.occupation.code).toBe('5321');
    expect(searchOccupations('social- og sundhedsassistent')[0]?.occupation.code).toBe('5321');
    expect(searchOccupations('sosu hjælper')[0]?.occupation.code).toBe('5322');
    expect(searchOccupations('pædagog')[0]?.occupation.code).toBe('2342');
    expect(searchOccupations('Lagermedarbejder')[0]?.occupation.code).toBe('9333');
    expect(searchOccupations('kontorassistent')[0]?.occupation.code).toBe('4110');
    expect(searchOccupations('2342')[0]?.occupation.code).toBe('2342');
  });

  it('returns every occupation a shared word names, exact matches first', () => {
    const codes = searchOccupations('chauffør').map((m) => m.occupation.code);
    expect(codes.slice(0, 2).sort()).toEqual(['8322', '8332']);
    expect(codes).toContain('8331');
  });

  it('groups related occupations by their 3-digit minor group', () => {
    expect(occupationGroup('5321')).toBe(occupationGroup('5322'));
    expect(occupationGroup('2342')).not.toBe(occupationGroup('5311'));
  });
});
