import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../../../shared/api';
import { CoderSchema, type Coder } from '../../../shared/model';
import type { CoreContext } from '../context';
import { readTextIfExists, writeFileAtomic } from '../store/fs-durable';

/**
 * The settings of this copy of a notebook, not of the notebook: who codes here. They live in
 * their own file beside the store's, `settings.local.json`, so that a notebook shared through
 * Git carries every coder's claims but each copy keeps its own coder (sync leaves the file out).
 */
export const LOCAL_SETTINGS_FILE = 'settings.local.json';
export const LOCAL_SETTINGS_VERSION = 1;

const LocalSettingsSchema = z.object({
  schemaVersion: z.number().int().positive(),
  coder: CoderSchema.nullable(),
});
type LocalSettings = z.infer<typeof LocalSettingsSchema>;

const cache = new WeakMap<CoreContext, Coder | null>();

/**
 * Reads the settings file. A missing file means no coder yet; a file that cannot be read (bad
 * JSON, a future version) is not overwritten silently: it is reported as no coder, and the next
 * `setCoder` replaces it (the coder is a name and an id the analyst gives again).
 */
async function readLocalSettings(dir: string): Promise<LocalSettings> {
  let text: string | null;
  try {
    text = await readTextIfExists(path.join(dir, LOCAL_SETTINGS_FILE));
  } catch {
    return { schemaVersion: LOCAL_SETTINGS_VERSION, coder: null };
  }
  if (text === null) return { schemaVersion: LOCAL_SETTINGS_VERSION, coder: null };
  try {
    const parsed = LocalSettingsSchema.safeParse(JSON.parse(text));
    if (parsed.success && parsed.data.schemaVersion <= LOCAL_SETTINGS_VERSION) return parsed.data;
  } catch {
    // Not JSON: treated as no coder, below.
  }
  return { schemaVersion: LOCAL_SETTINGS_VERSION, coder: null };
}

/** This copy's coder, or null when none was set (claims made then carry no createdBy). */
export async function getCoder(ctx: CoreContext): Promise<Coder | null> {
  if (cache.has(ctx)) return cache.get(ctx) ?? null;
  const { coder } = await readLocalSettings(ctx.store.dir);
  cache.set(ctx, coder);
  return coder;
}

/**
 * Sets this copy's coder: a new name keeps the id (a renamed coder is the same coder), unless
 * `id` is given (to take up an identity used before, e.g. on a fresh clone). The first coder
 * gets a stable random id.
 */
export async function setCoder(ctx: CoreContext, request: { name: string; id?: string }): Promise<Coder> {
  const name = request.name.trim();
  if (!name) throw new UserError('invalid-request', 'A coder needs a name: type the name others know you by.');
  const current = await getCoder(ctx);
  const id = request.id?.trim() || current?.id || ctx.newId('coder');
  const parsed = CoderSchema.safeParse({ id, name });
  if (!parsed.success) {
    throw new UserError('invalid-request', `That coder cannot be stored: ${parsed.error.issues[0]?.message ?? 'invalid'}. Use a shorter name.`);
  }
  const settings: LocalSettings = { schemaVersion: LOCAL_SETTINGS_VERSION, coder: parsed.data };
  await writeFileAtomic(path.join(ctx.store.dir, LOCAL_SETTINGS_FILE), `${JSON.stringify(settings, null, 2)}\n`);
  cache.set(ctx, parsed.data);
  ctx.emit({ scope: 'notebook' });
  return parsed.data;
}
