// Fonts of the PDF files (docs/decisions/046-report-fonts-and-drafts.md): DejaVu Sans (npm dejavu-fonts-ttf: TTF, Latin
// with every diacritic, Greek, Cyrillic, Arabic, symbols) and, for what it lacks, Noto Sans SC (npm @fontsource/noto-sans-sc:
// WOFF2 files split by Unicode range, listed in the package's unicode.json) for Chinese and Japanese kanji. Text is cut
// into runs, each printed in the first font that has its characters; a character no font has prints as U+FFFD, visibly.
// pdfkit embeds only the glyphs used (a subset), so a report stays small. Files are found through Node's resolution from
// this module (createRequire), whatever the working directory the server was started from.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export type FontStyle = 'regular' | 'bold' | 'oblique' | 'boldOblique';
const STYLES: FontStyle[] = ['regular', 'bold', 'oblique', 'boldOblique'];
const DEJAVU: Record<FontStyle, string> = {
  regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', oblique: 'DejaVuSans-Oblique.ttf', boldOblique: 'DejaVuSans-BoldOblique.ttf',
};
/** What prints for a character no embedded font has (an emoji beyond DejaVu's, a script without a font here). */
export const MISSING = '\uFFFD';

interface Base { font: fontkit.Font }
interface Chunk { name: string; ranges: [number, number][] }

let bases: Record<FontStyle, Base> | null = null;
let chunks: Chunk[] | null = null;
/** Parsed CJK chunks, kept once read (each is 20–200 KB; a report needs the few its text uses). */
const cjkFonts = new Map<string, fontkit.Font>();
const cjkDir = () => join(dirname(require.resolve('@fontsource/noto-sans-sc/unicode.json')), 'files');

function baseFonts(): Record<FontStyle, Base> {
  if (bases === null) {
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const load = (style: FontStyle): Base => {
      return { font: fontkit.create(readFileSync(join(dir, DEJAVU[style]))) };
    };
    bases = Object.fromEntries(STYLES.map((s) => [s, load(s)])) as Record<FontStyle, Base>;
  }
  return bases;
}

/** The package's unicode.json: subset name ("[12]", "latin") → "U+4e00-4e3f,U+4e41,…". */
function cjkChunks(): Chunk[] {
  if (chunks === null) {
    const map = JSON.parse(readFileSync(require.resolve('@fontsource/noto-sans-sc/unicode.json'), 'utf8')) as Record<string, string>;
    chunks = Object.entries(map).map(([key, ranges]) => ({
      name: key.replace(/^\[(\d+)\]$/, '$1'),
      ranges: ranges.split(',').map((r) => {
        const [lo, hi] = r.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)] as [number, number];
      }),
    }));
  }
  return chunks;
}

function cjkChunkOf(code: number): string | null {
  for (const c of cjkChunks()) for (const [lo, hi] of c.ranges) if (code >= lo && code <= hi) return c.name;
  return null;
}

export interface Run { font: string; text: string }

interface Doc {
  registerFont(name: string, src: Buffer): unknown;
}
/** pdfkit's font factory takes a parsed fontkit font as it is (anything with `layout`); its types list only files. */
const asSource = (font: fontkit.Font) => font as unknown as Buffer;

/**
 * The fonts of one PDF document: `runs(text, style)` cuts a text into runs of one font each (the names are registered
 * on the document as they are first needed). Line breaks and tabs become spaces; control characters, variation
 * selectors and joiners are dropped.
 */
export function documentFonts(doc: Doc) {
  const fonts = baseFonts();
  // The parsed fonts are shared by every document (pdfkit takes a fontkit font as it is; each document keeps its own
  // subset and layout cache), so a report does not parse 3 MB of DejaVu again.
  for (const style of STYLES) doc.registerFont(`Sans-${style}`, asSource(fonts[style].font));
  const registered = new Set<string>();
  const cjk = (chunk: string, style: FontStyle) => {
    const weight = style === 'bold' || style === 'boldOblique' ? 700 : 400;
    const name = `CJK-${chunk}-${weight}`;
    if (!registered.has(name)) {
      let font = cjkFonts.get(name);
      if (font === undefined) {
        font = fontkit.create(readFileSync(join(cjkDir(), `noto-sans-sc-${chunk}-${weight}-normal.woff`)));
        cjkFonts.set(name, font);
      }
      doc.registerFont(name, asSource(font));
      registered.add(name);
    }
    return name;
  };
  return {
    base: (style: FontStyle) => `Sans-${style}`,
    runs(text: string, style: FontStyle): Run[] {
      const base = `Sans-${style}`;
      // Each character with its font and whether it is right-to-left (Arabic, Hebrew). pdfkit has no bidi algorithm:
      // fontkit lays out (and shapes) one run in one direction, so a run never mixes directions; a space between two
      // right-to-left characters stays inside their run, any other space in a left-to-right one.
      const chars: { ch: string; font: string; rtl: boolean | null }[] = [];
      for (const ch of text.normalize('NFC')) {
        const code = ch.codePointAt(0)!;
        if (ch === '\n' || ch === '\t' || ch === '\r') chars.push({ ch: ' ', font: base, rtl: null });
        else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xfe00 && code <= 0xfe0f) || code === 0x200d || (code >= 0x1f3fb && code <= 0x1f3ff) || (code >= 0xe0100 && code <= 0xe01ef)) continue;
        else if (ch === ' ') chars.push({ ch, font: base, rtl: null });
        else {
          const rtl = (code >= 0x0590 && code <= 0x08ff) || (code >= 0xfb1d && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff);
          let font = base;
          let shown = ch;
          if (!fonts[style].font.hasGlyphForCodePoint(code)) {
            const chunk = fonts.regular.font.hasGlyphForCodePoint(code) ? null : cjkChunkOf(code);
            if (fonts.regular.font.hasGlyphForCodePoint(code)) font = 'Sans-regular'; // e.g. a script the bold cut lacks
            else if (chunk !== null) font = cjk(chunk, style);
            else shown = MISSING;
          }
          chars.push({ ch: shown, font, rtl });
        }
      }
      const nextRtl: boolean[] = new Array(chars.length);
      let strong = false;
      for (let i = chars.length - 1; i >= 0; i--) {
        nextRtl[i] = strong;
        if (chars[i]!.rtl !== null) strong = chars[i]!.rtl!;
      }
      strong = false;
      chars.forEach((c, i) => {
        if (c.rtl !== null) strong = c.rtl;
        else c.rtl = strong && nextRtl[i]!;
      });
      const out: (Run & { rtl: boolean })[] = [];
      for (const c of chars) {
        const last = out[out.length - 1];
        if (last && last.font === c.font && last.rtl === c.rtl) last.text += c.ch;
        else out.push({ font: c.font, text: c.ch, rtl: c.rtl === true });
      }
      return out.length > 0 ? out.map(({ font, text: t }) => ({ font, text: t })) : [{ font: base, text: '' }];
    },
  };
}
