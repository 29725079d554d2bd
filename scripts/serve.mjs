#!/usr/bin/env node
// A tiny static server for the demo and the end-to-end tests. No dependencies.
//
//   node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--root DIR]
//
// Serves <root>/www/ at / and <root>/pkg/ (wasm-pack's output) at /pkg/, so a
// page in www/ can `import init, { mount } from "./pkg/factcards.js"`, and
// <root>/pkg-editor/ (the deck editor's package) at /pkg-editor/.
// Every response is Cache-Control: no-store. Pages whose file name starts with
// "csp" (e.g. /csp.html), and /editor.html, are sent with a strict Content-Security-Policy, to
// prove the widget works without 'unsafe-inline' or 'unsafe-eval'; those named
// "csp-tt" (/csp-tt.html) with Trusted Types enforced as well.
//
// As a module: `const { url, close } = await startServer({ port: 0 })`.

import { createServer } from 'node:http';
import { createReadStream, realpathSync } from 'node:fs';
import { readFile, stat, realpath } from 'node:fs/promises';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** The strict policy with Trusted Types enforced, the widget's policy allowed: for pages named "csp-tt*". */
export const CSP_TRUSTED_TYPES = `${CSP}; require-trusted-types-for 'script'; trusted-types factcards`;

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// Map a URL path to a file under one of the roots, or null when it is not
// allowed (traversal, NUL bytes, bad escapes). Never touches the disk.
export function resolvePath(urlPath, { www, pkg, pkgEditor }) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // Any ".." segment is refused outright, before and after normalizing.
  if (decoded.split('/').includes('..')) return null;
  const normal = path.posix.normalize(decoded);
  if (!normal.startsWith('/')) return null;

  let root = www;
  let rest = normal;
  if (normal === '/pkg' || normal.startsWith('/pkg/')) {
    root = pkg;
    rest = normal.slice('/pkg'.length) || '/';
  } else if (pkgEditor && (normal === '/pkg-editor' || normal.startsWith('/pkg-editor/'))) {
    // The deck editor's own package (built with the `editor` feature).
    root = pkgEditor;
    rest = normal.slice('/pkg-editor'.length) || '/';
  }
  const file = path.resolve(root, '.' + rest);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return { root, file };
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** gzip -9 copies of files, by path and modification time (the `gzip` option). */
const gzipped = new Map();
async function gzipOf(file, info) {
  const key = `${file}:${info.mtimeMs}`;
  if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(await readFile(file), { level: 9 }));
  return gzipped.get(key);
}

async function handle(req, res, roots, log, gzip) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  let urlPath;
  try {
    urlPath = new URL(req.url, 'http://localhost').pathname;
  } catch {
    send(res, 400, 'bad request\n');
    return;
  }
  const target = resolvePath(urlPath, roots);
  if (!target) {
    send(res, 400, 'bad path\n');
    return;
  }
  let { file } = target;
  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      if (!urlPath.endsWith('/')) {
        send(res, 301, '', { Location: urlPath + '/' });
        return;
      }
      file = path.join(file, 'index.html');
      info = await stat(file);
    }
    // Refuse symlinks that lead out of the root.
    const real = await realpath(file);
    const realRoot = await realpath(target.root);
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
      send(res, 404, 'not found\n');
      return;
    }
  } catch {
    send(res, 404, 'not found\n');
    if (log) log(`404 ${urlPath}`);
    return;
  }
  if (!info.isFile()) {
    send(res, 404, 'not found\n');
    return;
  }
  const headers = {
    'Content-Type': contentType(file),
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // Lets a sandboxed (opaque-origin) frame load the module and the wasm.
    'Access-Control-Allow-Origin': '*',
  };
  // The deck editor is held to the same policy.
  const base = path.basename(file).toLowerCase();
  if (base.startsWith('csp-tt')) {
    headers['Content-Security-Policy'] = CSP_TRUSTED_TYPES;
  } else if (base.startsWith('csp') || base === 'editor.html') {
    headers['Content-Security-Policy'] = CSP;
  }
  if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    const body = await gzipOf(file, info);
    res.writeHead(200, { ...headers, 'Content-Length': body.length, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Start the server. Resolves to { url, port, host, close }.
 * `url` ends with "/". port 0 picks a free port.
 * `root` is the repo root (holding www/ and pkg/); `www` and `pkg` override
 * the two directories. `gzip`: send every file gzip'd (level 9) to a client
 * that accepts it, as a production server would (the benchmark's phone
 * profile); off by default.
 */
export function startServer({
  port = 8080,
  host = '127.0.0.1',
  root = REPO_ROOT,
  www,
  pkg,
  pkgEditor,
  log = null,
  gzip = false,
} = {}) {
  const roots = {
    www: path.resolve(www ?? path.join(root, 'www')),
    pkg: path.resolve(pkg ?? path.join(root, 'pkg')),
    pkgEditor: path.resolve(pkgEditor ?? path.join(root, 'pkg-editor')),
  };
  const server = createServer((req, res) => {
    handle(req, res, roots, log, gzip).catch((err) => {
      if (!res.headersSent) send(res, 500, 'internal error\n');
      else res.destroy();
      if (log) log(`500 ${req.url}: ${err}`);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = server.address().port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${actual}/`,
        port: actual,
        host,
        roots,
        server,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { port: 8080, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [key, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${key} needs a value`);
      return v;
    };
    switch (key) {
      case '--port':
      case '-p': {
        const p = Number(value());
        if (!Number.isInteger(p) || p < 0 || p > 65535) throw new Error(`bad port: ${p}`);
        opts.port = p;
        break;
      }
      case '--host':
        opts.host = value();
        break;
      case '--root':
        opts.root = path.resolve(value());
        break;
      case '-h':
      case '--help':
        console.log('usage: node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--root DIR]');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument: ${arg}`);
    }
  }
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`serve.mjs: ${err.message}`);
    process.exit(2);
  }
  let srv;
  try {
    srv = await startServer({ ...opts, log: (line) => console.error(line) });
  } catch (err) {
    if (err.code === 'EADDRINUSE') {
      console.error(`serve.mjs: port ${opts.port} on ${opts.host} is in use; try --port 8081`);
    } else {
      console.error(`serve.mjs: ${err.message}`);
    }
    process.exit(1);
  }
  console.log(`factcards demo: ${srv.url}`);
  console.log('(Ctrl-C to stop)');
  const stop = () => {
    srv.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const invokedDirectly = (() => {
  if (!process.argv[1]) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
})();
if (invokedDirectly) main();
