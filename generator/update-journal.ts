/**
 * An update of several files and folders that is all or nothing, even when the process is killed
 * half-way: pages of the spec folder, the generated output folder, `package.json` and its lock
 * file, the reports. It is planned in full, written down in a journal, staged beside its targets,
 * committed by one rename of the journal, and only then applied, step by step, each step safe to
 * repeat. A later run finds the journal and finishes a committed update, or undoes one that was
 * not committed yet (nothing it staged had touched a target).
 *
 * Layout: the journal and the staged pages live in `SPEC.dmspec-update/` beside the spec folder;
 * the new output folder in `OUT.dmspec-update-new/` (the old one is moved to `…-old` and removed
 * last); other files beside themselves as `FILE.dmspec-update-new`. Renames stay on one file
 * system, so each is atomic. Nothing is removed recursively: of a folder the update set aside or
 * staged, only what dmspec wrote goes (`removeOwnedTree`); any other entry stays and is named.
 */
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { readManifest } from './emit/output-ownership.js';
import { writeNewTree, type FileMap } from './emit/output-tree.js';
import { exists, inside, isRegularFile, pruneEmpty, removeJournalDir, removeTree } from './update-removal.js';
import { notPrivate } from './validate/read-file.js';

export class UpdateJournalError extends Error {
  override name = 'UpdateJournalError';
}

export type Step =
  /** `target` becomes the file at `staged`. */
  | { kind: 'file'; target: string; staged: string }
  /** `target`, a page the previous update wrote, goes. */
  | { kind: 'remove'; target: string }
  /** The folder `target` becomes the folder `staged`; the old one waits at `retired` until the end. */
  | { kind: 'tree'; target: string; staged: string; retired: string };

type State = 'staging' | 'committed';

interface Journal {
  generator: 'dmspec update-spec';
  state: State;
  pid: number;
  /** The spec folder, and what the update brings (for the messages of a later run). */
  spec: string;
  label: string;
  /** Other roots a file target may be in: the reports folder, and the project's package files. */
  reports: string;
  packageFiles: string[];
  steps: Step[];
  /** Folders staging created (a reports folder), removed again when the update is undone and they are empty. */
  made: string[];
}

const MAX_JOURNAL_BYTES = 64 * 1024 * 1024;

export const journalDir = (specDir: string): string => `${resolve(specDir)}.dmspec-update`;
const NEW = '.dmspec-update-new';
const OLD = '.dmspec-update-old';

/**
 * Stops the process at a named step when `DMSPEC_TEST_KILL_AT` names it: how the tests kill an
 * update where a crash or a `kill -9` could, and check what a later run makes of it.
 */
function checkpoint(step: string): void {
  if (process.env['DMSPEC_TEST_KILL_AT'] === step) process.kill(process.pid, 'SIGKILL');
}

function writeDurably(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** A planned update: add steps, stage their contents, then `commit()`. */
export class Update {
  private readonly steps: Step[] = [];
  private readonly contents = new Map<string, string | FileMap>();
  private readonly dir: string;
  private readonly made: string[] = [];

  constructor(private readonly specDir: string, private readonly label: string, private readonly reportsDir: string, private readonly packageFiles: readonly string[]) {
    this.dir = journalDir(specDir);
  }

  /** A page of the spec folder (`rel` below it), or the folder's manifest. */
  specFile(rel: string, text: string): void {
    this.push({ kind: 'file', target: join(resolve(this.specDir), rel), staged: join(this.dir, 'new', rel) }, text);
  }

  removeSpecFile(rel: string): void {
    this.steps.push({ kind: 'remove', target: join(resolve(this.specDir), rel) });
  }

  /** Any other file (a report, `package.json`): staged beside itself. */
  file(path: string, text: string): void {
    const target = resolve(path);
    this.push({ kind: 'file', target, staged: `${target}${NEW}` }, text);
  }

  tree(path: string, files: FileMap): void {
    const target = resolve(path);
    this.push({ kind: 'tree', target, staged: `${target}${NEW}`, retired: `${target}${OLD}` }, files);
  }

  private push(step: Step & { staged: string }, content: string | FileMap): void {
    this.steps.push(step);
    this.contents.set(step.staged, content);
  }

  /**
   * Writes the journal, stages every content, commits and applies. Throws before the commit
   * (having removed what it staged) when a staging place is taken or a write fails. Returns a
   * note for each folder it kept because it holds entries dmspec did not write.
   */
  commit(): string[] {
    for (const s of this.steps) {
      if (s.kind !== 'remove' && !inside(this.dir, s.staged) && exists(s.staged)) throw new UpdateJournalError(`${s.staged} is in the way (left by something else?): remove it and run again`);
      if (s.kind === 'tree' && exists(s.retired)) throw new UpdateJournalError(`${s.retired} is in the way: remove it and run again`);
    }
    try {
      mkdirSync(this.dir, { mode: 0o700 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UpdateJournalError(`${this.dir} exists: an update is running or was interrupted; run update-spec again to finish or undo it`);
      throw e;
    }
    const journal = this.journal('staging');
    const journalFile = join(this.dir, 'journal.json');
    writeDurably(journalFile, JSON.stringify(journal));
    checkpoint('planned');
    try {
      this.stage();
    } catch (e) {
      // What undo keeps (an entry another process put in a staged folder) is named by the next run.
      undo(this.journal('staging'));
      throw e;
    }
    checkpoint('staged');
    // The commit: from here on the update is finished, by this run or by the next.
    const committed = this.journal('committed');
    writeDurably(journalFile, JSON.stringify(committed));
    checkpoint('committed');
    return apply(committed);
  }

  private stage(): void {
    const reports = resolve(this.reportsDir);
    if (!existsSync(reports)) {
      // Made before the journal lists it would be lost: list first, then make.
      for (let d = reports; !existsSync(d); d = dirname(d)) this.made.unshift(d);
      writeDurably(join(this.dir, 'journal.json'), JSON.stringify(this.journal('staging')));
      mkdirSync(reports, { recursive: true });
    }
    let n = 0;
    for (const s of this.steps) {
      if (s.kind === 'remove') continue;
      const content = this.contents.get(s.staged)!;
      if (typeof content === 'string') {
        mkdirSync(dirname(s.staged), { recursive: true });
        writeFileSync(s.staged, content);
      } else {
        writeNewTree(s.staged, content);
      }
      if (++n === Math.ceil(this.contents.size / 2)) checkpoint('staging');
    }
  }

  private journal(state: State): Journal {
    return {
      generator: 'dmspec update-spec', state, pid: process.pid, spec: resolve(this.specDir), label: this.label,
      reports: resolve(this.reportsDir), packageFiles: this.packageFiles.map((f) => resolve(f)), steps: this.steps, made: [...this.made],
    };
  }
}

/**
 * Applies every step (each safe to repeat), then removes the old output (what dmspec wrote of
 * it, and the files the new output has, which it was allowed to replace) and the journal.
 * Returns a note for each folder kept because it holds entries dmspec did not write.
 */
function apply(journal: Journal): string[] {
  const steps = journal.steps;
  steps.forEach((s, i) => {
    if (s.kind === 'file') {
      if (exists(s.staged)) {
        mkdirSync(dirname(s.target), { recursive: true });
        renameSync(s.staged, s.target);
      }
    } else if (s.kind === 'remove') {
      if (exists(s.target)) {
        unlinkSync(s.target);
        pruneEmpty(dirname(s.target), journal.spec);
      }
    } else if (exists(s.staged)) {
      const had = exists(s.target);
      if (had && exists(s.retired)) throw new UpdateJournalError(`${s.target} and ${s.retired} both exist: the update cannot tell which is the old output`);
      if (had) renameSync(s.target, s.retired);
      checkpoint('tree-retired');
      renameSync(s.staged, s.target);
    }
    if (i === Math.floor(steps.length / 2)) checkpoint('applying');
  });
  checkpoint('applied');
  const notes: string[] = [];
  for (const s of steps) if (s.kind === 'tree') notes.push(...removeTree(s.retired, readManifest(s.target) ?? []));
  checkpoint('cleaning');
  return [...notes, ...removeJournalDir(journalDir(journal.spec), stagedInJournal(journal))];
}

/** The pages staged in the journal's folder: what dmspec wrote there, besides the journal. */
function stagedInJournal(journal: Journal): string[] {
  const dir = journalDir(journal.spec);
  return journal.steps.flatMap((s) => (s.kind === 'file' && inside(dir, s.staged) ? [s.staged] : []));
}

/** Removes what staging wrote (only that: a regular file it staged, what a staged tree's manifest lists); no target was touched before the commit. */
function undo(journal: Journal): string[] {
  const notes: string[] = [];
  for (const s of journal.steps) {
    if (s.kind === 'tree') notes.push(...removeTree(s.staged));
    else if (s.kind === 'file' && !inside(journalDir(journal.spec), s.staged) && isRegularFile(s.staged)) unlinkSync(s.staged);
  }
  for (const d of [...journal.made].reverse()) pruneEmpty(d, dirname(d));
  return [...notes, ...removeJournalDir(journalDir(journal.spec), stagedInJournal(journal))];
}

/** Checks a journal found on disk: it decides what is renamed and removed, so it must be ours and name only the update's places. */
function readJournal(dir: string, specDir: string): Journal | undefined {
  const own = (p: string, what: string): void => {
    const st = lstatSync(p);
    const why = st.isSymbolicLink() ? 'it is a symbolic link' : notPrivate(st);
    if (why) throw new UpdateJournalError(`${p} (${what}) is not obeyed: ${why}; remove it if you know where it came from`);
  };
  own(dir, 'an interrupted update');
  const file = join(dir, 'journal.json');
  if (!exists(file)) return undefined;
  own(file, 'its journal');
  const st = lstatSync(file);
  // A pipe would block the read; a journal lists a step per page, a few hundred kilobytes.
  if (!st.isFile() || st.size > MAX_JOURNAL_BYTES) throw new UpdateJournalError(`${file} is not a journal dmspec wrote (not a regular file, or over ${MAX_JOURNAL_BYTES} bytes); remove ${dir} if no update is running`);
  let j: Journal;
  try {
    j = JSON.parse(readFileSync(file, 'utf8')) as Journal;
  } catch (e) {
    throw new UpdateJournalError(`${file} cannot be read (${(e as Error).message}); remove ${dir} if no update is running`);
  }
  const spec = resolve(specDir);
  const bad = (why: string): never => {
    throw new UpdateJournalError(`${file} is not a journal this update can follow (${why}); remove ${dir} if no update is running`);
  };
  if (j?.generator !== 'dmspec update-spec' || (j.state !== 'staging' && j.state !== 'committed') || j.spec !== spec || !Array.isArray(j.steps) || !Array.isArray(j.made) || !Array.isArray(j.packageFiles) || typeof j.reports !== 'string') bad('its shape');
  const fileRoot = (t: string): boolean => inside(spec, t) || inside(j.reports, t) || j.packageFiles.includes(t);
  for (const s of j.steps) {
    const t = s?.target;
    if (typeof t !== 'string' || !isAbsolute(t) || t.includes('\0')) bad('a target');
    if (s.kind === 'file' && !(fileRoot(t) && (s.staged === `${t}${NEW}` || inside(join(dir, 'new'), s.staged)))) bad(`the step for ${t}`);
    else if (s.kind === 'remove' && !(inside(spec, t) && t.toLowerCase().endsWith('.md'))) bad(`the removal of ${t}`);
    else if (s.kind === 'tree' && !(s.staged === `${t}${NEW}` && s.retired === `${t}${OLD}` && !inside(t, spec) && t !== spec)) bad(`the folder ${t}`);
    else if (s.kind !== 'file' && s.kind !== 'remove' && s.kind !== 'tree') bad('a step');
  }
  for (const d of j.made) if (typeof d !== 'string' || !(d === j.reports || inside(d, j.reports))) bad('a folder it made');
  return j;
}

const alive = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export interface Recovery {
  /** `finished`: a committed update was completed; `undone`: an uncommitted one was removed. */
  outcome: 'finished' | 'undone';
  label: string;
  /** A note for each folder kept because it holds entries dmspec did not write. */
  notes: string[];
}

/** Finishes or undoes an update of `specDir` that a killed process left; undefined when there is none. */
export function recoverUpdate(specDir: string): Recovery | undefined {
  const dir = journalDir(specDir);
  if (!exists(dir)) return undefined;
  const j = readJournal(dir, specDir);
  if (!j) {
    // Killed before its journal was written (nothing was staged), or a finished update's folder
    // kept for an entry dmspec did not write: that entry is not dmspec's to remove.
    const kept = removeJournalDir(dir, []);
    if (kept.length) throw new UpdateJournalError(`${kept.join('; ')}; then run update-spec again`);
    return { outcome: 'undone', label: '', notes: [] };
  }
  if (alive(j.pid)) throw new UpdateJournalError(`an update-spec (process ${j.pid}) is running on ${specDir}; wait for it`);
  if (j.state === 'committed') return { outcome: 'finished', label: j.label, notes: apply(j) };
  return { outcome: 'undone', label: j.label, notes: undo(j) };
}

/** True when `specDir` has an update in progress or interrupted. */
export function updatePending(specDir: string): boolean {
  return exists(journalDir(specDir));
}
