import { connect, type Socket } from 'node:net';

/** A raw TCP client: for requests no HTTP client would send (half a header, a stalled body). */
export interface RawClient {
  readonly socket: Socket;
  /** Everything the server sent so far. */
  received(): string;
  /**
   * Resolves once the server closed the connection, with what it sent; rejects when it is still open
   * after `withinMs` (a bound on a deadline of the server's own, far above it, never a measurement).
   */
  closedWithin(withinMs: number): Promise<string>;
}

export function rawConnect(url: string): Promise<RawClient> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let text = '';
    let closed = false;
    const socket = connect({ host: hostname, port: Number(port) });
    const ended = new Promise<void>((done) => socket.once('close', () => done()));
    void ended.then(() => {
      closed = true;
    });
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
    });
    // A reset by the server is one way of closing: the test reads what was received.
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve({
        socket,
        received: () => text,
        closedWithin(withinMs) {
          if (closed) return Promise.resolve(text);
          return new Promise((done, fail) => {
            const timer = setTimeout(() => {
              socket.destroy();
              fail(new Error(`the server kept the connection open past ${withinMs} ms; it sent: ${text}`));
            }, withinMs);
            void ended.then(() => {
              clearTimeout(timer);
              done(text);
            });
          });
        },
      });
    });
    socket.once('error', reject);
  });
}
