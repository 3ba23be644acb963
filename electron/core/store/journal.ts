import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { NO_FOLLOW } from './links';
import { JournalLineSchema, type JournalLine } from './documents';
import { DocumentProblem } from './errors';
import { checkWriteFault, fsyncDir, readTextIfExists } from './fs-durable';
import path from 'node:path';

/** What reading the journal found. */
export interface JournalContents {
  /** Every readable line, in file order (also those after a damaged line, for replay). */
  lines: JournalLine[];
  /** Set when a whole line could not be read: the journal is damaged. */
  problem: DocumentProblem | null;
  /** How many whole lines could not be read. */
  badLines: number;
  /**
   * A cut-off record at the end (a write a crash cut short, never acknowledged), or null.
   * `id` is the article it names, when that part made it to disk.
   */
  torn: { id: string | null } | null;
  /** The text up to and including the last whole line (what remains once a torn tail is dropped). */
  whole: string;
}

/**
 * library.journal, the write-ahead log: append-only JSON lines. An append is acknowledged only
 * after fdatasync, so it is the durable record of a claim save; shards, the trash and
 * library.json catch up later (see README). After a failed append the file may hold a line
 * the store never applied, so every later append is refused until the notebook is reopened.
 */
export class LibraryJournal {
  private failed: Error | null = null;

  private constructor(
    private readonly file: string,
    private handle: FileHandle,
    /** The seq of the last line written (or read). */
    public lastSeq: number,
    /** Lines in the file now, to decide when to compact. */
    public lineCount: number,
    /** Bytes in the file now, to decide when to compact (claim lines carry whole claims). */
    public byteCount: number,
  ) {}

  /** Reads the journal and opens it for appending. */
  static async open(file: string): Promise<{ journal: LibraryJournal; contents: JournalContents }> {
    const text = await readTextIfExists(file);
    const contents = parseJournal(text ?? '');
    // Never through a link: a planted library.journal link would make appends (and clear's truncate) land outside.
    const handle = await open(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW);
    if (text === null) await fsyncDir(path.dirname(file));
    const lastSeq = contents.lines.reduce((max, line) => Math.max(max, line.seq), 0);
    const journal = new LibraryJournal(file, handle, lastSeq, contents.lines.length, Buffer.byteLength(text ?? ''));
    return { journal, contents };
  }

  /** Continues numbering after a snapshot whose journalSeq is higher than any line here. */
  bumpSeq(seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
  }

  nextSeq(): number {
    return this.lastSeq + 1;
  }

  /** Appends one line and resolves once it is on disk (the acknowledgement of a save). */
  async append(line: JournalLine): Promise<void> {
    if (this.failed) throw new Error(`an earlier journal write failed (${this.failed.message}); reopen the notebook`, { cause: this.failed });
    const text = JSON.stringify(line) + '\n';
    try {
      checkWriteFault(this.file);
      // One write() per line: a killed process leaves at worst this line cut short at the end.
      await this.handle.write(text);
      await this.handle.datasync();
    } catch (error) {
      // Cut whatever part of the line reached the file (a full disk takes part of it): the
      // journal is then exactly what was acknowledged, and later appends (once there is space)
      // can go on. Only if that fails too is the journal refused until reopened.
      try {
        await this.cutTo(this.byteCount);
      } catch {
        this.failed = error instanceof Error ? error : new Error(String(error));
      }
      throw error;
    }
    this.lastSeq = Math.max(this.lastSeq, line.seq);
    this.lineCount++;
    this.byteCount += Buffer.byteLength(text);
  }

  /** Where the journal ends now: pass to `retract` to take back the lines appended after it. */
  mark(): { bytes: number; lines: number; lastSeq: number } {
    return { bytes: this.byteCount, lines: this.lineCount, lastSeq: this.lastSeq };
  }

  /**
   * Takes back the lines appended since `mark` (a change whose file write then failed), by
   * truncation: needs no free space, unlike a compensating line.
   */
  async retract(mark: { bytes: number; lines: number; lastSeq: number }): Promise<void> {
    await this.cutTo(mark.bytes);
    this.lineCount = mark.lines;
    this.lastSeq = mark.lastSeq;
  }

  private async cutTo(bytes: number): Promise<void> {
    await this.handle.truncate(bytes);
    await this.handle.datasync();
    this.byteCount = bytes;
  }

  /** Empties the journal once library.json and the shards hold everything in it. */
  async clear(): Promise<void> {
    await this.handle.truncate(0);
    await this.handle.sync();
    this.lineCount = 0;
    this.byteCount = 0;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  get path(): string {
    return this.file;
  }
}

/** A record starts like this; a cut-off tail that does not is damage, not a torn append. */
const RECORD_START = '{"seq":';

/** Splits the journal text into readable lines, damaged lines and a torn tail. */
export function parseJournal(text: string): JournalContents {
  const cut = text.lastIndexOf('\n') + 1;
  const whole = text.slice(0, cut);
  const tail = text.slice(cut);
  const parts = whole === '' ? [] : whole.slice(0, -1).split('\n');
  const lines: JournalLine[] = [];
  let badLines = 0;
  let firstBad = 0;
  // Damaged lines are counted and skipped: the readable ones around them still hold acked saves.
  for (let i = 0; i < parts.length; i++) {
    const parsed = parseLine(parts[i] ?? '');
    if (parsed) lines.push(parsed);
    else if (badLines++ === 0) firstBad = i + 1;
  }
  let torn: JournalContents['torn'] = null;
  let keep = whole;
  if (tail !== '') {
    const last = parseLine(tail);
    // A record whose newline did not reach the disk is whole: keep it (it may have been acked).
    if (last) {
      lines.push(last);
      keep = `${whole}${tail}\n`;
    } else if (tail.startsWith(RECORD_START)) torn = { id: tornId(tail) };
    else if (badLines++ === 0) firstBad = parts.length + 1;
  }
  const problem =
    badLines > 0
      ? new DocumentProblem(`has ${badLines} unreadable line(s) (the first is line ${firstBad} of ${parts.length + (tail ? 1 : 0)})`)
      : null;
  return { lines, problem, badLines, torn, whole: keep };
}

/** The article a cut-off record names: records put the article id before the bulky fields. */
function tornId(tail: string): string | null {
  const match = /^\{"seq":\d+,"op":"(?:claims","articleId"|del","id"|put","rev":\d+,"summary":\{"id"):"((?:[^"\\]|\\.)*)"/.exec(tail);
  if (!match) return null;
  try {
    return JSON.parse(`"${match[1]}"`) as string;
  } catch {
    return null;
  }
}

function parseLine(text: string): JournalLine | null {
  try {
    const result = JournalLineSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
