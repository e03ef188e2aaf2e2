import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { jobseekers, loginAttempts, organisations, portalLoginChoices, portalLoginCodes, portalSessions } from '../../db/schema';
import { normaliseEmail } from '../../core/identity/email';
import { normalisePhone } from '../../core/identity/phone';
import type { Clock } from '../clock';
import type { TenantContext } from '../context';
import { AppError, fieldError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { hashToken, safeEqual } from '../auth/service';
import { queueNotification } from '../notifications/queue';
import type { CprCipher } from '../crypto/cpr-cipher';
import { OidcLoginError } from './oidc';

/** A code works for 10 minutes, once. */
export const CODE_MINUTES = 10;
/** A MitID login that matched several organisations waits this long, once, for the person's choice. */
export const CHOICE_MINUTES = 10;
/** Wrong codes tried for one address before its open codes stop working. */
export const MAX_CODE_ATTEMPTS = 5;
/** Codes one address may ask for within the window. */
const MAX_CODES_PER_RECIPIENT = 5;
/**
 * Code requests one source address may send within the window: high enough for an office or a
 * job café behind one address, low enough to stop mass look-ups (each address has its own limit).
 */
const MAX_CODES_PER_SOURCE = 100;
const MAX_FAILED_PER_SOURCE = 30;
const WINDOW_MINUTES = 15;
/** Someone whose address is shared by more people (family e-mail) gets at most this many codes. */
const MAX_MATCHES = 5;

export type PortalRecipient = { channel: 'email' | 'sms'; address: string };

export type SessionJobseeker = {
  id: string;
  organisationId: string;
  organisationName: string;
  firstName: string;
  lastName: string;
  preferredLanguage: string;
  method: 'email' | 'sms' | 'oidc';
};

/** The address in one normal form (e-mail lower-cased, phone in E.164), or null when it is neither. */
export function parseRecipient(input: string): PortalRecipient | null {
  const trimmed = input.trim();
  if (trimmed.includes('@')) {
    const email = normaliseEmail(trimmed);
    return email ? { channel: 'email', address: email.toLowerCase() } : null;
  }
  const phone = normalisePhone(trimmed);
  return phone ? { channel: 'sms', address: phone } : null;
}

function recipientHash(r: PortalRecipient): string {
  return createHash('sha256').update(`${r.channel}:${r.address}`).digest('base64url');
}

/** The code's hash, salted with its row id so equal codes never hash alike. */
function codeHash(codeId: string, code: string): string {
  return createHash('sha256').update(`${codeId}:${code}`).digest('base64url');
}

export function portalActorContext(j: Pick<SessionJobseeker, 'id' | 'organisationId'>, clock: Clock, purpose = 'egen adgang'): TenantContext {
  return { organisationId: j.organisationId, actor: { kind: 'jobseeker', id: j.id }, purpose, lang: 'da', clock };
}

function loginMessage(lang: 'da' | 'en', code: string, orgName: string, channel: 'email' | 'sms') {
  if (lang === 'en') {
    const body = `Your Jobspor login code is ${code}. It works for ${CODE_MINUTES} minutes. If you did not ask for it, you can ignore this message.${channel === 'email' ? `\n\nKind regards\n${orgName}` : ` – ${orgName}`}`;
    return { subject: 'Your login code for Jobspor', body };
  }
  const body = `Din kode til Jobspor er ${code}. Den virker i ${CODE_MINUTES} minutter. Har du ikke bedt om den, kan du se bort fra beskeden.${channel === 'email' ? `\n\nVenlig hilsen\n${orgName}` : ` – ${orgName}`}`;
  return { subject: 'Din kode til Jobspor', body };
}

export type PortalAuthDeps = { db: Database; clock: Clock; sessionMinutes: number; cipher: CprCipher };

/**
 * Portal login with a one-time code. Asking for a code answers the same whether or not the
 * address belongs to anyone; the code goes into the outbox (one per jobseeker record with that
 * address, in that record's organisation) and is kept only as a hash.
 */
export function createPortalAuthService({ db, clock, sessionMinutes, cipher }: PortalAuthDeps) {
  async function recentAttempts(key: string): Promise<number> {
    const since = new Date(clock.now().getTime() - WINDOW_MINUTES * 60_000);
    const [row] = await db.select({ n: count() }).from(loginAttempts).where(and(eq(loginAttempts.key, key), gt(loginAttempts.at, since)));
    return row?.n ?? 0;
  }

  async function loadJobseeker(jobseekerId: string, organisationId: string) {
    const [row] = await db
      .select({
        id: jobseekers.id,
        organisationId: jobseekers.organisationId,
        organisationName: organisations.name,
        firstName: jobseekers.firstName,
        lastName: jobseekers.lastName,
        preferredLanguage: jobseekers.preferredLanguage,
      })
      .from(jobseekers)
      .innerJoin(organisations, eq(organisations.id, jobseekers.organisationId))
      .where(and(eq(jobseekers.id, jobseekerId), eq(jobseekers.organisationId, organisationId)))
      .limit(1);
    return row;
  }

  type Person = NonNullable<Awaited<ReturnType<typeof loadJobseeker>>>;

  /** Opens a portal session for a person who has proved who they are, and audits the login. */
  async function openSession(tx: DbExecutor, person: Person, method: SessionJobseeker['method']) {
    const now = clock.now();
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await tx.insert(portalSessions).values({
      tokenHash: hashToken(token),
      jobseekerId: person.id,
      organisationId: person.organisationId,
      csrfToken,
      method,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionMinutes * 60_000),
    });
    await writeAudit(tx, portalActorContext(person, clock, 'login'), { action: 'login', subjectType: 'portal_session', jobseekerId: person.id, details: { method } });
    return { token, csrfToken, jobseeker: { ...person, method } satisfies SessionJobseeker };
  }

  /** The open (unused, unexpired) rows of a pending MitID choice, with the organisations' names. */
  async function openChoice(token: string) {
    const now = clock.now();
    const rows = await db
      .select({ id: portalLoginChoices.id, organisationId: portalLoginChoices.organisationId, organisationName: organisations.name, jobseekerId: portalLoginChoices.jobseekerId, expiresAt: portalLoginChoices.expiresAt })
      .from(portalLoginChoices)
      .innerJoin(organisations, eq(organisations.id, portalLoginChoices.organisationId))
      .where(and(eq(portalLoginChoices.tokenHash, hashToken(token)), isNull(portalLoginChoices.usedAt), gt(portalLoginChoices.expiresAt, now)))
      .orderBy(organisations.name, organisations.id);
    if (rows.length === 0) throw new AppError('portal_choice_expired');
    return rows;
  }

  return {
    async requestCode(input: { recipient: PortalRecipient; source: string }): Promise<void> {
      const rHash = recipientHash(input.recipient);
      const recipientKey = `portal-code:${rHash}`;
      const sourceKey = `portal-code-ip:${input.source}`;
      if ((await recentAttempts(sourceKey)) >= MAX_CODES_PER_SOURCE) throw new AppError('too_many_requests');
      if ((await recentAttempts(recipientKey)) >= MAX_CODES_PER_RECIPIENT) throw new AppError('too_many_requests');
      const now = clock.now();
      const match = input.recipient.channel === 'email' ? eq(sql`lower(${jobseekers.email})`, input.recipient.address) : eq(jobseekers.phone, input.recipient.address);
      const matches = await db
        .select({ id: jobseekers.id, organisationId: jobseekers.organisationId, lang: jobseekers.preferredLanguage, orgName: organisations.name })
        .from(jobseekers)
        .innerJoin(organisations, eq(organisations.id, jobseekers.organisationId))
        .where(match)
        .orderBy(jobseekers.organisationId, jobseekers.id)
        .limit(MAX_MATCHES);
      await db.transaction(async (tx) => {
        // A new code replaces the ones sent before (and their count of wrong tries).
        await tx.update(portalLoginCodes).set({ usedAt: now }).where(and(eq(portalLoginCodes.recipientHash, rHash), isNull(portalLoginCodes.usedAt)));
        await tx.insert(loginAttempts).values([
          { key: recipientKey, at: now },
          { key: sourceKey, at: now },
        ]);
        for (const m of matches) {
          const id = randomUUID();
          const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
          await tx.insert(portalLoginCodes).values({
            id,
            organisationId: m.organisationId,
            jobseekerId: m.id,
            recipientHash: rHash,
            codeHash: codeHash(id, code),
            createdAt: now,
            expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
          });
          const message = loginMessage(m.lang === 'en' ? 'en' : 'da', code, m.orgName, input.recipient.channel);
          await queueNotification(tx, { organisationId: m.organisationId, clock }, {
            template: 'portal_login_code',
            channel: input.recipient.channel,
            recipient: input.recipient.address,
            jobseekerId: m.id,
            language: m.lang === 'en' ? 'en' : 'da',
            content: { subject: input.recipient.channel === 'email' ? message.subject : null, body: message.body },
            idempotencyKey: `portal_login_code:${id}`,
          });
        }
      });
    },

    /** Checks a code; on success opens a session. Wrong, expired and used codes answer alike. */
    async verifyCode(input: { recipient: PortalRecipient; code: string; source: string }) {
      const now = clock.now();
      const sourceKey = `portal-verify-ip:${input.source}`;
      if ((await recentAttempts(sourceKey)) >= MAX_FAILED_PER_SOURCE) throw new AppError('too_many_requests');
      const rHash = recipientHash(input.recipient);
      const open = await db
        .select()
        .from(portalLoginCodes)
        .where(and(eq(portalLoginCodes.recipientHash, rHash), gt(portalLoginCodes.expiresAt, now), isNull(portalLoginCodes.usedAt)));
      if (open.some((c) => c.attempts >= MAX_CODE_ATTEMPTS)) throw new AppError('too_many_requests');
      const hit = open.find((c) => safeEqual(c.codeHash, codeHash(c.id, input.code)));
      if (!hit) {
        await db.transaction(async (tx) => {
          await tx.insert(loginAttempts).values({ key: sourceKey, at: now });
          if (open.length > 0) {
            await tx
              .update(portalLoginCodes)
              .set({ attempts: sql`${portalLoginCodes.attempts} + 1` })
              .where(and(eq(portalLoginCodes.recipientHash, rHash), gt(portalLoginCodes.expiresAt, now), isNull(portalLoginCodes.usedAt)));
          }
        });
        const reachedLimit = open.some((c) => c.attempts + 1 >= MAX_CODE_ATTEMPTS);
        throw new AppError(reachedLimit ? 'too_many_requests' : 'portal_code_invalid');
      }
      const person = await loadJobseeker(hit.jobseekerId, hit.organisationId);
      if (!person) throw new AppError('portal_code_invalid');
      let session: Awaited<ReturnType<typeof openSession>> | undefined;
      await db.transaction(async (tx) => {
        // Used once: the code, and every other open code to the same address, stop working.
        const used = await tx
          .update(portalLoginCodes)
          .set({ usedAt: now })
          .where(and(eq(portalLoginCodes.id, hit.id), isNull(portalLoginCodes.usedAt)))
          .returning({ id: portalLoginCodes.id });
        if (used.length === 0) throw new AppError('portal_code_invalid');
        await tx.update(portalLoginCodes).set({ usedAt: now }).where(and(eq(portalLoginCodes.recipientHash, rHash), isNull(portalLoginCodes.usedAt)));
        session = await openSession(tx, person, input.recipient.channel);
      });
      return session!;
    },

    /**
     * MitID login: the CPR number from the broker's validated ID token, found through the keyed
     * CPR hash. One match gets a session. A person known in several organisations (an a-kasse and
     * a jobcentre both) gets a pending choice instead: the set of organisations is stored against
     * the hash of a new random token, which only the choice cookie carries, so the browser can
     * pick from the set but never change it. An unknown person is refused and nothing is written.
     */
    async loginWithCpr(cpr: string): Promise<{ kind: 'session'; session: Awaited<ReturnType<typeof openSession>> } | { kind: 'choice'; token: string }> {
      const matches = await db
        .select({ id: jobseekers.id, organisationId: jobseekers.organisationId })
        .from(jobseekers)
        .where(eq(jobseekers.cprHash, cipher.hash(cpr)))
        .orderBy(jobseekers.organisationId);
      if (matches.length === 0) throw new OidcLoginError('unknown_person');
      if (matches.length === 1) {
        const person = await loadJobseeker(matches[0]!.id, matches[0]!.organisationId);
        if (!person) throw new OidcLoginError('unknown_person');
        return { kind: 'session', session: await db.transaction((tx) => openSession(tx, person, 'oidc')) };
      }
      const now = clock.now();
      const token = randomBytes(32).toString('base64url');
      const tokenHash = hashToken(token);
      const expiresAt = new Date(now.getTime() + CHOICE_MINUTES * 60_000);
      await db.insert(portalLoginChoices).values(matches.map((m) => ({ id: randomUUID(), tokenHash, organisationId: m.organisationId, jobseekerId: m.id, createdAt: now, expiresAt })));
      return { kind: 'choice', token };
    },

    /** The organisations a pending MitID choice offers (names only), or portal_choice_expired. */
    async pendingChoice(token: string): Promise<{ organisations: { id: string; name: string }[]; expiresAt: Date }> {
      const open = await openChoice(token);
      return { organisations: open.map((o) => ({ id: o.organisationId, name: o.organisationName })), expiresAt: open[0]!.expiresAt };
    },

    /**
     * Logs the person in where they chose, if that organisation is in the set stored with the
     * token; the whole set is used up by the one choice. A choice outside the set is refused
     * and leaves the set open, so the person can still pick one of the offered.
     */
    async choose(token: string, organisationId: string) {
      const open = await openChoice(token);
      const offered = open.find((o) => o.organisationId === organisationId);
      if (!offered) {
        throw fieldError('organisationId', 'Du kan kun logge ind et af de steder, der står på listen. Vælg et af dem.', 'You can only log in at one of the places in the list. Choose one of them.');
      }
      const person = await loadJobseeker(offered.jobseekerId, offered.organisationId);
      if (!person) throw new AppError('portal_choice_expired');
      const now = clock.now();
      return db.transaction(async (tx) => {
        // Once: only the request that marks the open rows gets a session, even when two race.
        const used = await tx
          .update(portalLoginChoices)
          .set({ usedAt: now })
          .where(and(eq(portalLoginChoices.tokenHash, hashToken(token)), isNull(portalLoginChoices.usedAt), gt(portalLoginChoices.expiresAt, now)))
          .returning({ id: portalLoginChoices.id });
        if (!used.some((u) => u.id === offered.id)) throw new AppError('portal_choice_expired');
        return openSession(tx, person, 'oidc');
      });
    },

    /** The jobseeker behind a portal cookie, sliding the session's expiry forward. */
    async authenticate(token: string): Promise<{ jobseeker: SessionJobseeker; csrfToken: string } | null> {
      const now = clock.now();
      const [row] = await db
        .select()
        .from(portalSessions)
        .where(and(eq(portalSessions.tokenHash, hashToken(token)), gt(portalSessions.expiresAt, now)))
        .limit(1);
      if (!row) return null;
      const person = await loadJobseeker(row.jobseekerId, row.organisationId);
      if (!person) return null;
      if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
        await db
          .update(portalSessions)
          .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionMinutes * 60_000) })
          .where(eq(portalSessions.tokenHash, row.tokenHash));
      }
      return { jobseeker: { ...person, method: row.method }, csrfToken: row.csrfToken };
    },

    async logout(token: string, jobseeker: SessionJobseeker) {
      await db.transaction(async (tx) => {
        await tx.delete(portalSessions).where(eq(portalSessions.tokenHash, hashToken(token)));
        await writeAudit(tx, portalActorContext(jobseeker, clock, 'logout'), { action: 'logout', subjectType: 'portal_session', jobseekerId: jobseeker.id });
      });
    },
  };
}

export type PortalAuthService = ReturnType<typeof createPortalAuthService>;
