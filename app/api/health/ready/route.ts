import { GET as readiness } from '../route';

export const dynamic = 'force-dynamic';

export const GET = readiness;
