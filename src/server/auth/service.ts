import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import argon2 from 'argon2';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import type { Database, DbExecutor } from '../../db/connect';
import { loginAttempts, organisations, sessions, staff, units } from '../../db/schema';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { StaffRole } from '../context';
import { writeAudit } from '../audit/write-audit';

const MAX_FAILED_PER_ACCOUNT = 5;
const LOCK_MINUTES = 15;
const MAX_FAILED_PER_SOURCE = 30;
const SOURCE_WINDOW_MINUTES = 15;

// Verifying against a fixed hash when the e-mail is unknown keeps the answer time the same,
// so response times do not tell which e-mails have accounts.
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$wbGv5ZYS0VymAGat5tnq8Q$vM+BGkXRbfyBNdhHDsUrgFfyc9bMe32BEJv+RODBo9E';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export type SessionStaff = {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationKind: 'akasse' | 'jobcenter';
  unitId: string | null;
  unitName: string | null;
  email: string;
  name: string;
  role: StaffRole;
  totpEnabled: boolean;
};

export type AuthServiceDeps = { db: Database; clock: Clock; sessionHours: number };

export function createAuthService({ db, clock, sessionHours }: AuthServiceDeps) {
  async function loadStaff(where: ReturnType<typeof eq>): Promise<(SessionStaff & { passwordHash: string; totpSecret: string | null; failedLogins: number; lockedUntil: Date | null; active: boolean }) | undefined> {
    const rows = await db
      .select({
        id: staff.id,
        organisationId: staff.organisationId,
        organisationName: organisations.name,
        organisationKind: organisations.kind,
        unitId: staff.unitId,
        unitName: units.name,
        email: staff.email,
        name: staff.name,
        role: staff.role,
        totpEnabled: staff.totpEnabled,
        passwordHash: staff.passwordHash,
        totpSecret: staff.totpSecret,
        failedLogins: staff.failedLogins,
        lockedUntil: staff.lockedUntil,
        active: staff.active,
      })
      .from(staff)
      .innerJoin(organisations, eq(organisations.id, staff.organisationId))
      .leftJoin(units, eq(units.id, staff.unitId))
      .where(where)
      .limit(1);
    return rows[0];
  }

  async function recordFailure(sourceKey: string, staffId?: string) {
    const now = clock.now();
    await db.insert(loginAttempts).values({ key: sourceKey, at: now });
    if (staffId) {
      await db
        .update(staff)
        .set({
          failedLogins: sql`${staff.failedLogins} + 1`,
          lockedUntil: sql`CASE WHEN ${staff.failedLogins} + 1 >= ${MAX_FAILED_PER_ACCOUNT} THEN ${new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString()}::timestamptz ELSE ${staff.lockedUntil} END`,
        })
        .where(eq(staff.id, staffId));
    }
  }

  async function createSession(exec: DbExecutor, user: SessionStaff) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = clock.now();
    await exec.insert(sessions).values({
      tokenHash: hashToken(token),
      staffId: user.id,
      organisationId: user.organisationId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionHours * 3_600_000),
    });
    return { token, csrfToken };
  }

  return {
    async login(input: { email: string; password: string; totp?: string; source: string }) {
      const now = clock.now();
      const sourceKey = `ip:${input.source}`;
      const [recent] = await db
        .select({ n: count() })
        .from(loginAttempts)
        .where(and(eq(loginAttempts.key, sourceKey), gt(loginAttempts.at, new Date(now.getTime() - SOURCE_WINDOW_MINUTES * 60_000))));
      if ((recent?.n ?? 0) >= MAX_FAILED_PER_SOURCE) throw new AppError('too_many_requests');

      const user = await loadStaff(eq(sql`lower(${staff.email})`, input.email.trim().toLowerCase()));
      if (!user || !user.active) {
        await argon2.verify(DUMMY_HASH, input.password).catch(() => false);
        await recordFailure(sourceKey);
        throw new AppError('invalid_credentials');
      }
      if (user.lockedUntil && user.lockedUntil > now) throw new AppError('account_locked');
      const ok = await argon2.verify(user.passwordHash, input.password).catch(() => false);
      if (!ok) {
        await recordFailure(sourceKey, user.id);
        throw new AppError('invalid_credentials');
      }
      if (user.totpEnabled) {
        if (!input.totp) throw new AppError('totp_required');
        if (!verifyTotp(user.totpSecret ?? '', input.totp, now)) {
          await recordFailure(sourceKey, user.id);
          throw new AppError('totp_invalid');
        }
      }
      const session = await db.transaction(async (tx) => {
        await tx.update(staff).set({ failedLogins: 0, lockedUntil: null }).where(eq(staff.id, user.id));
        const s = await createSession(tx, user);
        await writeAudit(tx, { organisationId: user.organisationId, actor: { kind: 'staff', id: user.id, role: user.role, unitId: user.unitId, name: user.name }, purpose: 'login', lang: 'da', clock }, { action: 'login', subjectType: 'staff', subjectId: user.id });
        return s;
      });
      return { ...session, staff: presentStaff(user) };
    },

    /** The staff member behind a session cookie, sliding the session's expiry forward. */
    async authenticate(token: string) {
      const now = clock.now();
      const [row] = await db
        .select({ staffId: sessions.staffId, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt, tokenHash: sessions.tokenHash })
        .from(sessions)
        .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)))
        .limit(1);
      if (!row) return null;
      const user = await loadStaff(eq(staff.id, row.staffId));
      if (!user || !user.active) return null;
      // Touch at most once a minute: a busy page should not write on every request.
      if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
        await db
          .update(sessions)
          .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionHours * 3_600_000) })
          .where(eq(sessions.tokenHash, row.tokenHash));
      }
      return { staff: presentStaff(user), csrfToken: row.csrfToken };
    },

    async logout(token: string, user: SessionStaff) {
      await db.transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
        await writeAudit(tx, { organisationId: user.organisationId, actor: { kind: 'staff', id: user.id, role: user.role, unitId: user.unitId, name: user.name }, purpose: 'logout', lang: 'da', clock }, { action: 'logout', subjectType: 'staff', subjectId: user.id });
      });
    },

    /** Start TOTP enrolment: a new secret, not active until a code from it is confirmed. */
    async beginTotp(user: SessionStaff) {
      const secret = new OTPAuth.Secret({ size: 20 });
      await db.update(staff).set({ totpSecret: secret.base32, totpEnabled: false }).where(eq(staff.id, user.id));
      const totp = new OTPAuth.TOTP({ issuer: 'Jobspor', label: user.email, secret });
      return { secret: secret.base32, otpauthUrl: totp.toString() };
    },

    async confirmTotp(user: SessionStaff, code: string) {
      const row = await loadStaff(eq(staff.id, user.id));
      if (!row?.totpSecret || !verifyTotp(row.totpSecret, code, clock.now())) throw new AppError('totp_invalid');
      await db.update(staff).set({ totpEnabled: true }).where(eq(staff.id, user.id));
    },

    async disableTotp(user: SessionStaff, code: string) {
      const row = await loadStaff(eq(staff.id, user.id));
      if (!row?.totpEnabled || !verifyTotp(row.totpSecret ?? '', code, clock.now())) throw new AppError('totp_invalid');
      await db.update(staff).set({ totpEnabled: false, totpSecret: null }).where(eq(staff.id, user.id));
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

function presentStaff(u: SessionStaff): SessionStaff {
  return {
    id: u.id,
    organisationId: u.organisationId,
    organisationName: u.organisationName,
    organisationKind: u.organisationKind,
    unitId: u.unitId,
    unitName: u.unitName,
    email: u.email,
    name: u.name,
    role: u.role,
    totpEnabled: u.totpEnabled,
  };
}

export function verifyTotp(secretBase32: string, code: string, at: Date): boolean {
  if (!secretBase32) return false;
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secretBase32) });
  return totp.validate({ token: code, timestamp: at.getTime(), window: 1 }) !== null;
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
