// The PDF render worker: a worker thread that owns @react-pdf/renderer. It is a plain .mjs
// file loaded by path (never bundled by Next), and loads the TypeScript templates through
// tsx, so it runs the same under `next start`, vitest and the benchmark. It renders one
// document at a time and is replaced after PDF_WORKER_MAX_RENDERS documents (react-pdf has
// leaked about 33 KB per render: diegomura/react-pdf#2848), so a day of issuing cannot grow the portal.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const { root, fontDir, warmup } = workerData;
register({ tsconfig: path.join(root, 'tsconfig.json') });
const core = await import(pathToFileURL(path.join(root, 'server/pdf/render-core.tsx')).href);

let queue = Promise.resolve();
let renders = 0;
let warmupRenders = 0;

function stats() {
  const memory = process.memoryUsage();
  return {
    renders,
    warmupRenders,
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    heapTotal: memory.heapTotal,
    external: memory.external,
    arrayBuffers: memory.arrayBuffers,
  };
}

function collectGarbage() {
  v8.setFlagsFromString('--expose-gc');
  runInNewContext('gc')();
}

parentPort.on('message', (message) => {
  if (message.type === 'stats') {
    // The benchmark asks for a collection first, so it measures what is kept, not garbage.
    if (message.gc) collectGarbage();
    parentPort.postMessage({ type: 'stats', id: message.id, stats: stats() });
    return;
  }
  if (message.type !== 'render') return;
  // One render at a time: react-pdf shares one reconciler and font store per thread.
  queue = queue.then(async () => {
    try {
      const bytes = await core.renderToBytes(message.templateId, message.data, message.ctx, fontDir);
      renders++;
      parentPort.postMessage({ type: 'rendered', id: message.id, bytes }, [bytes.buffer]);
    } catch (error) {
      parentPort.postMessage({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
    }
  });
});

if (warmup) warmupRenders = await core.warmUp(fontDir);
parentPort.postMessage({ type: 'ready' });
