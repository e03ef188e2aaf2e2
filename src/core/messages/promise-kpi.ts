export type PromisedInquiry = { answerDueAt: Date; answeredAt: Date | null; answerWorkingMinutes: number | null };

export type PromiseKpi = { inquiries: number; answeredWithinPromise: number; share: number | null; medianAnswerWorkingMinutes: number | null };

/**
 * Share of job-related inquiries answered within the promise, as of `asOf`. An inquiry counts once
 * it is answered or its deadline has passed (one still inside its deadline is not yet decided);
 * it is kept when answered by the deadline. The median answer time is over answered inquiries.
 */
export function measureAnswerPromise(inquiries: readonly PromisedInquiry[], asOf: Date): PromiseKpi {
  const decided = inquiries.filter((i) => i.answeredAt !== null || i.answerDueAt.getTime() <= asOf.getTime());
  const kept = decided.filter((i) => i.answeredAt !== null && i.answeredAt.getTime() <= i.answerDueAt.getTime()).length;
  const minutes = decided
    .map((i) => i.answerWorkingMinutes)
    .filter((m): m is number => m !== null)
    .sort((a, b) => a - b);
  const mid = Math.floor(minutes.length / 2);
  const median = minutes.length === 0 ? null : minutes.length % 2 === 1 ? minutes[mid]! : (minutes[mid - 1]! + minutes[mid]!) / 2;
  return { inquiries: decided.length, answeredWithinPromise: kept, share: decided.length === 0 ? null : kept / decided.length, medianAnswerWorkingMinutes: median };
}

/** One inquiry under the promise as the indicators see it: when it came, its deadline and answer, and whose it was. */
export type PromiseInquiryRecord = PromisedInquiry & { receivedOn: string; unitId: string | null; caseworkerId: string | null; jobseekerId: string };
