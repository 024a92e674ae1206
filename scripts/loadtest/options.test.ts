import { describe, expect, it } from 'vitest';
import { parseLoadTestOptions } from './options';

describe('parseLoadTestOptions', () => {
  it('takes bounded numbers and loopback urls', () => {
    const options = parseLoadTestOptions([
      '--clients',
      '200',
      '--duration',
      '30',
      '--url',
      'http://127.0.0.1:3000/',
      '--url',
      'http://localhost:3001',
    ]);
    expect(options).toMatchObject({
      clients: 200,
      durationSec: 30,
      postsPerSecond: 500,
      instances: 1,
      urls: ['http://127.0.0.1:3000', 'http://localhost:3001'],
    });
  });

  it('refuses unbounded runs, other hosts and unknown flags', () => {
    expect(() => parseLoadTestOptions(['--clients', '100000'])).toThrow('between 1 and 3000');
    expect(() => parseLoadTestOptions(['--duration', '1e9'])).toThrow('whole number');
    expect(() => parseLoadTestOptions(['--url', 'http://example.com'])).toThrow('loopback');
    expect(() => parseLoadTestOptions(['--clients'])).toThrow('needs a value');
    expect(() => parseLoadTestOptions(['--constructor', '1'])).toThrow('unknown option');
    expect(() => parseLoadTestOptions(['--instances', '9'])).toThrow('between 1 and 5');
  });
});
