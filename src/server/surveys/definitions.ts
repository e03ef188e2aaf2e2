import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { surveyDefinitions } from '../../db/schema';
import { pickSurveyDefinition, ZSurveyDefinition, type SurveyAudience, type SurveyTrigger, type TSurveyDefinition } from '../../core/surveys/survey-definition';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';
import { TEMPLATES_DIR } from '../templates/template-files';

let shipped: TSurveyDefinition[] | null = null;

/** The surveys shipped in templates/surveys, validated; a broken file stops the start. */
export function readShippedSurveyDefinitions(dir = path.join(TEMPLATES_DIR, 'surveys')): TSurveyDefinition[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = ZSurveyDefinition.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`Survey ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}

export type StoredSurveyDefinition = { id: string; definition: TSurveyDefinition };

/**
 * The organisation's survey versions, after adding any shipped version it does not have yet.
 * Versions are never changed once stored: an invitation points at the one it was sent with.
 */
export async function loadSurveyDefinitions(tx: DbExecutor, ctx: Pick<TenantContext, 'organisationId'>): Promise<StoredSurveyDefinition[]> {
  shipped ??= readShippedSurveyDefinitions();
  let rows = await tx.select().from(surveyDefinitions).where(inTenant(surveyDefinitions, ctx));
  const have = new Set(rows.map((r) => `${r.key}@${r.version}`));
  const missing = shipped.filter((d) => !have.has(`${d.key}@${d.version}`));
  if (missing.length > 0) {
    await tx
      .insert(surveyDefinitions)
      .values(missing.map((d) => ({ id: randomUUID(), organisationId: ctx.organisationId, key: d.key, version: d.version, definition: d as unknown as Record<string, unknown> })))
      .onConflictDoNothing();
    rows = await tx.select().from(surveyDefinitions).where(inTenant(surveyDefinitions, ctx));
  }
  return rows.flatMap((r) => {
    const parsed = ZSurveyDefinition.safeParse(r.definition);
    return parsed.success ? [{ id: r.id, definition: parsed.data }] : [];
  });
}

export function pickStoredDefinition(stored: StoredSurveyDefinition[], trigger: SurveyTrigger, audience: SurveyAudience): StoredSurveyDefinition | undefined {
  const chosen = pickSurveyDefinition(
    stored.map((s) => s.definition),
    trigger,
    audience,
  );
  return chosen ? stored.find((s) => s.definition === chosen) : undefined;
}

export async function findSurveyDefinition(tx: DbExecutor, ctx: Pick<TenantContext, 'organisationId'>, id: string): Promise<TSurveyDefinition | undefined> {
  const [row] = await tx.select({ definition: surveyDefinitions.definition }).from(surveyDefinitions).where(inTenant(surveyDefinitions, ctx, eq(surveyDefinitions.id, id)));
  if (!row) return undefined;
  const parsed = ZSurveyDefinition.safeParse(row.definition);
  return parsed.success ? parsed.data : undefined;
}
