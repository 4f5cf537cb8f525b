// Every test file fails if anything in it left a promise rejection unhandled: each one is a
// failure the app (or a test) did not answer. Installed for the whole suite by jest.config.js.
const seen: string[] = [];
const record = (reason: unknown): void => {
  seen.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
};
process.on('unhandledRejection', record);

afterAll(async () => {
  // Rejections are reported on the next turns of the event loop: give them a moment.
  await new Promise((resolve) => setTimeout(resolve, 20));
  process.off('unhandledRejection', record);
  if (seen.length > 0) {
    throw new Error(
      `${seen.length} unhandled promise rejection(s): ${seen.slice(0, 5).join('; ')}`,
    );
  }
});
