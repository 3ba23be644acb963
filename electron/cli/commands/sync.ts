import { parseArgs } from 'node:util';
import { CliError, type CliIo } from '../io';
import { call, withNotebook } from '../open';
import { USAGE } from '../usage';

const usage = USAGE.sync;

/**
 * Sharing through Git from the command line. The token comes from STANCEBOOK_GIT_TOKEN only
 * (never an argument: it would land in the shell history), and is never written anywhere.
 */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { data: { type: 'string' }, remote: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const [action = 'now', id, pick] = positionals;
  if (!['now', 'conflicts', 'resolve'].includes(action) || (action === 'resolve' && (!id || (pick !== 'ours' && pick !== 'theirs')))) {
    throw new CliError(`Usage: ${usage}`, 2);
  }
  let code = 0;
  await withNotebook(io, values.data, async (core) => {
    if (action === 'conflicts') {
      const conflicts = await call(core, 'listConflicts', {});
      if (values.json) io.out(JSON.stringify(conflicts, null, 2));
      else {
        for (const c of conflicts) {
          io.out(`${c.id}  ${c.kind} ${c.field}  "${c.label}"  ${c.reason}`);
          io.out(`    ours (${c.oursBy ?? 'unknown'}${c.applied === 'ours' ? ', shown now' : ''}): ${JSON.stringify(c.ours)}`);
          io.out(`    theirs (${c.theirsBy ?? 'unknown'}${c.applied === 'theirs' ? ', shown now' : ''}): ${JSON.stringify(c.theirs)}`);
        }
        io.out(`${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'} to review`);
      }
      return;
    }
    if (action === 'resolve') {
      const { remaining } = await call(core, 'resolveConflict', { id: id!, pick: pick as 'ours' | 'theirs' });
      io.out(`resolved ${id} (${pick}); ${remaining} conflict${remaining === 1 ? '' : 's'} left`);
      return;
    }
    if (values.remote !== undefined) await call(core, 'configureSync', { remote: values.remote });
    const status = await call(core, 'getSyncStatus', {});
    if (!status.remote) throw new CliError('This notebook has no remote yet: run "stancebook sync --remote https://…/notebook.git" once.');
    const token = io.env.STANCEBOOK_GIT_TOKEN || undefined;
    const username = io.env.STANCEBOOK_GIT_USERNAME || undefined;
    io.err(`syncing with ${status.remote}…`);
    const result = await call(core, 'sync', { ...(token ? { token } : {}), ...(username ? { username } : {}) });
    io.out(result.message);
    const a = result.applied;
    if (result.outcome === 'merged')
      io.out(
        `received: ${a.articles} article change(s), ${a.claims} claim change(s), ${a.briefs} brief change(s)${a.codebook ? ', the codebook' : ''}`,
      );
    if (result.newConflicts > 0) io.out('review them with "stancebook sync conflicts"');
    if (result.outcome === 'cancelled' || result.outcome === 'failed') code = 1;
  });
  return code;
}
