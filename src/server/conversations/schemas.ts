import { z } from 'zod';
import { msg } from '../validation';

const ZMode = z.enum(['in_person', 'phone', 'video']);
const version = () => z.number({ message: msg('required') }).int().positive();
const reason = () => z.string().trim().min(1, msg('required')).max(2000);

export const ZBookConversation = z
  .object({
    version: version(),
    scheduledAt: z.iso.datetime({ offset: true, message: msg('datetime') }),
    durationMinutes: z.number().int().min(5).max(480).default(45),
    mode: ZMode,
    place: z.string().trim().max(300).nullable().optional(),
    caseworkerId: z.uuid(msg('uuid')).nullable().optional(),
    outsideWindowReason: z.string().trim().max(2000).optional(),
  })
  .strict()
  .meta({ examples: [{ version: 1, scheduledAt: '2026-11-10T09:00:00+01:00', durationMinutes: 45, mode: 'in_person', place: 'Afdeling Nord, mødelokale 2' }] });
export type TBookConversation = z.infer<typeof ZBookConversation>;

export const ZMoveConversation = ZBookConversation.omit({ outsideWindowReason: true })
  .extend({ reason: reason(), outsideWindowReason: z.string().trim().max(2000).optional() })
  .strict()
  .meta({ examples: [{ version: 2, scheduledAt: '2026-11-11T10:00:00+01:00', durationMinutes: 45, mode: 'phone', reason: 'Medlemmet er til jobsamtale.' }] });
export type TMoveConversation = z.infer<typeof ZMoveConversation>;

export const ZReasonBody = z.object({ version: version(), reason: reason() }).strict().meta({ examples: [{ version: 2, reason: 'Sygdom' }] });

export const ZHoldConversation = z
  .object({
    version: version(),
    heldOn: z.iso.date(msg('date')).optional(),
    notes: z.string().max(20_000).optional(),
    guideAnswers: z.record(z.string().max(60), z.string().max(5000)).optional(),
    agreements: z.array(z.string().trim().min(1).max(500)).max(30).optional(),
    jobsPresented: z.array(z.object({ title: z.string().trim().min(1).max(200), employer: z.string().trim().max(200).optional(), jobOrderId: z.uuid().optional() }).strict()).max(30).optional(),
  })
  .strict()
  .meta({ examples: [{ version: 2, notes: 'CV gennemgået.', agreements: ['Opdatere CV inden fredag'], jobsPresented: [{ title: 'Kontorassistent', employer: 'Eksempel A/S' }] }] });
export type THoldConversation = z.infer<typeof ZHoldConversation>;

export const ZNoShow = z.object({ version: version(), note: z.string().trim().max(2000).optional() }).strict().meta({ examples: [{ version: 2, note: 'Ingen afbud.' }] });

export const ZAdHocConversation = z
  .object({
    type: z.enum(['extra_contact', 'contact', 'sparring', 'availability', 'closing']),
    label: z.string().trim().min(1).max(200).optional(),
    earliest: z.iso.date(msg('date')).optional(),
    latest: z.iso.date(msg('date')).optional(),
  })
  .strict()
  .meta({ examples: [{ type: 'extra_contact', label: 'Ekstra samtale efter ønske' }] });
