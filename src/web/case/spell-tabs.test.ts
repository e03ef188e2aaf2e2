import { describe, expect, it } from 'vitest';
import { canSeeSpellTab, SPELL_TABS } from './spell-tabs';

const visible = (permissions: string[]) => SPELL_TABS.filter((tab) => canSeeSpellTab(tab, permissions));

describe('the tabs on the case page', () => {
  it('shows a caseworker who may read paid hours and business activities every tab', () => {
    expect(visible(['spell.read', 'business_activity.read', 'wage_hours.read'])).toEqual([...SPELL_TABS]);
  });
  it('hides the paid hours from someone without wage_hours.read', () => {
    expect(visible(['spell.read', 'business_activity.read'])).not.toContain('wage-hours');
    expect(visible(['spell.read', 'business_activity.read'])).toContain('activities');
  });
  it('shows the paid hours to someone who may read them but not change them', () => {
    expect(visible(['spell.read', 'wage_hours.read'])).toContain('wage-hours');
    expect(visible(['spell.read', 'wage_hours.read'])).not.toContain('activities');
  });
});
