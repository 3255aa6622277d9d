/**
 * Exposes the typed client and nothing else. Channel names are passed through to main,
 * which validates them against the contract and checks the sending frame.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

const bridge = {
  invoke: (channel: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input),
  onEvent: (listener: (event: unknown) => void): (() => void) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('slashboard', bridge);
