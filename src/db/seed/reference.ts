import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../connect';
import { municipalities, regions } from '../schema';
import { MUNICIPALITIES, REGIONS } from '../../core/reference/municipalities';

/** Reference data lives in code (src/core/reference) and is mirrored into tables for joins and keys. */
export async function upsertReferenceData(db: DbExecutor): Promise<void> {
  await db
    .insert(regions)
    .values(REGIONS.map((r) => ({ code: r.code, name: r.name })))
    .onConflictDoUpdate({ target: regions.code, set: { name: sql`excluded.name` } });
  await db
    .insert(municipalities)
    .values(MUNICIPALITIES.map((m) => ({ code: m.code, name: m.name, regionCode: m.regionCode, latitude: m.latitude, longitude: m.longitude })))
    .onConflictDoUpdate({
      target: municipalities.code,
      set: { name: sql`excluded.name`, regionCode: sql`excluded.region_code`, latitude: sql`excluded.latitude`, longitude: sql`excluded.longitude` },
    });
}
