import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { conversations, spells } from '../../db/schema';
import type { ComplianceConversation, ComplianceSpell } from '../../core/compliance/compliance';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';

export type ComplianceSpellRow = ComplianceSpell & { unitId: string | null; jobseekerId: string };

/** Spells with their conversations, two queries for any number of spells. */
export async function loadComplianceSpells(db: DbExecutor, ctx: TenantContext, ...conditions: (SQL | undefined)[]): Promise<ComplianceSpellRow[]> {
  const spellWhere = inTenant(spells, ctx, ...conditions);
  const spellRows = await db
    .select({ id: spells.id, jobseekerId: spells.jobseekerId, startDate: spells.startDate, status: spells.status, endDate: spells.endDate, unitId: spells.unitId })
    .from(spells)
    .where(spellWhere);
  if (spellRows.length === 0) return [];
  const conversationRows = await db
    .select({
      id: conversations.id,
      spellId: conversations.spellId,
      type: conversations.type,
      label: conversations.label,
      mandatory: conversations.mandatory,
      status: conversations.status,
      earliest: conversations.earliest,
      latest: conversations.latest,
      // A talk marked held without a date falls back to the day it was booked for.
      heldOn: sql<string | null>`coalesce(${conversations.heldOn}, (${conversations.scheduledAt} at time zone 'Europe/Copenhagen')::date)::text`,
    })
    .from(conversations)
    .where(inTenant(conversations, ctx, inArray(conversations.spellId, db.select({ id: spells.id }).from(spells).where(spellWhere))));
  const bySpell = new Map<string, ComplianceConversation[]>();
  for (const { spellId, ...c } of conversationRows) {
    const list = bySpell.get(spellId) ?? [];
    list.push({ ...c, heldOn: c.status === 'held' ? c.heldOn : null });
    bySpell.set(spellId, list);
  }
  return spellRows.map((s) => ({ ...s, conversations: bySpell.get(s.id) ?? [] }));
}

export function startingBetween(from: string, to: string): SQL {
  return and(gte(spells.startDate, from), lte(spells.startDate, to)) as SQL;
}

export function spellIdIs(id: string): SQL {
  return eq(spells.id, id);
}
