import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The language switch posts `back` (the page it was on) from a hidden field anyone can edit.
const jar = { set: vi.fn(), get: () => undefined, delete: vi.fn() };
vi.mock('next/headers', () => ({ cookies: async () => jar, headers: async () => new Headers() }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { to });
  },
}));

const { setLocaleAction } = await import('./actions');

async function backTo(back: string): Promise<string> {
  const form = new FormData();
  form.set('locale', 'en');
  form.set('back', back);
  try {
    await setLocaleAction(form);
  } catch (error) {
    return (error as { to: string }).to;
  }
  throw new Error('no redirect');
}

describe('the language switch', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.NEXTAUTH_URL = 'https://toolaud.example.ee';
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('goes back to the page it was on', async () => {
    expect(await backTo('/dokumendid?otsi=abc')).toBe('/dokumendid?otsi=abc');
    expect(jar.set).toHaveBeenCalledWith('toolaud.lang', 'en', expect.objectContaining({ path: '/' }));
  });

  it.each(['/\\evil.example', '/\t/evil.example', '//evil.example', '/.//evil.example', 'https://evil.example/', 'javascript:alert(1)'])(
    'never leaves the portal for %j',
    async (back) => {
      const to = await backTo(back);
      expect(new URL(to, 'https://toolaud.example.ee').origin).toBe('https://toolaud.example.ee');
      expect(to.startsWith('//')).toBe(false);
    },
  );
});
