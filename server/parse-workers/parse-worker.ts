/**
 * A parse worker thread: turns chunks of whole lines into encoded `TimedLine`s, in the order
 * received. Started by `ParsePool`; holds no state between chunks but `hashtagKey`'s cache.
 */
import { parentPort } from 'node:worker_threads';
import { parseChunk } from '../sources/fixture/parse-chunk';
import { encodeTimedLines, transferablesOf } from './timed-lines-codec';
import type { ParseReply, ParseRequest } from './parse-messages';

const port = parentPort!;
port.on('message', (request: ParseRequest) => {
  const encoded = encodeTimedLines(parseChunk(request.bytes, request.maxLineBytes));
  const reply: ParseReply = { jobId: request.jobId, encoded };
  port.postMessage(reply, transferablesOf(encoded));
});
