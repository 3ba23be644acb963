import { z } from 'zod';

/** One API method: its request and response schemas. */
export interface MethodSpec<Req extends z.ZodType, Res extends z.ZodType> {
  request: Req;
  response: Res;
  /** What the method does, for the docs and the preload's TSDoc. */
  summary: string;
}

/** Declares one contract entry. */
export function method<Req extends z.ZodType, Res extends z.ZodType>(summary: string, request: Req, response: Res): MethodSpec<Req, Res> {
  return { summary, request, response };
}

/** A file produced by an export, for the renderer to save or the CLI to write. */
export const ExportedFileSchema = z.object({
  filename: z.string(),
  mimeType: z.string(),
  /** Text, or base64 when `encoding` is "base64" (PDF, DOCX, zip). */
  content: z.string(),
  encoding: z.enum(['utf8', 'base64']).optional(),
});
export type ExportedFile = z.infer<typeof ExportedFileSchema>;
