import { z } from 'zod';

/**
 * Codebook entries to create together with a claim, because the analyst typed them while coding
 * it ("Create actor "Philippines""). The created actors join the claim's actors; the created
 * issue becomes its issue. One undo step covers the entries and the claim. New propositions and
 * tags typed on a claim need no entry here: they always reach the codebook.
 */
export const NewCodesSchema = z
  .object({
    /** Names of actors to add (a name the codebook already knows, as a name or alias, is reused). */
    actors: z.array(z.string().trim().min(1, 'an actor name cannot be empty').max(200)).max(20).optional(),
    /** An issue to add, under `parentId` (null: at the top); an existing name is reused. */
    issue: z
      .object({ name: z.string().trim().min(1, 'an issue name cannot be empty').max(200), parentId: z.string().min(1).max(200).nullable() })
      .strict()
      .optional(),
  })
  .strict();
export type NewCodes = z.infer<typeof NewCodesSchema>;
