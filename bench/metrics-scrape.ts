/** Reads samples of an app's /metrics in one scrape (the bench runs it without METRICS_TOKEN). */
export async function readMetrics(appUrl: string, names: string[]): Promise<number[]> {
  const lines = (await (await fetch(`${appUrl}/metrics`)).text()).split('\n');
  return names.map((name) => {
    const line = lines.find((l) => l.startsWith(`${name} `));
    return line ? Number(line.slice(name.length + 1)) : Number.NaN;
  });
}
