/** Types of scripts/build-validators.js (for the staleness test). */
export const NAMES: readonly ("campaign" | "capacity" | "config")[];
export function target(name: string): string;
export function generateValidators(): Promise<Record<string, string>>;
