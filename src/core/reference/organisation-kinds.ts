import { z } from 'zod';
import type { Label } from './label';

export const ORGANISATION_KIND_CODES = ['akasse', 'jobcenter'] as const;
export type OrganisationKind = (typeof ORGANISATION_KIND_CODES)[number];
export const ZOrganisationKind = z.enum(ORGANISATION_KIND_CODES);

export type OrganisationKindInfo = { code: OrganisationKind; label: Label };

const INFO: Record<OrganisationKind, Label> = {
  akasse: { da: 'A-kasse', en: 'Unemployment insurance fund (a-kasse)' },
  jobcenter: { da: 'Jobcenter', en: 'Jobcentre' },
};

export const ORGANISATION_KINDS: readonly OrganisationKindInfo[] = ORGANISATION_KIND_CODES.map((code) => ({ code, label: INFO[code] }));

export function isOrganisationKind(value: unknown): value is OrganisationKind {
  return typeof value === 'string' && Object.hasOwn(INFO, value);
}
