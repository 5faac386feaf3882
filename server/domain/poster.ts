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

export interface PosterText {
  heading: string;
  unitName: string;
  regionName: string;
  instruction: string;
  url: string;
}

export function posterSvg(p: PosterText): string {
  const qr = encode(p.url, { ecc: 'M', border: 2 });
  const width = 600;
  const module = Math.floor(440 / qr.size);
  const qrSize = module * qr.size;
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
  let path = '';
  qr.data.forEach((row, r) => row.forEach((dark, c) => {
    if (dark) path += `M${qrX + c * module},${qrY + r * module}h${module}v${module}h-${module}z`;
  }));
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
