import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import type { Issue } from '../../../../shared/model';
import type { CodebookLookup } from './codebook-lookup';

interface IssueFieldsProps {
  issues: Issue[];
  lookup: CodebookLookup;
  issueId: string | null;
  proposition: string;
  onIssue(id: string | null): void;
  onProposition(text: string): void;
}

/** Issues in tree order, children after their parent, with their depth. */
function issueTree(issues: Issue[]): { issue: Issue; depth: number }[] {
  const out: { issue: Issue; depth: number }[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const issue of issues.filter((i) => i.parentId === parentId)) {
      out.push({ issue, depth });
      if (depth < 6) visit(issue.id, depth + 1);
    }
  };
  visit(null, 0);
  // Issues whose parent is missing still appear.
  for (const issue of issues) if (!out.some((o) => o.issue.id === issue.id)) out.push({ issue, depth: 0 });
  return out;
}

/** The issue (from the codebook) and the proposition (free text, the issue's known ones offered). */
export function IssueFields({ issues, lookup, issueId, proposition, onIssue, onProposition }: IssueFieldsProps) {
  const propositions = lookup.issue(issueId)?.propositions ?? [];
  return (
    <>
      <ComboBox className="field combo" selectedKey={issueId} onSelectionChange={(key) => onIssue(key === null ? null : String(key))}>
        <Label className="field-label">Issue</Label>
        <div className="combo-field">
          <Input className="input" placeholder="Type to find an issue…" />
          <Button className="combo-button" aria-label="Show issues">▾</Button>
        </div>
        <Popover className="combo-popover">
          <ListBox className="combo-list" renderEmptyState={() => <div className="combo-empty">No issue by that name</div>}>
            {issueTree(issues).map(({ issue, depth }) => (
              <ListBoxItem key={issue.id} id={issue.id} textValue={issue.name} className="combo-option" style={{ paddingInlineStart: `${0.75 + depth}em` }}>
                {issue.name}
              </ListBoxItem>
            ))}
          </ListBox>
        </Popover>
      </ComboBox>
      <ComboBox
        className="field combo"
        allowsCustomValue
        allowsEmptyCollection
        inputValue={proposition}
        onInputChange={onProposition}
        onSelectionChange={(key) => key !== null && onProposition(String(key))}
        menuTrigger="focus"
      >
        <Label className="field-label">Proposition</Label>
        <div className="combo-field">
          <Input className="input" placeholder={propositions.length ? 'Pick one or write your own…' : 'What the stance is taken towards…'} />
          <Button className="combo-button" aria-label="Show known propositions">▾</Button>
        </div>
        <Popover className="combo-popover">
          <ListBox className="combo-list" renderEmptyState={() => <div className="combo-empty">A new proposition</div>}>
            {propositions.map((p) => (
              <ListBoxItem key={p} id={p} textValue={p} className="combo-option">
                {p}
              </ListBoxItem>
            ))}
          </ListBox>
        </Popover>
      </ComboBox>
    </>
  );
}
