/**
 * Three-way merging of plain JSON values, field by field: the building blocks of the record
 * merge (`merge-records.ts`). Pure; no I/O.
 */

/** Canonical JSON: key order and `undefined` members do not count. */
export function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}

export function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** One field both sides changed differently. */
export interface FieldClash {
  field: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

/**
 * The three-way rule for one value: equal sides agree; a side equal to the base takes the other
 * side's change; otherwise it is a clash, and `ours` is kept provisionally.
 */
export function mergeValue(base: unknown, ours: unknown, theirs: unknown): { value: unknown; clash: boolean } {
  if (same(ours, theirs)) return { value: ours, clash: false };
  if (same(base, ours)) return { value: theirs, clash: false };
  if (same(base, theirs)) return { value: ours, clash: false };
  return { value: ours, clash: true };
}

/**
 * A list merged as a set (actor ids, tags, aliases, propositions): what either side added is
 * added, what either side removed is removed; never a clash. Keeps ours' order, theirs' additions after.
 */
export function mergeSet<T>(base: readonly T[] | undefined, ours: readonly T[] | undefined, theirs: readonly T[] | undefined): T[] {
  const key = (v: T): string => canonical(v);
  const b = new Set((base ?? []).map(key));
  const t = new Set((theirs ?? []).map(key));
  const o = new Set((ours ?? []).map(key));
  const out: T[] = [];
  const seen = new Set<string>();
  for (const v of ours ?? []) {
    const k = key(v);
    if (b.has(k) && !t.has(k)) continue; // they removed it
    if (!seen.has(k)) {
      out.push(v);
      seen.add(k);
    }
  }
  for (const v of theirs ?? []) {
    const k = key(v);
    if (!b.has(k) && !o.has(k) && !seen.has(k)) {
      out.push(v);
      seen.add(k);
    }
  }
  return out;
}

/** A list merged as an append-only log (an audit history): the union, ours first. */
export function mergeLog<T>(ours: readonly T[] | undefined, theirs: readonly T[] | undefined): T[] {
  const seen = new Set((ours ?? []).map((v) => canonical(v)));
  return [...(ours ?? []), ...(theirs ?? []).filter((v) => !seen.has(canonical(v)))];
}

/** How one record kind merges its fields. */
export interface FieldRules {
  /** Lists merged as sets. */
  sets?: readonly string[];
  /** Lists merged as logs (union). */
  logs?: readonly string[];
  /** Fields that move together, compared and taken as one (name of the group → its fields). */
  groups?: Readonly<Record<string, readonly string[]>>;
  /** ISO times: the later wins, never a clash. */
  latest?: readonly string[];
  /** Fields whose side follows the later `updatedAt` (e.g. `updatedBy`), never a clash. */
  followLatest?: readonly string[];
  /** Fields where a clash is decided elsewhere (the caller handles it, e.g. an article's text). */
  custom?: readonly string[];
}

type Obj = Record<string, unknown>;

/**
 * Merges one record present on both sides (`base` undefined: added on both sides with the same id).
 * Returns the merged record and the fields that clashed (ours kept in each). Custom groups are
 * left as ours and reported in `custom` for the caller.
 */
export function mergeRecordFields<T extends Obj>(
  base: T | undefined,
  ours: T,
  theirs: T,
  rules: FieldRules,
): { value: T; clashes: FieldClash[]; custom: FieldClash[] } {
  const out: Obj = {};
  const clashes: FieldClash[] = [];
  const custom: FieldClash[] = [];
  const b: Obj = base ?? {};
  const grouped = new Map<string, string>();
  for (const [name, fields] of Object.entries(rules.groups ?? {})) for (const f of fields) grouped.set(f, name);
  const pick = (obj: Obj, fields: readonly string[]): Obj => Object.fromEntries(fields.map((f) => [f, obj[f]]));
  const theirsLater = String(theirs['updatedAt'] ?? '') > String(ours['updatedAt'] ?? '');
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(b)]);
  const doneGroups = new Set<string>();
  for (const key of keys) {
    const group = grouped.get(key);
    if (group) {
      if (doneGroups.has(group)) continue;
      doneGroups.add(group);
      const fields = rules.groups![group]!;
      const merged = mergeValue(base ? pick(b, fields) : undefined, pick(ours, fields), pick(theirs, fields));
      const clash = { field: group, base: base ? pick(b, fields) : undefined, ours: pick(ours, fields), theirs: pick(theirs, fields) };
      if (merged.clash && rules.custom?.includes(group)) custom.push(clash);
      else if (merged.clash) clashes.push(clash);
      Object.assign(out, merged.value as Obj);
      continue;
    }
    const [bv, ov, tv] = [b[key], ours[key], theirs[key]];
    if (rules.sets?.includes(key)) out[key] = mergeSet(bv as unknown[], ov as unknown[], tv as unknown[]);
    else if (rules.logs?.includes(key)) out[key] = mergeLog(ov as unknown[], tv as unknown[]);
    else if (rules.latest?.includes(key)) out[key] = String(tv ?? '') > String(ov ?? '') ? tv : ov;
    else if (rules.followLatest?.includes(key)) out[key] = theirsLater ? (tv ?? ov) : (ov ?? tv);
    else {
      const merged = mergeValue(bv, ov, tv);
      if (merged.clash) (rules.custom?.includes(key) ? custom : clashes).push({ field: key, base: bv, ours: ov, theirs: tv });
      out[key] = merged.value;
    }
  }
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return { value: out as T, clashes, custom };
}
