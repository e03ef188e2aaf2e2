import { syncSpellTasks } from '../tasks/sync-spell-tasks';
import type { SpellHooks } from './hooks';

/** The hooks the app runs after a spell changes. */
export const spellHooks: SpellHooks = {
  async afterSpellChange(tx, ctx, spellId) {
    await syncSpellTasks(tx, ctx, spellId);
  },
};
