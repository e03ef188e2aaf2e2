import { describe, expect, it } from 'vitest';
import {
  MUNICIPALITIES,
  REGIONS,
  ZMunicipalityCode,
  ZRegionCode,
  distanceKm,
  findMunicipality,
  findRegion,
  findRegionOfMunicipality,
  formatMunicipalityCode,
  haversineKm,
  listMunicipalitiesInRegion,
  type RegionCode,
} from './municipalities';

describe('municipalities', () => {
  it('lists all 98 municipalities with unique codes and names', () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.name)).size).toBe(98);
  });

  it('keeps codes three-digit and ordered', () => {
    const codes = MUNICIPALITIES.map((m) => m.code);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    for (const code of codes) expect(String(code)).toMatch(/^[1-9]\d{2}$/);
  });

  it.each([
    [1084, 'Region Hovedstaden', 29],
    [1085, 'Region Sjælland', 17],
    [1083, 'Region Syddanmark', 22],
    [1082, 'Region Midtjylland', 19],
    [1081, 'Region Nordjylland', 11],
  ] as const)('region %i (%s) has %i municipalities', (code, name, count) => {
    expect(findRegion(code)?.name).toBe(name);
    expect(listMunicipalitiesInRegion(code)).toHaveLength(count);
  });

  it('has exactly the five regions', () => {
    expect(REGIONS.map((r) => r.code).sort()).toEqual([1081, 1082, 1083, 1084, 1085]);
  });

  it.each([
    [101, 'København', 'Region Hovedstaden'],
    [147, 'Frederiksberg', 'Region Hovedstaden'],
    [151, 'Ballerup', 'Region Hovedstaden'],
    [159, 'Gladsaxe', 'Region Hovedstaden'],
    [400, 'Bornholm', 'Region Hovedstaden'],
    [253, 'Greve', 'Region Sjælland'],
    [461, 'Odense', 'Region Syddanmark'],
    [480, 'Nordfyns', 'Region Syddanmark'],
    [607, 'Fredericia', 'Region Syddanmark'],
    [615, 'Horsens', 'Region Midtjylland'],
    [751, 'Aarhus', 'Region Midtjylland'],
    [766, 'Hedensted', 'Region Midtjylland'],
    [779, 'Skive', 'Region Midtjylland'],
    [773, 'Morsø', 'Region Nordjylland'],
    [820, 'Vesthimmerlands', 'Region Nordjylland'],
    [851, 'Aalborg', 'Region Nordjylland'],
    [860, 'Hjørring', 'Region Nordjylland'],
  ] as const)('code %i is %s in %s', (code, name, regionName) => {
    expect(findMunicipality(code)?.name).toBe(name);
    expect(findRegionOfMunicipality(code)?.name).toBe(regionName);
  });

  it('finds a municipality by its three- or four-digit written code', () => {
    expect(findMunicipality('101')?.name).toBe('København');
    expect(findMunicipality('0101')?.name).toBe('København');
    expect(findMunicipality(' 0751 ')?.name).toBe('Aarhus');
    expect(formatMunicipalityCode(101)).toBe('0101');
  });

  it('does not treat Christiansø or made-up codes as municipalities', () => {
    expect(findMunicipality(411)).toBeUndefined();
    expect(findMunicipality(999)).toBeUndefined();
    expect(findMunicipality('10a')).toBeUndefined();
    expect(findMunicipality(101.5)).toBeUndefined();
    expect(findRegionOfMunicipality(411)).toBeUndefined();
  });

  it('places every main town inside Denmark', () => {
    for (const m of MUNICIPALITIES) {
      expect(m.latitude, m.name).toBeGreaterThan(54.5);
      expect(m.latitude, m.name).toBeLessThan(57.8);
      expect(m.longitude, m.name).toBeGreaterThan(8);
      expect(m.longitude, m.name).toBeLessThan(15.2);
    }
  });

  // Rough boxes per region catch a typo in a coordinate or a municipality put in the wrong region.
  const REGION_BOXES: Record<RegionCode, { lat: [number, number]; lon: [number, number] }> = {
    1081: { lat: [56.6, 57.8], lon: [8.2, 11.2] },
    1082: { lat: [55.7, 56.7], lon: [8.0, 11.0] },
    1083: { lat: [54.7, 55.8], lon: [8.0, 10.9] },
    1084: { lat: [55.0, 56.2], lon: [11.8, 15.2] },
    1085: { lat: [54.6, 56.0], lon: [10.9, 12.5] },
  };
  it.each(MUNICIPALITIES.map((m) => [m.name, m] as const))('%s lies within its region', (_name, m) => {
    const box = REGION_BOXES[m.regionCode];
    expect(m.latitude).toBeGreaterThanOrEqual(box.lat[0]);
    expect(m.latitude).toBeLessThanOrEqual(box.lat[1]);
    expect(m.longitude).toBeGreaterThanOrEqual(box.lon[0]);
    expect(m.longitude).toBeLessThanOrEqual(box.lon[1]);
  });

  it('has a neighbouring main town within 40 km of every municipality except Bornholm', () => {
    for (const m of MUNICIPALITIES) {
      if (m.code === 400) continue;
      const nearest = Math.min(...MUNICIPALITIES.filter((o) => o.code !== m.code).map((o) => haversineKm(m, o)));
      expect(nearest, m.name).toBeLessThan(40);
    }
  });
});

describe('distanceKm', () => {
  it.each([
    [101, 751, 156, 'København–Aarhus'],
    [851, 461, 186, 'Aalborg–Odense'],
    [101, 400, 150, 'København–Bornholm'],
    [101, 461, 136, 'København–Odense'],
    [561, 751, 134, 'Esbjerg–Aarhus'],
    [615, 766, 14, 'Horsens–Hedensted'],
  ] as const)('%i to %i is about %i km (%s)', (a, b, expected, _route) => {
    expect(distanceKm(a, b)).toBeGreaterThan(expected - 5);
    expect(distanceKm(a, b)).toBeLessThan(expected + 5);
  });

  it('is symmetric and zero within one municipality', () => {
    expect(distanceKm(101, 851)).toBeCloseTo(distanceKm(851, 101) ?? -1, 9);
    expect(distanceKm(159, 159)).toBe(0);
  });

  it('gives no distance when a municipality is unknown', () => {
    expect(distanceKm(101, 411)).toBeNull();
    expect(distanceKm('abc', 101)).toBeNull();
  });

  it('measures one degree of latitude as about 111 km', () => {
    expect(haversineKm({ latitude: 55, longitude: 10 }, { latitude: 56, longitude: 10 })).toBeCloseTo(111.2, 0);
  });
});

describe('zod schemas', () => {
  it('accepts known municipality and region codes and rejects others', () => {
    expect(ZMunicipalityCode.safeParse(101).success).toBe(true);
    expect(ZMunicipalityCode.safeParse(411).success).toBe(false);
    expect(ZMunicipalityCode.safeParse('101').success).toBe(false);
    expect(ZRegionCode.safeParse(1084).success).toBe(true);
    expect(ZRegionCode.safeParse(1086).success).toBe(false);
  });
});
