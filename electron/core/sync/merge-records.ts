import type { SyncConflict } from '../../../shared/api/contract-sync';
import type { Article, Brief, Claim, Codebook } from '../../../shared/model';
import { reanchorClaims } from '../../../shared/anchoring';
import { carryReview } from '../articles/revise-article';
import { canonical, mergeRecordFields, same, type FieldRules } from './merge-fields';

/**
 * The record merge: three-way, against the common ancestor, per article, claim, codebook entry
 * and brief. Pure: it is given the three states and answers the merged one and its conflicts.
 *
 * Outcomes (docs in README.md, tests in test/unit/sync/merge-records.test.ts):
 * - different records, or different fields of one record: merged silently;
 * - the same field changed differently on both sides: a conflict, ours applied provisionally;
 * - deleted on one side, edited on the other: the edit wins (the record is restored), a conflict;
 * - an article's text revised on both sides: ours stays current, theirs is kept as a revision,
 *   every claim is re-anchored against the kept text, a conflict;
 * - both sides created a codebook entry of the same name: one entry (ours), references remapped;
 * - a codebook entry deleted on one side while the other side's claims still use it: restored, a conflict.
 */

/** An article's shard as far as the merge cares: the article and its live claims. */
export interface ArticleRecord {
  article: Article;
  claims: Claim[];
}

/** One side of the merge. `articles` holds only the articles being merged (those whose files differ). */
export interface MergeSide {
  codebook: Codebook;
  briefs: Brief[];
  articles: Map<string, ArticleRecord>;
  conflicts: SyncConflict[];
  /** Who made this side's commits, for conflicts whose records name no coder. */
  author: string | null;
}

export interface MergeInput {
  base: MergeSide;
  ours: MergeSide;
  theirs: MergeSide;
  /** Every article id whose file differs somewhere among the three sides. */
  articleIds: readonly string[];
  now: string;
}

export interface MergeOutput {
  codebook: Codebook;
  briefs: Brief[];
  /** The merged articles among `articleIds`; an id missing here is deleted. */
  articles: Map<string, ArticleRecord>;
  conflicts: SyncConflict[];
  newConflicts: SyncConflict[];
  /** Their codebook ids folded into ours because both sides created the same name. */
  remapped: Record<string, string>;
}

const CLAIM_RULES: FieldRules = {
  sets: ['actorIds', 'tags'],
  logs: ['history', 'audit', 'auditHistory'],
  groups: { anchor: ['target', 'anchor'] },
  latest: ['updatedAt'],
  followLatest: ['updatedBy'],
};
const ARTICLE_RULES: FieldRules = {
  sets: ['tags', 'collections', 'importNotes'],
  groups: { text: ['text', 'blocks', 'contentHash', 'rev', 'revisions'] },
  latest: ['updatedAt'],
  custom: ['text'],
};
const ENTRY_RULES: FieldRules = { sets: ['aliases', 'propositions'] };
const BRIEF_RULES: FieldRules = { latest: ['updatedAt'] };

type EntryKind = 'actor' | 'issue' | 'stance' | 'tag';
const CODEBOOK_LISTS: ReadonlyArray<[keyof Codebook & string, EntryKind, string]> = [
  ['actors', 'actor', 'name'],
  ['issues', 'issue', 'name'],
  ['stances', 'stance', 'label'],
  ['tags', 'tag', 'name'],
];

function shortHash(value: unknown): string {
  let h = 2166136261;
  for (const ch of canonical(value)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0).toString(36);
}

class ConflictLog {
  readonly found: SyncConflict[] = [];
  constructor(private readonly input: MergeInput) {}
  add(c: Omit<SyncConflict, 'id' | 'detectedAt' | 'oursBy' | 'theirsBy'> & { oursBy?: string | null; theirsBy?: string | null }): void {
    const { ours, theirs } = this.input;
    this.found.push({
      ...c,
      id: `${c.kind}:${c.recordId}:${c.field}:${shortHash([c.ours, c.theirs])}`,
      oursBy: c.oursBy ?? ours.author,
      theirsBy: c.theirsBy ?? theirs.author,
      detectedAt: this.input.now,
    });
  }
}

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((x) => [x.id, x]));
}

function coderOf(record: unknown): string | null {
  const by =
    (record as { updatedBy?: unknown; createdBy?: unknown } | undefined)?.updatedBy ?? (record as { createdBy?: unknown } | undefined)?.createdBy;
  return typeof by === 'string' ? by : null;
}

/**
 * Merges a keyed collection. `mergeBoth` merges a record present on both sides. Deleted on one
 * side and unchanged on the other: deleted. Deleted on one side and changed on the other: the
 * changed one is restored and `onRestore` is told (to record the conflict).
 */
function mergeCollection<T>(
  ids: Iterable<string>,
  base: Map<string, T>,
  ours: Map<string, T>,
  theirs: Map<string, T>,
  mergeBoth: (id: string, b: T | undefined, o: T, t: T) => T,
  onRestore: (id: string, kept: 'ours' | 'theirs', b: T, o: T | undefined, t: T | undefined) => T,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const id of ids) {
    const [b, o, t] = [base.get(id), ours.get(id), theirs.get(id)];
    if (o !== undefined && t !== undefined) out.set(id, mergeBoth(id, b, o, t));
    else if (b === undefined) {
      if (o !== undefined) out.set(id, o);
      else if (t !== undefined) out.set(id, t);
    } else if (o === undefined && t !== undefined) {
      if (!same(b, t)) out.set(id, onRestore(id, 'theirs', b, o, t));
    } else if (t === undefined && o !== undefined) {
      if (!same(b, o)) out.set(id, onRestore(id, 'ours', b, o, t));
    }
  }
  return out;
}

function unionIds(...maps: Map<string, unknown>[]): string[] {
  const ids = new Set<string>();
  for (const m of maps) for (const id of m.keys()) ids.add(id);
  return [...ids];
}

function foldName(name: unknown): string {
  return String(name ?? '')
    .trim()
    .toLocaleLowerCase();
}

/** Their entries created with a name ours already has: their id → ours. */
function findDuplicateEntries(base: Codebook, ours: Codebook, theirs: Codebook): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [list, , nameField] of CODEBOOK_LISTS) {
    const baseIds = new Set((base[list] as { id: string }[]).map((e) => e.id));
    const ourIds = new Set((ours[list] as { id: string }[]).map((e) => e.id));
    const theirIds = new Set((theirs[list] as { id: string }[]).map((e) => e.id));
    // An entry of ours their side deleted is no target: their new entry may be its replacement.
    const targets = (ours[list] as Record<string, unknown>[]).filter((e) => !baseIds.has(String(e['id'])) || theirIds.has(String(e['id'])));
    const ourByName = new Map(targets.map((e) => [foldName(e[nameField]), String(e['id'])]));
    for (const entry of theirs[list] as Record<string, unknown>[]) {
      const id = String(entry['id']);
      if (baseIds.has(id) || ourIds.has(id)) continue;
      const match = ourByName.get(foldName(entry[nameField]));
      if (match && match !== id) map[id] = match;
    }
  }
  return map;
}

function remapClaim(claim: Claim, map: Record<string, string>): Claim {
  const actorIds = [...new Set(claim.actorIds.map((id) => map[id] ?? id))];
  const issueId = claim.issueId ? (map[claim.issueId] ?? claim.issueId) : claim.issueId;
  const stanceId = claim.stanceId ? (map[claim.stanceId] ?? claim.stanceId) : claim.stanceId;
  if (same(actorIds, claim.actorIds) && issueId === claim.issueId && stanceId === claim.stanceId) return claim;
  return { ...claim, actorIds, issueId, stanceId };
}

/** Their side with their duplicate codebook entries folded into ours. */
function remapSide(side: MergeSide, map: Record<string, string>): MergeSide {
  if (Object.keys(map).length === 0) return side;
  const codebook: Codebook = { ...side.codebook };
  for (const [list] of CODEBOOK_LISTS) {
    const entries = (side.codebook[list] as { id: string; parentId?: string | null }[]).filter((e) => !map[e.id]);
    (codebook as Record<string, unknown>)[list] = entries.map((e) => (e.parentId && map[e.parentId] ? { ...e, parentId: map[e.parentId] } : e));
  }
  const articles = new Map([...side.articles].map(([id, rec]) => [id, { article: rec.article, claims: rec.claims.map((c) => remapClaim(c, map)) }]));
  return { ...side, codebook, articles };
}

function mergeCodebook(input: MergeInput, theirs: MergeSide, log: ConflictLog, dupes: Record<string, string>): Codebook {
  const { base, ours } = input;
  const out: Record<string, unknown> = {};
  for (const [list, kind, nameField] of CODEBOOK_LISTS) {
    const b = byId(base.codebook[list] as { id: string }[]);
    const o = byId(ours.codebook[list] as { id: string }[]);
    const t = byId(theirs.codebook[list] as { id: string }[]);
    // Entries both sides created with one name: their aliases and propositions join ours.
    for (const [theirId, ourId] of Object.entries(dupes)) {
      const dup = (input.theirs.codebook[list] as { id: string }[]).find((e) => e.id === theirId);
      const mine = o.get(ourId);
      if (dup && mine)
        o.set(
          ourId,
          mergeRecordFields(undefined, mine as never, { ...dup, id: ourId } as never, { sets: ENTRY_RULES.sets, custom: Object.keys(dup) }).value,
        );
    }
    const label = (e: unknown): string => String((e as Record<string, unknown>)[nameField] ?? '');
    const merged = mergeCollection(
      unionIds(b, o, t),
      b,
      o,
      t,
      (id, be, oe, te) => {
        const r = mergeRecordFields(be as never, oe as never, te as never, ENTRY_RULES);
        for (const c of r.clashes)
          log.add({
            kind,
            recordId: id,
            articleId: null,
            field: c.field,
            label: label(oe),
            reason: 'both-changed',
            base: c.base,
            ours: c.ours,
            theirs: c.theirs,
            applied: 'ours',
          });
        return r.value;
      },
      (id, kept, be, oe, te) => {
        const value = (kept === 'ours' ? oe : te)!;
        log.add({
          kind,
          recordId: id,
          articleId: null,
          field: '(record)',
          label: label(value),
          reason: 'deleted-and-edited',
          base: be,
          ours: oe ?? null,
          theirs: te ?? null,
          applied: kept,
        });
        return value;
      },
    );
    // Keep ours' order, then entries new from theirs.
    const order = [...(ours.codebook[list] as { id: string }[]).map((e) => e.id), ...(theirs.codebook[list] as { id: string }[]).map((e) => e.id)];
    const seen = new Set<string>();
    out[list] = order.filter((id) => merged.has(id) && !seen.has(id) && seen.add(id)).map((id) => merged.get(id));
  }
  // Any other top-level part of the codebook (added by later versions) merges as one value.
  for (const key of new Set([...Object.keys(ours.codebook), ...Object.keys(theirs.codebook)])) {
    if (key in out) continue;
    const r = mergeRecordFields(
      { v: (base.codebook as Record<string, unknown>)[key] },
      { v: (ours.codebook as Record<string, unknown>)[key] },
      { v: (theirs.codebook as Record<string, unknown>)[key] },
      {},
    );
    out[key] = r.value['v'];
  }
  return out as Codebook;
}

function claimLabel(claim: Claim): string {
  return claim.target.quote.exact.slice(0, 200);
}

function mergeClaims(articleId: string, base: Claim[], ours: Claim[], theirs: Claim[], log: ConflictLog): Claim[] {
  const [b, o, t] = [byId(base), byId(ours), byId(theirs)];
  const merged = mergeCollection(
    unionIds(b, o, t),
    b,
    o,
    t,
    (id, bc, oc, tc) => {
      const r = mergeRecordFields(bc as never, oc as never, tc as never, CLAIM_RULES);
      for (const c of r.clashes) {
        log.add({
          kind: 'claim',
          recordId: id,
          articleId,
          field: c.field,
          label: claimLabel(oc),
          reason: 'both-changed',
          base: c.base,
          ours: c.ours,
          theirs: c.theirs,
          oursBy: coderOf(oc),
          theirsBy: coderOf(tc),
          applied: 'ours',
        });
      }
      return r.value as unknown as Claim;
    },
    (id, kept, bc, oc, tc) => {
      const value = (kept === 'ours' ? oc : tc)!;
      log.add({
        kind: 'claim',
        recordId: id,
        articleId,
        field: '(record)',
        label: claimLabel(value),
        reason: 'deleted-and-edited',
        base: bc,
        ours: oc ?? null,
        theirs: tc ?? null,
        oursBy: coderOf(oc),
        theirsBy: coderOf(tc),
        applied: kept,
      });
      return value;
    },
  );
  const order = [...ours.map((c) => c.id), ...theirs.map((c) => c.id)];
  const seen = new Set<string>();
  return order.filter((id) => merged.has(id) && !seen.has(id) && seen.add(id)).map((id) => merged.get(id)!);
}

/** Both sides revised the text: ours stays current, theirs (and its history) become revisions. */
function keepBothTexts(ours: Article, theirs: Article, now: string): Pick<Article, 'text' | 'blocks' | 'contentHash' | 'rev' | 'revisions'> {
  const revisions = [...ours.revisions];
  const known = new Set([ours.contentHash, ...revisions.map((r) => r.contentHash)]);
  let next = Math.max(ours.rev, ...revisions.map((r) => r.rev)) + 1;
  for (const r of theirs.revisions) {
    if (known.has(r.contentHash)) continue;
    known.add(r.contentHash);
    revisions.push({ ...r, rev: next++ });
  }
  if (!known.has(theirs.contentHash)) {
    revisions.push({ rev: next++, text: theirs.text, blocks: theirs.blocks, contentHash: theirs.contentHash, replacedAt: now });
  }
  return { text: ours.text, blocks: ours.blocks, contentHash: ours.contentHash, rev: next, revisions };
}

function reanchorAll(text: string, claims: Claim[]): Claim[] {
  const placed = reanchorClaims(
    text,
    claims.map((c) => c.target),
    { checkTwins: true },
  );
  return claims.map((claim, i) => {
    const p = placed[i]!;
    if (p.target === claim.target && same(p.anchor, claim.anchor)) return claim;
    return { ...claim, target: p.target, anchor: carryReview(claim.anchor, p.anchor) };
  });
}

function mergeArticle(id: string, b: ArticleRecord | undefined, o: ArticleRecord, t: ArticleRecord, log: ConflictLog, now: string): ArticleRecord {
  const r = mergeRecordFields(b?.article as never, o.article as never, t.article as never, ARTICLE_RULES);
  let article = r.value as unknown as Article;
  const title = o.article.title;
  for (const c of r.clashes)
    log.add({
      kind: 'article',
      recordId: id,
      articleId: id,
      field: c.field,
      label: title,
      reason: 'both-changed',
      base: c.base,
      ours: c.ours,
      theirs: c.theirs,
      applied: 'ours',
    });
  const textClash = r.custom.find((c) => c.field === 'text');
  if (textClash) {
    article = { ...article, ...keepBothTexts(o.article, t.article, now) };
    log.add({
      kind: 'article',
      recordId: id,
      articleId: id,
      field: 'text',
      label: title,
      reason: 'text-revised-on-both',
      base: b ? textSummary(b.article) : null,
      ours: textSummary(o.article),
      theirs: textSummary(t.article),
      applied: 'ours',
    });
  }
  let claims = mergeClaims(id, b?.claims ?? [], o.claims, t.claims, log);
  const textChanged = !b || !same(b.article.text, article.text) || !same(o.article.text, t.article.text);
  if (textChanged) claims = reanchorAll(article.text, claims);
  return { article, claims };
}

function textSummary(a: Article): { text: string; contentHash: string; rev: number } {
  return { text: a.text, contentHash: a.contentHash, rev: a.rev };
}

function mergeArticles(input: MergeInput, theirs: MergeSide, log: ConflictLog): Map<string, ArticleRecord> {
  const { base, ours } = input;
  return mergeCollection(
    input.articleIds,
    base.articles,
    ours.articles,
    theirs.articles,
    (id, b, o, t) => mergeArticle(id, b, o, t, log, input.now),
    (id, kept, b, o, t) => {
      // The article comes back whole: claims the deleting side removed with it come back too,
      // and the editing side's claim edits apply over them.
      const value = (kept === 'ours' ? o : t)!;
      log.add({
        kind: 'article',
        recordId: id,
        articleId: id,
        field: '(record)',
        label: value.article.title,
        reason: 'deleted-and-edited',
        base: { title: b.article.title, claims: b.claims.length },
        ours: o ? { title: o.article.title, claims: o.claims.length } : null,
        theirs: t ? { title: t.article.title, claims: t.claims.length } : null,
        applied: kept,
      });
      const deleter = kept === 'ours' ? { ...b, claims: b.claims } : b;
      return kept === 'ours' ? mergeArticle(id, b, value, deleter, log, input.now) : mergeArticle(id, b, deleter, value, log, input.now);
    },
  );
}

function mergeBriefs(input: MergeInput, theirs: MergeSide, log: ConflictLog): Brief[] {
  const [b, o, t] = [byId(input.base.briefs), byId(input.ours.briefs), byId(theirs.briefs)];
  const merged = mergeCollection(
    unionIds(b, o, t),
    b,
    o,
    t,
    (id, bb, ob, tb) => {
      const r = mergeRecordFields(bb as never, ob as never, tb as never, BRIEF_RULES);
      for (const c of r.clashes)
        log.add({
          kind: 'brief',
          recordId: id,
          articleId: null,
          field: c.field,
          label: ob.title,
          reason: 'both-changed',
          base: c.base,
          ours: c.ours,
          theirs: c.theirs,
          applied: 'ours',
        });
      return r.value as unknown as Brief;
    },
    (id, kept, bb, ob, tb) => {
      const value = (kept === 'ours' ? ob : tb)!;
      log.add({
        kind: 'brief',
        recordId: id,
        articleId: null,
        field: '(record)',
        label: value.title,
        reason: 'deleted-and-edited',
        base: bb,
        ours: ob ?? null,
        theirs: tb ?? null,
        applied: kept,
      });
      return value;
    },
  );
  const seen = new Set<string>();
  return [...o.keys(), ...t.keys()].filter((id) => merged.has(id) && !seen.has(id) && seen.add(id)).map((id) => merged.get(id)!);
}

/** Conflicts lists merge as sets of records: one resolved on either side is resolved. */
function mergeConflictLists(input: MergeInput, found: SyncConflict[]): SyncConflict[] {
  const [b, o, t] = [byId(input.base.conflicts), byId(input.ours.conflicts), byId(input.theirs.conflicts)];
  const out: SyncConflict[] = [];
  const seen = new Set<string>();
  for (const id of unionIds(o, t)) {
    const inBase = b.has(id);
    if (inBase && (!o.has(id) || !t.has(id))) continue; // resolved on one side
    out.push(o.get(id) ?? t.get(id)!);
    seen.add(id);
  }
  for (const c of found) {
    if (seen.has(c.id)) continue;
    out.push(c);
    seen.add(c.id);
  }
  return out;
}

/**
 * Codebook entries the merged claims use that the merged codebook lacks (deleted on one side,
 * used by the other): restored from whichever side still has them, and recorded.
 */
function restoreUsedEntries(input: MergeInput, codebook: Codebook, articles: Map<string, ArticleRecord>, log: ConflictLog): Codebook {
  const used = { actors: new Set<string>(), issues: new Set<string>(), stances: new Set<string>() };
  for (const rec of articles.values()) {
    for (const c of rec.claims) {
      for (const a of c.actorIds) used.actors.add(a);
      if (c.issueId) used.issues.add(c.issueId);
      if (c.stanceId) used.stances.add(c.stanceId);
    }
  }
  const out: Codebook = { ...codebook };
  for (const [list, kind] of CODEBOOK_LISTS) {
    if (list === 'tags') continue;
    const have = new Set((out[list] as { id: string }[]).map((e) => e.id));
    const want = used[list as 'actors' | 'issues' | 'stances'];
    const issueParents = list === 'issues' ? (out.issues.map((i) => i.parentId).filter(Boolean) as string[]) : [];
    for (const id of [...want, ...issueParents]) {
      if (have.has(id)) continue;
      const find = (side: MergeSide): unknown => (side.codebook[list] as { id: string }[]).find((e) => e.id === id);
      const [o, t, b] = [find(input.ours), find(input.theirs), find(input.base)];
      const entry = o ?? t ?? b;
      if (!entry) continue;
      have.add(id);
      (out as Record<string, unknown>)[list] = [...(out[list] as unknown[]), entry];
      log.add({
        kind,
        recordId: id,
        articleId: null,
        field: '(record)',
        label: String((entry as Record<string, unknown>)['name'] ?? (entry as Record<string, unknown>)['label'] ?? id),
        reason: 'deleted-but-used',
        base: b ?? null,
        ours: o ?? null,
        theirs: t ?? null,
        applied: o ? 'ours' : 'theirs',
      });
    }
  }
  return out;
}

/**
 * For a codebook entry deleted on one side but kept (edited) on the other: where the deleting
 * side's claims that used it went (a merge), if they all went to one entry.
 */
function inferMergeTargets(input: MergeInput, conflicts: SyncConflict[]): void {
  for (const c of conflicts) {
    if (c.reason !== 'deleted-and-edited' || c.kind === 'claim' || c.kind === 'article' || c.kind === 'brief' || c.kind === 'tag') continue;
    const deleter = c.applied === 'ours' ? input.theirs : input.ours;
    const targets = new Set<string>();
    for (const [articleId, baseRec] of input.base.articles) {
      const after = byId(deleter.articles.get(articleId)?.claims ?? []);
      for (const bc of baseRec.claims) {
        const ac = after.get(bc.id);
        if (!ac) continue;
        if (c.kind === 'actor' && bc.actorIds.includes(c.recordId) && !ac.actorIds.includes(c.recordId))
          for (const a of ac.actorIds) if (!bc.actorIds.includes(a)) targets.add(a);
        if (c.kind === 'issue' && bc.issueId === c.recordId && ac.issueId && ac.issueId !== c.recordId) targets.add(ac.issueId);
        if (c.kind === 'stance' && bc.stanceId === c.recordId && ac.stanceId && ac.stanceId !== c.recordId) targets.add(ac.stanceId);
      }
    }
    c.mergedInto = targets.size === 1 ? [...targets][0]! : null;
  }
}

/** The whole merge; see the file comment for the outcomes. */
export function mergeNotebooks(input: MergeInput): MergeOutput {
  const log = new ConflictLog(input);
  const remapped = findDuplicateEntries(input.base.codebook, input.ours.codebook, input.theirs.codebook);
  const theirs = remapSide(input.theirs, remapped);
  let codebook = mergeCodebook(input, theirs, log, remapped);
  const articles = mergeArticles(input, theirs, log);
  const briefs = mergeBriefs(input, theirs, log);
  codebook = restoreUsedEntries(input, codebook, articles, log);
  inferMergeTargets(input, log.found);
  const conflicts = mergeConflictLists(input, log.found);
  return { codebook, briefs, articles, conflicts, newConflicts: log.found, remapped };
}
