import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { orgTemplates } from '../../db/schema';
import type { TCadence } from '../../core/cadence/cadence-schema';
import type { TQuestionnaire } from '../../core/profiling/questionnaire';
import type { TRiskModel } from '../../core/profiling/risk-model';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';
import type { TemplateKind } from './template-files';

export type TemplateRow = typeof orgTemplates.$inferSelect;

/** The newest version of every template of the organisation (optionally of one kind). */
export async function listLatestTemplates(db: DbExecutor, ctx: TenantContext, kind?: TemplateKind): Promise<TemplateRow[]> {
  const rows = await db
    .selectDistinctOn([orgTemplates.kind, orgTemplates.key])
    .from(orgTemplates)
    .where(inTenant(orgTemplates, ctx, kind ? eq(orgTemplates.kind, kind) : undefined))
    .orderBy(orgTemplates.kind, orgTemplates.key, desc(orgTemplates.version));
  return rows;
}

export async function findTemplate(db: DbExecutor, ctx: TenantContext, id: string): Promise<TemplateRow | undefined> {
  const [row] = await db.select().from(orgTemplates).where(inTenant(orgTemplates, ctx, eq(orgTemplates.id, id)));
  return row;
}

export async function listTemplateVersions(db: DbExecutor, ctx: TenantContext, kind: TemplateKind, key: string) {
  return db
    .select({ id: orgTemplates.id, version: orgTemplates.version, validFrom: orgTemplates.validFrom, createdAt: orgTemplates.createdAt, createdBy: orgTemplates.createdBy })
    .from(orgTemplates)
    .where(inTenant(orgTemplates, ctx, eq(orgTemplates.kind, kind), eq(orgTemplates.key, key)))
    .orderBy(desc(orgTemplates.version));
}

/** The cadence in force for a segment on a date: active, valid from on or before the date, newest version. */
export async function findCadenceForSegment(db: DbExecutor, ctx: TenantContext, segment: string, onDate: string): Promise<{ id: string; cadence: TCadence } | undefined> {
  const [row] = await db
    .select({ id: orgTemplates.id, definition: orgTemplates.definition })
    .from(orgTemplates)
    .where(
      inTenant(
        orgTemplates,
        ctx,
        eq(orgTemplates.kind, 'cadence'),
        eq(orgTemplates.active, true),
        sql`${orgTemplates.definition}->>'segment' = ${segment}`,
        lte(orgTemplates.validFrom, onDate),
      ),
    )
    .orderBy(desc(orgTemplates.validFrom), desc(orgTemplates.version))
    .limit(1);
  return row ? { id: row.id, cadence: row.definition as unknown as TCadence } : undefined;
}

/** The segments the organisation works with: those of its active cadences. */
export async function listActiveSegments(db: DbExecutor, ctx: TenantContext): Promise<{ segment: string; cadenceKey: string; name: string }[]> {
  const latest = await listLatestTemplates(db, ctx, 'cadence');
  return latest
    .filter((t) => t.active)
    .map((t) => {
      const c = t.definition as unknown as TCadence;
      return { segment: c.segment, cadenceKey: t.key, name: c.name };
    });
}

async function findActiveLatest(db: DbExecutor, ctx: TenantContext, kind: 'questionnaire' | 'risk_model') {
  const [row] = await db
    .select({ id: orgTemplates.id, definition: orgTemplates.definition })
    .from(orgTemplates)
    .where(inTenant(orgTemplates, ctx, eq(orgTemplates.kind, kind), eq(orgTemplates.active, true)))
    .orderBy(orgTemplates.key, desc(orgTemplates.version))
    .limit(1);
  return row;
}

export async function findActiveQuestionnaire(db: DbExecutor, ctx: TenantContext): Promise<{ id: string; questionnaire: TQuestionnaire } | undefined> {
  const row = await findActiveLatest(db, ctx, 'questionnaire');
  return row ? { id: row.id, questionnaire: row.definition as unknown as TQuestionnaire } : undefined;
}

export async function findActiveRiskModel(db: DbExecutor, ctx: TenantContext): Promise<{ id: string; model: TRiskModel } | undefined> {
  const row = await findActiveLatest(db, ctx, 'risk_model');
  return row ? { id: row.id, model: row.definition as unknown as TRiskModel } : undefined;
}

export async function setTemplateActive(db: DbExecutor, ctx: TenantContext, kind: TemplateKind, key: string, active: boolean) {
  await db.update(orgTemplates).set({ active }).where(and(inTenant(orgTemplates, ctx, eq(orgTemplates.kind, kind), eq(orgTemplates.key, key))));
}
