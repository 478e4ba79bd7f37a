import net from 'node:net';

/**
 * A port on this host that nothing listens on: bound by us, then released. Servers a test starts
 * take it; specs of an unreachable store dial it as a closed port.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
