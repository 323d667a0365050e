import { readdirSync, readFileSync } from 'node:fs';

/** Linux /proc: the parent pid of every process, read once. */
function parents(): Map<number, number> {
	const result = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// Field 4 of /proc/<pid>/stat is the parent pid; the command name (field 2) may hold spaces, so split after ')'.
			const fields = readFileSync(`/proc/${entry}/stat`, 'utf8')
				.split(')')
				.pop()!
				.trim()
				.split(' ');
			result.set(Number(entry), Number(fields[1]));
		} catch {
			// Gone meanwhile.
		}
	}
	return result;
}

/** The direct children of a process. */
export function childPids(pid: number): number[] {
	return [...parents()].filter(([, parent]) => parent === pid).map(([child]) => child);
}

/** A process and all its descendants. */
export function processTree(pid: number): number[] {
	const byParent = parents();
	const tree = [pid];
	for (let index = 0; index < tree.length; index++)
		for (const [child, parent] of byParent) if (parent === tree[index]) tree.push(child);
	return tree;
}

/** Resident memory of a process and its descendants (VmRSS), in bytes; 0 for processes already gone. */
export function treeRssBytes(pid: number): number {
	return processTree(pid).reduce((sum, member) => {
		try {
			const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
			return sum + (match ? Number(match[1]) * 1024 : 0);
		} catch {
			return sum;
		}
	}, 0);
}
