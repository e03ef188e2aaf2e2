/** The CPR key and the day every test database is seeded with (a Monday). */
export const TEST_CPR_KEY = Buffer.alloc(32, 7).toString('base64');
export const TEST_TODAY = '2026-11-02';
