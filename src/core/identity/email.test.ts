import { describe, expect, it } from 'vitest';
import { ZEmail, normaliseEmail } from './email';

describe('e-mail addresses', () => {
  it.each([
    ['anna@example.dk', 'anna@example.dk'],
    ['  Anna.Hansen@Example.DK ', 'Anna.Hansen@example.dk'],
    ['soren+job@sub.example.com', 'soren+job@sub.example.com'],
  ])('reads %j as %s', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });

  it('follows zod\'s rule, which refuses æ, ø and å in an address', () => {
    expect(normaliseEmail('søren@example.dk')).toBeNull();
  });

  it.each([[''], ['anna'], ['anna@'], ['@example.dk'], ['anna@example'], ['anna hansen@example.dk'], [`${'a'.repeat(250)}@example.dk`]])(
    'rejects %j',
    (input) => {
      expect(ZEmail.safeParse(input).success).toBe(false);
      expect(normaliseEmail(input)).toBeNull();
    },
  );
});
