import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutput } from '../../../electron/cli/commands/export';
import { tempDir } from '../helpers/temp-notebook';

describe('writing an export file', () => {
  it('never overwrites a file that appeared after the check unless --force was given', async () => {
    const file = path.join(tempDir(), 'brief.pdf');
    // The file did not exist when the export began (outputPath passed), then appeared.
    writeFileSync(file, 'someone else’s file');
    await expect(writeOutput(file, 'export', false)).rejects.toThrow(/appeared while exporting; nothing was written\. Pass --force/);
    expect(readFileSync(file, 'utf8')).toBe('someone else’s file');
    await writeOutput(file, 'export', true);
    expect(readFileSync(file, 'utf8')).toBe('export');
  });
});
