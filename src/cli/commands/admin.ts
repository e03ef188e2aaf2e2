import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { readEnv } from '../../env';
import { openDatabase } from '../../server/boot';
import { organisations, units } from '../../db/schema';
import { createStaffMember } from '../../server/organisation/service';
import { AppError } from '../../server/errors';
import { syncShippedTemplates } from '../../server/templates/sync-templates';

const ROLES = ['caseworker', 'broker', 'manager', 'admin'] as const;

export function registerAdminCommand(program: Command): void {
  const admin = program.command('admin').description('Administration');
  admin
    .command('create-user')
    .description('Create a staff account (the password is read from JOBSPOR_NEW_PASSWORD or asked for)')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .requiredOption('--organisation <name>', 'the organisation’s exact name; created (kind from --kind) when missing')
    .option('--kind <kind>', 'akasse | jobcenter, for a new organisation', 'akasse')
    .option('--unit <name>', 'the unit’s exact name')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (opts: { email: string; name: string; role: string; organisation: string; kind: string; unit?: string; passwordStdin?: boolean }) => {
      if (!(ROLES as readonly string[]).includes(opts.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      if (opts.kind !== 'akasse' && opts.kind !== 'jobcenter') throw new Error('--kind must be akasse or jobcenter');
      const password = opts.passwordStdin ? (await readStdin()).trim() : await askPassword();
      const opened = await openDatabase(readEnv());
      try {
        const id = await opened.connection.db.transaction(async (tx) => {
          let [org] = await tx.select().from(organisations).where(eq(organisations.name, opts.organisation));
          if (!org) {
            [org] = await tx.insert(organisations).values({ id: crypto.randomUUID(), name: opts.organisation, kind: opts.kind as 'akasse' | 'jobcenter' }).returning();
            await syncShippedTemplates(tx, org!.id);
          }
          let unitId: string | null = null;
          if (opts.unit) {
            const found = (await tx.select().from(units).where(eq(units.organisationId, org!.id))).find((u) => u.name === opts.unit);
            if (!found) throw new Error(`No unit named "${opts.unit}" in ${org!.name}`);
            unitId = found.id;
          }
          return createStaffMember(tx, { organisationId: org!.id, unitId, email: opts.email, name: opts.name, role: opts.role as (typeof ROLES)[number], password });
        });
        console.log(`Created ${opts.role} ${opts.email} (${id}).`);
      } catch (error) {
        if (error instanceof AppError) {
          const details = error.fields ? Object.entries(error.fields).map(([k, v]) => `${k}: ${v.en}`).join('; ') : error.code;
          throw new Error(details, { cause: error });
        }
        throw error;
      } finally {
        await opened.close();
      }
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function askPassword(): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Password (at least 12 characters): ');
  } finally {
    rl.close();
  }
}
