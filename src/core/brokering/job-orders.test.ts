import { describe, expect, it } from 'vitest';
import { responseDueAt, responseState } from './job-orders';

describe('job-order response time', () => {
  const received = new Date('2026-11-02T09:00:00Z');
  const due = responseDueAt(received, 24);

  it('is due the wanted number of hours after the order was received', () => {
    expect(due.toISOString()).toBe('2026-11-03T09:00:00.000Z');
  });

  it('is waiting until the due moment, then overdue', () => {
    expect(responseState({ responseDueAt: due, answeredAt: null }, new Date('2026-11-03T09:00:00Z'))).toBe('waiting');
    expect(responseState({ responseDueAt: due, answeredAt: null }, new Date('2026-11-03T09:00:01Z'))).toBe('overdue');
  });

  it('counts an answer at the due moment as on time and after it as late, whatever the time now', () => {
    const later = new Date('2026-12-01T00:00:00Z');
    expect(responseState({ responseDueAt: due, answeredAt: due }, later)).toBe('answered_on_time');
    expect(responseState({ responseDueAt: due, answeredAt: new Date('2026-11-03T10:00:00Z') }, later)).toBe('answered_late');
  });
});
