// Test fixture: every template in templates/cadences/, parsed by the schema. Bundled by the
// test runner (import.meta.glob), so core tests need no file I/O and a new template is
// covered by the property tests as soon as it is added.
import { ZCadence, type TCadence } from './cadence-schema.js';

const modules = import.meta.glob<unknown>('../../../templates/cadences/*.json', { eager: true, import: 'default' });

export const seededCadences: TCadence[] = Object.entries(modules)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([, json]) => ZCadence.parse(json));

export function seededCadence(id: string): TCadence {
  const cadence = seededCadences.find((c) => c.id === id);
  if (!cadence) throw new Error(`No seeded cadence '${id}'`);
  return cadence;
}
