import type { Codebook } from '../../../shared/model';
import { stableGuid } from './stable-ids';
import { attrs, xmlText } from './xml';

/** A REFI-QDA code: a node of the code tree, codable or a grouping folder. */
export interface RefiCode {
  guid: string;
  name: string;
  isCodable: boolean;
  color: string | null;
  description: string | null;
  children: RefiCode[];
}

/** GUIDs of the codes a claim's coding maps to, by Stancebook id (tags by name). */
export interface RefiCodeIndex {
  actors: Map<string, string>;
  issues: Map<string, string>;
  stances: Map<string, string>;
  tags: Map<string, string>;
}

const group = (name: string, children: RefiCode[], description: string): RefiCode => ({
  guid: stableGuid('group', name),
  name,
  isCodable: false,
  color: null,
  description,
  children,
});

/** Whether following parents from an issue comes back to it (a damaged codebook), which would nest forever. */
function inCycle(codebook: Codebook, issueId: string): boolean {
  const parentOf = new Map(codebook.issues.map((i) => [i.id, i.parentId]));
  let current = parentOf.get(issueId) ?? null;
  for (let steps = 0; current && steps <= codebook.issues.length; steps += 1) {
    if (current === issueId) return true;
    current = parentOf.get(current) ?? null;
  }
  return false;
}

/**
 * The codebook as a REFI-QDA code tree: four folders (Actors, Issues, Stances, Tags), issues
 * nested as in the codebook. What REFI-QDA has no field for (aliases, propositions, a stance's
 * place on the scale) goes into the code's description, so it is not lost on the way.
 * `extraTags` adds free tags used by claims but not listed in the codebook.
 */
export function buildCodeTree(codebook: Codebook, extraTags: string[] = []): { codes: RefiCode[]; index: RefiCodeIndex } {
  const index: RefiCodeIndex = { actors: new Map(), issues: new Map(), stances: new Map(), tags: new Map() };
  const actors = codebook.actors.map((actor): RefiCode => {
    const guid = stableGuid('actor', actor.id);
    index.actors.set(actor.id, guid);
    const description = actor.aliases.length ? `Also called: ${actor.aliases.join(', ')}` : null;
    return { guid, name: actor.name, isCodable: true, color: actor.color, description, children: [] };
  });

  const issueNode = new Map<string, RefiCode>();
  for (const issue of codebook.issues) {
    const guid = stableGuid('issue', issue.id);
    index.issues.set(issue.id, guid);
    const description = issue.propositions.length ? `Propositions:\n${issue.propositions.map((p) => `- ${p}`).join('\n')}` : null;
    issueNode.set(issue.id, { guid, name: issue.name, isCodable: true, color: null, description, children: [] });
  }
  const topIssues: RefiCode[] = [];
  for (const issue of codebook.issues) {
    const node = issueNode.get(issue.id);
    if (!node) continue;
    const parent = issue.parentId && !inCycle(codebook, issue.id) ? issueNode.get(issue.parentId) : undefined;
    (parent ? parent.children : topIssues).push(node);
  }

  const stances = [...codebook.stances]
    .sort((a, b) => a.value - b.value)
    .map((stance): RefiCode => {
      const guid = stableGuid('stance', stance.id);
      index.stances.set(stance.id, guid);
      return { guid, name: stance.label, isCodable: true, color: stance.color, description: `Scale value ${stance.value}`, children: [] };
    });

  const tagNames = [...new Set([...codebook.tags.map((t) => t.name), ...extraTags])];
  const tags = tagNames.map((name): RefiCode => {
    const guid = stableGuid('tag', name);
    index.tags.set(name, guid);
    const color = codebook.tags.find((t) => t.name === name)?.color ?? null;
    return { guid, name, isCodable: true, color, description: null, children: [] };
  });

  const codes = [
    group('Actors', actors, 'Who holds a position'),
    group('Issues', topIssues, 'What a position is about'),
    group('Stances', stances, 'Where an actor stands, from opposing to supporting'),
  ];
  if (tags.length) codes.push(group('Tags', tags, 'Free tags'));
  return { codes, index };
}

/** Renders codes as <Code> elements (the same in project and codebook files). */
export function renderCodes(codes: RefiCode[], indent: string): string {
  return codes
    .map((code) => {
      const open = `${indent}<Code${attrs({ guid: code.guid, name: code.name, isCodable: code.isCodable, color: code.color })}`;
      const inner = [
        code.description ? `${indent}  <Description>${xmlText(code.description)}</Description>` : null,
        code.children.length ? renderCodes(code.children, `${indent}  `) : null,
      ].filter(Boolean);
      return inner.length ? `${open}>\n${inner.join('\n')}\n${indent}</Code>` : `${open}/>`;
    })
    .join('\n');
}
