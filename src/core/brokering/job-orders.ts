import type { Label } from '../reference/label';

export const JOB_ORDER_KINDS = ['permanent', 'temporary', 'wage_subsidy', 'internship', 'trainee'] as const;
export type JobOrderKind = (typeof JOB_ORDER_KINDS)[number];

export const JOB_ORDER_KIND_LABELS: Record<JobOrderKind, Label> = {
  permanent: { da: 'Fast stilling', en: 'Permanent job' },
  temporary: { da: 'Vikariat', en: 'Temporary job' },
  wage_subsidy: { da: 'Løntilskud', en: 'Wage subsidy job' },
  internship: { da: 'Virksomhedspraktik', en: 'Work placement' },
  trainee: { da: 'Trainee', en: 'Trainee' },
};

export const JOB_ORDER_STATUSES = ['open', 'filled', 'closed', 'cancelled'] as const;
export type JobOrderStatus = (typeof JOB_ORDER_STATUSES)[number];

/** Whether the employer got the answer they asked for in time. */
export type ResponseState = 'answered_on_time' | 'answered_late' | 'waiting' | 'overdue';

/** The moment the employer should have an answer: received + the wanted response hours. */
export function responseDueAt(receivedAt: Date, responseHours: number): Date {
  return new Date(receivedAt.getTime() + responseHours * 3_600_000);
}

export function responseState(order: { responseDueAt: Date; answeredAt: Date | null }, now: Date): ResponseState {
  if (order.answeredAt) return order.answeredAt.getTime() <= order.responseDueAt.getTime() ? 'answered_on_time' : 'answered_late';
  return now.getTime() > order.responseDueAt.getTime() ? 'overdue' : 'waiting';
}
