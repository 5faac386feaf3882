// The little of fontkit (pdfkit's own font reader) that the report's font fallback uses.
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }
  export function create(buffer: Buffer, postscriptName?: string): Font;
}
