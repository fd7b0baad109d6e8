import { toCsv } from '@/lib/csv';
import type { ConsultationStats } from './queries';

export type CsvLabels = { office: string; topic: string; channel: string; count: string; noOffice: string; channels: Record<string, string> };

/** One row per office, topic and channel with its count (a pivot table gives any sum), through lib/csv.ts. */
export function consultationCsv(stats: ConsultationStats, labels: CsvLabels): string {
  return toCsv(
    [labels.office, labels.topic, labels.channel, labels.count],
    stats.cells.map((c) => [c.officeName ?? labels.noOffice, c.topicName, labels.channels[c.channel] ?? c.channel, c.count]),
  );
}
