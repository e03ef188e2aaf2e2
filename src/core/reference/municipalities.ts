// The 98 Danish municipalities (kommuner) and 5 regions, with official codes.
// Christiansø (code 411) is administered by the state and is not a municipality.
// Each municipality's position is that of its main town (town-hall town or largest town),
// WGS84 to about 0.01°: good enough for straight-line home–workplace distances, not for routing.

import { z } from 'zod';

export type RegionCode = 1081 | 1082 | 1083 | 1084 | 1085;

export type Region = {
  code: RegionCode;
  /** Official Danish name, e.g. 'Region Hovedstaden'. */
  name: string;
  nameEn: string;
};

export type Municipality = {
  /** Official 3-digit municipality code (kommunekode), e.g. 101; often written '0101'. */
  code: number;
  /** Official Danish name without 'Kommune', e.g. 'København', 'Nordfyns'. */
  name: string;
  regionCode: RegionCode;
  /** The town whose position stands for the municipality. */
  town: string;
  latitude: number;
  longitude: number;
};

export type LatLon = { latitude: number; longitude: number };

export const REGIONS: readonly Region[] = [
  { code: 1081, name: 'Region Nordjylland', nameEn: 'North Denmark Region' },
  { code: 1082, name: 'Region Midtjylland', nameEn: 'Central Denmark Region' },
  { code: 1083, name: 'Region Syddanmark', nameEn: 'Region of Southern Denmark' },
  { code: 1084, name: 'Region Hovedstaden', nameEn: 'Capital Region of Denmark' },
  { code: 1085, name: 'Region Sjælland', nameEn: 'Region Zealand' },
];

type Row = readonly [code: number, name: string, regionCode: RegionCode, town: string, latitude: number, longitude: number];

const ROWS: readonly Row[] = [
  // Region Hovedstaden (29)
  [101, 'København', 1084, 'København', 55.676, 12.568],
  [147, 'Frederiksberg', 1084, 'Frederiksberg', 55.679, 12.535],
  [151, 'Ballerup', 1084, 'Ballerup', 55.732, 12.363],
  [153, 'Brøndby', 1084, 'Brøndby', 55.648, 12.415],
  [155, 'Dragør', 1084, 'Dragør', 55.593, 12.672],
  [157, 'Gentofte', 1084, 'Gentofte', 55.75, 12.55],
  [159, 'Gladsaxe', 1084, 'Søborg', 55.735, 12.485],
  [161, 'Glostrup', 1084, 'Glostrup', 55.667, 12.404],
  [163, 'Herlev', 1084, 'Herlev', 55.727, 12.439],
  [165, 'Albertslund', 1084, 'Albertslund', 55.657, 12.364],
  [167, 'Hvidovre', 1084, 'Hvidovre', 55.657, 12.474],
  [169, 'Høje-Taastrup', 1084, 'Taastrup', 55.65, 12.302],
  [173, 'Lyngby-Taarbæk', 1084, 'Kongens Lyngby', 55.77, 12.504],
  [175, 'Rødovre', 1084, 'Rødovre', 55.681, 12.454],
  [183, 'Ishøj', 1084, 'Ishøj', 55.615, 12.352],
  [185, 'Tårnby', 1084, 'Tårnby', 55.63, 12.6],
  [187, 'Vallensbæk', 1084, 'Vallensbæk', 55.622, 12.385],
  [190, 'Furesø', 1084, 'Værløse', 55.783, 12.369],
  [201, 'Allerød', 1084, 'Lillerød', 55.875, 12.346],
  [210, 'Fredensborg', 1084, 'Fredensborg', 55.976, 12.403],
  [217, 'Helsingør', 1084, 'Helsingør', 56.036, 12.614],
  [219, 'Hillerød', 1084, 'Hillerød', 55.928, 12.301],
  [223, 'Hørsholm', 1084, 'Hørsholm', 55.881, 12.501],
  [230, 'Rudersdal', 1084, 'Holte', 55.812, 12.47],
  [240, 'Egedal', 1084, 'Ølstykke-Stenløse', 55.78, 12.18],
  [250, 'Frederikssund', 1084, 'Frederikssund', 55.84, 12.069],
  [260, 'Halsnæs', 1084, 'Frederiksværk', 55.971, 12.023],
  [270, 'Gribskov', 1084, 'Helsinge', 56.023, 12.198],
  [400, 'Bornholm', 1084, 'Rønne', 55.101, 14.707],
  // Region Sjælland (17)
  [253, 'Greve', 1085, 'Greve Strand', 55.583, 12.3],
  [259, 'Køge', 1085, 'Køge', 55.458, 12.182],
  [265, 'Roskilde', 1085, 'Roskilde', 55.642, 12.08],
  [269, 'Solrød', 1085, 'Solrød Strand', 55.533, 12.222],
  [306, 'Odsherred', 1085, 'Nykøbing Sjælland', 55.925, 11.671],
  [316, 'Holbæk', 1085, 'Holbæk', 55.718, 11.713],
  [320, 'Faxe', 1085, 'Haslev', 55.323, 11.964],
  [326, 'Kalundborg', 1085, 'Kalundborg', 55.68, 11.089],
  [329, 'Ringsted', 1085, 'Ringsted', 55.443, 11.79],
  [330, 'Slagelse', 1085, 'Slagelse', 55.403, 11.355],
  [336, 'Stevns', 1085, 'Store Heddinge', 55.31, 12.389],
  [340, 'Sorø', 1085, 'Sorø', 55.432, 11.555],
  [350, 'Lejre', 1085, 'Hvalsø', 55.592, 11.863],
  [360, 'Lolland', 1085, 'Maribo', 54.777, 11.5],
  [370, 'Næstved', 1085, 'Næstved', 55.23, 11.761],
  [376, 'Guldborgsund', 1085, 'Nykøbing Falster', 54.769, 11.874],
  [390, 'Vordingborg', 1085, 'Vordingborg', 55.008, 11.911],
  // Region Syddanmark (22)
  [410, 'Middelfart', 1083, 'Middelfart', 55.506, 9.731],
  [420, 'Assens', 1083, 'Assens', 55.27, 9.901],
  [430, 'Faaborg-Midtfyn', 1083, 'Ringe', 55.238, 10.479],
  [440, 'Kerteminde', 1083, 'Kerteminde', 55.449, 10.658],
  [450, 'Nyborg', 1083, 'Nyborg', 55.313, 10.79],
  [461, 'Odense', 1083, 'Odense', 55.396, 10.388],
  [479, 'Svendborg', 1083, 'Svendborg', 55.06, 10.607],
  [480, 'Nordfyns', 1083, 'Bogense', 55.567, 10.089],
  [482, 'Langeland', 1083, 'Rudkøbing', 54.936, 10.71],
  [492, 'Ærø', 1083, 'Ærøskøbing', 54.888, 10.411],
  [510, 'Haderslev', 1083, 'Haderslev', 55.249, 9.488],
  [530, 'Billund', 1083, 'Grindsted', 55.757, 8.928],
  [540, 'Sønderborg', 1083, 'Sønderborg', 54.909, 9.789],
  [550, 'Tønder', 1083, 'Tønder', 54.933, 8.867],
  [561, 'Esbjerg', 1083, 'Esbjerg', 55.47, 8.452],
  [563, 'Fanø', 1083, 'Nordby', 55.446, 8.398],
  [573, 'Varde', 1083, 'Varde', 55.621, 8.481],
  [575, 'Vejen', 1083, 'Vejen', 55.481, 9.138],
  [580, 'Aabenraa', 1083, 'Aabenraa', 55.044, 9.417],
  [607, 'Fredericia', 1083, 'Fredericia', 55.566, 9.753],
  [621, 'Kolding', 1083, 'Kolding', 55.49, 9.472],
  [630, 'Vejle', 1083, 'Vejle', 55.709, 9.536],
  // Region Midtjylland (19)
  [615, 'Horsens', 1082, 'Horsens', 55.861, 9.85],
  [657, 'Herning', 1082, 'Herning', 56.136, 8.977],
  [661, 'Holstebro', 1082, 'Holstebro', 56.36, 8.616],
  [665, 'Lemvig', 1082, 'Lemvig', 56.549, 8.31],
  [671, 'Struer', 1082, 'Struer', 56.492, 8.594],
  [706, 'Syddjurs', 1082, 'Ebeltoft', 56.194, 10.682],
  [707, 'Norddjurs', 1082, 'Grenaa', 56.416, 10.878],
  [710, 'Favrskov', 1082, 'Hinnerup', 56.266, 10.063],
  [727, 'Odder', 1082, 'Odder', 55.973, 10.153],
  [730, 'Randers', 1082, 'Randers', 56.461, 10.036],
  [740, 'Silkeborg', 1082, 'Silkeborg', 56.17, 9.545],
  [741, 'Samsø', 1082, 'Tranebjerg', 55.835, 10.597],
  [746, 'Skanderborg', 1082, 'Skanderborg', 56.034, 9.932],
  [751, 'Aarhus', 1082, 'Aarhus', 56.157, 10.211],
  [756, 'Ikast-Brande', 1082, 'Ikast', 56.139, 9.158],
  [760, 'Ringkøbing-Skjern', 1082, 'Ringkøbing', 56.09, 8.244],
  [766, 'Hedensted', 1082, 'Hedensted', 55.77, 9.701],
  [779, 'Skive', 1082, 'Skive', 56.567, 9.027],
  [791, 'Viborg', 1082, 'Viborg', 56.453, 9.402],
  // Region Nordjylland (11)
  [773, 'Morsø', 1081, 'Nykøbing Mors', 56.793, 8.853],
  [787, 'Thisted', 1081, 'Thisted', 56.955, 8.695],
  [810, 'Brønderslev', 1081, 'Brønderslev', 57.27, 9.941],
  [813, 'Frederikshavn', 1081, 'Frederikshavn', 57.441, 10.537],
  [820, 'Vesthimmerlands', 1081, 'Aars', 56.804, 9.514],
  [825, 'Læsø', 1081, 'Byrum', 57.255, 10.998],
  [840, 'Rebild', 1081, 'Støvring', 56.885, 9.838],
  [846, 'Mariagerfjord', 1081, 'Hobro', 56.643, 9.79],
  [849, 'Jammerbugt', 1081, 'Aabybro', 57.162, 9.73],
  [851, 'Aalborg', 1081, 'Aalborg', 57.048, 9.919],
  [860, 'Hjørring', 1081, 'Hjørring', 57.464, 9.982],
];

/** All 98 municipalities, ordered by code. */
export const MUNICIPALITIES: readonly Municipality[] = ROWS.map(([code, name, regionCode, town, latitude, longitude]) => ({
  code,
  name,
  regionCode,
  town,
  latitude,
  longitude,
})).sort((a, b) => a.code - b.code);

const BY_CODE: ReadonlyMap<number, Municipality> = new Map(MUNICIPALITIES.map((m) => [m.code, m]));
const REGION_BY_CODE: ReadonlyMap<number, Region> = new Map(REGIONS.map((r) => [r.code, r]));

function toCodeNumber(code: number | string): number | undefined {
  if (typeof code === 'number') return Number.isInteger(code) ? code : undefined;
  const trimmed = code.trim();
  // Registers write the code with four digits ('0101'); people write three ('101').
  return /^\d{3,4}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** The municipality with this code (101, '101' or '0101'), or undefined when there is none. */
export function findMunicipality(code: number | string): Municipality | undefined {
  const n = toCodeNumber(code);
  return n === undefined ? undefined : BY_CODE.get(n);
}

export function isMunicipalityCode(code: unknown): code is number {
  return typeof code === 'number' && BY_CODE.has(code);
}

export function findRegion(code: number | string): Region | undefined {
  const n = toCodeNumber(code);
  return n === undefined ? undefined : REGION_BY_CODE.get(n);
}

/** The region a municipality belongs to, or undefined for an unknown municipality code. */
export function findRegionOfMunicipality(code: number | string): Region | undefined {
  const m = findMunicipality(code);
  return m ? REGION_BY_CODE.get(m.regionCode) : undefined;
}

export function listMunicipalitiesInRegion(regionCode: RegionCode): Municipality[] {
  return MUNICIPALITIES.filter((m) => m.regionCode === regionCode);
}

/** The four-digit form registers use, e.g. 101 → '0101'. */
export function formatMunicipalityCode(code: number): string {
  return String(code).padStart(4, '0');
}

const EARTH_RADIUS_KM = 6371.0088;

function toRadians(degrees: number): number {
  return (degrees * Math.PI) / 180;
}

/** Great-circle distance in kilometres between two WGS84 points (haversine formula). */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLon = toRadians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Straight-line distance in km between the main towns of two municipalities; 0 within one
 * municipality; null when either code is unknown, so a missing home municipality cannot pass
 * as "near".
 */
export function distanceKm(codeA: number | string, codeB: number | string): number | null {
  const a = findMunicipality(codeA);
  const b = findMunicipality(codeB);
  if (!a || !b) return null;
  if (a.code === b.code) return 0;
  return haversineKm(a, b);
}

/** A known municipality code, as a number (e.g. 101). */
export const ZMunicipalityCode = z.number().int().refine(isMunicipalityCode, { message: 'Unknown municipality code' });
export type MunicipalityCode = z.infer<typeof ZMunicipalityCode>;

export const ZRegionCode = z.literal([1081, 1082, 1083, 1084, 1085] satisfies RegionCode[]);
