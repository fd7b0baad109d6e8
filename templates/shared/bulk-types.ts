// The shapes a bulk run's pages show: a file's problems and a run's progress. Apart from
// templates/bulk.ts so the registry can re-export them to components without a circle.

export type BulkProblem = { key: string; params?: Record<string, string> };
export type BulkRowError = BulkProblem & { row: number; column: string };

export type BulkRunStatusValue = 'validated' | 'running' | 'cancelled' | 'completed' | 'failed';
export type BulkCounts = { pending: number; issued: number; failed: number; cancelled: number };
/** What the run page's progress bar shows and polls. */
export type BulkProgress = { id: string; status: BulkRunStatusValue; total: number; counts: BulkCounts; percent: number };
