/** The fixed seed and run counts of the property tests, and one line of figures per property. */
export const SEED = 20240613;

export function report(name: string, runs: number): void {
  console.log(`property "${name}": ${runs} runs, seed ${SEED}, held`);
}
