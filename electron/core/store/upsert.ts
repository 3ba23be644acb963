/** Replaces items by id, appending new ones, keeping order. */
export function upsert<T extends { id: string }>(items: T[], changes: T[]): T[] {
  const byId = new Map(changes.map((item) => [item.id, item]));
  const result = items.map((item) => {
    const change = byId.get(item.id);
    if (change) byId.delete(item.id);
    return change ?? item;
  });
  return [...result, ...byId.values()];
}
