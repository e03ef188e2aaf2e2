import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ZAnswerPromise, type AnswerPromise } from '../../core/messages/answer-promise';
import { TEMPLATES_DIR } from '../templates/template-files';

let cached: AnswerPromise | undefined;

/** The answer promise (templates/messages/answer-promise.json): hours, the working day, which inquiries carry it. */
export function loadAnswerPromise(): AnswerPromise {
  cached ??= ZAnswerPromise.parse(JSON.parse(readFileSync(path.join(TEMPLATES_DIR, 'messages', 'answer-promise.json'), 'utf8')));
  return cached;
}
