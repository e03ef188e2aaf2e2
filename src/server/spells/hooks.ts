import type { DbExecutor } from '../../db/connect';
import type { TenantContext } from '../context';

/**
 * What must happen in the same transaction after a spell or its conversations change (derived
 * tasks are brought up to date). Passed in, so the spell service does not depend on the task area.
 */
export type SpellHooks = {
  afterSpellChange(tx: DbExecutor, ctx: TenantContext, spellId: string): Promise<void>;
};
