import type { Clock } from './clock';
import type { Language } from './i18n';

export type StaffRole = 'caseworker' | 'broker' | 'manager' | 'admin';

export type StaffActor = { kind: 'staff'; id: string; role: StaffRole; unitId: string | null; name: string };
/** A jobseeker acting in the portal on their own behalf. */
export type JobseekerActor = { kind: 'jobseeker'; id: string };
export type Actor = StaffActor | JobseekerActor | { kind: 'system'; id: null };

/**
 * Everything a use case needs to know about who asks: the tenant, the actor, why (for the
 * audit log) and the time. Built once per request by the auth plugin.
 */
export type TenantContext = {
  organisationId: string;
  actor: Actor;
  purpose: string;
  lang: Language;
  clock: Clock;
};
