import { useContext, useEffect, useRef, type RefObject } from 'react';
import { Button, ComboBox, ComboBoxStateContext, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import type { Issue } from '../../../../shared/model';
import { CREATE_KEY, codeOptions, exactEntry } from './code-options';
import type { CodebookLookup } from './codebook-lookup';

interface IssueFieldsProps {
  issues: Issue[];
  lookup: CodebookLookup;
  /** The issue field's text: an issue's name, or a new issue's. */
  issueText: string;
  onIssueText(text: string): void;
  /** Where a new issue goes (null: at the top). */
  newParentId: string | null;
  onNewParent(id: string | null): void;
  proposition: string;
  onProposition(text: string): void;
}

/** Issues in tree order, children after their parent, with their depth. */
export function issueTree(issues: readonly Issue[]): { issue: Issue; depth: number }[] {
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

type ComboBoxState = NonNullable<React.ContextType<typeof ComboBoxStateContext>>;

function StateHandle({ stateRef }: { stateRef: RefObject<ComboBoxState | null> }) {
  const state = useContext(ComboBoxStateContext);
  useEffect(() => {
    stateRef.current = state;
  });
  return null;
}

/**
 * Enter on typed text while the list is open and no option is highlighted takes the first option
 * and closes the list (never submits the form with the text half-chosen); on an empty field, a
 * closed list, or text that already is an option's, it is left to the form, which saves the
 * claim with the text as typed.
 */
function enterTakesFirst(e: React.KeyboardEvent, state: ComboBoxState | null, text: string, settled: boolean, takeFirst: () => void): void {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || !text.trim() || settled) return;
  // A closed list: the text is what it is, and Enter saves the claim with it.
  if (!state?.isOpen) return;
  const focused = state.selectionManager.focusedKey;
  if (focused !== null && focused !== undefined) return;
  e.preventDefault();
  e.stopPropagation();
  takeFirst();
  requestAnimationFrame(() => state.close());
}

/**
 * The issue and the proposition. Text that names no issue offers "Create issue "…"" first; a new
 * issue gets a parent picker beside it. The proposition is the analyst's wording: the issue's
 * known ones are offered, and a new one is added to the issue when the claim is saved.
 */
export function IssueFields(props: IssueFieldsProps) {
  const { issues, lookup, issueText, proposition } = props;
  const chosen = exactEntry(
    issues.map((i) => ({ key: i.id, name: i.name })),
    issueText,
  );
  const isNew = !chosen && issueText.trim().length > 0;
  const depth = new Map(issueTree(issues).map(({ issue, depth: d }) => [issue.id, d]));
  const order = issueTree(issues).map(({ issue }) => ({ key: issue.id, name: issue.name }));
  // With an issue chosen, the list shows them all (to switch); while typing, the matches.
  const issueOptions = codeOptions(order, chosen ? '' : issueText);
  const propositions = lookup.issue(chosen?.key ?? null)?.propositions ?? [];
  const propositionOptions = codeOptions(
    propositions.map((p) => ({ key: p, name: p })),
    propositions.some((p) => p === proposition) ? '' : proposition,
  );
  const issueState = useRef<ComboBoxState | null>(null);
  const propositionState = useRef<ComboBoxState | null>(null);

  return (
    <>
      <div className="issue-row">
        <ComboBox
          className="field combo"
          allowsCustomValue
          allowsEmptyCollection
          selectedKey={null}
          inputValue={issueText}
          onInputChange={props.onIssueText}
          onSelectionChange={(key) => {
            if (key === null || key === CREATE_KEY) return;
            const issue = issues.find((i) => i.id === key);
            if (issue) props.onIssueText(issue.name);
            // Setting the text after a pick reopens the list; it should settle instead.
            requestAnimationFrame(() => issueState.current?.close());
          }}
          defaultFilter={() => true}
        >
          <StateHandle stateRef={issueState} />
          <Label className="field-label">Issue</Label>
          <div className="combo-field">
            <Input
              className="input"
              placeholder="Type to find or create an issue…"
              onKeyDownCapture={(e) =>
                enterTakesFirst(e, issueState.current, issueText, !!chosen, () => {
                  const first = issueOptions[0];
                  if (first?.kind === 'entry') props.onIssueText(first.entry.name);
                })
              }
            />
            <Button className="combo-button" aria-label="Show issues">
              ▾
            </Button>
          </div>
          <Popover className="combo-popover">
            <ListBox className="combo-list" renderEmptyState={() => <div className="combo-empty">Type a name to add an issue</div>}>
              {issueOptions.map((option) =>
                option.kind === 'create' ? (
                  <ListBoxItem
                    key={CREATE_KEY}
                    id={CREATE_KEY}
                    textValue={`Create issue ${option.name}`}
                    className="combo-option combo-option--create"
                  >
                    <span aria-hidden="true">+</span> Create issue “{option.name}”
                  </ListBoxItem>
                ) : (
                  <ListBoxItem
                    key={option.entry.key}
                    id={option.entry.key}
                    textValue={option.entry.name}
                    className="combo-option"
                    style={{ paddingInlineStart: `${0.75 + (depth.get(option.entry.key) ?? 0)}em` }}
                  >
                    {option.entry.name}
                  </ListBoxItem>
                ),
              )}
            </ListBox>
          </Popover>
        </ComboBox>
        {isNew && (
          <label className="field issue-parent">
            <span className="field-label">
              New issue, under <span className="chip-new">new</span>
            </span>
            <select className="input" value={props.newParentId ?? ''} onChange={(e) => props.onNewParent(e.target.value || null)}>
              <option value="">(top level)</option>
              {issueTree(issues).map(({ issue, depth: d }) => (
                <option key={issue.id} value={issue.id}>
                  {'\u2003'.repeat(d)}
                  {issue.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ComboBox
        className="field combo"
        allowsCustomValue
        allowsEmptyCollection
        selectedKey={null}
        inputValue={proposition}
        onInputChange={props.onProposition}
        onSelectionChange={(key) => {
          if (key === null) return;
          if (key !== CREATE_KEY) props.onProposition(String(key));
          requestAnimationFrame(() => propositionState.current?.close());
        }}
        defaultFilter={() => true}
        menuTrigger="focus"
      >
        <StateHandle stateRef={propositionState} />
        <Label className="field-label">Proposition</Label>
        <div className="combo-field">
          <Input
            className="input"
            placeholder={propositions.length ? 'Pick one or write your own…' : 'What the stance is taken towards…'}
            onKeyDownCapture={(e) =>
              enterTakesFirst(e, propositionState.current, proposition, propositions.includes(proposition), () => {
                const first = propositionOptions[0];
                if (first?.kind === 'entry') props.onProposition(first.entry.name);
              })
            }
          />
          <Button className="combo-button" aria-label="Show known propositions">
            ▾
          </Button>
        </div>
        <Popover className="combo-popover">
          <ListBox className="combo-list" renderEmptyState={() => <div className="combo-empty">Write the proposition</div>}>
            {propositionOptions.map((option) =>
              option.kind === 'create' ? (
                <ListBoxItem
                  key={CREATE_KEY}
                  id={CREATE_KEY}
                  textValue={`Create proposition ${option.name}`}
                  className="combo-option combo-option--create"
                >
                  <span aria-hidden="true">+</span> Create proposition “{option.name}”
                </ListBoxItem>
              ) : (
                <ListBoxItem key={option.entry.key} id={option.entry.key} textValue={option.entry.name} className="combo-option">
                  {option.entry.name}
                </ListBoxItem>
              ),
            )}
          </ListBox>
        </Popover>
      </ComboBox>
    </>
  );
}
