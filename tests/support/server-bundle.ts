/**
 * The server's sources bundled into one JavaScript module for the child processes that tests
 * start: such a child starts in about 1 s of CPU, where `node --import tsx` spends about 2.5 s
 * compiling the same sources on every start. `server/main.test.ts` still starts the entry point
 * through `tsx`, as the image runs it.
 *
 * Packages stay outside the bundle (resolved from `node_modules`, beside which the bundle is
 * written). The parse workers' modules are found from `import.meta.url`: the bundle gives it
 * the URL of their own folder, the only place in the server that reads it (checked here).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const BUNDLE_DIR = 'node_modules/.cache/tagstream-test-bundles';
/** The folder whose modules locate sibling files from `import.meta.url`. */
const META_URL_FOLDER = 'server/parse-workers';

const bundles = new Map<string, Promise<string>>();

/**
 * The path of a bundle of `entries` (imported in this order, paths from `root`), built once per
 * test process; `name` names the file.
 */
export function serverBundle(root: string, name: string, entries: string[]): Promise<string> {
  let bundle = bundles.get(name);
  if (bundle === undefined) {
    bundle = buildBundle(root, name, entries);
    bundles.set(name, bundle);
  }
  return bundle;
}

async function buildBundle(root: string, name: string, entries: string[]): Promise<string> {
  const result = await build({
    stdin: {
      contents: entries.map((entry) => `import './${entry}';`).join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: join(root, 'tsconfig.json'),
    define: {
      'import.meta.url': JSON.stringify(
        pathToFileURL(join(root, META_URL_FOLDER, 'index.ts')).href,
      ),
    },
    absWorkingDir: root,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const elsewhere = Object.keys(result.metafile.inputs).filter(
    (input) =>
      !input.startsWith(META_URL_FOLDER) &&
      input !== '<stdin>' &&
      readFileSync(join(root, input), 'utf8').includes('import.meta.url'),
  );
  if (elsewhere.length > 0) {
    throw new Error(`import.meta.url outside ${META_URL_FOLDER}: ${elsewhere.join(', ')}`);
  }
  const dir = join(root, BUNDLE_DIR);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.mjs`);
  // Written aside and renamed: another test process may be reading the previous one.
  const aside = `${path}.${process.pid}`;
  writeFileSync(aside, result.outputFiles[0]!.contents);
  renameSync(aside, path);
  return relative(root, path);
}
