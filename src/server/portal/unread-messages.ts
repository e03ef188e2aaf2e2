import { and, count, eq, isNull } from 'drizzle-orm';
import { messages, messageThreads } from '../../db/schema';
import { inTenant } from '../tenancy';
import type { PortalOverviewHook } from './service';

/** The front page's unread count: staff messages in the jobseeker's own threads not yet read. */
export const countUnreadMessages: PortalOverviewHook = async (tx, ctx) => {
  const [row] = await tx
    .select({ n: count() })
    .from(messages)
    .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
    .where(and(inTenant(messages, ctx), inTenant(messageThreads, ctx, eq(messageThreads.jobseekerId, ctx.actor.id)), eq(messages.authorKind, 'staff'), isNull(messages.readAt)));
  return { unreadMessages: row?.n ?? 0 };
};
