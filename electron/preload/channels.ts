/** The two Electron IPC channel names: one invoke channel for the contract, one for events. */
export const INVOKE_CHANNEL = 'slashboard:invoke';
export const EVENT_CHANNEL = 'slashboard:event';
