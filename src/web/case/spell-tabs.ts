/** The case page's tabs, in the order shown; `?tab=` names one (none means conversations). */
export const SPELL_TABS = ['conversations', 'profiling', 'plan', 'joblog', 'activities', 'wage-hours', 'messages', 'spell'] as const;
export type SpellTab = (typeof SPELL_TABS)[number];

/** Tabs whose data needs a permission beyond reading the spell; hidden from a role without it. */
const TAB_PERMISSIONS: Partial<Record<SpellTab, string>> = {
  activities: 'business_activity.read',
  'wage-hours': 'wage_hours.read',
};

export function canSeeSpellTab(tab: SpellTab, permissions: readonly string[]): boolean {
  const needed = TAB_PERMISSIONS[tab];
  return needed === undefined || permissions.includes(needed);
}
