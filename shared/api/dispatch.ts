import { type z } from 'zod';
import { contract, type ApiHandlers, type MethodName } from './contract';
import { toErrorPayload, UserError, type ApiErrorPayload } from './errors';

/** The wire result of any call: a value or an error payload. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorPayload };

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Formats zod issues as one readable sentence, e.g. "start: expected a number". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'request'}: ${issue.message}`)
    .join('; ');
}

/**
 * Validates a call against the contract and runs its handler. Every host goes through here,
 * so no request reaches the core unchecked. Never throws.
 */
export async function dispatch(handlers: ApiHandlers, name: unknown, request: unknown): Promise<CallResult> {
  try {
    if (!isMethodName(name)) {
      throw new UserError('invalid-request', `There is no API method called "${String(name)}".`);
    }
    const parsed = contract[name].request.safeParse(request ?? {});
    if (!parsed.success) {
      throw new UserError('invalid-request', `The request to ${name} was not valid: ${describeIssues(parsed.error)}.`);
    }
    const handler = handlers[name] as (req: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}
