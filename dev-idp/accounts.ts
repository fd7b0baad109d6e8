// Who the dev IdP says a person is. TARA takes names from the ID card certificate,
// which holds them in upper case with diacritics; the birth date comes from the code.
import { demoOutsiders, demoStaff } from '../db/seed/org-data.ts';
import { parsePersonalCode } from '../lib/personal-code.ts';

export type ProfileAttributes = {
  given_name: string;
  family_name: string;
  date_of_birth: string; // yyyy-mm-dd
};

export type TaraIdentity = {
  sub: string; // "EE" + personal code
  profile_attributes: ProfileAttributes;
};

export type DemoChoice = {
  personalCode: string;
  fullName: string;
  description: string;
  staff: boolean;
};

const SUB_PREFIX = 'EE';
const upper = (s: string) => s.toLocaleUpperCase('et-EE');

function namesFor(code: string): { given_name: string; family_name: string } {
  const known = [...demoStaff, ...demoOutsiders].find((p) => p.personalCode === code);
  if (known) return { given_name: upper(known.givenName), family_name: upper(known.familyName) };
  // Any valid code must sign in (to test the portal's refusal of non-staff), so invent a name.
  return { given_name: 'TEST', family_name: `ISIK-${code.slice(-4)}` };
}

/** The TARA identity for a personal code ("38001085718") or subject ("EE38001085718"). */
export function identityFor(codeOrSub: string): TaraIdentity | undefined {
  const code = codeOrSub.startsWith(SUB_PREFIX) ? codeOrSub.slice(SUB_PREFIX.length) : codeOrSub;
  const parsed = parsePersonalCode(code);
  if (!parsed.ok) return undefined;
  return {
    sub: SUB_PREFIX + parsed.value.code,
    profile_attributes: { ...namesFor(parsed.value.code), date_of_birth: parsed.value.birthDate },
  };
}

export function demoChoices(): DemoChoice[] {
  return [
    ...demoStaff.map((p) => ({
      personalCode: p.personalCode,
      fullName: `${p.givenName} ${p.familyName}`,
      description: `${p.title} (${p.roles.join(', ')})`,
      staff: true,
    })),
    ...demoOutsiders.map((p) => ({
      personalCode: p.personalCode,
      fullName: `${p.givenName} ${p.familyName}`,
      description: 'Ei ole ameti töötaja',
      staff: false,
    })),
  ];
}
