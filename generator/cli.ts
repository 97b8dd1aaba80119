#!/usr/bin/env node
/**
 * The `dmspec` command on this process: `runCli` (cli-main.ts) does the work; this sets the exit
 * code from what it returns.
 */
import { runCli } from './cli-main.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTerminal: process.stdout.isTTY === true,
});
