/** Badge tone per run status. */
export const runStatusTone = { validated: 'brand', running: 'brand', completed: 'success', cancelled: 'neutral', failed: 'danger' } as const;
export const rowStatusTone = { pending: 'neutral', issued: 'success', failed: 'danger', cancelled: 'neutral' } as const;
