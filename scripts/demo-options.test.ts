import { describe, expect, it } from 'vitest';
import { demoBindHost, demoNextStartArgs } from './demo-options';

describe('the demo’s listening address', () => {
  it('is loopback when HOST is not set', () => {
    expect(demoBindHost({})).toBe('127.0.0.1');
    expect(demoBindHost({ HOST: '  ' })).toBe('127.0.0.1');
    expect(demoNextStartArgs(3000, {})).toEqual(['start', '-p', '3000', '-H', '127.0.0.1']);
  });

  it('is what HOST says when set', () => {
    expect(demoBindHost({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
    expect(demoNextStartArgs(4000, { HOST: '::1' })).toEqual(['start', '-p', '4000', '-H', '::1']);
  });

  it('never leaves next start to pick every interface', () => {
    const args = demoNextStartArgs(3000, {});
    expect(args[args.indexOf('-H') + 1]).toBeTruthy();
  });
});
