import { randomUUID } from 'node:crypto';
import type { ConsultationInput } from '@/lib/consultation-schema';

// A valid consultation as the log's form sends it; override what a test is about.
export const consultationInput = (overrides: Partial<ConsultationInput> = {}): ConsultationInput => ({
  channel: 'office',
  topicCode: 'old_age_pension',
  clientCode: '',
  durationMinutes: '10',
  outcome: 'answered',
  referredUnitCode: '',
  note: '',
  submissionId: randomUUID(),
  ...overrides,
});
