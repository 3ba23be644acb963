import { UserError } from '../../../shared/api';
import { ImportError } from '../import/host';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The bytes of a file sent as base64. Node's decoder skips characters that are not base64,
 * which would turn a garbled upload into a different file, so the text is checked first.
 * @throws UserError 'invalid-request' when the data is not base64.
 */
export function fileBytes(name: string, dataBase64: string): Uint8Array {
  const compact = dataBase64.replace(/\s+/g, '');
  if (compact.length % 4 === 1 || !BASE64.test(compact)) {
    throw new UserError('invalid-request', `The data sent for ${name} is not base64, so the file cannot be read. Choose the file again.`);
  }
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

/** Runs importer work and turns its ImportError into a UserError that keeps the message. */
export async function importing<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ImportError) throw new UserError('import-failed', error.message);
    throw error;
  }
}
