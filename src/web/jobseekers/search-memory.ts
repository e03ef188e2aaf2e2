/**
 * The last free-text search lives in memory only: names and CPR numbers must not end up in
 * the URL, browser history or storage, yet going back to the list should keep the search.
 */
let lastQuery = '';

export function rememberedQuery(): string {
  return lastQuery;
}

export function rememberQuery(query: string): void {
  lastQuery = query;
}
