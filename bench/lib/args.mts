// `--name value` flags of the bench, load and fuzz commands.
const argv = process.argv.slice(2);

/** The value after `--name`, or `dflt` when the flag is absent. */
export const opt = (name: string, dflt: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};

/** True when the bare flag `--name` is present. */
export const flag = (name: string): boolean => argv.includes(`--${name}`);
