import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS, incidentTargets } from './config';

describe('incident targets', () => {
  it('default to critical 1 h / 4 h working time, and can be overridden per priority', () => {
    expect(incidentTargets('')).toEqual(DEFAULT_TARGETS);
    expect(DEFAULT_TARGETS.critical).toEqual({ responseMinutes: 60, resolutionMinutes: 240 });
    const t = incidentTargets('critical=30/120, low = 600/3000, bogus=1/2');
    expect(t.critical).toEqual({ responseMinutes: 30, resolutionMinutes: 120 });
    expect(t.low).toEqual({ responseMinutes: 600, resolutionMinutes: 3000 });
    expect(t.high).toEqual(DEFAULT_TARGETS.high);
  });
});
