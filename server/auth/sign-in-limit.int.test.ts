import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { sql } from 'drizzle-orm';
import { setupTestDatabase } from '@/test/db';
import { limitSignInStart, personMaySignIn } from './sign-in-limit';

const db = setupTestDatabase();
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

const start = () => new NextRequest('https://toolaud.example.ee/api/auth/signin/oidc', { method: 'POST' });

describe('sign-in rate limits', () => {
  it('send a burst of sign-in starts from one address to the sign-in page with a plain message, and audit it', async () => {
    process.env.RATE_LIMIT_SIGNIN_IP = '2/3600';
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await limitSignInStart(start(), ['signin', 'oidc'], 'https://toolaud.example.ee', `req-limit-${i}`));
    expect(answers.slice(0, 2)).toEqual([null, null]);
    expect(await answers[2]!.json()).toEqual({ url: 'https://toolaud.example.ee/sisene?error=liiga-palju' });
    // Only starting a sign-in counts, not the callback or the session poll.
    expect(await limitSignInStart(new NextRequest('https://toolaud.example.ee/api/auth/session'), ['session'], 'https://x', 'r')).toBeNull();
    const rows = await selectRows<{ outcome: string }>(db.handle().db, sql`select outcome from audit_log where action = 'auth.signin_limited'`);
    expect(rows).toEqual([{ outcome: 'denied' }]);
  });

  it('stop one person completing sign-ins after the limit, whoever the address', async () => {
    process.env.RATE_LIMIT_SIGNIN_PERSON = '1/3600';
    expect(await personMaySignIn('47805122004', 'req-a')).toBe(true);
    expect(await personMaySignIn('47805122004', 'req-b')).toBe(false);
    expect(await personMaySignIn('38001085718', 'req-c')).toBe(true);
    const rows = await selectRows<{ actor_code: string }>(
      db.handle().db,
      sql`select actor_code from audit_log where action = 'auth.signin_limited' and details->>'scope' = 'person'`,
    );
    expect(rows).toEqual([{ actor_code: '47805122004' }]);
  });
});
