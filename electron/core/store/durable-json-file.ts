import type { Adapter, Low } from 'lowdb';
import { readTextIfExists, writeFileAtomic } from './fs-durable';

/**
 * A lowdb adapter for one JSON document that is validated as it is read and written durably.
 * lowdb's own JSONFile (via steno) renames without fsync, so an acknowledged write could vanish
 * on power loss; this one fsyncs the file and its folder before `write` resolves.
 *
 * `decode` is the store's restore path (parse, migrate, validate, fill defaults); it throws a
 * `DocumentProblem` for a file that cannot be used, which `read` passes on untouched.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly decode: (text: string) => T,
    private readonly pretty = false,
  ) {}

  /** The document, or null when the file does not exist. */
  async read(): Promise<T | null> {
    const text = await readTextIfExists(this.file);
    return text === null ? null : this.decode(text);
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.file, this.pretty ? JSON.stringify(data, null, 2) + '\n' : JSON.stringify(data));
  }
}

/** Writes a whole lowdb document; memory changes only once the write is durable. */
export async function replaceDoc<T>(db: Low<T>, next: T): Promise<void> {
  const previous = db.data;
  db.data = next;
  try {
    await db.write();
  } catch (error) {
    db.data = previous;
    throw error;
  }
}
