import type { Issue } from '../../../../shared/model';

/** An issue with its depth, in tree order (parents before children, siblings by name). */
export interface IssueRow {
  issue: Issue;
  depth: number;
  hasChildren: boolean;
}

/** The issues as a flattened tree; issues whose parent is missing show at the top level. */
export function issueRows(issues: Issue[]): IssueRow[] {
  const ids = new Set(issues.map((i) => i.id));
  const children = new Map<string | null, Issue[]>();
  for (const issue of issues) {
    const parent = issue.parentId && ids.has(issue.parentId) ? issue.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), issue]);
  }
  const rows: IssueRow[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const issue of list) {
      // A loop in a hand-edited codebook must not hang the view.
      if (seen.has(issue.id)) continue;
      seen.add(issue.id);
      rows.push({ issue, depth, hasChildren: (children.get(issue.id)?.length ?? 0) > 0 });
      walk(issue.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** The issue and every issue under it: none of them may become its parent. */
export function issueAndDescendants(issues: Issue[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const issue of issues) {
      if (issue.parentId && found.has(issue.parentId) && !found.has(issue.id)) {
        found.add(issue.id);
        grew = true;
      }
    }
  }
  return found;
}
