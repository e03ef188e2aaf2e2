import { z } from 'zod';

export type NotificationChannel = 'email' | 'sms';
export type NotificationLanguage = 'da' | 'en';

const ZText = z.object({ da: z.string().min(1), en: z.string().min(1) }).strict();

/** A notification template (templates/notifications/<key>.json): its text per channel, in Danish and English. */
export const ZNotificationTemplate = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]*$/),
    email: z.object({ subject: ZText, body: ZText }).strict().optional(),
    sms: z.object({ body: ZText }).strict().optional(),
  })
  .strict()
  .refine((t) => t.email || t.sms, { message: 'A template needs an e-mail or an SMS text' });
export type NotificationTemplate = z.infer<typeof ZNotificationTemplate>;

export type RenderedNotification = { subject: string | null; body: string };

/** Placeholders a text uses: `{name}`. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g)].map((m) => m[1]!);
}

function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`Notification variable {${name}} is missing`);
    return String(value);
  });
}

/**
 * The text of a notification in the recipient's language. A missing variable is a programming
 * error and throws (a message with a hole in it must never be sent); a channel the template has
 * no text for throws too.
 */
export function renderNotification(template: NotificationTemplate, channel: NotificationChannel, lang: NotificationLanguage, vars: Record<string, string | number>): RenderedNotification {
  if (channel === 'email') {
    if (!template.email) throw new Error(`Template ${template.key} has no e-mail text`);
    return { subject: fill(template.email.subject[lang], vars), body: fill(template.email.body[lang], vars) };
  }
  if (!template.sms) throw new Error(`Template ${template.key} has no SMS text`);
  return { subject: null, body: fill(template.sms.body[lang], vars) };
}

/** Every placeholder is used in both languages, so a translation cannot silently drop a fact. */
export function checkTemplatePlaceholders(template: NotificationTemplate): string[] {
  const problems: string[] = [];
  const texts = [template.email?.subject, template.email?.body, template.sms?.body].filter((t): t is { da: string; en: string } => t !== undefined);
  for (const text of texts) {
    const da = new Set(placeholdersOf(text.da));
    const en = new Set(placeholdersOf(text.en));
    for (const name of da) if (!en.has(name)) problems.push(`{${name}} is in the Danish text but not the English one`);
    for (const name of en) if (!da.has(name)) problems.push(`{${name}} is in the English text but not the Danish one`);
  }
  return problems;
}
