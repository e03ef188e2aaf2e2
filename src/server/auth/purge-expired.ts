import { lt } from 'drizzle-orm';
import type { Database } from '../../db/connect';
import { loginAttempts, portalLoginChoices, portalLoginCodes, portalSessions, sessions } from '../../db/schema';
import type { Clock } from '../clock';

/** Login attempts and used-up login codes are kept a day: long enough for throttling and for support to see a failed login. */
const KEEP_MS = 24 * 3_600_000;

/**
 * The nightly clean-up of what logging in leaves behind: expired staff and portal sessions, login
 * attempts older than a day, and portal login codes and pending MitID choices a day past their
 * expiry. An expired session or choice is already refused when used; this keeps the tables from
 * growing and old tokens' hashes from lingering.
 */
export async function purgeExpiredSessions(db: Database, clock: Clock) {
  const now = clock.now();
  const dayAgo = new Date(now.getTime() - KEEP_MS);
  return db.transaction(async (tx) => ({
    staffSessions: (await tx.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.tokenHash })).length,
    portalSessions: (await tx.delete(portalSessions).where(lt(portalSessions.expiresAt, now)).returning({ id: portalSessions.tokenHash })).length,
    loginAttempts: (await tx.delete(loginAttempts).where(lt(loginAttempts.at, dayAgo)).returning({ id: loginAttempts.id })).length,
    portalLoginCodes: (await tx.delete(portalLoginCodes).where(lt(portalLoginCodes.expiresAt, dayAgo)).returning({ id: portalLoginCodes.id })).length,
    portalLoginChoices: (await tx.delete(portalLoginChoices).where(lt(portalLoginChoices.expiresAt, dayAgo)).returning({ id: portalLoginChoices.id })).length,
  }));
}
