import {
  CELL_PROPOSITIONS_SHOWN,
  CELL_SHIFTS_SHOWN,
  type PositionCell,
  type PositionsMap,
  type PropositionClash,
} from '../../../shared/api/contract-positions';
import type { ArticleSummary, Codebook } from '../../../shared/model';
import type { DigestView, InternTable } from '../claims/claim-digests';
import type { ActorScope } from '../registry/actor-scope';
import { PropositionPositions, propositionKey, shiftOf, type DatedStance } from './position-rules';

interface KeyTable {
  /** Proposition table index → key index: propositions with the same words share a key. */
  keys: Int32Array;
  keyOf: Map<string, number>;
  size: number;
}

const keyTables = new WeakMap<InternTable, KeyTable>();

/**
 * The proposition keys (position-rules' `propositionKey`) of a digest's proposition table,
 * worked out once per entry: the table only grows while the core runs, so new entries are added.
 */
export function propositionKeys(table: InternTable): KeyTable {
  let known = keyTables.get(table);
  if (!known) keyTables.set(table, (known = { keys: new Int32Array(0), keyOf: new Map(), size: 0 }));
  if (known.size < table.values.length) {
    const keys = new Int32Array(table.values.length);
    keys.set(known.keys.subarray(0, known.size));
    for (let i = known.size; i < table.values.length; i++) {
      const key = propositionKey(table.values[i]!);
      let k = known.keyOf.get(key);
      if (k === undefined) known.keyOf.set(key, (k = known.keyOf.size));
      keys[i] = k;
    }
    known.keys = keys;
    known.size = table.values.length;
  }
  return known;
}

/**
 * The actors a map draws: the digest's own when no scope is set, else each digest actor as the
 * scope draws it (a parent the digest never saw gets its own index), -1 for one left out.
 */
export function drawnActors(tableIds: readonly string[], scope: ActorScope): { drawnIds: string[]; drawnIndex: Int32Array } {
  if (!scope) return { drawnIds: tableIds as string[], drawnIndex: Int32Array.from(tableIds, (_, i) => i) };
  const drawnIds: string[] = [];
  const indexOf = new Map<string, number>();
  const drawnIndex = Int32Array.from(tableIds, (id) => {
    const drawn = scope(id);
    if (drawn === null) return -1;
    let index = indexOf.get(drawn);
    if (index === undefined) indexOf.set(drawn, (index = drawnIds.push(drawn) - 1));
    return index;
  });
  return { drawnIds, drawnIndex };
}

/**
 * The drawn actors of one claim (digest actors from `a0` to `a1`) into `out`, each once (a
 * minister and the state rolled up from him on one claim are one statement of the state); how many.
 */
export function drawnOfClaim(actors: Int32Array | number[], a0: number, a1: number, drawnIndex: Int32Array, out: Int32Array): number {
  let n = 0;
  for (let k = a0; k < a1; k++) {
    const drawn = drawnIndex[actors[k]!]!;
    if (drawn < 0) continue;
    let seen = false;
    for (let j = 0; j < n; j++) if (out[j] === drawn) seen = true;
    if (!seen) out[n++] = drawn;
  }
  return n;
}

export type Period = PositionsMap['period'];

/** Days from the first to the last date (YYYY-MM-DD). */
function daysBetween(first: string, last: string): number {
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return (day(last) - day(first)) / 86_400_000;
}

/**
 * How timelines are grouped, so a timeline has at most about a hundred points whatever the span:
 * by day up to three months, by month up to eight years, else by year.
 */
export function periodFor(first: string | null, last: string | null): Period {
  if (!first || !last) return 'day';
  const days = daysBetween(first, last);
  return days <= 92 ? 'day' : days <= 366 * 8 ? 'month' : 'year';
}

const periodOf = (period: Period, date: string): string => (period === 'day' ? date : period === 'month' ? date.slice(0, 7) : date.slice(0, 4));

interface PropositionTally {
  text: string;
  claimCount: number;
  latest: number;
  firstDated: DatedStance | null;
  lastDated: DatedStance | null;
}

interface CellTally {
  issue: number;
  actor: number;
  claimCount: number;
  /** Claims per stance table index. */
  counts: Float64Array;
  latest: number;
  firstDated: DatedStance | null;
  lastDate: string | null;
  /** By proposition key (-1: claims without a proposition), in the order first stated. */
  propositions: Map<number, PropositionTally>;
  timeline: Map<string, { counts: Float64Array; latest: number }>;
  /** The period last added to, and its tally: claims come in time order, so most claims hit it again. */
  lastWhen: string | null;
  lastBucket: { counts: Float64Array; latest: number } | null;
}

/** Codebook order for ids, unknown ids (a hand-edited file) after the known ones. */
function inCodebookOrder<T extends string | null>(ids: Iterable<T>, order: (T | null)[]): T[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...ids].sort((a, b) => (rank.get(a) ?? order.length) - (rank.get(b) ?? order.length));
}

function stanceRecord(counts: Float64Array, stanceIds: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  counts.forEach((n, s) => {
    if (n > 0) out[stanceIds[s]!] = n;
  });
  return out;
}

/**
 * The positions map in one synchronous pass over the digest of the given articles (in time
 * order: `inTimeOrder`): cells, their propositions, shifts and timelines, and the clashes,
 * with clash and shift as `position-rules.ts` defines them.
 */
export function computePositionsMap(digest: DigestView, articles: ArticleSummary[], codebook: Codebook, scope: ActorScope = null): PositionsMap {
  const { tables } = digest;
  const stanceIds = tables.stances.values;
  // Actors as drawn (rolled up, filtered): each digest actor's index among them, -1 when left out.
  const { drawnIds: actorIds, drawnIndex } = drawnActors(tables.actors.values, scope);
  const issueIds = tables.issues.values;
  const propositions = tables.propositions.values;
  const S = stanceIds.length;
  const A = actorIds.length;
  // A stance the codebook no longer has counts as no stance.
  const codebookValue = new Map(codebook.stances.map((s) => [s.id, s.value]));
  const value = Float64Array.from(stanceIds, (id) => codebookValue.get(id) ?? Number.NaN);
  const { keys, keyOf } = propositionKeys(tables.propositions);
  const K = keyOf.size;

  let first: string | null = null;
  let last: string | null = null;
  for (const article of articles) {
    const date = article.publishedAt?.slice(0, 10);
    if (!date) continue;
    if (first === null || date < first) first = date;
    if (last === null || date > last) last = date;
  }
  const period = periodFor(first, last);

  // Dense: issues by actors is a small grid (the codebook's size), indexed by (issue + 1) * A + actor.
  const cells: (CellTally | undefined)[] = new Array<CellTally | undefined>((tables.issues.values.length + 1) * A);
  const positions = new PropositionPositions<number, number>();
  let claimCount = 0;
  const claimActors = new Int32Array(Math.max(1, drawnIndex.length));

  for (const article of articles) {
    const block = digest.block(article.id);
    if (!block) continue;
    const date = article.publishedAt?.slice(0, 10) ?? null;
    const when = date ? periodOf(period, date) : null;
    for (let i = block.from; i < block.to; i++) {
      const drawn = drawnOfClaim(block.actors, block.actorStart[i]!, block.actorStart[i + 1]!, drawnIndex, claimActors);
      // Only claims with an actor (as drawn) stand anywhere on the map.
      if (drawn === 0) continue;
      claimCount += 1;
      const issue = block.issue[i]!;
      let stance = block.stance[i]!;
      if (stance >= 0 && Number.isNaN(value[stance])) stance = -1;
      const p = block.proposition[i]!;
      const key = p < 0 ? -1 : keys[p]!;
      for (let k = 0; k < drawn; k++) {
        const actor = claimActors[k]!;
        const cellKey = (issue + 1) * A + actor;
        let cell = cells[cellKey];
        if (!cell) {
          cell = {
            issue,
            actor,
            claimCount: 0,
            counts: new Float64Array(S),
            latest: -1,
            firstDated: null,
            lastDate: null,
            propositions: new Map(),
            timeline: new Map(),
            lastWhen: null,
            lastBucket: null,
          };
          cells[cellKey] = cell;
        }
        cell.claimCount += 1;
        let tally = cell.propositions.get(key);
        if (!tally) {
          tally = { text: p < 0 ? '' : propositions[p]!, claimCount: 0, latest: -1, firstDated: null, lastDated: null };
          cell.propositions.set(key, tally);
        }
        tally.claimCount += 1;
        if (stance < 0) continue;
        cell.counts[stance]! += 1;
        cell.latest = stance;
        tally.latest = stance;
        if (date && when) {
          cell.firstDated ??= { date, stanceId: stanceIds[stance]! };
          cell.lastDate = date;
          tally.firstDated ??= { date, stanceId: stanceIds[stance]! };
          if (tally.lastDated) {
            tally.lastDated.date = date;
            tally.lastDated.stanceId = stanceIds[stance]!;
          } else tally.lastDated = { date, stanceId: stanceIds[stance]! };
          let bucket = cell.lastWhen === when ? cell.lastBucket : cell.timeline.get(when);
          if (!bucket) cell.timeline.set(when, (bucket = { counts: new Float64Array(S), latest: stance }));
          cell.lastWhen = when;
          cell.lastBucket = bucket;
          bucket.counts[stance]! += 1;
          bucket.latest = stance;
        }
        // Claims without a proposition say where an actor stands, but not on what: no clash.
        if (key >= 0)
          positions.note((issue + 1) * K + key, issue < 0 ? null : issueIds[issue]!, propositions[p]!, actor, stanceIds[stance]!, value[stance]!);
      }
    }
  }

  const out: PositionCell[] = [];
  const usedActors = new Set<string>();
  const usedIssues = new Set<string | null>();
  for (const cell of cells) {
    if (!cell) continue;
    const issueId = cell.issue < 0 ? null : issueIds[cell.issue]!;
    const actorId = actorIds[cell.actor]!;
    usedActors.add(actorId);
    usedIssues.add(issueId);
    const tallies = [...cell.propositions.values()];
    const shifts = tallies
      .map((t) => ({ t, shift: shiftOf(t.firstDated, t.lastDated, t.latest < 0 ? null : stanceIds[t.latest]!) }))
      .filter((x) => x.shift !== null)
      .map(({ t, shift }) => ({ ...shift!, proposition: t.text }))
      .sort((a, b) => (a.until < b.until ? 1 : a.until > b.until ? -1 : 0))
      .slice(0, CELL_SHIFTS_SHOWN);
    const shown = tallies
      .map((t, order) => ({ t, order }))
      .sort((a, b) => b.t.claimCount - a.t.claimCount || a.order - b.order)
      .slice(0, CELL_PROPOSITIONS_SHOWN)
      .map(({ t }) => ({
        proposition: t.text,
        claimCount: t.claimCount,
        latestStanceId: t.latest < 0 ? null : stanceIds[t.latest]!,
        shift: shiftOf(t.firstDated, t.lastDated, t.latest < 0 ? null : stanceIds[t.latest]!),
      }));
    out.push({
      issueId,
      actorId,
      claimCount: cell.claimCount,
      stanceCounts: stanceRecord(cell.counts, stanceIds),
      latestStanceId: cell.latest < 0 ? null : stanceIds[cell.latest]!,
      firstDated: cell.firstDated,
      lastDate: cell.lastDate,
      propositions: shown,
      propositionCount: cell.propositions.size,
      shifts,
      timeline: [...cell.timeline].map(([when, bucket]) => ({
        period: when,
        stanceCounts: stanceRecord(bucket.counts, stanceIds),
        latestStanceId: stanceIds[bucket.latest]!,
      })),
    });
  }

  const issueOrder = [...codebook.issues.map((i) => i.id), null];
  const issueRank = new Map(issueOrder.map((id, i) => [id, i]));
  const clashes: PropositionClash[] = positions
    .relations((a, b) => (issueRank.get(a.issueId) ?? issueOrder.length) - (issueRank.get(b.issueId) ?? issueOrder.length))
    .filter((r) => r.kind === 'clash')
    .map((r) => ({
      issueId: r.issueId,
      proposition: r.proposition,
      supporters: r.supporters.map((s) => ({ actorId: actorIds[s.actorId]!, stanceId: s.stanceId })),
      opponents: r.opponents.map((s) => ({ actorId: actorIds[s.actorId]!, stanceId: s.stanceId })),
    }));

  return {
    articleCount: articles.length,
    claimCount,
    actorIds: inCodebookOrder(
      usedActors,
      codebook.actors.map((a) => a.id),
    ),
    issueIds: inCodebookOrder(usedIssues, issueOrder),
    period,
    cells: out,
    clashes,
  };
}
