// The Board's own particulars, as printed in the letterhead and footer of every document it
// issues (shared/domain/estonia.md). One place, so a move of the head office is one edit.
export const AGENCY = {
  name: { et: 'Sotsiaalkindlustusamet', en: 'Social Insurance Board' },
  /** Used where the English text still names the agency in Estonian, as foreign institutions expect. */
  nameEnglishLong: 'Estonian Social Insurance Board (Sotsiaalkindlustusamet)',
  street: 'Paldiski mnt 80',
  postcode: '15092',
  city: 'Tallinn',
  country: { et: 'Eesti', en: 'Estonia' },
  registryCode: '70001975',
  email: 'info@sotsiaalkindlustusamet.ee',
  phone: '612 1360',
  phoneShort: '16106',
  phoneFromAbroad: '+372 612 1360',
  web: 'www.sotsiaalkindlustusamet.ee',
} as const;
