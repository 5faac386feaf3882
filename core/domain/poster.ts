// The counter poster: a QR code to the unit's rating page with the unit's name, as one printable SVG.
import { encode } from 'uqr';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!);
}

/** Greedy line wrap for the SVG text (SVG has no automatic wrapping). */
function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A QR code of `url` as one SVG path of dark modules, `module` units each, starting at (x, y); and its side. */
export function qrPath(url: string, x: number, y: number, targetSize: number): { path: string; size: number; modules: boolean[][] } {
  const qr = encode(url, { ecc: 'M', border: 2 });
  const module = Math.max(1, Math.floor(targetSize / qr.size));
  let path = '';
  qr.data.forEach((row, r) => row.forEach((dark, c) => {
    if (dark) path += `M${x + c * module},${y + r * module}h${module}v${module}h-${module}z`;
  }));
  return { path, size: module * qr.size, modules: qr.data };
}

/** A square QR code of `url` as a standalone SVG (white quiet zone included), for pages and the screen. */
export function qrSvg(url: string, label: string): string {
  const { path, size } = qrPath(url, 0, 0, 400);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeXml(label)}"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

export interface PosterText {
  heading: string;
  unitName: string;
  regionName: string;
  instruction: string;
  url: string;
}

export function posterSvg(p: PosterText): string {
  const width = 600;
  const probe = qrPath(p.url, 0, 0, 440);
  const qrSize = probe.size;
  const qrX = (width - qrSize) / 2;
  const nameLines = wrap(p.unitName, 30);
  let y = 70;
  const text: string[] = [];
  text.push(`<text x="300" y="${y}" font-size="30" font-weight="700" text-anchor="middle">${escapeXml(p.heading)}</text>`);
  y += 50;
  for (const line of nameLines) {
    text.push(`<text x="300" y="${y}" font-size="26" font-weight="700" text-anchor="middle">${escapeXml(line)}</text>`);
    y += 34;
  }
  text.push(`<text x="300" y="${y}" font-size="20" text-anchor="middle">${escapeXml(p.regionName)}</text>`);
  const qrY = y + 25;
  const { path } = qrPath(p.url, qrX, qrY, 440);
  let after = qrY + qrSize + 40;
  const tail: string[] = [];
  for (const line of wrap(p.instruction, 44)) {
    tail.push(`<text x="300" y="${after}" font-size="20" text-anchor="middle">${escapeXml(line)}</text>`);
    after += 28;
  }
  tail.push(`<text x="300" y="${after + 6}" font-size="16" font-family="monospace" text-anchor="middle">${escapeXml(p.url)}</text>`);
  const height = after + 40;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(`${p.heading}: ${p.unitName}`)}">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<g font-family="system-ui, sans-serif" fill="#1b1f24">`,
    ...text,
    `<path d="${path}" fill="#000"/>`,
    ...tail,
    `</g></svg>`,
  ].join('\n');
}
