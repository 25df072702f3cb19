// Stand-in for the "server-only" marker package under Vitest, where no RSC bundler runs.
export {};
