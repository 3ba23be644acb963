import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { EditorContent, useEditor } from '@tiptap/react';
import type { BriefWithCitations, FoundCitation } from '../../../../shared/api/contract-briefs';
import type { Brief, Claim } from '../../../../shared/model';
import { api } from '../../api/client';
import { errorText, useStatus } from '../../components/status-context';
import { seedCitations } from './brief-queries';
import { briefExtensions } from './brief-extensions';
import { CitationPicker } from './CitationPicker';
import { briefDocProblem, plainBlocks } from './doc-check';
import { EditorToolbar } from './EditorToolbar';
import { LinkDialog } from './LinkDialog';
import { SaveIndicator } from './SaveIndicator';
import { useAutosave } from './use-autosave';
import { BriefExportMenu } from '../export/BriefExportMenu';

interface BriefEditorProps {
  briefId: string;
  /** The claim selected in the claims sidebar, offered for "Cite selected". */
  citeClaim: Claim | null;
  /** The article open in the reader: the picker lists its claims first. */
  preferArticleId: string | null;
  /** Moves the cursor to the title whenever it grows (a new brief, or Rename); 0 leaves it be. */
  focusTitleRequest: number;
}

/**
 * Loads one brief and hands it to the document editor. The brief is read once per opening:
 * from then on the editor owns the document and the core only receives saves, so a refresh
 * prompted by any change event can never reset what the analyst is typing.
 */
export function BriefEditor({ briefId, ...rest }: BriefEditorProps) {
  const client = useQueryClient();
  const [loaded, setLoaded] = useState<BriefWithCitations | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    api.getBrief({ id: briefId }).then(
      (answer) => {
        if (!current) return;
        seedCitations(client, answer.citations);
        setLoaded(answer);
      },
      (error: unknown) => current && setProblem(error),
    );
    return () => {
      current = false;
    };
  }, [briefId, client]);
  if (problem)
    return (
      <p className="empty-note empty-note--centre" role="alert">
        This brief could not be opened: {errorText(problem)}
      </p>
    );
  if (!loaded) return <p className="empty-note empty-note--centre">Opening the brief…</p>;
  return <BriefDocument brief={loaded.brief} problem={briefDocProblem(loaded.brief.doc)} {...rest} />;
}

type Dialog = 'cite' | 'link' | null;

interface BriefDocumentProps extends Omit<BriefEditorProps, 'briefId'> {
  brief: Brief;
  /** Set when the editor cannot show the stored document faithfully: then nothing may be saved over it. */
  problem: string | null;
}

function BriefDocument({ brief, problem, citeClaim, preferArticleId, focusTitleRequest }: BriefDocumentProps) {
  const client = useQueryClient();
  const status = useStatus();
  const [title, setTitle] = useState(brief.title);
  const [dialog, setDialog] = useState<Dialog>(null);
  const titleRef = useRef<HTMLTextAreaElement>(null);
  // The editor's keys only raise requests: the extensions are created once, the effects below act on current props.
  const [citeSelectedRequest, setCiteSelectedRequest] = useState(0);

  const [extensions] = useState(() =>
    briefExtensions({
      onPickCitation: () => setDialog('cite'),
      onCiteSelected: () => {
        setCiteSelectedRequest((n) => n + 1);
        return true;
      },
      onLink: () => setDialog('link'),
    }),
  );
  const editor = useEditor({
    extensions,
    content: brief.doc,
    editable: !problem,
    editorProps: {
      attributes: { id: 'brief-editor-body', class: 'brief-doc', 'aria-label': 'Brief text', 'data-testid': 'brief-body' },
    },
    onUpdate: () => !problem && autosave.schedule(),
  });

  const autosave = useAutosave(async () => {
    const trimmed = titleRef.current?.value.trim() ?? '';
    await api.saveBrief({ id: brief.id, doc: editor.getJSON(), ...(trimmed ? { title: trimmed } : {}) });
  });

  useEffect(() => {
    if (!focusTitleRequest) return;
    titleRef.current?.focus();
    titleRef.current?.select();
  }, [focusTitleRequest]);

  const insertClaim = (claim: Claim) => {
    editor.chain().focus().insertCitation({ claimId: claim.id, articleId: claim.articleId, quote: claim.target.quote.exact }).run();
    status.announce('Citation inserted.');
  };
  useEffect(() => {
    if (!citeSelectedRequest) return;
    if (citeClaim) insertClaim(citeClaim);
    else status.announce('Select a claim in the claims sidebar first, or press Ctrl+Shift+K to find one.');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new request acts; a new sidebar selection alone must insert nothing
  }, [citeSelectedRequest]);

  const insertPicked = (c: FoundCitation) => {
    setDialog(null);
    seedCitations(client, [c]);
    editor.chain().focus().insertCitation({ claimId: c.claimId, articleId: c.article.id, quote: c.quote }).run();
    status.announce('Citation inserted.');
  };

  const applyLink = (href: string | null) => {
    setDialog(null);
    const chain = editor.chain().focus().extendMarkRange('link');
    (href ? chain.setLink({ href }) : chain.unsetLink()).run();
  };

  return (
    <div className="brief-editor" data-testid="brief-editor" data-brief-id={brief.id}>
      <div className="brief-editor__head">
        <label className="visually-hidden" htmlFor="brief-title">
          Brief title
        </label>
        {/* A one-line text area that grows to show the whole title (an input cut it to a few letters in a narrow window). */}
        <textarea
          id="brief-title"
          ref={titleRef}
          className="brief-editor__title"
          rows={1}
          value={title}
          maxLength={500}
          placeholder="Title of the brief"
          readOnly={!!problem}
          onChange={(e) => {
            // A title is one line: pasted line breaks become spaces.
            setTitle(e.target.value.replace(/\s*[\r\n]+\s*/g, ' '));
            autosave.schedule();
          }}
          onKeyDown={(e) => {
            // Enter leaves the title for the text, as in a document's title line.
            if (e.key === 'Enter') {
              e.preventDefault();
              // Focus now: tiptap's focus command waits a frame, and what a fast typist types in
              // that frame would land in the title.
              editor.view.focus();
              editor.commands.focus('start');
            }
          }}
        />
        {problem ? (
          <p className="brief-save">Read-only</p>
        ) : (
          <SaveIndicator state={autosave.state} error={autosave.error} emptyTitle={!title.trim()} />
        )}
        <BriefExportMenu briefId={brief.id} beforeExport={autosave.flush} />
      </div>
      {problem ? (
        <>
          <p className="form-error brief-editor__problem" role="alert">
            This brief holds content this version of Stancebook cannot show ({problem}), so it is open read-only and nothing will be saved over it.
            Its text:
          </p>
          <div className="brief-editor__scroll">
            <div className="brief-doc" data-testid="brief-read-only">
              {plainBlocks(brief.doc).map((text, i) => (
                <p key={i}>{text}</p>
              ))}
            </div>
          </div>
        </>
      ) : (
        <>
          <EditorToolbar
            editor={editor}
            onLink={() => setDialog('link')}
            onCite={() => setDialog('cite')}
            onCiteSelected={citeClaim ? () => insertClaim(citeClaim) : null}
          />
          <div className="brief-editor__scroll">
            <EditorContent editor={editor} className="brief-editor__content" />
          </div>
        </>
      )}
      {dialog === 'cite' && <CitationPicker preferArticleId={preferArticleId} onPick={insertPicked} onClose={() => setDialog(null)} />}
      {dialog === 'link' && (
        <LinkDialog initial={String(editor.getAttributes('link').href ?? '')} onApply={applyLink} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
