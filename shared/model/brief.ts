import { z } from 'zod';

/**
 * A brief: a tiptap (ProseMirror) JSON document. Claim citations are nodes of type
 * `claimCitation` with `attrs.claimId`; the document is otherwise free-form.
 */
export const BriefSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1).max(500),
  doc: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Brief = z.infer<typeof BriefSchema>;
