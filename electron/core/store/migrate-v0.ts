/** Placeholder, replaced by the real v0 migration. */
export async function migrateV0Layout(_dir: string, _now: () => Date): Promise<void> {
  throw new Error('schema 0 notebooks are not supported yet');
}
