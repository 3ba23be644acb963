import { type z } from 'zod';
import { CallOptionsSchema, contract, type ApiHandlers, type MethodName } from './contract';
import { toErrorPayload, UserError, type ApiErrorPayload } from './errors';

/** The wire result of any call: a value or an error payload. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorPayload };

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Formats zod issues as one readable sentence, e.g. "start: expected a number". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'request'}: ${issue.message}`).join('; ');
}

/** Runs a call's work under its change id, so the change events it causes carry it (the core's withChange). */
export type WithChange = <T>(changeId: string | undefined, work: () => Promise<T>) => Promise<T>;

/** What a host passes along with a call: the caller's options as received (checked here) and the core's withChange. */
export interface CallEnvelope {
  options?: unknown;
  withChange?: WithChange;
}

/**
 * Validates a call against the contract and runs its handler. Every host goes through here,
 * so no request reaches the core unchecked. Never throws.
 */
export async function dispatch(handlers: ApiHandlers, name: unknown, request: unknown, envelope: CallEnvelope = {}): Promise<CallResult> {
  try {
    if (!isMethodName(name)) {
      throw new UserError('invalid-request', `There is no API method called "${String(name)}".`);
    }
    const options = CallOptionsSchema.safeParse(envelope.options ?? {});
    if (!options.success) {
      throw new UserError('invalid-request', `The options of the call to ${name} were not valid: ${describeIssues(options.error)}.`);
    }
    const parsed = contract[name].request.safeParse(request ?? {});
    if (!parsed.success) {
      throw new UserError('invalid-request', `The request to ${name} was not valid: ${describeIssues(parsed.error)}.`);
    }
    const handler = handlers[name] as (req: unknown) => Promise<unknown>;
    const run = () => handler(parsed.data);
    const { changeId } = options.data;
    return { ok: true, value: await (envelope.withChange && changeId ? envelope.withChange(changeId, run) : run()) };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}
