// What the public pages show (the public register's entries, the public verification's
// answer): types shared by the server, which decides them, and the components that render them.

export type PublicEntry = {
  number: string;
  /** The registration year: with the number, the permanent address (numbers of some series start again each year). */
  year: number;
  /** yyyy-mm-dd, Tallinn. */
  date: string;
  type: string;
  typeCode: string;
  series: string;
  seriesCode: string;
  direction: 'incoming' | 'outgoing';
  department: string;
  unitCode: string;
  restricted: boolean;
  /** Only while restricted: the mark (AK), its legal ground and its term. */
  restriction: { mark: 'AK'; ground: string; groundText: string; from: string | null; until: string | null } | null;
  /** The rest only when not restricted (null otherwise). */
  title: string | null;
  party: string | null;
  partyIsPrivate: boolean | null;
  senderReference: string | null;
  channel: string | null;
  replyDue: string | null;
  responsible: string | null;
  forwardedTo: string | null;
  forwardedAt: string | null;
};

/** The answer of the public verification (server/issuing/public-verify.ts). */
export type PublicVerification =
  | { status: 'limited'; retryAfterSeconds: number }
  | { status: 'bad-code' }
  | { status: 'bad-personal-code' }
  | { status: 'unknown'; byFile: boolean }
  | {
      status: 'issued' | 'valid' | 'changed';
      reason?: 'sha256' | 'seal';
      number: string;
      type: string;
      issuedAt: Date;
      agency: string;
      /** Only when the visitor typed a personal code: does it match the holder's? */
      holder?: 'matches' | 'does-not-match';
    };

/** An entry's permanent address in the public register. */
export const entryHref = (e: Pick<PublicEntry, 'number' | 'year'>) => `/avalik/${e.number.split('/').map(encodeURIComponent).join('/')}?aasta=${e.year}`;

/** What a line of the register's list shows of an entry (components/public/entry-list.tsx). */
export type EntryLine = Pick<PublicEntry, 'number' | 'year' | 'date' | 'restricted' | 'title' | 'type' | 'direction' | 'department' | 'party'> & {
  ground: string | null;
};

export const toEntryLine = (e: PublicEntry): EntryLine => ({
  number: e.number,
  year: e.year,
  date: e.date,
  restricted: e.restricted,
  title: e.restricted ? null : e.title,
  type: e.type,
  direction: e.direction,
  department: e.department,
  party: e.party,
  ground: e.restriction?.ground ?? null,
});
