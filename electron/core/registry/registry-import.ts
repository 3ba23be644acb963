import { UserError } from '../../../shared/api';
import type { RegistryImportReport } from '../../../shared/api/contract-registry';
import type { Actor, Codebook } from '../../../shared/model';
import { codebookStep, sameName, uniqueNames } from '../codebook/codebook-step';
import type { CoreContext } from '../context';
import { parseRegistryCsv, type RegistryRow, type RowProblem } from './registry-csv';

/** Problems named in the refusal; the rest are counted. */
const PROBLEMS_SHOWN = 20;

type Field = 'aliases' | 'kind' | 'country' | 'affiliation' | 'parent' | 'wikidata' | 'notes' | 'color';

/** The actor a name means: the one with that name, else the one with that alias. */
function actorNamed(actors: readonly Actor[], name: string): Actor | undefined {
  return actors.find((a) => sameName(a.name, name)) ?? actors.find((a) => a.aliases.some((al) => sameName(al, name)));
}

/**
 * Works out what a registry file does to the codebook, without storing anything: rows are matched
 * to actors by name or alias (case and surrounding space ignored); a matched actor gains the
 * row's aliases and takes each attribute the row fills (an empty cell leaves the stored value);
 * an unmatched row adds an actor. Parents are named, and may be actors of the notebook or rows of
 * the file (in any order). Throws, listing every bad row with its number and reason, when any row
 * is refused: a file is imported whole or not at all.
 */
export function planRegistryImport(codebook: Codebook, text: string, newId: () => string): { codebook: Codebook; report: RegistryImportReport } {
  const { rows, problems, blankRows, ignoredColumns } = parseRegistryCsv(text);
  const actors = codebook.actors;
  const before = new Map(actors.map((a) => [a.id, structuredClone(a)]));
  const rowOf = new Map<string, number>(); // actor id → the row that named it
  const matched: { row: RegistryRow; actor: Actor; created: boolean }[] = [];

  // 1. Each row to its actor (new rows become actors at once, so later rows and parents find them).
  for (const row of rows) {
    const existing = actorNamed(actors, row.name);
    if (existing && rowOf.has(existing.id)) {
      problems.push({ row: row.row, reason: `names the actor "${existing.name}" again (row ${rowOf.get(existing.id)}); keep one row per actor` });
      continue;
    }
    const actor: Actor = existing ?? { id: newId(), name: row.name, aliases: [], color: null };
    if (!existing) actors.push(actor);
    rowOf.set(actor.id, row.row);
    matched.push({ row, actor, created: !existing });
  }

  // 2. Aliases and attributes.
  for (const { row, actor } of matched) {
    if (row.aliases) {
      const added = uniqueNames([...actor.aliases, ...row.aliases], actor.name);
      const taken = added
        .map((alias) => ({
          alias,
          holder: actors.find((a) => a.id !== actor.id && (sameName(a.name, alias) || a.aliases.some((al) => sameName(al, alias)))),
        }))
        .find((t) => t.holder);
      if (taken) {
        problems.push({
          row: row.row,
          reason: `the alias "${taken.alias}" already means the actor "${taken.holder!.name}"; an alias can mean one actor only`,
        });
        continue;
      }
      actor.aliases = added;
    }
    if (row.kind !== undefined) actor.kind = row.kind;
    if (row.country !== undefined) actor.country = row.country;
    if (row.affiliation !== undefined) actor.affiliation = row.affiliation;
    if (row.wikidataId !== undefined) actor.wikidataId = row.wikidataId;
    if (row.notes !== undefined) actor.notes = row.notes;
    if (row.color !== undefined) actor.color = row.color;
  }

  // 3. Parents, by name, once every row has its actor.
  for (const { row, actor } of matched) {
    if (row.parent === undefined) continue;
    const parent = actorNamed(actors, row.parent);
    if (!parent) problems.push({ row: row.row, reason: `the parent "${row.parent}" is neither an actor of the notebook nor a row of the file` });
    else if (parent.id === actor.id) problems.push({ row: row.row, reason: `"${row.name}" cannot be its own parent` });
    else actor.parentId = parent.id;
  }

  // 4. No cycles in the registry as it would be.
  const byId = new Map(actors.map((a) => [a.id, a]));
  for (const { row, actor } of matched) {
    const chain = [actor.name];
    const seen = new Set([actor.id]);
    for (let at = actor.parentId; at; at = byId.get(at)?.parentId) {
      chain.push(byId.get(at)?.name ?? at);
      if (at === actor.id) {
        problems.push({ row: row.row, reason: `its parents make a cycle (${chain.join(' → ')}); an actor cannot belong to itself` });
        break;
      }
      if (seen.has(at)) break;
      seen.add(at);
    }
  }

  if (problems.length > 0) throw refusal(problems);

  const report: RegistryImportReport = { created: [], updated: [], skipped: [], ignoredColumns };
  for (const row of blankRows) report.skipped.push({ row, name: null, reason: 'blank row' });
  for (const { row, actor, created } of matched) {
    if (created) {
      report.created.push({ row: row.row, name: actor.name });
      continue;
    }
    const fields = changedFields(before.get(actor.id)!, actor);
    if (fields.length === 0) report.skipped.push({ row: row.row, name: actor.name, reason: 'already as the file says' });
    else report.updated.push({ row: row.row, name: actor.name, fields });
  }
  report.skipped.sort((a, b) => a.row - b.row);
  return { codebook, report };
}

function changedFields(was: Actor, now: Actor): Field[] {
  const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
  const fields: Field[] = [];
  if (was.aliases.join('\u0000') !== now.aliases.join('\u0000')) fields.push('aliases');
  if (!same(was.kind, now.kind)) fields.push('kind');
  if (!same(was.country, now.country)) fields.push('country');
  if (!same(was.affiliation, now.affiliation)) fields.push('affiliation');
  if (!same(was.parentId, now.parentId)) fields.push('parent');
  if (!same(was.wikidataId, now.wikidataId)) fields.push('wikidata');
  if (!same(was.notes, now.notes)) fields.push('notes');
  if (!same(was.color, now.color)) fields.push('color');
  return fields;
}

function refusal(problems: RowProblem[]): UserError {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const listed = sorted.slice(0, PROBLEMS_SHOWN).map((p) => `row ${p.row}: ${p.reason}`);
  const more = sorted.length > PROBLEMS_SHOWN ? `\n… and ${sorted.length - PROBLEMS_SHOWN} more.` : '';
  return new UserError(
    'invalid-request',
    `The registry file was not imported: ${sorted.length} row${sorted.length === 1 ? ' is' : 's are'} refused (rows are counted as in a spreadsheet, the header is row 1). Nothing was changed; correct ${sorted.length === 1 ? 'it' : 'them'} and import again.\n${listed.join('\n')}${more}`,
  );
}

/** Imports a registry CSV as one undo step (or, with `dryRun`, only says what it would do). */
export async function importRegistry(ctx: CoreContext, request: { text: string; dryRun?: boolean }): Promise<RegistryImportReport> {
  if (request.dryRun) return planRegistryImport(structuredClone(ctx.store.getCodebook()), request.text, () => ctx.newId('actor')).report;
  return codebookStep(ctx, 'Import actor registry', (codebook) => {
    const planned = planRegistryImport(codebook, request.text, () => ctx.newId('actor'));
    return { codebook: planned.codebook, result: planned.report };
  });
}
