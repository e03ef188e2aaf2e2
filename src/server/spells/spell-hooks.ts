import type { SpellHooks } from './hooks';

/** The hooks the app runs after a spell changes. */
export const spellHooks: SpellHooks = {
  async afterSpellChange() {
    // Derived tasks are synchronised here once the task area is merged (syncSpellTasks).
  },
};
