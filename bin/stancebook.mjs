#!/usr/bin/env node
// The command line runs the core from built JavaScript (dist/node/, made by
// scripts/build-node.mjs): no TypeScript is compiled at run time. In a source checkout the bundle
// is (re)built first when it is missing or older than the sources, which takes about a second.
import { pathToFileURL } from 'node:url';
import { CLI_ENTRY, buildNode, nodeBundleStale } from '../scripts/build-node.mjs';

if (nodeBundleStale()) await buildNode();
const { main } = await import(pathToFileURL(CLI_ENTRY).href);
await main();
