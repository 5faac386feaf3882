// Evidence files of the RTL register (issue 18, item 3): a PDF or an image, at most 5 MB, its type decided by its first
// bytes (magic numbers), never by its name or the type the browser declared.
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/** The file's type by its signature: PDF (%PDF-), PNG, JPEG (FF D8 FF) or WebP (RIFF….WEBP); null for anything else. */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** A stored name: the uploaded name's last path segment, printable, at most 120 characters; the extension follows the type. */
export function evidenceFileName(name: string, type: EvidenceType): string {
  const ext = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' }[type];
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"<>]/g, '').replace(/\.[A-Za-z0-9]{1,5}$/, '').trim().slice(0, 100) || 'bukti';
  return `${base}.${ext}`;
}
