import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZCadence } from '../../core/cadence/cadence-schema';
import { ZQuestionnaire } from '../../core/profiling/questionnaire';
import { ZRiskModel } from '../../core/profiling/risk-model';
import { loadCadenceTemplates } from '../cadence/load-templates';
import { ZIndicatorDefinition } from '../../core/indicators/indicator-schema';
import { ZBookingRules } from '../../core/booking/booking-rules';
import { ZJoblogRules } from '../../core/joblog/rules';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../../templates', import.meta.url));

export type TemplateKind = 'cadence' | 'questionnaire' | 'risk_model' | 'indicator' | 'booking_rules' | 'joblog_rules';

/** The zod schema every stored version of a template kind must pass. */
export const TEMPLATE_SCHEMAS = { cadence: ZCadence, questionnaire: ZQuestionnaire, risk_model: ZRiskModel, indicator: ZIndicatorDefinition, booking_rules: ZBookingRules, joblog_rules: ZJoblogRules } as const;

export type TemplateFile = { kind: TemplateKind; key: string; definition: Record<string, unknown>; validFrom: string };

function readJsonDir(dir: string, kind: 'questionnaire' | 'risk_model' | 'indicator' | 'booking_rules' | 'joblog_rules'): TemplateFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = TEMPLATE_SCHEMAS[kind].safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`Template ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const definition = parsed.data as unknown as Record<string, unknown> & { validFrom?: string };
      return { kind, key: path.basename(file, '.json'), definition, validFrom: definition.validFrom ?? '2020-01-01' };
    });
}

/** Every shipped template (templates/), validated: what a new organisation starts from. */
export function readShippedTemplates(root = TEMPLATES_DIR): TemplateFile[] {
  const cadences = loadCadenceTemplates(path.join(root, 'cadences')).map((c) => ({
    kind: 'cadence' as const,
    key: c.id,
    definition: c as unknown as Record<string, unknown>,
    validFrom: c.validFrom,
  }));
  return [...cadences, ...readJsonDir(path.join(root, 'questionnaires'), 'questionnaire'), ...readJsonDir(path.join(root, 'risk-models'), 'risk_model'), ...readIndicatorFiles(path.join(root, 'indicators')), ...readJsonDir(path.join(root, 'booking-rules'), 'booking_rules'),
    ...readJsonDir(path.join(root, 'joblog-rules'), 'joblog_rules'),
  ];
}

/** Indicator definitions (templates/indicators): the key is the indicator's code. */
function readIndicatorFiles(dir: string): TemplateFile[] {
  return readJsonDir(dir, 'indicator').map((file) => ({ ...file, key: String(file.definition.code) }));
}

/**
 * Which shipped cadences start switched on for a kind of organisation: an a-kasse runs the HK
 * model (group 3 is tracked until it is handed over), a jobcenter runs Jobviften and group 3.
 * Everything else is there to switch on in the app.
 */
export function activeByDefault(orgKind: 'akasse' | 'jobcenter', file: TemplateFile): boolean {
  if (file.kind !== 'cadence') return true;
  const byKind = { akasse: ['hk-1', 'hk-2', 'hk-3'], jobcenter: ['hk-3', 'jobviften-dagpenge', 'jobviften-kontanthjaelp'] };
  return byKind[orgKind].includes(file.key);
}
