// Demo organisation: pure data, no database imports, so the development identity
// provider and tests can read it too. Personal codes are checksum-valid but invented,
// except JAAK-KRISTJAN JÕEORG (38001085718), TARA's published test identity.

import type { Role } from '../../lib/roles';

export const demoRegions = [
  { code: 'pohja', nameEt: 'Põhja', nameEn: 'North' },
  { code: 'louna', nameEt: 'Lõuna', nameEn: 'South' },
  { code: 'laane', nameEt: 'Lääne', nameEn: 'West' },
  { code: 'ida', nameEt: 'Ida', nameEn: 'East' },
] as const;

export const demoOffices = [
  { code: 'tallinn', name: 'Tallinna klienditeenindus', nameEn: 'Tallinn Customer Service Office', address: 'Endla 8, 10122 Tallinn', region: 'pohja' },
  { code: 'tartu', name: 'Tartu klienditeenindus', nameEn: 'Tartu Customer Service Office', address: 'Riia 35, 50410 Tartu', region: 'louna' },
  { code: 'parnu', name: 'Pärnu klienditeenindus', nameEn: 'Pärnu Customer Service Office', address: 'Rüütli 16, 80010 Pärnu', region: 'laane' },
  { code: 'johvi', name: 'Jõhvi klienditeenindus', nameEn: 'Jõhvi Customer Service Office', address: 'Keskväljak 1, 41531 Jõhvi', region: 'ida' },
  { code: 'narva', name: 'Narva klienditeenindus', nameEn: 'Narva Customer Service Office', address: 'Kerese 3, 20309 Narva', region: 'ida' },
] as const;

export const demoUnits = [
  { code: 'klienditeenindus', nameEt: 'Klienditeeninduse osakond', nameEn: 'Customer Service Department' },
  { code: 'pensionid', nameEt: 'Pensionide osakond', nameEn: 'Pensions Department' },
  { code: 'peretoetused', nameEt: 'Peretoetuste osakond', nameEn: 'Family Benefits Department' },
  { code: 'ekspertiis', nameEt: 'Puude ja töövõime ekspertiisi osakond', nameEn: 'Disability and Work Ability Assessment Department' },
  { code: 'finants', nameEt: 'Finants- ja varahalduse osakond', nameEn: 'Finance and Asset Management Department' },
  { code: 'it-tugi', nameEt: 'IT klienditugi', nameEn: 'IT Customer Support' },
] as const;

export type DemoPerson = {
  personalCode: string;
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  unit: (typeof demoUnits)[number]['code'];
  office: (typeof demoOffices)[number]['code'] | null;
  region: (typeof demoRegions)[number]['code'];
  manager: string | null; // personal code of the direct manager
  roles: Role[];
  title: string;
};

/** The demo's job titles in English, as English certificates print them under the signature. */
export const TITLES_EN: Record<string, string> = {
  Süsteemiadministraator: 'System Administrator',
  'Põhja piirkonna klienditeeninduse juht': 'Head of Customer Service, Northern Region',
  'Lõuna piirkonna klienditeeninduse juht': 'Head of Customer Service, Southern Region',
  'Lääne piirkonna klienditeeninduse juht': 'Head of Customer Service, Western Region',
  'Ida piirkonna klienditeeninduse juht': 'Head of Customer Service, Eastern Region',
  'Klienditeeninduse spetsialist': 'Customer Service Specialist',
  'Klienditeeninduse peaspetsialist': 'Chief Customer Service Specialist',
  'Pensionide osakonna juhataja': 'Head of the Pensions Department',
  'Pensionide spetsialist': 'Pensions Specialist',
  'IT klienditoe juht': 'Head of IT Support',
  'IT tugiisik': 'IT Support Specialist',
  Finantsspetsialist: 'Finance Specialist',
};

const mail = (given: string, family: string) =>
  `${given}.${family}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z.-]/g, '') + '@sotsiaalkindlustusamet.ee';

const person = (
  personalCode: string,
  givenName: string,
  familyName: string,
  rest: Omit<DemoPerson, 'personalCode' | 'givenName' | 'familyName' | 'email'>,
): DemoPerson => ({ personalCode, givenName, familyName, email: mail(givenName, familyName), ...rest });

export const demoStaff: DemoPerson[] = [
  person('37906062915', 'Peeter', 'Põder', {
    phone: '+372 612 1301',
    unit: 'it-tugi',
    office: 'tallinn',
    region: 'pohja',
    manager: null,
    roles: ['admin'],
    title: 'Süsteemiadministraator',
  }),
  person('37509182078', 'Jüri', 'Õunapuu', {
    phone: '+372 612 1310',
    unit: 'klienditeenindus',
    office: 'tallinn',
    region: 'pohja',
    manager: null,
    roles: ['manager'],
    title: 'Põhja piirkonna klienditeeninduse juht',
  }),
  person('47805122004', 'Mari', 'Tamm', {
    phone: '+372 612 1311',
    unit: 'klienditeenindus',
    office: 'tallinn',
    region: 'pohja',
    manager: '37509182078',
    roles: ['specialist'],
    title: 'Klienditeeninduse spetsialist',
  }),
  person('36903032213', 'Tõnu', 'Saar', {
    phone: '+372 612 1312',
    unit: 'klienditeenindus',
    office: 'tallinn',
    region: 'pohja',
    manager: '37509182078',
    roles: ['specialist'],
    title: 'Klienditeeninduse peaspetsialist',
  }),
  person('48502272143', 'Kätlin', 'Mägi', {
    phone: '+372 612 1313',
    unit: 'klienditeenindus',
    office: 'tallinn',
    region: 'pohja',
    manager: '37509182078',
    roles: ['specialist'],
    title: 'Klienditeeninduse spetsialist',
  }),
  person('38001085718', 'Jaak-Kristjan', 'Jõeorg', {
    phone: '+372 612 1314',
    unit: 'klienditeenindus',
    office: 'tallinn',
    region: 'pohja',
    manager: '37509182078',
    roles: ['specialist'],
    title: 'Klienditeeninduse spetsialist',
  }),
  person('49111142280', 'Ülle', 'Kask', {
    phone: '+372 612 1320',
    unit: 'klienditeenindus',
    office: 'tartu',
    region: 'louna',
    manager: null,
    roles: ['manager'],
    title: 'Lõuna piirkonna klienditeeninduse juht',
  }),
  person('38207302355', 'Andres', 'Sepp', {
    phone: '+372 612 1321',
    unit: 'klienditeenindus',
    office: 'tartu',
    region: 'louna',
    manager: '49111142280',
    roles: ['specialist'],
    title: 'Klienditeeninduse spetsialist',
  }),
  person('38801012496', 'Märt', 'Kuusk', {
    phone: '+372 612 1330',
    unit: 'klienditeenindus',
    office: 'parnu',
    region: 'laane',
    manager: null,
    roles: ['manager'],
    title: 'Lääne piirkonna klienditeeninduse juht',
  }),
  person('47206212426', 'Liis', 'Pärn', {
    phone: '+372 612 1331',
    unit: 'klienditeenindus',
    office: 'parnu',
    region: 'laane',
    manager: '38801012496',
    roles: ['specialist'],
    title: 'Klienditeeninduse spetsialist',
  }),
  person('36404152637', 'Sergei', 'Šmidt', {
    phone: '+372 612 1340',
    unit: 'klienditeenindus',
    office: 'johvi',
    region: 'ida',
    manager: null,
    roles: ['manager'],
    title: 'Ida piirkonna klienditeeninduse juht',
  }),
  person('49308092563', 'Žanna', 'Ivanova', {
    phone: '+372 612 1341',
    unit: 'klienditeenindus',
    office: 'narva',
    region: 'ida',
    manager: '36404152637',
    roles: ['specialist'],
    title: 'Klienditeeninduse spetsialist',
  }),
  person('39203173055', 'Rasmus', 'Värk', {
    phone: '+372 612 1350',
    unit: 'pensionid',
    office: 'tallinn',
    region: 'pohja',
    manager: null,
    roles: ['specialist', 'manager'],
    title: 'Pensionide osakonna juhataja',
  }),
  person('48710242983', 'Eha', 'Jõgi', {
    phone: '+372 612 1351',
    unit: 'pensionid',
    office: 'tallinn',
    region: 'pohja',
    manager: '39203173055',
    roles: ['specialist'],
    title: 'Pensionide spetsialist',
  }),
  person('39512022777', 'Aivar', 'Lõhmus', {
    phone: '+372 612 1360',
    unit: 'it-tugi',
    office: 'tallinn',
    region: 'pohja',
    manager: null,
    roles: ['it_support'],
    title: 'IT klienditoe juht',
  }),
  person('48109102704', 'Kristi', 'Õun', {
    phone: '+372 612 1361',
    unit: 'it-tugi',
    office: 'tartu',
    region: 'louna',
    manager: '39512022777',
    roles: ['it_support'],
    title: 'IT tugiisik',
  }),
  person('46701202843', 'Helje', 'Rebane', {
    phone: '+372 612 1370',
    unit: 'finants',
    office: 'tallinn',
    region: 'pohja',
    manager: null,
    roles: ['finance'],
    title: 'Finantsspetsialist',
  }),
];

/** Valid personal codes that are deliberately not staff, for refusal tests and the sign-in page. */
export const demoOutsiders = [{ personalCode: '60001019906', givenName: 'MARY ÄNN', familyName: 'O’CONNEŽ-ŠUSLIK TESTNUMBER' }] as const;
