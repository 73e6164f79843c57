import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultlineError } from '../errors/faultline-error.ts';

export interface Listening {
  readonly url: string;
  readonly port: number;
  /** Client connections currently open (hung and idle keep-alive ones included). */
  openConnections(): Promise<number>;
  /** Stops accepting, destroys every open connection (hung and keep-alive ones included), and waits. */
  close(): Promise<void>;
}

/** Binds a server (port 0 picks a free one) and returns its URL and a close that leaves no socket behind. */
export async function listen(server: Server, port: number, host: string): Promise<Listening> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, host, port));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    openConnections: () =>
      new Promise((resolve, reject) =>
        server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      ),
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Why a port cannot be bound, as one line that says what to change. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const where = `${host}:${port}`;
  if (error.code === 'EADDRINUSE') {
    return new FaultlineError(
      'PORT_IN_USE',
      `Cannot listen on ${where}: the port is in use. Pick another --port.`,
    );
  }
  if (error.code === 'EACCES') {
    return new FaultlineError(
      'PORT_DENIED',
      `Cannot listen on ${where}: permission denied. Use a port above 1023.`,
    );
  }
  if (error.code === 'EADDRNOTAVAIL') {
    return new FaultlineError(
      'HOST_UNAVAILABLE',
      `Cannot listen on ${where}: no such local address. Check --host.`,
    );
  }
  return error;
}
