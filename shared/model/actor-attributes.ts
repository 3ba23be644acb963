import { z } from 'zod';

/**
 * What sort of actor: a person (Wang Yi), an organisation (Amnesty International), a government
 * or state (China, its Foreign Ministry), a party, a group (protesters, "experts"), or other.
 */
export const ACTOR_KINDS = ['person', 'organisation', 'government', 'party', 'group', 'other'] as const;
export const ActorKindSchema = z.enum(ACTOR_KINDS);
export type ActorKind = z.infer<typeof ActorKindSchema>;

/** How each kind reads in views and files. */
export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  government: 'Government or state',
  party: 'Party',
  group: 'Group',
  other: 'Other',
};

/** A Wikidata item id: Q and a number without leading zero (Q148 is China). Stored and linked, never fetched. */
export const WikidataIdSchema = z
  .string()
  .trim()
  .regex(/^Q[1-9]\d{0,11}$/, 'a Wikidata id is Q followed by digits, e.g. Q148 (copy it from the item’s page on wikidata.org)');

/** The Wikidata page of an item, for a link; the app never requests it. */
export const wikidataUrl = (id: string): string => `https://www.wikidata.org/wiki/${id}`;

/**
 * The registry attributes of an actor, each optional (absent or null: not known). A notebook
 * written before the registry has none, so stored actors need no migration.
 */
export const ActorAttributesShape = {
  kind: ActorKindSchema.nullable().optional(),
  /** As the analyst writes it ("China", "CN"); compared without case or surrounding space. */
  country: z.string().trim().max(100).nullable().optional(),
  /** Party or affiliation ("CCP", "Democratic Party", "UN"). */
  affiliation: z.string().trim().max(200).nullable().optional(),
  /** The actor this one belongs to (Wang Yi → China's Foreign Ministry → China); never a cycle. */
  parentId: z.string().min(1).max(200).nullable().optional(),
  wikidataId: WikidataIdSchema.nullable().optional(),
  notes: z.string().max(5000).nullable().optional(),
};
export const ActorAttributesSchema = z.object(ActorAttributesShape);
export type ActorAttributes = z.infer<typeof ActorAttributesSchema>;
export const ACTOR_ATTRIBUTE_KEYS = Object.keys(ActorAttributesShape) as (keyof ActorAttributes)[];

/** Which actors a positions map or network shows, by their attributes; empty lists filter nothing. */
export const ActorFilterSchema = z
  .object({
    kinds: z.array(ActorKindSchema).max(ACTOR_KINDS.length).optional(),
    countries: z.array(z.string().trim().min(1).max(100)).max(500).optional(),
    affiliations: z.array(z.string().trim().min(1).max(200)).max(500).optional(),
  })
  .strict();
export type ActorFilter = z.infer<typeof ActorFilterSchema>;

/** Draw actors as coded, one level up (each actor's parent), or at the top of their parent chain. */
export const RollUpSchema = z.enum(['none', 'parent', 'top']);
export type RollUp = z.infer<typeof RollUpSchema>;
