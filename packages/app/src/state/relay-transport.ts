import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { Connection, ConnectionEvent, ConnectionState, Transport } from './transport.js';

/**
 * Syncs plans through the relay that served the app (`/sync` on the same
 * host) with the stock y-websocket provider, presenting the person's token
 * if they opened a link or signed in. When the browser says the network has
 * gone it stops trying (edits stay on the device); when it comes back it
 * reconnects at once rather than waiting out the provider's back-off.
 */
export class RelayTransport implements Transport {
  constructor(private readonly token = '') {}

  open(planId: string, doc: Y.Doc, loading?: Promise<unknown>): Connection {
    const relay = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
    const provider = new WebsocketProvider(relay, planId, doc, { params: this.token ? { token: this.token } : {} });
    // While the device's copy loads, the provider does not listen for the doc's updates: otherwise Yjs
    // encodes the whole loaded plan again and the provider sends it to every other tab of the plan
    // (45 kB for the demo plan, 825 kB for 1,000 actions). It listens again once the copy has loaded,
    // or once the relay has synced (before the plan can open from it, so nothing typed goes unsent).
    // If the relay's half of the handshake was answered while the copy was still loading, that answer
    // lacked what loaded after it, and nothing sent it since: the connection is made again, and its
    // handshake exchanges what each side lacks (by state vectors, not the whole plan).
    const sendUpdates = (provider as unknown as { _updateHandler?: (update: Uint8Array, origin: unknown) => void })._updateHandler;
    let quiet = false;
    let unsentWhileConnected = false;
    const noteUnsent = (tr: Y.Transaction): void => {
      if (provider.wsconnected && tr.origin !== provider && (tr.changed.size > 0 || tr.deleteSet.clients.size > 0)) unsentWhileConnected = true;
    };
    /** Listens for the doc's updates again; true when it had to make the connection again. */
    const listen = (): boolean => {
      if (!quiet) return false;
      quiet = false;
      doc.off('afterTransaction', noteUnsent);
      doc.on('update', sendUpdates!);
      if (!unsentWhileConnected) return false;
      unsentWhileConnected = false;
      provider.disconnect();
      provider.connect();
      return true;
    };
    if (loading && typeof sendUpdates === 'function') {
      quiet = true;
      doc.off('update', sendUpdates);
      doc.on('afterTransaction', noteUnsent);
      loading.then(listen, listen);
    }
    const listeners = new Set<(event: ConnectionEvent) => void>();
    const tell = (event: ConnectionEvent): void => {
      for (const listener of [...listeners]) listener(event);
    };
    let everConnected = false;
    let attemptConnected = false;
    provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') everConnected = true;
      attemptConnected = status === 'connected';
      tell({ kind: 'state' });
    });
    provider.on('connection-close', () => {
      // A handshake the relay refuses (HTTP 401) shows in the browser only as a failed connection.
      if (!attemptConnected && navigator.onLine) tell({ kind: 'refused' });
      tell({ kind: 'state' });
    });
    provider.on('sync', () => {
      if (!listen()) tell({ kind: 'synced' });
    });
    provider.on('closed', ({ code }: { code: number }) => tell({ kind: 'closed', code }));
    const onOffline = (): void => {
      provider.disconnect();
      tell({ kind: 'state' });
    };
    const onOnline = (): void => {
      provider.connect();
      tell({ kind: 'state' });
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return {
      awareness: provider.awareness,
      get state(): ConnectionState {
        return { online: navigator.onLine, connected: provider.wsconnected, connecting: provider.wsconnecting, synced: provider.synced, everConnected };
      },
      on: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      connect: () => provider.connect(),
      disconnect: () => provider.disconnect(),
      close: () => {
        quiet = false;
        doc.off('afterTransaction', noteUnsent);
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
        listeners.clear();
        provider.destroy();
      },
    };
  }
}
