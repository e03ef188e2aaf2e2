import { OCCUPATIONS, occupationGroup } from '../reference/occupations';

// The internal recruitment board (rekrutteringstavle): staff share openings, employers with
// labour needs and internship places, and colleagues who subscribe are told when something new
// concerns them. Pure: the service feeds it rows and acts on the answer.

export const BOARD_POST_KINDS = ['opening', 'labour_need', 'internship'] as const;
export type BoardPostKind = (typeof BOARD_POST_KINDS)[number];

export const BOARD_POST_STATUSES = ['open', 'closed'] as const;
export type BoardPostStatus = (typeof BOARD_POST_STATUSES)[number];

/** Why a post was taken down; "mistake" is the one reopening is meant for. */
export const BOARD_CLOSE_REASONS = ['filled', 'withdrawn', 'expired', 'mistake', 'other'] as const;
export type BoardCloseReason = (typeof BOARD_CLOSE_REASONS)[number];

/** A subscription's filters; null = any. All three null = the whole board. */
export type BoardSubscriptionFilter = {
  kind: BoardPostKind | null;
  /** DISCO-08 minor group, 3 digits ('532' covers SSA and SSH). */
  occupationGroup: string | null;
  municipalityCode: number | null;
};

export type BoardPostFacts = { kind: BoardPostKind; occupationCode: string | null; municipalityCode: number };

const GROUPS = new Set(OCCUPATIONS.map((o) => occupationGroup(o.code)));

/** A 3-digit minor group holding at least one occupation of the reference list. */
export function isOccupationGroup(value: unknown): value is string {
  return typeof value === 'string' && GROUPS.has(value);
}

/**
 * Does this post concern this subscription? Every filter the subscriber set must hold. A post
 * without an occupation does not meet an occupation filter: the subscriber asked for one trade,
 * and a post that names none cannot be said to be about it (they still see it on the board).
 */
export function postConcernsSubscription(subscription: BoardSubscriptionFilter, post: BoardPostFacts): boolean {
  if (subscription.kind !== null && subscription.kind !== post.kind) return false;
  if (subscription.occupationGroup !== null && (post.occupationCode === null || occupationGroup(post.occupationCode) !== subscription.occupationGroup)) return false;
  if (subscription.municipalityCode !== null && subscription.municipalityCode !== post.municipalityCode) return false;
  return true;
}

/**
 * The staff to notify of a new post: everyone with a subscription it concerns, once each, never
 * its author (who knows). Order follows the subscriptions given, so the outbox order is stable.
 */
export function subscribersToNotify<S extends BoardSubscriptionFilter & { staffId: string }>(subscriptions: readonly S[], post: BoardPostFacts, authorId: string): string[] {
  const seen = new Set<string>();
  for (const s of subscriptions) {
    if (s.staffId === authorId || seen.has(s.staffId)) continue;
    if (postConcernsSubscription(s, post)) seen.add(s.staffId);
  }
  return [...seen];
}

/** Whether an open post has passed its expiry date (it stays open until someone closes it, but is shown as expired). */
export function isBoardPostExpired(post: { status: BoardPostStatus; expiresOn: string }, today: string): boolean {
  return post.status === 'open' && post.expiresOn < today;
}
