import { z } from 'zod';
import { addDays, type IsoDate } from '../calendar/iso-date';

const ZText = z.object({ da: z.string().min(1), en: z.string().min(1) }).strict();

/** An e-mail journey: messages on days counted from an event (e.g. the notice date). */
export const ZJourneyDefinition = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    name: ZText,
    anchor: z.enum(['notice_date', 'unemployment_start']),
    /** The spell end reasons that stop the journey (the person got a job). */
    stopOnEndReasons: z.array(z.string()).min(1),
    steps: z
      .array(z.object({ day: z.number().int().min(0).max(365), subject: ZText, body: ZText }).strict())
      .min(1)
      .max(20)
      .refine((steps) => steps.every((s, i) => i === 0 || s.day > steps[i - 1]!.day), 'steps must be in increasing day order'),
  })
  .strict();
export type JourneyDefinition = z.infer<typeof ZJourneyDefinition>;

/**
 * The steps to send today. A step is due from its day (anchor + day) onwards and is sent once;
 * steps whose day had already passed when the person joined the journey are skipped, so a late
 * start does not send a burst of old mails. Nothing is due once the journey has stopped.
 */
export function dueJourneySteps(input: { steps: readonly { day: number }[]; anchorDate: IsoDate; startedOn: IsoDate; today: IsoDate; sentSteps: readonly number[]; stopped: boolean }): number[] {
  if (input.stopped) return [];
  const due: number[] = [];
  input.steps.forEach((step, index) => {
    const on = addDays(input.anchorDate, step.day);
    if (on < input.startedOn) return;
    if (on > input.today) return;
    if (input.sentSteps.includes(index)) return;
    due.push(index);
  });
  return due;
}

/** Fills {firstName} and {organisation} in a message text. */
export function fillJourneyText(text: string, values: { firstName: string; organisation: string }): string {
  return text.replaceAll('{firstName}', values.firstName).replaceAll('{organisation}', values.organisation);
}
