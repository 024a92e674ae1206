/**
 * Preloaded (`--import`) into server processes that tests spawn: when the test process goes away
 * without stopping them (killed, timed out), their stdin pipe closes and they exit too, instead
 * of lingering without their Redis.
 */
process.stdin.on('end', () => process.kill(process.pid, 'SIGKILL'));
process.stdin.on('error', () => undefined);
process.stdin.resume();
