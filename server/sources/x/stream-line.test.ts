import { describe, expect, it } from 'vitest';
import { inspectStreamLine } from './stream-line';

describe('inspectStreamLine', () => {
  it('forwards posts, posts with partial errors, and lines that do not parse', () => {
    expect(inspectStreamLine('{"data":{"id":"1","text":"#a"}}')).toEqual({ kind: 'forward' });
    expect(
      inspectStreamLine('{"data":{"id":"1","text":"x"},"errors":[{"title":"Not Found"}]}'),
    ).toEqual({
      kind: 'forward',
    });
    expect(inspectStreamLine('{"errors": [ cut')).toEqual({ kind: 'forward' });
  });

  it('recognises an operational disconnect by its title, whatever its type URL', () => {
    const line = JSON.stringify({
      errors: [
        { title: 'operational-disconnect', detail: 'Deploy', type: 'https://example.com/x' },
      ],
    });
    expect(inspectStreamLine(line)).toEqual({
      kind: 'operational-disconnect',
      message: 'operational-disconnect: Deploy',
    });
  });

  it('reports other error-only objects as errors', () => {
    const line = JSON.stringify({
      errors: [{ title: 'ConnectionException', detail: 'slow reader' }],
    });
    expect(inspectStreamLine(line)).toEqual({
      kind: 'error',
      message: 'ConnectionException: slow reader',
    });
    expect(inspectStreamLine('{"errors":[]}')).toEqual({
      kind: 'error',
      message: 'error object without data',
    });
  });
});
