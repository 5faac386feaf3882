// Random tokens for sessions and kiosk devices: the client keeps the token, the database keeps its SHA-256 only.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
