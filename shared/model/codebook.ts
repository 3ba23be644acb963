import { z } from 'zod';
import { ActorAttributesShape } from './actor-attributes';

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb');

/** Someone who holds positions: a state, an organisation, a person, "Experts". */
export const ActorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(200),
  /** Other names that mean this actor, e.g. "Wang Yi", "Beijing" for China. */
  aliases: z.array(z.string().min(1).max(200)),
  color: hexColour.nullable(),
  ...ActorAttributesShape,
});
export type Actor = z.infer<typeof ActorSchema>;

/** A topic positions are taken on; issues nest through parentId. */
export const IssueSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(200),
  parentId: z.string().nullable(),
  /** Propositions known for this issue, offered when coding a claim. */
  propositions: z.array(z.string().min(1).max(1000)),
});
export type Issue = z.infer<typeof IssueSchema>;

/** A point on the ordered stance scale; `value` orders it (negative opposes, positive supports). */
export const StanceSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1).max(100),
  value: z.number().int().min(-10).max(10),
  color: hexColour,
});
export type Stance = z.infer<typeof StanceSchema>;

export const TagSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(100),
  color: hexColour.nullable(),
});
export type Tag = z.infer<typeof TagSchema>;

export const CodebookSchema = z.object({
  actors: z.array(ActorSchema),
  issues: z.array(IssueSchema),
  stances: z.array(StanceSchema),
  tags: z.array(TagSchema),
});
export type Codebook = z.infer<typeof CodebookSchema>;
