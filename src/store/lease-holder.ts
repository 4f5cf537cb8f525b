/**
 * Who holds a refresh lease, so that a lease whose holder is dead delays nobody. The stored
 * lease owner is `<holder>#<owner>`: the owner is the caller's opaque name (one per refresher),
 * the holder names what must be alive for the lease to count before its expiry.
 *
 * - SQLite (one file, processes on this host): the holder is this process, named by host, boot
 *   id, pid namespace, pid and the process's start time. Another process on the same host and
 *   boot sees at once that the holder is gone (no such pid, or the pid now belongs to a process
 *   started at another time, i.e. reused) and takes the lease over. A holder on another host
 *   or in another pid namespace cannot be checked: only the lease's expiry frees it.
 * - PostgreSQL: the holder is the store's own presence connection (backend pid and start), which
 *   the server ends when the process dies; see postgres-links.ts.
 */
import fs from 'node:fs';
import os from 'node:os';

const SEPARATOR = '#';

export function leaseOwner(holder: string, owner: string): string {
  return `${holder}${SEPARATOR}${owner}`;
}

/** The holder part of a stored lease owner; '' for leases written without one. */
export function holderOf(stored: string): string {
  const at = stored.indexOf(SEPARATOR);
  return at < 0 ? '' : stored.slice(0, at);
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return fallback;
  }
}

function pidNamespace(): string {
  try {
    return fs.readlinkSync('/proc/self/ns/pid').replace(/\D/g, '');
  } catch {
    return '';
  }
}

/** Fields 3 onwards of /proc/<pid>/stat (state first); null where there is no /proc. */
function statFields(pid: number | 'self'): string[] | null {
  const stat = readOr(`/proc/${pid}/stat`, '');
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses: count from after its last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
function startTicks(pid: number | 'self'): string | null {
  return statFields(pid)?.[19] ?? null;
}

interface LocalHolder {
  host: string;
  boot: string;
  pidNs: string;
  pid: number;
  start: string;
}

function describeSelf(): LocalHolder {
  return {
    host: os.hostname().replace(/[/#]/g, '_'),
    boot: readOr('/proc/sys/kernel/random/boot_id', ''),
    pidNs: pidNamespace(),
    pid: process.pid,
    start: startTicks('self') ?? '',
  };
}

let self: LocalHolder | null = null;

function me(): LocalHolder {
  self ??= describeSelf();
  return self;
}

/** This process as a lease holder: `local/<host>/<boot id>/<pid ns>/<pid>/<start>`. */
export function localHolder(): string {
  const { host, boot, pidNs, pid, start } = me();
  return ['local', host, boot, pidNs, pid, start].join('/');
}

function parseLocal(holder: string): LocalHolder | null {
  const parts = holder.split('/');
  if (parts.length !== 6 || parts[0] !== 'local') return null;
  const [, host = '', boot = '', pidNs = '', pid = '', start = ''] = parts;
  const n = Number(pid);
  return Number.isSafeInteger(n) && n > 0 ? { host, boot, pidNs, pid: n, start } : null;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True only when the holder is surely gone: a process of this host (same boot, same pid
 * namespace) that no longer runs. Unknown or foreign holders count as alive.
 */
export function localHolderGone(holder: string): boolean {
  const other = parseLocal(holder);
  if (!other) return false;
  const here = me();
  if (other.host !== here.host) return false;
  // Same host, another boot: everything that ran before the reboot is gone.
  if (other.boot && here.boot && other.boot !== here.boot) return true;
  if (other.pidNs !== here.pidNs) return false;
  if (!pidAlive(other.pid)) return true;
  const stat = statFields(other.pid);
  // Killed but not yet reaped by its parent: a zombie runs nothing.
  if (stat?.[0] === 'Z') return true;
  // The pid runs, but a process started at another moment has it: the holder's pid was reused.
  const start = stat?.[19];
  return Boolean(other.start && start && start !== other.start);
}
