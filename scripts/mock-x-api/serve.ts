/**
 * Runs the mock X API on its own, to try the live sources without X:
 * `npx tsx server/sources/mock-x-api/serve.ts [port]`, then start the server with
 * `TWEET_SOURCE=filtered X_API_BASE_URL=<printed url> X_BEARER_TOKEN=mock-token X_STREAM_RULES=#日本語`.
 * Streams send a post every 20 ms; recent search gets 20 new posts a second.
 */
import { startMockXApi } from './mock-x-api';

const MOCK_BEARER_TOKEN = 'mock-token';

const mock = await startMockXApi({
  bearerToken: MOCK_BEARER_TOKEN,
  streamPostCount: 200_000,
  postIntervalMs: 20,
  keepAliveMs: 10_000,
  port: Number(process.argv[2] ?? 0),
});
const publisher = setInterval(() => mock.publishSearchPosts(20), 1_000);
process.stdout.write(`mock X API on ${mock.url} (bearer token: ${MOCK_BEARER_TOKEN})\n`);

const stop = () => {
  clearInterval(publisher);
  void mock.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
