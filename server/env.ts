// The one place that reads process.env. Bad settings fail at start with a message that says what to change.
import { resolve } from 'node:path';
import { DEFAULT_SQLITE_FILE, DEMO_SQLITE_FILE } from '../db/connect.ts';
import { MAX_BATCH } from '../db/group-commit.ts';
import { parseProxyTrust, type ProxyTrust } from './auth/client.ts';

export interface Env {
  port: number;
  host: string;
  /** DATABASE_URL, or the default SQLite file: data/demo.db in demo mode, data/rapor.db otherwise. */
  databaseUrl: string;
  /** NODE_ENV is "production" in any spelling ("Production", " PRODUCTION"): a live portal. */
  production: boolean;
  /** Seed the demo world into an empty database (never in production). */
  demo: boolean;
  distDir: string;
  /** RAPOR_TRUST_PROXY parsed; undefined when off. */
  trustProxy: ProxyTrust | undefined;
  publicUrl: string | undefined;
  asnThresholds: { meets: number; above: number };
  /** RAPOR_WRITE_BATCH: the most ratings committed together (docs/decisions/035); 1 commits each alone. */
  writeBatch: number;
}

export class EnvError extends Error {}

function publicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^https?:\/\/[^\s/]+/.test(value)) throw new EnvError(`RAPOR_PUBLIC_URL must be an http(s) address such as https://rapor.gorontaloprov.go.id, not "${value}".`);
  return value.replace(/\/$/, '');
}

function proxyTrust(value: string | undefined): ProxyTrust | undefined {
  try {
    return parseProxyTrust(value);
  } catch (error) {
    throw new EnvError((error as Error).message);
  }
}

/** "90,110": achievement from which a result is suggested as meeting, and as above, expectations. */
function thresholds(value: string | undefined): { meets: number; above: number } {
  if (!value) return { meets: 90, above: 110 };
  const m = /^\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
  if (!m || Number(m[1]) >= Number(m[2])) throw new EnvError(`RAPOR_ASN_THRESHOLDS must be two increasing percentages such as "90,110", not "${value}".`);
  return { meets: Number(m[1]), above: Number(m[2]) };
}

function writeBatch(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return MAX_BATCH;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new EnvError(`RAPOR_WRITE_BATCH must be a whole number from 1 to 1000, not "${value}".`);
  return n;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const production = source.NODE_ENV?.trim().toLowerCase() === 'production';
  const portText = source.PORT ?? '4321';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new EnvError(`PORT must be a whole number from 0 to 65535, not "${portText}".`);
  }
  const demoText = (source.RAPOR_DEMO ?? (production ? 'off' : 'on')).trim().toLowerCase();
  if (!['on', 'off', '1', '0', 'true', 'false'].includes(demoText)) {
    throw new EnvError(`RAPOR_DEMO must be "on" or "off", not "${source.RAPOR_DEMO}".`);
  }
  const demo = ['on', '1', 'true'].includes(demoText);
  if (demo && production) {
    throw new EnvError('RAPOR_DEMO is refused when NODE_ENV=production: demo accounts and data must never reach a live portal.');
  }
  return {
    port,
    host: source.HOST ?? '0.0.0.0',
    databaseUrl: source.DATABASE_URL?.trim() || (demo ? DEMO_SQLITE_FILE : DEFAULT_SQLITE_FILE),
    production,
    demo,
    distDir: resolve(source.RAPOR_DIST_DIR ?? 'dist'),
    trustProxy: proxyTrust(source.RAPOR_TRUST_PROXY),
    publicUrl: publicUrl(source.RAPOR_PUBLIC_URL),
    asnThresholds: thresholds(source.RAPOR_ASN_THRESHOLDS),
    writeBatch: writeBatch(source.RAPOR_WRITE_BATCH),
  };
}
