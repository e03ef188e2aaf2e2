// Turns raw spells (one row each) into per-group tables of distinct exit times with counts per
// exit status. Every estimator in this folder works from these tables, so the data is sorted
// exactly once and the estimators themselves are single linear passes.

/** A row-level input problem; `row` is the 0-based index into the input arrays. */
export class SurvivalInputError extends Error {
  readonly field: string;
  readonly row: number | null;
  constructor(field: string, row: number | null, message: string) {
    super(message);
    this.name = 'SurvivalInputError';
    this.field = field;
    this.row = row;
  }
}

export type GroupKey = string | number;

/** Distinct exit times of one group, with counts per status (0 = censored, s = status s). */
export interface ExitTable {
  n: number;
  time: Float64Array;
  /** exits[s][k] = number of spells ending at time[k] with status s. */
  exits: Float64Array[];
}

export interface SpellTables {
  groups: string[];
  tables: ExitTable[];
}

export interface EncodedGroups {
  index: Int32Array;
  keys: string[];
}

/**
 * Maps group keys to dense indices in ascending key order (numbers numerically when every key
 * is a number, otherwise strings by code unit), so output order never depends on row order.
 */
export function encodeGroups(group: ArrayLike<GroupKey> | undefined, n: number): EncodedGroups {
  const index = new Int32Array(n);
  if (group === undefined) return { index, keys: ['all'] };
  if (group.length !== n) throw new SurvivalInputError('group', null, `group has ${group.length} values but time has ${n}`);
  const firstSeen = new Map<GroupKey, number>();
  const seenKeys: GroupKey[] = [];
  let allNumbers = true;
  let lastKey: GroupKey | undefined;
  let lastIndex = -1;
  for (let i = 0; i < n; i++) {
    const key = group[i]!;
    if (key === lastKey) {
      index[i] = lastIndex;
      continue;
    }
    let k = firstSeen.get(key);
    if (k === undefined) {
      if (typeof key === 'number') {
        if (!Number.isFinite(key)) throw new SurvivalInputError('group', i, `group in row ${i} is not a finite number`);
      } else if (typeof key !== 'string') {
        throw new SurvivalInputError('group', i, `group in row ${i} is missing`);
      } else {
        allNumbers = false;
      }
      k = seenKeys.length;
      firstSeen.set(key, k);
      seenKeys.push(key);
    }
    index[i] = k;
    lastKey = key;
    lastIndex = k;
  }
  const order = seenKeys.map((_, i) => i);
  if (allNumbers) order.sort((a, b) => (seenKeys[a] as number) - (seenKeys[b] as number));
  else {
    const labels = seenKeys.map(String);
    order.sort((a, b) => (labels[a]! < labels[b]! ? -1 : labels[a]! > labels[b]! ? 1 : 0));
  }
  const rank = new Int32Array(seenKeys.length);
  order.forEach((original, position) => (rank[original] = position));
  const labels = order.map((i) => String(seenKeys[i]));
  if (new Set(labels).size !== labels.length) {
    throw new SurvivalInputError('group', null, 'two group keys have the same text (e.g. 1 and "1")');
  }
  for (let i = 0; i < n; i++) index[i] = rank[index[i]!]!;
  return { index, keys: labels };
}

export interface TabulateOptions {
  /** 'count' buckets whole-day times directly, 'sort' sorts; 'auto' picks counting when it fits. */
  method?: 'auto' | 'count' | 'sort';
}

/**
 * Validates times (finite, ≥ 0) and tabulates exits. `status[i]` must already be an integer in
 * 0..statusCount−1 and `groupIndex[i]` in 0..groupCount−1.
 */
export function tabulateSpells(
  time: ArrayLike<number>,
  status: Uint8Array,
  statusCount: number,
  groupIndex: Int32Array,
  groupKeys: string[],
  options: TabulateOptions = {},
): SpellTables {
  const n = time.length;
  const groupCount = groupKeys.length;
  let wholeDays = true;
  let maxTime = 0;
  for (let i = 0; i < n; i++) {
    const t = time[i]!;
    if (typeof t !== 'number' || !(t >= 0) || t === Number.POSITIVE_INFINITY) {
      throw new SurvivalInputError('time', i, `time in row ${i} must be a finite number ≥ 0, got ${String(t)}`);
    }
    if (t > maxTime) maxTime = t;
    if (wholeDays && t !== Math.floor(t)) wholeDays = false;
  }
  const method = options.method ?? 'auto';
  const cells = groupCount * (maxTime + 1) * statusCount;
  const canCount = wholeDays && cells <= 2 ** 30;
  const useCount = method === 'count' ? canCount : method === 'auto' && canCount && cells <= Math.max(1 << 21, 4 * n);
  if (method === 'count' && !canCount) throw new Error('counting tabulation needs whole-day times in a bounded range');
  const tables = useCount
    ? tabulateByCounting(time, status, statusCount, groupIndex, groupCount, maxTime)
    : tabulateBySorting(time, status, statusCount, groupIndex, groupCount);
  return { groups: groupKeys, tables };
}

function tabulateByCounting(
  time: ArrayLike<number>,
  status: Uint8Array,
  statusCount: number,
  groupIndex: Int32Array,
  groupCount: number,
  maxTime: number,
): ExitTable[] {
  const span = maxTime + 1;
  const counts = new Int32Array(groupCount * span * statusCount);
  const sizes = new Int32Array(groupCount);
  const n = time.length;
  for (let i = 0; i < n; i++) {
    const g = groupIndex[i]!;
    counts[(g * span + time[i]!) * statusCount + status[i]!]!++;
    sizes[g]!++;
  }
  const tables: ExitTable[] = [];
  for (let g = 0; g < groupCount; g++) {
    const base = g * span * statusCount;
    let distinct = 0;
    for (let t = 0; t < span; t++) {
      const cell = base + t * statusCount;
      for (let s = 0; s < statusCount; s++) {
        if (counts[cell + s] !== 0) {
          distinct++;
          break;
        }
      }
    }
    const times = new Float64Array(distinct);
    const exits: Float64Array[] = [];
    for (let s = 0; s < statusCount; s++) exits.push(new Float64Array(distinct));
    let k = 0;
    for (let t = 0; t < span && k < distinct; t++) {
      const cell = base + t * statusCount;
      let any = false;
      for (let s = 0; s < statusCount; s++) {
        const c = counts[cell + s]!;
        if (c !== 0) {
          any = true;
          exits[s]![k] = c;
        }
      }
      if (any) times[k++] = t;
    }
    tables.push({ n: sizes[g]!, time: times, exits });
  }
  return tables;
}

function tabulateBySorting(
  time: ArrayLike<number>,
  status: Uint8Array,
  statusCount: number,
  groupIndex: Int32Array,
  groupCount: number,
): ExitTable[] {
  const n = time.length;
  const buckets = groupCount * statusCount;
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) start[groupIndex[i]! * statusCount + status[i]! + 1]!++;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const sorted = sortTimesWithinBuckets(time, status, statusCount, groupIndex, start);
  const tables: ExitTable[] = [];
  const head = new Int32Array(statusCount);
  const end = new Int32Array(statusCount);
  for (let g = 0; g < groupCount; g++) {
    const size = start[(g + 1) * statusCount]! - start[g * statusCount]!;
    const times = new Float64Array(size);
    const exits: Float64Array[] = [];
    for (let s = 0; s < statusCount; s++) {
      exits.push(new Float64Array(size));
      head[s] = start[g * statusCount + s]!;
      end[s] = start[g * statusCount + s + 1]!;
    }
    let k = 0;
    for (;;) {
      let next = Number.POSITIVE_INFINITY;
      for (let s = 0; s < statusCount; s++) if (head[s]! < end[s]! && sorted[head[s]!]! < next) next = sorted[head[s]!]!;
      if (next === Number.POSITIVE_INFINITY) break;
      for (let s = 0; s < statusCount; s++) {
        let h = head[s]!;
        const e = end[s]!;
        const from = h;
        while (h < e && sorted[h] === next) h++;
        head[s] = h;
        exits[s]![k] = h - from;
      }
      times[k++] = next;
    }
    tables.push({ n: size, time: times.slice(0, k), exits: exits.map((column) => column.slice(0, k)) });
  }
  return tables;
}

/**
 * Sorts all times once with an LSD radix sort on their IEEE-754 bits (for non-negative doubles
 * the bit pattern orders like the number), then places them stably into their (group, status)
 * buckets, so each bucket comes out sorted. Several times faster than sorting each bucket with
 * TypedArray.prototype.sort on a million spells.
 */
function sortTimesWithinBuckets(time: ArrayLike<number>, status: Uint8Array, statusCount: number, groupIndex: Int32Array, start: Int32Array): Float64Array {
  const n = time.length;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = time[i]! + 0; // + 0 turns −0 into 0
  const words = new Uint32Array(values.buffer);
  let keyLo = new Uint32Array(n);
  let keyHi = new Uint32Array(n);
  let bucket = new Int32Array(n);
  const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
  const loWord = littleEndian ? 0 : 1;
  for (let i = 0; i < n; i++) {
    keyLo[i] = words[2 * i + loWord]!;
    keyHi[i] = words[2 * i + 1 - loWord]!;
    bucket[i] = groupIndex[i]! * statusCount + status[i]!;
  }
  let outLo = new Uint32Array(n);
  let outHi = new Uint32Array(n);
  let outBucket = new Int32Array(n);
  const counts = new Int32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const useHi = pass >= 2;
    const shift = pass % 2 === 0 ? 0 : 16;
    const keys = useHi ? keyHi : keyLo;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i]! >>> shift) & 0xffff]!++;
    // A digit that is the same for every time (common: whole or half days) needs no pass.
    if (n === 0 || counts[(keys[0]! >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const to = counts[(keys[i]! >>> shift) & 0xffff]!++;
      outLo[to] = keyLo[i]!;
      outHi[to] = keyHi[i]!;
      outBucket[to] = bucket[i]!;
    }
    [keyLo, outLo] = [outLo, keyLo];
    [keyHi, outHi] = [outHi, keyHi];
    [bucket, outBucket] = [outBucket, bucket];
  }
  const fill = start.slice(0, start.length - 1);
  const sortedWords = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const to = fill[bucket[i]!]!++;
    sortedWords[2 * to + loWord] = keyLo[i]!;
    sortedWords[2 * to + 1 - loWord] = keyHi[i]!;
  }
  return new Float64Array(sortedWords.buffer);
}

/** Reads a 0/1 event column into status codes, rejecting anything else. */
export function encodeEvents(event: ArrayLike<number | boolean>, n: number): Uint8Array {
  if (event.length !== n) throw new SurvivalInputError('event', null, `event has ${event.length} values but time has ${n}`);
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const e = event[i];
    if (e === 1 || e === true) status[i] = 1;
    else if (e !== 0 && e !== false) throw new SurvivalInputError('event', i, `event in row ${i} must be 0 or 1, got ${String(e)}`);
  }
  return status;
}
