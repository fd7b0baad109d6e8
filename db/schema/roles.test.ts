import { describe, expect, it } from 'vitest';
import { ROLES } from '@/lib/roles';
import { roleEnum } from './org';

describe('role enum', () => {
  it('matches the roles the policy knows', () => {
    expect([...roleEnum.enumValues]).toEqual([...ROLES]);
  });
});
