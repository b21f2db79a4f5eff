import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

// Stored pieces are this big (the last one shorter): a download or a range reads a few at a time.
export const CHUNK_BYTES = 512 * 1024;

export type ReceivedFile = { size: number; sha256: string; chunks: Buffer[]; head: Buffer; isTooLarge: boolean };

/**
 * Reads an uploaded file into CHUNK_BYTES pieces, hashing as it goes. Past `maxBytes` it keeps
 * reading (so the client gets an answer rather than a broken connection) but keeps nothing.
 */
export async function receiveFile(stream: Readable & { truncated?: boolean }, maxBytes: number): Promise<ReceivedFile> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let size = 0;
  let head = Buffer.alloc(0);
  for await (const data of stream as AsyncIterable<Buffer>) {
    size += data.length;
    if (head.length < 16) head = Buffer.concat([head, data.subarray(0, 16 - head.length)]);
    if (size > maxBytes) {
      chunks.length = 0;
      pending = [];
      continue;
    }
    hash.update(data);
    pending.push(data);
    pendingBytes += data.length;
    while (pendingBytes >= CHUNK_BYTES) {
      const all = Buffer.concat(pending);
      chunks.push(all.subarray(0, CHUNK_BYTES));
      pending = [all.subarray(CHUNK_BYTES)];
      pendingBytes -= CHUNK_BYTES;
    }
  }
  // The multipart parser stops at its own cap and marks the stream truncated.
  const isTooLarge = size > maxBytes || stream.truncated === true;
  if (!isTooLarge && pendingBytes > 0) chunks.push(Buffer.concat(pending));
  return { size, sha256: hash.digest('hex'), chunks: isTooLarge ? [] : chunks, head, isTooLarge };
}
