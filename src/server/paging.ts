import { z } from 'zod';

/** `?page=&pageSize=` of a list route: pages count from 1; each list keeps its own default and largest page size. */
export function pagingFields(defaultSize: number, maxSize: number) {
  return {
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(maxSize).default(defaultSize),
  };
}

/** Paging alone, for lists with no other filter. */
export const ZPaging = z.object(pagingFields(25, 100));

/** One page of a list, as every list route answers. */
export function zPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
