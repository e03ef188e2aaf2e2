import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { organisations, orgTemplates } from '../../db/schema';
import { activeByDefault, readShippedTemplates, type TemplateFile } from './template-files';

let shipped: TemplateFile[] | null = null;

/** JSON with its object keys sorted, so a definition read back from jsonb compares equal to the file it came from. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Gives every organisation version 1 of each shipped template it does not have yet. Runs at start
 * and when an organisation is created; never touches versions an organisation has edited.
 *
 * Shipped indicator definitions also follow the files: when a file's content differs from the
 * newest version and that version is still the shipped one (no staff member made it), the file is
 * added as the next version — visible in the version list and in each snapshot's indicator
 * version, never a silent change to a stored one. Other kinds (cadences plan real talks) change
 * only when an organisation adopts a new version itself.
 */
export async function syncShippedTemplates(db: DbExecutor, organisationId?: string): Promise<void> {
  shipped ??= readShippedTemplates();
  const orgs = await db.select({ id: organisations.id, kind: organisations.kind }).from(organisations).where(organisationId ? eq(organisations.id, organisationId) : undefined);
  for (const org of orgs) {
    const existing = await db.select({ kind: orgTemplates.kind, key: orgTemplates.key }).from(orgTemplates).where(and(eq(orgTemplates.organisationId, org.id)));
    const have = new Set(existing.map((e) => `${e.kind}:${e.key}`));
    const missing = shipped.filter((t) => !have.has(`${t.kind}:${t.key}`));
    if (missing.length > 0) {
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
    await followShippedIndicators(db, org.id, shipped);
  }
}

async function followShippedIndicators(db: DbExecutor, organisationId: string, files: readonly TemplateFile[]): Promise<void> {
  const byKey = new Map(files.filter((t) => t.kind === 'indicator').map((t) => [t.key, t]));
  const newest = await db
    .selectDistinctOn([orgTemplates.key], { key: orgTemplates.key, version: orgTemplates.version, definition: orgTemplates.definition, active: orgTemplates.active, createdBy: orgTemplates.createdBy })
    .from(orgTemplates)
    .where(and(eq(orgTemplates.organisationId, organisationId), eq(orgTemplates.kind, 'indicator')))
    .orderBy(orgTemplates.key, desc(orgTemplates.version));
  const changed = newest.filter((row) => {
    const file = byKey.get(row.key);
    return file !== undefined && row.createdBy === null && canonicalJson(row.definition) !== canonicalJson(file.definition);
  });
  if (changed.length === 0) return;
  await db
    .insert(orgTemplates)
    .values(
      changed.map((row) => {
        const file = byKey.get(row.key)!;
        return { id: randomUUID(), organisationId, kind: 'indicator' as const, key: row.key, version: row.version + 1, definition: file.definition, validFrom: file.validFrom, active: row.active };
      }),
    )
    // Two processes starting at once: the unique (organisation, kind, key, version) keeps one.
    .onConflictDoNothing();
}
