import { describe, expect, it } from 'vitest';
import { socketOf } from './client';

describe('a Unix-socket DATABASE_URL', () => {
  it('takes the socket directory from ?host= as libpq does, and keeps the rest', () => {
    expect(socketOf('postgres://toolaud:pw@localhost:5433/toolaud?host=/var/run/postgresql&sslmode=disable')).toEqual({
      url: 'postgres://toolaud:pw@localhost:5433/toolaud?sslmode=disable',
      host: '/var/run/postgresql',
    });
  });

  it('leaves a TCP URL alone', () => {
    const url = 'postgres://toolaud:pw@db.internal:5432/toolaud';
    expect(socketOf(url)).toEqual({ url, host: null });
    expect(socketOf(`${url}?host=db2.internal`)).toEqual({ url: `${url}?host=db2.internal`, host: null });
  });
});
