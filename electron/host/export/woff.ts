import { inflateSync } from 'node:zlib';

/**
 * WOFF 1.0 → plain OpenType (sfnt) bytes. The fonts ship as WOFF; fontkit would inflate their
 * tables in JavaScript again for every document (over a second for a long report), while Node's
 * zlib does it once, natively, when a face is first loaded. See the WOFF 1.0 spec, section 4–5.
 */
const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const HEADER = 44;
const ENTRY = 20;

export function isWoff(bytes: Buffer): boolean {
  return bytes.length >= HEADER && bytes.readUInt32BE(0) === WOFF_SIGNATURE;
}

export function woffToSfnt(woff: Buffer): Buffer {
  if (!isWoff(woff)) throw new Error('not a WOFF file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i += 1) {
    const entry = HEADER + i * ENTRY;
    const tag = woff.readUInt32BE(entry);
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const checksum = woff.readUInt32BE(entry + 16);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
    if (data.length !== origLength) throw new Error('WOFF table has the wrong length');
    tables.push({ tag, checksum, data });
  }
  // The sfnt header: the search fields are derived from the table count (OpenType spec).
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const directory = 12 + numTables * 16;
  const size = tables.reduce((sum, table) => sum + Math.ceil(table.data.length / 4) * 4, directory);
  const out = Buffer.alloc(size);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = directory;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    out.writeUInt32BE(table.tag, record);
    out.writeUInt32BE(table.checksum, record + 4);
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(table.data.length, record + 12);
    table.data.copy(out, offset);
    offset += Math.ceil(table.data.length / 4) * 4;
  });
  return out;
}
