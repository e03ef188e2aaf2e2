import { z } from 'zod';
import { msg } from '../validation';

export const ZPlanBody = z
  .object({
    basedOnVersion: z.number().int().min(0),
    jobGoals: z.array(z.object({ title: z.string().trim().min(1, msg('required')).max(200), occupationCode: z.string().max(10).nullable().optional() }).strict()).max(10),
    activities: z
      .array(
        z
          .object({
            id: z.string().max(40).optional(),
            title: z.string().trim().min(1, msg('required')).max(300),
            dueDate: z.iso.date(msg('date')).nullable().optional(),
            status: z.enum(['open', 'done', 'dropped']).default('open'),
          })
          .strict(),
      )
      .max(50),
    searchRequirementPerWeek: z.number().min(0).max(20).nullable().optional(),
    searchStrategy: z.string().max(5000).nullable().optional(),
    changeNote: z.string().max(1000).nullable().optional(),
  })
  .strict()
  .meta({
    examples: [
      {
        basedOnVersion: 0,
        jobGoals: [{ title: 'Kontorassistent' }],
        activities: [{ title: 'Opdatere CV', dueDate: '2026-11-20', status: 'open' }],
        searchRequirementPerWeek: 2,
        searchStrategy: 'Søge opslåede stillinger og uopfordret i lokalområdet.',
      },
    ],
  });
export type TPlanBody = z.infer<typeof ZPlanBody>;
