// A streaming ZIP writer (PKWARE APPNOTE 6.3): each entry is deflated as it is written, sizes and CRC follow in a data
// descriptor, the central directory comes last. Memory holds one chunk at a time whatever the file's size.
// Limits: no ZIP64, so each entry and the archive must stay under 4 GiB (an export of ~10 M rows).
import { crc32, createDeflateRaw } from 'node:zlib';

export type Sink = (chunk: Uint8Array) => Promise<void>;

interface Entry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (2026 - 1980) << 9 | 1 << 5 | 1; // a fixed date keeps exports byte-identical for the same data

export class ZipStream {
  private offset = 0;
  private entries: Entry[] = [];

  constructor(private readonly sink: Sink) {}

  private async out(chunk: Uint8Array): Promise<void> {
    this.offset += chunk.length;
    await this.sink(chunk);
  }

  /** Writes one entry whose content arrives through `write` until `end` is awaited. */
  async entry(name: string): Promise<{ write: (content: string | Uint8Array) => Promise<void>; end: () => Promise<void> }> {
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0808, 6); // bit 3: sizes in data descriptor; bit 11: UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt16LE(nameBytes.length, 26);
    const entry: Entry = { name: nameBytes, crc: 0, compressed: 0, size: 0, offset: this.offset };
    await this.out(Buffer.concat([header, nameBytes]));

    const deflate = createDeflateRaw({ level: 6 });
    const pending: Promise<void>[] = [];
    deflate.on('data', (chunk: Buffer) => {
      entry.compressed += chunk.length;
      pending.push(this.out(chunk));
    });
    const finished = new Promise<void>((resolve, reject) => {
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    const write = async (content: string | Uint8Array) => {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      entry.crc = crc32(bytes, entry.crc);
      entry.size += bytes.length;
      if (!deflate.write(bytes)) await new Promise<void>((r) => deflate.once('drain', r));
      // Keep the sink's backpressure: wait for what the deflater produced so far.
      await Promise.all(pending.splice(0));
    };
    const end = async () => {
      deflate.end();
      await finished;
      await Promise.all(pending.splice(0));
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(entry.crc >>> 0, 4);
      descriptor.writeUInt32LE(entry.compressed, 8);
      descriptor.writeUInt32LE(entry.size, 12);
      await this.out(descriptor);
      this.entries.push(entry);
    };
    return { write, end };
  }

  /** One whole entry: text (written as UTF-8) or bytes (a PDF). */
  async file(name: string, content: string | Uint8Array): Promise<void> {
    const e = await this.entry(name);
    await e.write(content);
    await e.end();
  }

  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // version made by
      h.writeUInt16LE(20, 6); // version needed
      h.writeUInt16LE(0x0808, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(DOS_TIME, 12);
      h.writeUInt16LE(DOS_DATE, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.out(Buffer.concat([h, e.name]));
    }
    const size = this.offset - start;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.out(end);
  }
}
