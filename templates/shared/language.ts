/** The languages a document is printed in, and a text given in each. */
export type Language = 'et' | 'en';
export type Localized = Record<Language, string>;
