import { addMonthsClamped, type IsoDate } from '../calendar/iso-date.js';
import { evaluateMinimumTalks, type MinimumTalkStatus } from '../cadence/minimum-talks.js';
import type { TMinimumTalkRule } from '../cadence/cadence-schema.js';

export type ConversationStatus = 'planned' | 'booked' | 'held' | 'no_show' | 'cancelled' | 'exempted' | 'superseded';

/**
 * How one mandatory talk went against its window:
 * - on_time: held between earliest and latest (both included);
 * - early / late: held, but before the window opened or after it closed;
 * - undated: marked held without a date, so on time cannot be shown;
 * - missed: not held and the window has closed;
 * - pending: not held and the window is still open;
 * - exempted: exempted with a reason (counted against the exemption ceiling, not as late);
 * - not_due: the spell ended before the window closed, so the talk was never owed.
 */
export type TalkOutcome = 'on_time' | 'early' | 'late' | 'undated' | 'missed' | 'pending' | 'exempted' | 'not_due';

export interface ComplianceConversation {
  id: string;
  type: string;
  label: string;
  mandatory: boolean;
  status: ConversationStatus;
  earliest: IsoDate | null;
  latest: IsoDate | null;
  heldOn: IsoDate | null;
}

export interface ComplianceSpell {
  id: string;
  startDate: IsoDate;
  status: 'active' | 'ended';
  endDate: IsoDate | null;
  conversations: readonly ComplianceConversation[];
}

/** The 2-talk rule of the 2026 contact course: at least 2 talks held within the first 3 months. */
export const TWO_TALKS_RULE: TMinimumTalkRule = { count: 2, withinMonths: 3, description: 'Mindst 2 samtaler i de første 3 måneder.' };

/**
 * Up to 25 % of dagpenge recipients may be exempted from the 2-talk rule (dk-2026-akasse:
 * minimumShare 0.75). A test checks this against the seeded template.
 */
export const DK_2026_EXEMPTION_CEILING = 0.25;

/** The share of a group the rule allows to be exempted: 1 − the share it must hold for. */
export function exemptionCeilingOf(rule: Pick<TMinimumTalkRule, 'minimumShare'>): number {
  return rule.minimumShare === undefined ? 0 : Math.round((1 - rule.minimumShare) * 1e9) / 1e9;
}

export function assessTalk(talk: ComplianceConversation, spell: Pick<ComplianceSpell, 'status' | 'endDate'>, today: IsoDate): TalkOutcome {
  if (talk.status === 'exempted') return 'exempted';
  if (talk.status === 'held') {
    if (talk.heldOn === null) return 'undated';
    if (talk.earliest !== null && talk.heldOn < talk.earliest) return 'early';
    if (talk.latest !== null && talk.heldOn > talk.latest) return 'late';
    return 'on_time';
  }
  // A talk whose window was still open when the spell ended was never owed.
  if (spell.status === 'ended' && spell.endDate !== null && (talk.latest === null || talk.latest >= spell.endDate)) return 'not_due';
  if (talk.latest !== null && talk.latest < today) return 'missed';
  return 'pending';
}

export type SpellOnTimeStatus = 'on_time' | 'not_on_time' | 'pending' | 'not_applicable';
export type TwoTalksStatus = MinimumTalkStatus | 'not_applicable';

export interface AssessedTalk extends ComplianceConversation {
  outcome: TalkOutcome;
}

export interface SpellCompliance {
  spellId: string;
  talks: AssessedTalk[];
  /** All mandatory talks on time (exempted ones aside); pending while one is still open and none failed. */
  onTime: SpellOnTimeStatus;
  twoTalks: { status: TwoTalksStatus; counted: number; deadline: IsoDate };
  /** At least one mandatory talk was exempted. */
  exempted: boolean;
}

const FAILED: ReadonlySet<TalkOutcome> = new Set(['early', 'late', 'undated', 'missed']);

/** Each mandatory talk of a spell against its window, and the spell's standing on the three measures. */
export function assessSpellCompliance(spell: ComplianceSpell, today: IsoDate): SpellCompliance {
  const talks = spell.conversations
    .filter((c) => c.mandatory && c.status !== 'superseded')
    .map((c) => ({ ...c, outcome: assessTalk(c, spell, today) }))
    .sort((a, b) => (a.latest ?? '9999').localeCompare(b.latest ?? '9999') || a.id.localeCompare(b.id));
  const owed = talks.filter((t) => t.outcome !== 'not_due' && t.outcome !== 'exempted');
  let onTime: SpellOnTimeStatus;
  if (owed.some((t) => FAILED.has(t.outcome))) onTime = 'not_on_time';
  else if (owed.some((t) => t.outcome === 'pending')) onTime = 'pending';
  else if (owed.length > 0) onTime = 'on_time';
  else onTime = 'not_applicable';

  const held = spell.conversations
    .filter((c) => c.status === 'held' && c.heldOn !== null)
    .map((c) => ({ type: c.type as never, heldOn: c.heldOn! }));
  const [evaluation] = evaluateMinimumTalks({ rules: [TWO_TALKS_RULE], dayZero: spell.startDate, held, today });
  const deadline = evaluation?.deadline ?? addMonthsClamped(spell.startDate, TWO_TALKS_RULE.withinMonths);
  let twoTalksStatus: TwoTalksStatus = evaluation?.status ?? 'pending';
  // Someone who left before the 3 months were up cannot have failed the rule.
  if (twoTalksStatus !== 'met' && spell.status === 'ended' && spell.endDate !== null && spell.endDate < deadline) twoTalksStatus = 'not_applicable';
  return {
    spellId: spell.id,
    talks,
    onTime,
    twoTalks: { status: twoTalksStatus, counted: evaluation?.counted ?? 0, deadline },
    exempted: talks.some((t) => t.outcome === 'exempted'),
  };
}

export interface ShareCount {
  /** Spells that met the measure / failed it; the share is met ÷ (met + failed). */
  met: number;
  failed: number;
  pending: number;
  notApplicable: number;
  /** Null when no spell is decided yet. */
  share: number | null;
}

export interface ComplianceSummary {
  period: { from: IsoDate; to: IsoDate } | null;
  spells: number;
  onTime: ShareCount;
  twoTalksInThreeMonths: ShareCount;
  exempted: { count: number; share: number | null; ceiling: number; overCeiling: boolean };
}

export interface SummariseComplianceInput {
  spells: readonly ComplianceSpell[];
  today: IsoDate;
  /** Spells whose day 0 falls in the period (both ends included); all spells when left out. */
  period?: { from: IsoDate; to: IsoDate };
  exemptionCeiling?: number;
}

function shareOf(counts: Omit<ShareCount, 'share'>): ShareCount {
  const decided = counts.met + counts.failed;
  return { ...counts, share: decided === 0 ? null : counts.met / decided };
}

/**
 * The three compliance measures over a set of spells: share whose mandatory talks were all on
 * time, share with at least 2 talks in the first 3 months (exempted spells stay in the
 * denominator: the law's 75 % is of all recipients), and share exempted against the ceiling.
 * Spells not yet decided are counted as pending, not as failures.
 */
export function summariseCompliance({ spells, today, period, exemptionCeiling = DK_2026_EXEMPTION_CEILING }: SummariseComplianceInput): ComplianceSummary {
  const selected = period ? spells.filter((s) => s.startDate >= period.from && s.startDate <= period.to) : spells;
  const onTime = { met: 0, failed: 0, pending: 0, notApplicable: 0 };
  const twoTalks = { met: 0, failed: 0, pending: 0, notApplicable: 0 };
  let exempted = 0;
  for (const spell of selected) {
    const assessed = assessSpellCompliance(spell, today);
    switch (assessed.onTime) {
      case 'on_time':
        onTime.met += 1;
        break;
      case 'not_on_time':
        onTime.failed += 1;
        break;
      case 'pending':
        onTime.pending += 1;
        break;
      case 'not_applicable':
        onTime.notApplicable += 1;
        break;
      default:
        assessed.onTime satisfies never;
    }
    switch (assessed.twoTalks.status) {
      case 'met':
        twoTalks.met += 1;
        break;
      case 'missed':
        twoTalks.failed += 1;
        break;
      case 'pending':
        twoTalks.pending += 1;
        break;
      case 'not_applicable':
        twoTalks.notApplicable += 1;
        break;
      default:
        assessed.twoTalks.status satisfies never;
    }
    if (assessed.exempted) exempted += 1;
  }
  const exemptedShare = selected.length === 0 ? null : exempted / selected.length;
  return {
    period: period ?? null,
    spells: selected.length,
    onTime: shareOf(onTime),
    twoTalksInThreeMonths: shareOf(twoTalks),
    exempted: { count: exempted, share: exemptedShare, ceiling: exemptionCeiling, overCeiling: exemptedShare !== null && exemptedShare > exemptionCeiling },
  };
}
