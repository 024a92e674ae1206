/** Command-line options of the load test, bounded so a run cannot swamp the machine. */

export interface LoadTestOptions {
  /** socket.io clients in all (spread over `urls` when given). */
  clients: number;
  /** Measured run after the warm-up, in seconds. */
  durationSec: number;
  /** Warm-up before measuring (clients connect, windows fill), in seconds. */
  warmupSec: number;
  /** Posts per second the mock X API streams (when the test starts the server). */
  postsPerSecond: number;
  /** Distinct hashtags of the Zipf tail. */
  tags: number;
  /** Running servers to connect to instead of starting one (loopback only). */
  urls: string[];
  /** Write a V8 CPU profile of the started server into this directory. */
  profileDir: string | undefined;
  /** Server instances to start (more than one: on one Redis, `REDIS_URL`). */
  instances: number;
}

export const LOADTEST_USAGE = `Usage: npm run loadtest -- [options]
  --clients N        socket.io clients, 1-3000 (default 1000)
  --duration S       measured seconds, 5-600 (default 60)
  --warmup S         seconds before measuring, 0-120 (default 15)
  --rate N           posts per second from the mock X API, 1-5000 (default 500)
  --tags N           distinct hashtags in the Zipf tail, 10-1000000 (default 50000)
  --instances N      servers to start, 1-5 (default 1); more than one share a redis-server
                     the test starts (clients are spread over them)
  --url URL          connect to a running server (repeat for several instances; loopback only)
  --cpu-prof DIR     write a CPU profile of the started server to DIR`;

const BOUNDS = {
  clients: [1, 3000],
  durationSec: [5, 600],
  warmupSec: [0, 120],
  postsPerSecond: [1, 5000],
  tags: [10, 1_000_000],
  instances: [1, 5],
} as const;

const FLAG_TO_OPTION = new Map<string, keyof typeof BOUNDS>([
  ['--clients', 'clients'],
  ['--duration', 'durationSec'],
  ['--warmup', 'warmupSec'],
  ['--rate', 'postsPerSecond'],
  ['--tags', 'tags'],
  ['--instances', 'instances'],
]);

export class LoadTestOptionError extends Error {}

export function parseLoadTestOptions(args: readonly string[]): LoadTestOptions {
  const options: LoadTestOptions = {
    clients: 1000,
    durationSec: 60,
    warmupSec: 15,
    postsPerSecond: 500,
    tags: 50_000,
    urls: [],
    profileDir: undefined,
    instances: 1,
  };
  for (let index = 0; index < args.length; index += 2) {
    const flag = args[index]!;
    const value = args[index + 1];
    if (value === undefined) throw new LoadTestOptionError(`${flag} needs a value`);
    if (flag === '--url') options.urls.push(loopbackUrl(value));
    else if (flag === '--cpu-prof') options.profileDir = value;
    else {
      const name = FLAG_TO_OPTION.get(flag);
      if (name === undefined) throw new LoadTestOptionError(`unknown option ${flag}`);
      options[name] = boundedInteger(flag, value, BOUNDS[name]);
    }
  }
  return options;
}

function boundedInteger(flag: string, value: string, [min, max]: readonly number[]): number {
  if (!/^\d+$/.test(value)) throw new LoadTestOptionError(`${flag} must be a whole number`);
  const number = Number(value);
  if (number < min! || number > max!) {
    throw new LoadTestOptionError(`${flag} must be between ${min} and ${max}`);
  }
  return number;
}

/** The load test only ever talks to this machine. */
function loopbackUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new LoadTestOptionError(`--url ${value} is not a URL`);
  }
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new LoadTestOptionError(`--url must be a loopback address, not ${url.hostname}`);
  }
  return url.origin;
}
