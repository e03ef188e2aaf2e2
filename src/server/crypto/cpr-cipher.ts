import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * CPR numbers are stored encrypted (AES-256-GCM) and found through a keyed hash (HMAC-SHA256),
 * so the database alone reveals neither. Both keys are derived from one master key with HKDF,
 * so an operator manages a single secret.
 */
export type CprCipher = {
  encrypt(cpr: string): string;
  decrypt(ciphertext: string): string;
  hash(cpr: string): string;
};

export function createCprCipher(masterKeyBase64: string): CprCipher {
  const master = Buffer.from(masterKeyBase64, 'base64');
  if (master.length < 32) throw new Error('JOBSPOR_CPR_KEY must be at least 32 bytes, base64-encoded.');
  const encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'jobspor cpr encryption', 32));
  const macKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'jobspor cpr lookup', 32));
  return {
    encrypt(cpr) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(cpr, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    decrypt(ciphertext) {
      const [version, iv, tag, body] = ciphertext.split('.');
      if (version !== 'v1' || !iv || !tag || !body) throw new Error('Unknown CPR ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    hash(cpr) {
      return createHmac('sha256', macKey).update(cpr).digest('base64url');
    },
  };
}

export function generateMasterKey(): string {
  return randomBytes(32).toString('base64');
}
