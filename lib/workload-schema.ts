import { z } from 'zod';

// Fair distribution of newly registered documents, and the manager's overview filters.

export const autoAssignSchema = z.object({
  unitCode: z.string().min(1, 'errors.required').max(60),
  regionCode: z.string().min(1, 'errors.required').max(60),
  typeCode: z.string().min(1, 'errors.required').max(60),
  enabled: z.boolean(),
});
export type AutoAssignInput = z.input<typeof autoAssignSchema>;

export const OVERVIEW_PERIODS = [7, 30, 90] as const;
export type OverviewPeriod = (typeof OVERVIEW_PERIODS)[number];
