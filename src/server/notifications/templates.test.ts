import { describe, expect, it } from 'vitest';
import { loadNotificationTemplates } from './templates';

describe('the shipped notification templates', () => {
  it('all load, each named after its file, with the same facts in Danish and English', () => {
    const templates = loadNotificationTemplates();
    expect([...templates.keys()].sort()).toEqual(['board_post_new', 'booking_cancelled', 'booking_confirmed', 'job_order_receipt', 'joblog_nudge', 'meeting_reminder', 'message_overdue', 'message_to_jobseeker', 'message_to_staff', 'offer_seat_promoted', 'vacancy_digest']);
  });
});
