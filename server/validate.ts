// Runs a valibot schema over a parsed body and turns its issues into the contract's 400 with named fields.
import * as v from 'valibot';
import { validationFailed } from './errors.ts';

export function parseWith<S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw validationFailed({ '(body)': 'must be a JSON object' });
  const result = v.safeParse(schema, body, { abortPipeEarly: true });
  if (result.success) return result.output;
  const fields: Record<string, string> = {};
  for (const issue of result.issues) {
    const path = v.getDotPath(issue) ?? '(body)';
    fields[path] ??= issue.input === undefined ? 'is required' : issue.message;
  }
  throw validationFailed(fields);
}
