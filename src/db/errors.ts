/** PostgreSQL's SQLSTATE for a unique violation, as both drivers report it. */
export function isUniqueViolation(error: unknown): boolean {
  return pgCode(error) === '23505';
}

export function isForeignKeyViolation(error: unknown): boolean {
  return pgCode(error) === '23503';
}

function pgCode(error: unknown): string | undefined {
  let current: unknown = error;
  // drizzle wraps driver errors; the SQLSTATE sits on the cause.
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
