import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOARD_POST_KINDS, isBoardPostExpired, isOccupationGroup, postConcernsSubscription, subscribersToNotify, type BoardSubscriptionFilter } from './recruitment-board';

const wholeBoard: BoardSubscriptionFilter = { kind: null, occupationGroup: null, municipalityCode: null };
// An SSA internship in Vejle.
const post = { kind: 'internship' as const, occupationCode: '5321', municipalityCode: 630 };

describe('postConcernsSubscription', () => {
  it('a subscription to the whole board gets every post', () => {
    expect(postConcernsSubscription(wholeBoard, post)).toBe(true);
    expect(postConcernsSubscription(wholeBoard, { ...post, occupationCode: null })).toBe(true);
  });
  it('a kind filter lets only that kind through', () => {
    expect(postConcernsSubscription({ ...wholeBoard, kind: 'internship' }, post)).toBe(true);
    expect(postConcernsSubscription({ ...wholeBoard, kind: 'opening' }, post)).toBe(false);
  });
  it('an occupation filter covers the whole minor group (SSH subscribers hear of SSA posts), and not other groups', () => {
    expect(postConcernsSubscription({ ...wholeBoard, occupationGroup: '532' }, post)).toBe(true);
    expect(postConcernsSubscription({ ...wholeBoard, occupationGroup: '234' }, post)).toBe(false);
  });
  it('a post naming no occupation does not meet an occupation filter', () => {
    expect(postConcernsSubscription({ ...wholeBoard, occupationGroup: '532' }, { ...post, occupationCode: null })).toBe(false);
  });
  it('a municipality filter means that municipality only', () => {
    expect(postConcernsSubscription({ ...wholeBoard, municipalityCode: 630 }, post)).toBe(true);
    expect(postConcernsSubscription({ ...wholeBoard, municipalityCode: 607 }, post)).toBe(false);
  });
  it('needs every filter set to hold', () => {
    expect(postConcernsSubscription({ kind: 'internship', occupationGroup: '532', municipalityCode: 630 }, post)).toBe(true);
    expect(postConcernsSubscription({ kind: 'internship', occupationGroup: '532', municipalityCode: 101 }, post)).toBe(false);
  });
  it('adding a filter never lets more posts through (property)', () => {
    const kind = fc.constantFrom(...BOARD_POST_KINDS);
    const code = fc.constantFrom('5321', '5322', '2342', '9333', null);
    const muni = fc.constantFrom(101, 607, 630);
    fc.assert(
      fc.property(kind, code, muni, fc.option(kind, { nil: null }), fc.option(fc.constantFrom('532', '234', '933'), { nil: null }), fc.option(muni, { nil: null }), (k, c, m, fk, fg, fm) => {
        const p = { kind: k, occupationCode: c, municipalityCode: m };
        const narrow = postConcernsSubscription({ kind: fk, occupationGroup: fg, municipalityCode: fm }, p);
        const wider = postConcernsSubscription({ kind: fk, occupationGroup: null, municipalityCode: fm }, p);
        return !narrow || wider;
      }),
    );
  });
});

describe('subscribersToNotify', () => {
  it('names each concerned subscriber once, and never the author', () => {
    const subs = [
      { staffId: 'a', ...wholeBoard },
      { staffId: 'b', ...wholeBoard, kind: 'opening' as const },
      { staffId: 'c', ...wholeBoard, municipalityCode: 630 },
      { staffId: 'c', ...wholeBoard, occupationGroup: '532' },
      { staffId: 'author', ...wholeBoard },
    ];
    expect(subscribersToNotify(subs, post, 'author')).toEqual(['a', 'c']);
  });
});

describe('isOccupationGroup', () => {
  it('knows the minor groups of the reference list', () => {
    expect(isOccupationGroup('532')).toBe(true);
    expect(isOccupationGroup('999')).toBe(false);
    expect(isOccupationGroup('5321')).toBe(false);
    expect(isOccupationGroup(532)).toBe(false);
  });
});

describe('isBoardPostExpired', () => {
  it('an open post is expired the day after its expiry date; a closed one never', () => {
    expect(isBoardPostExpired({ status: 'open', expiresOn: '2026-03-01' }, '2026-03-01')).toBe(false);
    expect(isBoardPostExpired({ status: 'open', expiresOn: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isBoardPostExpired({ status: 'closed', expiresOn: '2026-03-01' }, '2026-03-02')).toBe(false);
  });
});
