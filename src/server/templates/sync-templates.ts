import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { organisations, orgTemplates } from '../../db/schema';
import { activeByDefault, readShippedTemplates, type TemplateFile } from './template-files';

let shipped: TemplateFile[] | null = null;

/**
 * Gives every organisation version 1 of each shipped template it does not have yet. Runs at start
 * and when an organisation is created; never touches versions an organisation has edited.
 */
export async function syncShippedTemplates(db: DbExecutor, organisationId?: string): Promise<void> {
  shipped ??= readShippedTemplates();
  const orgs = await db.select({ id: organisations.id, kind: organisations.kind }).from(organisations).where(organisationId ? eq(organisations.id, organisationId) : undefined);
  for (const org of orgs) {
    const existing = await db.select({ kind: orgTemplates.kind, key: orgTemplates.key }).from(orgTemplates).where(and(eq(orgTemplates.organisationId, org.id)));
    const have = new Set(existing.map((e) => `${e.kind}:${e.key}`));
    const missing = shipped.filter((t) => !have.has(`${t.kind}:${t.key}`));
    if (missing.length === 0) continue;
    await db.insert(orgTemplates).values(
      missing.map((t) => ({
        id: randomUUID(),
        organisationId: org.id,
        kind: t.kind,
        key: t.key,
        version: 1,
        definition: t.definition,
        validFrom: t.validFrom,
        active: activeByDefault(org.kind, t),
      })),
    );
  }
}
