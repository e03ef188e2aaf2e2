import { ageOn } from '../identity/cpr';
import type { IsoDate } from '../calendar/iso-date';
import type { Label } from '../reference/label';
import type { EligibilityRules } from './catalogue';

/** The facts eligibility is judged on: the person's birth date and their active spell, if any. */
export type EligibilityFacts = {
  birthDate: IsoDate;
  spell: { kind: 'unemployment' | 'notice'; segment: string | null; targetGroup: string } | null;
};

export type EligibilityRule = 'active_spell' | 'segment' | 'age' | 'target_group' | 'situation';

export type EligibilityFailure = { rule: EligibilityRule; message: Label };

export type EligibilityResult = { eligible: true } | { eligible: false; failures: EligibilityFailure[] };

const SITUATION_LABEL = {
  notice: { da: 'opsagt (i opsigelsesperioden)', en: 'under notice' },
  unemployed: { da: 'ledig', en: 'unemployed' },
} as const;

/**
 * Judges whether a person may take part in an offer. Every failed rule is named, so staff and
 * the jobseeker see why — the server refuses on this, not only the screen.
 */
export function checkEligibility(rules: EligibilityRules, facts: EligibilityFacts, onDate: IsoDate): EligibilityResult {
  const failures: EligibilityFailure[] = [];
  const needsSpell = (rules.segments?.length ?? 0) > 0 || (rules.targetGroups?.length ?? 0) > 0 || (rules.situation !== undefined && rules.situation !== 'any');
  const spell = facts.spell;
  if (needsSpell && !spell) {
    failures.push({ rule: 'active_spell', message: { da: 'Tilbuddet kræver et aktivt ledigheds- eller opsigelsesforløb.', en: 'The offer requires an active unemployment or notice spell.' } });
  }
  if (spell && rules.segments && rules.segments.length > 0 && (spell.segment === null || !rules.segments.includes(spell.segment))) {
    failures.push({
      rule: 'segment',
      message: {
        da: `Tilbuddet er for gruppe ${rules.segments.join(', ')}; den jobsøgende er ${spell.segment ? `i gruppe ${spell.segment}` : 'ikke placeret i en gruppe endnu'}.`,
        en: `The offer is for segment ${rules.segments.join(', ')}; the jobseeker is ${spell.segment ? `in segment ${spell.segment}` : 'not placed in a segment yet'}.`,
      },
    });
  }
  if (spell && rules.targetGroups && rules.targetGroups.length > 0 && !rules.targetGroups.includes(spell.targetGroup)) {
    failures.push({
      rule: 'target_group',
      message: { da: `Tilbuddet er ikke for den jobsøgendes målgruppe (${spell.targetGroup}).`, en: `The offer is not for the jobseeker's target group (${spell.targetGroup}).` },
    });
  }
  if (spell && rules.situation && rules.situation !== 'any') {
    const actual = spell.kind === 'notice' ? 'notice' : 'unemployed';
    if (actual !== rules.situation) {
      failures.push({
        rule: 'situation',
        message: { da: `Tilbuddet er kun for personer, der er ${SITUATION_LABEL[rules.situation].da}.`, en: `The offer is only for people who are ${SITUATION_LABEL[rules.situation].en}.` },
      });
    }
  }
  if (rules.minAge !== undefined || rules.maxAge !== undefined) {
    const age = ageOn(facts.birthDate, onDate);
    const tooYoung = rules.minAge !== undefined && age < rules.minAge;
    const tooOld = rules.maxAge !== undefined && age > rules.maxAge;
    if (tooYoung || tooOld) {
      const range = describeAgeRange(rules);
      failures.push({ rule: 'age', message: { da: `Tilbuddet er for ${range.da}; den jobsøgende er ${age} år.`, en: `The offer is for ${range.en}; the jobseeker is ${age}.` } });
    }
  }
  return failures.length === 0 ? { eligible: true } : { eligible: false, failures };
}

export function describeAgeRange(rules: Pick<EligibilityRules, 'minAge' | 'maxAge'>): Label {
  const { minAge, maxAge } = rules;
  if (minAge !== undefined && maxAge !== undefined) return { da: `${minAge}–${maxAge}-årige`, en: `ages ${minAge}–${maxAge}` };
  if (minAge !== undefined) return { da: `personer på ${minAge} år og derover`, en: `people aged ${minAge} and over` };
  if (maxAge !== undefined) return { da: `personer på højst ${maxAge} år`, en: `people aged ${maxAge} or under` };
  return { da: 'alle aldre', en: 'all ages' };
}
