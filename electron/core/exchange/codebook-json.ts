import { z } from 'zod';
import type { CodebookImportReport } from '../../../shared/api/contract-exchange';
import { UserError } from '../../../shared/api/errors';
import { CodebookSchema, type Codebook } from '../../../shared/model';
import type { CoreContext } from '../context';
import { parseJsonFile } from './import-annotations';

/** The codebook exchange file: the codebook wrapped with what it is and which version. */
export const CodebookFileSchema = z.object({
  format: z.literal('stancebook-codebook'),
  version: z.literal(1),
  codebook: CodebookSchema,
});

/** The codebook as a pretty-printed, self-describing JSON file. */
export function renderCodebookJson(codebook: Codebook): string {
  return `${JSON.stringify({ format: 'stancebook-codebook', version: 1, codebook }, null, 2)}\n`;
}

/** Accepts our wrapped file or a bare codebook object; refuses anything else, saying where. */
export function parseCodebookFile(bytes: Uint8Array, name: string): Codebook {
  const json = parseJsonFile(bytes, name);
  const wrapped = CodebookFileSchema.safeParse(json);
  if (wrapped.success) return wrapped.data.codebook;
  const bare = CodebookSchema.safeParse(json);
  if (bare.success) return bare.data;
  const issue = (json && typeof json === 'object' && 'format' in json ? wrapped.error : bare.error).issues[0];
  const where = issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'unknown shape';
  throw new UserError('import-failed', `${name} is not a Stancebook codebook (${where}).`);
}

const key = (name: string): string => name.toLocaleLowerCase();

/**
 * Merges an imported codebook into the notebook's: entries whose id or name the notebook
 * already has are left as the notebook has them (claims may use them); the rest are added,
 * under a new id when their id is taken. Sub-issues follow their parent when it was matched.
 */
export async function importCodebook(ctx: CoreContext, incoming: Codebook): Promise<CodebookImportReport> {
  const current = structuredClone(ctx.store.getCodebook());
  const report: CodebookImportReport = { actors: 0, issues: 0, stances: 0, tags: 0 };
  const usedIds = new Set([...current.actors, ...current.issues, ...current.stances, ...current.tags].map((e) => e.id));
  const freshId = (id: string, prefix: string): string => (usedIds.has(id) ? ctx.newId(prefix) : id);

  const actorIdMap = new Map<string, string>();
  const addedActors: Codebook['actors'] = [];
  for (const actor of incoming.actors) {
    const existing = current.actors.find((a) => a.id === actor.id || key(a.name) === key(actor.name));
    if (existing) {
      actorIdMap.set(actor.id, existing.id);
      continue;
    }
    const id = freshId(actor.id, 'actor');
    usedIds.add(id);
    actorIdMap.set(actor.id, id);
    const added = { ...actor, id };
    addedActors.push(added);
    current.actors.push(added);
    report.actors += 1;
  }
  // Added actors' parents follow their new ids; a parent the file does not hold is dropped.
  for (const actor of addedActors) {
    if (actor.parentId) actor.parentId = actorIdMap.get(actor.parentId) ?? null;
  }
  const issueIdMap = new Map<string, string>();
  const addedIssues: Codebook['issues'] = [];
  for (const issue of incoming.issues) {
    const existing = current.issues.find((i) => i.id === issue.id || key(i.name) === key(issue.name));
    if (existing) {
      issueIdMap.set(issue.id, existing.id);
      continue;
    }
    const id = freshId(issue.id, 'issue');
    usedIds.add(id);
    issueIdMap.set(issue.id, id);
    const added = { ...issue, id };
    current.issues.push(added);
    addedIssues.push(added);
    report.issues += 1;
  }
  // Parents are resolved once every issue has its final id, whatever order the file used.
  for (const issue of addedIssues) issue.parentId = issue.parentId ? (issueIdMap.get(issue.parentId) ?? null) : null;
  for (const stance of incoming.stances) {
    if (current.stances.some((s) => s.id === stance.id || key(s.label) === key(stance.label))) continue;
    const id = freshId(stance.id, 'stance');
    usedIds.add(id);
    current.stances.push({ ...stance, id });
    report.stances += 1;
  }
  for (const tag of incoming.tags) {
    if (current.tags.some((t) => t.id === tag.id || key(t.name) === key(tag.name))) continue;
    const id = freshId(tag.id, 'tag');
    usedIds.add(id);
    current.tags.push({ ...tag, id });
    report.tags += 1;
  }
  if (report.actors + report.issues + report.stances + report.tags > 0) {
    await ctx.store.putCodebook(current);
    ctx.emit({ scope: 'codebook' });
  }
  return report;
}
