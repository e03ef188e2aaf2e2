import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import da from './da.json';
import en from './en.json';

const WEB_DIR = fileURLToPath(new URL('..', import.meta.url));

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const daKeys = new Set(flatten(da as Messages));
const enKeys = new Set(flatten(en as Messages));
const files = sourceFiles(WEB_DIR);

/** Two letters in a row: a word someone could read. */
const WORD = /[A-Za-zÆØÅæøåÉé]{2,}/;
/** Props whose string value ends up on screen or in a screen reader. */
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'emptyLabel', 'hint', 'submitLabel', 'aria-description']);

/** A plural key exists as key_one/key_other in the JSON; i18next picks the form. */
function hasKey(keys: Set<string>, key: string): boolean {
  return keys.has(key) || keys.has(`${key}_one`) || keys.has(`${key}_other`);
}

describe('translations', () => {
  it('has every Danish text also in English', () => {
    expect([...daKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('has no English text that is missing in Danish', () => {
    expect([...enKeys].filter((k) => !daKeys.has(k))).toEqual([]);
  });

  it('has no empty texts', () => {
    const empty = (messages: Messages) => flatten(messages).filter((key) => key.split('.').reduce<unknown>((node, part) => (node as Messages)[part], messages) === '');
    expect([...empty(da as Messages), ...empty(en as Messages)]).toEqual([]);
  });

  it('finds every text key the components ask for', () => {
    const missing: string[] = [];
    for (const file of files) {
      const source = withoutComments(readFileSync(file, 'utf8'));
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        if (!hasKey(daKeys, match[1]!)) missing.push(`${path.relative(WEB_DIR, file)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no words written straight into a component instead of going through the translations', () => {
    const found: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.tsx'))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const where = (node: ts.Node) => `${path.relative(WEB_DIR, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const visit = (node: ts.Node): void => {
        if (ts.isJsxText(node) && WORD.test(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
        if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && WORD.test(node.initializer.text)) {
          found.push(`${where(node)} ${node.name.getText()}="${node.initializer.text}"`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });
});
