import path from 'node:path';
import { like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/db/connect';
import { outbox } from '../../src/db/schema';
import { toCopenhagenIsoDate } from '../../src/core/calendar/iso-date';
import { expectAccessible } from './support/browser';
import { useE2E } from './support/suite';
import { fitsWidth, heading } from './support/session';

const e2e = useE2E();
const { axe, newPage } = e2e;

/** The few fields of the API answers this spec reads. */
type ApiBody = { id: string; conversations: { id: string; type: string; version: number }[] };

describe('satisfaction survey after a conversation', () => {
  it('texts a short link when a talk is held; the jobseeker answers on a phone without logging in, once', async () => {
    // Hold a conversation through the API.
    const cw = await e2e.api('vejleder@akasse.demo');
    const today = toCopenhagenIsoDate(new Date());
    const created = await cw<ApiBody>('POST', '/api/v1/jobseekers', { cpr: '120483-3017', firstName: 'Sara', lastName: 'Spørgsen', phone: '+4529876543', preferredLanguage: 'da' });
    expect(created.status).toBe(201);
    const jobseekerId = created.json.id;
    const spell = await cw<ApiBody>('POST', `/api/v1/jobseekers/${jobseekerId}/spells`, { kind: 'unemployment', startDate: today, targetGroup: 'unemployment_insurance' });
    expect(spell.status).toBe(201);
    const segment = await cw<ApiBody>('POST', `/api/v1/spells/${spell.json.id}/segment`, { segment: 'hk-1', reason: 'Erfaren og søger bredt.' });
    expect(segment.status).toBe(200);
    const cv = segment.json.conversations.find((c) => c.type === 'cv_contact')!;
    const held = await cw<ApiBody>('POST', `/api/v1/conversations/${cv.id}/hold`, { version: cv.version, notes: 'CV gennemgået.' });
    expect(held.status).toBe(200);

    // Read the SMS from the outbox table: stop the server (the embedded database has one owner), read, start again.
    await e2e.stopServer();
    const connection = await connectDatabase({ kind: 'pglite', dataDir: path.join(e2e.dataDir, 'pg') });
    const messages = await connection.db.select().from(outbox).where(like(outbox.template, 'survey:%'));
    await connection.close();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: 'sms', recipient: '+4529876543' });
    expect(messages[0]!.body).toContain('Hvor tilfreds var du med samtalen?');
    const code = /\/s\/([1-9A-HJ-NP-Za-km-z]{8})(?![A-Za-z0-9])/.exec(messages[0]!.body)?.[1];
    expect(code).toBeDefined();
    await e2e.startServer();

    // Open the short link on a 375 px phone: no login, no staff menu, the questions in Danish.
    const { context, page } = await newPage(375, 740);
    await page.goto(`${e2e.server.baseUrl}/s/${code}`);
    await heading(page, 'Din samtale');
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Log ud' }).count()).toBe(0);
    expect(await page.getByText('Spørgsen').count()).toBe(0);
    const likert = page.getByRole('group', { name: /Hvor tilfreds var du med samtalen\?/ });
    await likert.waitFor();
    expect(await likert.getByRole('radio').count()).toBe(5);
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'survey (phone)', axe);

    // Sending without a score shows the message beside the question and keeps the comment.
    await page.getByLabel('Hvad kan vi gøre bedre? (frivilligt)').fill('Mere tid til spørgsmål.');
    await page.getByRole('button', { name: 'Send svar' }).click();
    await page.locator('#q-satisfaction-error').filter({ hasText: 'Vælg et svar.' }).waitFor();
    expect(await page.getByLabel('Hvad kan vi gøre bedre? (frivilligt)').inputValue()).toBe('Mere tid til spørgsmål.');
    await expectAccessible(page, 'survey with errors (phone)', axe);

    // Answer with the keyboard-reachable radio and send.
    await page.getByRole('radio', { name: '4 – Tilfreds' }).check();
    await page.getByRole('button', { name: 'Send svar' }).click();
    await heading(page, 'Tak for dit svar');
    await page.getByText('Tak for dit svar. Vi bruger svarene til at blive bedre.').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'survey thanks (phone)', axe);

    // The link works once.
    await page.reload();
    await heading(page, 'Du har allerede svaret');
    await page.getByText('Du har allerede svaret på spørgeskemaet. Tak for dit svar.').waitFor();
    await expectAccessible(page, 'survey already answered (phone)', axe);

    // An unknown link says so plainly.
    await page.goto(`${e2e.server.baseUrl}/s/Zz9Zz9Zz`);
    await heading(page, 'Linket virker ikke');
    await expectAccessible(page, 'survey unknown link (phone)', axe);
    await context.close();
  });

  it('shows the manager the share satisfied and the response rate, holding back groups below 5 answers', async () => {
    const { context, page } = await newPage(1280, 900);
    await page.goto(`${e2e.server.baseUrl}/login`);
    await heading(page, 'Log ind');
    await page.getByLabel('E-mail').fill('leder@akasse.demo');
    await page.getByLabel('Adgangskode').fill('demo');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Tilfredshed' }).click();
    await heading(page, 'Tilfredshed');
    // The demo's surveys give a share satisfied and a response rate; small groups are held back.
    await page.getByRole('status').filter({ hasText: /tilfredse\. Svarprocent/ }).waitFor();
    await page.getByRole('table', { name: 'Efter medarbejder' }).waitFor();
    await page.getByText('Grupper med færre end 5 svar vises ikke').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Kommentarer' }).waitFor();
    await expectAccessible(page, 'satisfaction results', axe);
    await context.close();
  });
});
