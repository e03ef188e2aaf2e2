import { describe, expect, it } from 'vitest';
import { parseRecipient } from './auth-service';
import { maskLoginCode } from '../notifications/outbox-service';

describe('the address a login code goes to', () => {
  it.each([
    ['Navn@Eksempel.DK ', { channel: 'email', address: 'navn@eksempel.dk' }],
    ['22 34 56 78', { channel: 'sms', address: '+4522345678' }],
    ['+45 2345-6789', { channel: 'sms', address: '+4523456789' }],
    ['0046701234567', { channel: 'sms', address: '+46701234567' }],
  ])('reads %j as one normal form', (input, expected) => {
    expect(parseRecipient(input)).toEqual(expected);
  });

  it.each(['', 'navn@', 'ikke en adresse', '1234', '+45 0123 4567'])('refuses %j', (input) => {
    expect(parseRecipient(input)).toBeNull();
  });
});

describe('login codes in the staff outbox', () => {
  it('hides the code but keeps the rest of the message', () => {
    expect(maskLoginCode('Din kode til Jobspor er 123456. Den virker i 10 minutter.')).toBe('Din kode til Jobspor er ••••••. Den virker i 10 minutter.');
  });
});
