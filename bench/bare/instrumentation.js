// The bare page has no start-up work of its own (without this file Next would take the
// portal's instrumentation.ts from the repository root and open its database).
export function register() {}
