import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allowedSeats, isLateCancellation, placeSignUp, seatsToPromote } from './seats';

describe('seats on a session', () => {
  it('allows 34 on a job club of 31 with 10 % overbooking', () => {
    expect(allowedSeats(31, 10)).toBe(34);
  });
  it('allows exactly the capacity without overbooking', () => {
    expect(allowedSeats(20, 0)).toBe(20);
  });
  it('never allows fewer than the capacity, nor more than the percentage gives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 100 }), (capacity, pct) => {
        const allowed = allowedSeats(capacity, pct);
        expect(allowed).toBeGreaterThanOrEqual(capacity);
        expect(allowed).toBeLessThanOrEqual(capacity * (1 + pct / 100) + 1e-9);
        expect(allowed + 1).toBeGreaterThan(capacity * (1 + pct / 100));
      }),
    );
  });
  it('seats the next sign-up while there is room and nobody waits', () => {
    expect(placeSignUp({ seated: 33, waiting: 0, allowed: 34 })).toEqual({ kind: 'seat' });
  });
  it('puts the sign-up after the last one on the waitlist when the session is full', () => {
    expect(placeSignUp({ seated: 34, waiting: 2, allowed: 34 })).toEqual({ kind: 'waitlist', position: 3 });
  });
  it('does not let a newcomer pass people already waiting', () => {
    expect(placeSignUp({ seated: 30, waiting: 1, allowed: 34 })).toEqual({ kind: 'waitlist', position: 2 });
  });
  it('promotes as many as there are free seats, at most the ones waiting', () => {
    expect(seatsToPromote({ seated: 33, waiting: 5, allowed: 34 })).toBe(1);
    expect(seatsToPromote({ seated: 20, waiting: 5, allowed: 34 })).toBe(5);
    expect(seatsToPromote({ seated: 34, waiting: 5, allowed: 34 })).toBe(0);
  });
  it('calls a cancellation late after the deadline before the start', () => {
    const start = new Date('2026-11-10T08:00:00Z');
    expect(isLateCancellation(new Date('2026-11-09T07:59:00Z'), start, 24)).toBe(false);
    expect(isLateCancellation(new Date('2026-11-09T08:01:00Z'), start, 24)).toBe(true);
  });
});
