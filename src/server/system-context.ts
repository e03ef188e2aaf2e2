import type { Clock } from './clock';
import type { TenantContext } from './context';

/**
 * The tenant context of background work (task sweep, digest): one organisation at a time, the
 * system as actor, so inTenant and the audit log work as they do for a request.
 */
export function systemContext(organisationId: string, clock: Clock, purpose: string): TenantContext {
  return { organisationId, actor: { kind: 'system', id: null }, purpose, lang: 'da', clock };
}
