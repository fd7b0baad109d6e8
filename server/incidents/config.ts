import type { IncidentPriority } from '@/lib/incident-schema';
import type { WorkingDays } from '@/lib/tallinn-time';
import { isDayOff } from '@/server/calendar/working-days';

/**
 * The days on which target clocks run: working days by the Estonian calendar (weekends and
 * public holidays off, as for the register's deadlines). Every due date comes through here.
 */
export function incidentWorkingDays(): WorkingDays {
  return (isoDate) => !isDayOff(isoDate);
}

// Response and resolution targets per priority, in working minutes (Mon–Fri 8–17; see
// lib/working-time.ts). INCIDENT_TARGETS overrides them, e.g.
// "critical=60/240,high=120/540,normal=240/1620,low=540/2700".
export type Targets = Record<IncidentPriority, { responseMinutes: number; resolutionMinutes: number }>;

export const DEFAULT_TARGETS: Targets = {
  critical: { responseMinutes: 60, resolutionMinutes: 4 * 60 },
  high: { responseMinutes: 2 * 60, resolutionMinutes: 9 * 60 },
  normal: { responseMinutes: 4 * 60, resolutionMinutes: 3 * 9 * 60 },
  low: { responseMinutes: 9 * 60, resolutionMinutes: 5 * 9 * 60 },
};

export function incidentTargets(value = process.env.INCIDENT_TARGETS): Targets {
  const targets = structuredClone(DEFAULT_TARGETS);
  for (const part of (value ?? '').split(',')) {
    const m = /^\s*(critical|high|normal|low)\s*=\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(part);
    if (m) targets[m[1] as IncidentPriority] = { responseMinutes: Number(m[2]), resolutionMinutes: Number(m[3]) };
  }
  return targets;
}

/** The IT support queue's team mailbox. */
export function itSupportMailbox(): string {
  return process.env.IT_SUPPORT_MAILBOX || 'it-tugi@sotsiaalkindlustusamet.ee';
}
