import { customType } from 'drizzle-orm/pg-core';

/** bytea as a Buffer on both drivers (node-postgres gives a Buffer, PGlite a Uint8Array): files kept in the database. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
