import { open, type FileHandle } from 'node:fs/promises';
import { JournalLineSchema, type JournalLine } from './documents';
import { DocumentProblem } from './errors';
import { fsyncDir, readTextIfExists } from './fs-durable';
import path from 'node:path';

/** What reading the journal found. */
export interface JournalContents {
  lines: JournalLine[];
  /** Set when a line could not be read or the file is cut off: the journal is damaged. */
  problem: DocumentProblem | null;
}

/**
 * library.journal: append-only JSON lines of index changes. An append is acknowledged only
 * after fdatasync, so it is the cheap durable record of a claim save (library.json is rewritten
 * only at compaction). A damaged journal is reported, and the caller rebuilds the
 * index from the shards.
 */
export class LibraryJournal {
  private constructor(
    private readonly file: string,
    private handle: FileHandle,
    /** The seq of the last line written (or read). */
    public lastSeq: number,
    /** Lines in the file now, to decide when to compact. */
    public lineCount: number,
  ) {}

  /** Reads the journal and opens it for appending. */
  static async open(file: string): Promise<{ journal: LibraryJournal; contents: JournalContents }> {
    const contents = await readJournal(file);
    const existed = (await readTextIfExists(file)) !== null;
    const handle = await open(file, 'a');
    if (!existed) await fsyncDir(path.dirname(file));
    const lastSeq = contents.lines.reduce((max, line) => Math.max(max, line.seq), 0);
    return { journal: new LibraryJournal(file, handle, lastSeq, contents.lines.length), contents };
  }

  /** Continues numbering after a snapshot whose journalSeq is higher than any line here. */
  bumpSeq(seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
  }

  nextSeq(): number {
    return this.lastSeq + 1;
  }

  /** Appends one line and resolves once it is on disk. */
  async append(line: JournalLine): Promise<void> {
    await this.handle.write(JSON.stringify(line) + '\n');
    await this.handle.datasync();
    this.lastSeq = Math.max(this.lastSeq, line.seq);
    this.lineCount++;
  }

  /** Empties the journal once library.json holds everything in it. */
  async clear(): Promise<void> {
    await this.handle.truncate(0);
    await this.handle.sync();
    this.lineCount = 0;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  get path(): string {
    return this.file;
  }
}

async function readJournal(file: string): Promise<JournalContents> {
  const text = await readTextIfExists(file);
  if (text === null || text === '') return { lines: [], problem: null };
  const parts = text.split('\n');
  // The piece after the last newline is "" for a whole journal. A line is one write() of a few
  // hundred bytes, which a killed process cannot cut short; a cut-off tail means power loss or
  // damage, and lines before it may be lost too, so it is treated as damage, not ignored.
  const tail = parts.pop() ?? '';
  const lines: JournalLine[] = [];
  for (let i = 0; i < parts.length; i++) {
    const parsed = parseLine(parts[i] ?? '');
    if (!parsed) return { lines, problem: new DocumentProblem(`has an unreadable line (${i + 1} of ${parts.length})`) };
    lines.push(parsed);
  }
  if (tail !== '') return { lines, problem: new DocumentProblem(`is cut off after line ${parts.length}`) };
  return { lines, problem: null };
}

function parseLine(text: string): JournalLine | null {
  try {
    const result = JournalLineSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
