import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkTemplatePlaceholders, ZNotificationTemplate, type NotificationTemplate } from '../../core/notifications/templates';
import { TEMPLATES_DIR } from '../templates/template-files';

let cache: Map<string, NotificationTemplate> | undefined;

/** The shipped notification templates (templates/notifications/*.json), validated once per process. */
export function loadNotificationTemplates(dir = path.join(TEMPLATES_DIR, 'notifications')): Map<string, NotificationTemplate> {
  if (cache && dir === path.join(TEMPLATES_DIR, 'notifications')) return cache;
  const map = new Map<string, NotificationTemplate>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const template = ZNotificationTemplate.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    const problems = checkTemplatePlaceholders(template);
    if (problems.length > 0) throw new Error(`templates/notifications/${file}: ${problems.join('; ')}`);
    if (`${template.key}.json` !== file) throw new Error(`templates/notifications/${file}: key must match the file name`);
    map.set(template.key, template);
  }
  if (dir === path.join(TEMPLATES_DIR, 'notifications')) cache = map;
  return map;
}
