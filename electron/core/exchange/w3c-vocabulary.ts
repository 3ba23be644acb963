import { createHash } from 'node:crypto';

/** The JSON-LD context every exported annotation names. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The parts of a claim's coding that travel as classifying bodies. */
export type CodingRole = 'actor' | 'issue' | 'stance' | 'proposition' | 'speaker';

const ROLES: readonly CodingRole[] = ['actor', 'issue', 'stance', 'proposition', 'speaker'];
const PREFIX = 'urn:stancebook:';

/**
 * The id of a coding body. Codebook entries keep their Stancebook id (so the same actor is the
 * same resource in every annotation); free text (proposition, speaker) gets a hash of its value.
 * The role is read back from the id on import, so other tools can ignore it and still see a
 * plain TextualBody with a purpose.
 */
export function codingBodyId(role: CodingRole, key: string): string {
  const local = role === 'proposition' || role === 'speaker' ? createHash('sha256').update(key).digest('hex').slice(0, 16) : encodeURIComponent(key);
  return `${PREFIX}${role}:${local}`;
}

/** The role a body id names, or null for anything not made by {@link codingBodyId}. */
export function roleOfBodyId(id: unknown): CodingRole | null {
  if (typeof id !== 'string' || !id.startsWith(PREFIX)) return null;
  const role = id.slice(PREFIX.length).split(':')[0];
  return ROLES.find((r) => r === role) ?? null;
}

export function annotationIdOf(claimId: string): string {
  return `${PREFIX}claim:${encodeURIComponent(claimId)}`;
}
