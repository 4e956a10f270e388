/** Types of scripts/build-validators.js (for the staleness test). */
export const target: string;
export function generateValidators(): Promise<string>;
