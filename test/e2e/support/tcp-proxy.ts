import net from 'node:net';
import { freePort } from './registry-server.js';

/**
 * A TCP relay in front of a real store, which a test can take down and bring back on the same
 * port: from the client's side, exactly a store that went away and returned.
 */
export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(await freePort(), target);
    await proxy.up();
    return proxy;
  }

  async up(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  /** Refuses new connections and cuts the open ones. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** host and port of a store URL (esdb://host:port?…, mongodb://host:port/…), for the relay. */
export function hostAndPort(url: string, defaultPort: number): { host: string; port: number } {
  const parsed = new URL(url.replace(/^(esdb|esdb\+discover|mongodb)(:\/\/)/, 'http$2'));
  return { host: parsed.hostname, port: parsed.port ? Number(parsed.port) : defaultPort };
}

/** The same URL with its host and port replaced by the relay's. */
export function throughProxy(url: string, proxy: TcpProxy): string {
  return url.replace(/^([a-z+]+:\/\/)[^/?,]+/, `$1127.0.0.1:${proxy.port}`);
}
