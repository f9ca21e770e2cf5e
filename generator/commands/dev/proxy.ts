// The port `specfirst dev` listens on. Requests are forwarded to the current server child, so a
// reload switches versions between two requests: the old version answers until the new one is
// ready, and a version that failed to build is never switched to.
import http, { type Server } from 'node:http';

export interface DevProxy {
  server: Server;
  setTarget(url: string): void;
}

export function startProxy(port: number, host: string): Promise<DevProxy> {
  let target: URL | null = null;
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    if (!target) {
      res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' });
      res.end(JSON.stringify({ type: 'urn:specfirst:problem:starting', title: 'Starting', status: 503, detail: 'specfirst dev has no version that builds yet: see the terminal.' }));
      return;
    }
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (res.headersSent) return res.destroy();
      res.writeHead(502, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'urn:specfirst:problem:reloading', title: 'Bad gateway', status: 502, detail: 'The server was reloading; try again.' }));
    });
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () =>
      resolve({
        server,
        setTarget: (url) => {
          target = new URL(url);
        },
      }),
    );
  });
}
