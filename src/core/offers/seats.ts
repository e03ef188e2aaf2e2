/**
 * Seats on a session (hold). A session may be overbooked by a percentage, since experience says
 * some drop out (Jobviften: max 31 in a job club, "en vis overbooking").
 */
export function allowedSeats(capacity: number, overbookingPercent: number): number {
  // Integer arithmetic: 31 seats at 10 % is 34.1 → 34, never 34.099999 → 34 by luck.
  return Math.floor((capacity * (100 + overbookingPercent)) / 100);
}

export type Placement = { kind: 'seat' } | { kind: 'waitlist'; position: number };

/**
 * Where the next sign-up goes, given how many hold a seat and how many wait. First come, first
 * served: the caller must hold a lock on the session while it counts, places and writes.
 */
export function placeSignUp(state: { seated: number; waiting: number; allowed: number }): Placement {
  if (state.seated < state.allowed && state.waiting === 0) return { kind: 'seat' };
  return { kind: 'waitlist', position: state.waiting + 1 };
}

/** How many from the front of the waitlist move up when seats free (or capacity grows). */
export function seatsToPromote(state: { seated: number; waiting: number; allowed: number }): number {
  return Math.max(0, Math.min(state.waiting, state.allowed - state.seated));
}

/**
 * The last moment a participant can cancel without it counting as a late cancellation:
 * deadlineHours before the session starts.
 */
export function cancellationDeadline(startsAt: Date, deadlineHours: number): Date {
  return new Date(startsAt.getTime() - deadlineHours * 3_600_000);
}

export function isLateCancellation(now: Date, startsAt: Date, deadlineHours: number): boolean {
  return now.getTime() > cancellationDeadline(startsAt, deadlineHours).getTime();
}
