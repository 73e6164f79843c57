import { createServer, type RequestListener } from 'node:http';
import { listen } from '../../../src/http/listen.ts';

export interface Upstream {
  readonly url: string;
  /** Connections accepted since start: keep-alive reuse shows as a small number. */
  accepted(): number;
  openConnections(): Promise<number>;
  close(): Promise<void>;
}

/** A plain node:http server on 127.0.0.1 standing in for a user's upstream. */
export async function startUpstream(handler: RequestListener): Promise<Upstream> {
  const server = createServer(handler);
  let accepted = 0;
  server.on('connection', () => {
    accepted++;
  });
  const listening = await listen(server, 0, '127.0.0.1');
  return { ...listening, accepted: () => accepted };
}
