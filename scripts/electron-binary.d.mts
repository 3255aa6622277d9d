export function electronVersion(): string;
export function findElectron(options?: { download?: boolean }): { binary: string; reason?: undefined } | { binary: null; reason: string };
