// Issue 24 F3, over a real socket against `npm start`'s server (96 MB heap): 30 evidence PDFs of 5 MB, then the
// unit's evidence pack. The pack loaded every file into memory and the process died; it is streamed now, a slice of
// each file at a time, and staff cannot store more than the unit's quota nor upload more than its daily cap.
import { execFileSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, reportSkip, signInOverHttp, startServer, type RunningServer } from '../support/browser.ts';

reportSkip('evidence pack memory (uses the same server helper as the browser tests)');

const UNIT = 'dukcapil-kota-palembang';
const FILE_BYTES = 5 * 1024 * 1024;
const FILES = 30;
let server: RunningServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rapor-pack-'));
  if (hasChromium) server = await startServer({ RAPOR_DEMO: 'on' });
}, 180_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const signIn = (email: string) => signInOverHttp(server, email);

const rssKb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]);

function pdf(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(FILE_BYTES);
  randomFillSync(bytes);
  bytes.set(new TextEncoder().encode('%PDF-1.4\n'), 0);
  return bytes;
}

describe.skipIf(!hasChromium)('evidence pack of 30 × 5 MB', () => {
  it('streams a valid ZIP with every file while the server’s memory stays flat; quota and daily cap refuse more', async () => {
    const admin = await signIn('admin@demo.rapor.id');
    const staff = await signIn(`staff.${UNIT}@demo.rapor.id`);
    const limits = (body: object) => fetch(`${server.url}/api/admin/units/${UNIT}/limits`, {
      method: 'PUT', headers: { cookie: admin, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    // The administrator lets this unit upload the whole 150 MB today (the default cap is 50 MB a day).
    const raised = await limits({ evidenceMbPerDay: 200 });

    const items = (await (await fetch(`${server.url}/api/units/${UNIT}/follow-ups`)).json()) as { items: { id: string; period: string }[] };
    const item = items.items.find((f) => f.period.startsWith('2026'))!;
    const upload = async (bytes: Uint8Array<ArrayBuffer>) => {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'bukti.pdf');
      const res = await fetch(`${server.url}/api/staff/units/${UNIT}/follow-ups/${item.id}/evidence`, { method: 'POST', headers: { cookie: staff, origin: server.url }, body: form });
      return { status: res.status, body: (await res.json()) as { sha256?: string; error?: { code: string } } };
    };
    const uploaded: string[] = [];
    for (let i = 0; i < FILES; i++) {
      const r = await upload(pdf());
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      uploaded.push(r.body.sha256!);
    }
    console.log(`[F3] ${FILES} files of 5 MB uploaded`);

    // The pack, written to disk as it arrives, while the server's resident memory is sampled.
    const before = rssKb();
    let peak = before;
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, rssKb());
      } catch {
        // the process is gone: the download below fails and says so
      }
    }, 25);
    const zipFile = join(dir, 'pack.zip');
    try {
      const res = await fetch(`${server.url}/api/compliance/pack?unit=${UNIT}&year=2026`, { headers: { cookie: staff } });
      expect(res.status).toBe(200);
      const out = openSync(zipFile, 'w');
      const reader = res.body!.getReader();
      try {
        for (let r = await reader.read(); !r.done; r = await reader.read()) writeSync(out, r.value);
      } finally {
        closeSync(out);
      }
    } finally {
      clearInterval(sampler);
    }
    const packBytes = statSync(zipFile).size;
    console.log(`[F3] pack ${(packBytes / 1048576).toFixed(1)} MB; server RSS before ${(before / 1024).toFixed(0)} MB, peak while packing ${(peak / 1024).toFixed(0)} MB (+${((peak - before) / 1024).toFixed(0)} MB)`);

    // A valid ZIP (unzip tests every entry's CRC) whose manifest lists each uploaded file with its hash.
    expect(execFileSync('unzip', ['-tq', zipFile]).toString()).toMatch(/No errors detected/);
    const manifest = JSON.parse(execFileSync('unzip', ['-p', zipFile, 'manifest.json'], { maxBuffer: 16 * 1024 * 1024 }).toString()) as { files: { path: string; bytes: number; sha256: string }[] };
    const evidence = manifest.files.filter((f) => f.path.startsWith(`rtl/bukti/${item.id}/`));
    expect(new Set(manifest.files.map((f) => f.path)).size).toBe(manifest.files.length);
    expect(evidence.map((f) => f.sha256).sort()).toEqual(expect.arrayContaining([...uploaded].sort()));
    expect(evidence.filter((f) => uploaded.includes(f.sha256)).every((f) => f.bytes === FILE_BYTES)).toBe(true);
    const first = evidence.find((f) => f.sha256 === uploaded[0])!;
    const firstBytes = execFileSync('unzip', ['-p', zipFile, first.path], { maxBuffer: 2 * FILE_BYTES });
    expect(createHash('sha256').update(firstBytes).digest('hex')).toBe(uploaded[0]);
    // Memory does not follow the pack: the server grew by less than half of what it sent.
    expect((peak - before) * 1024).toBeLessThan(packBytes / 2);

    // The quota: at 150 MB stored, a quota of 150 MB refuses the next file with 413; the daily cap with 409.
    expect(raised.status).toBe(200);
    expect((await limits({ evidenceQuotaMb: 150 })).status).toBe(200);
    const overQuota = await upload(pdf());
    expect([overQuota.status, overQuota.body.error?.code]).toEqual([413, 'evidence_quota_exceeded']);
    expect((await limits({ evidenceQuotaMb: 1000, evidenceMbPerDay: 150 })).status).toBe(200);
    const overDay = await upload(pdf());
    expect([overDay.status, overDay.body.error?.code]).toEqual([409, 'evidence_daily_cap_reached']);
  }, 600_000);
});
