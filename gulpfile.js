const path = require('path');
const { src, dest, task } = require('gulp');

/**
 * tsc emits only JavaScript; n8n also needs each node's and credential's icon next to it in dist/, and each node's
 * codex file (`X.node.json`: nodes-panel categories, search aliases, Docs link), which it reads from `X.node.js` + "on".
 */
function copyIconsAndCodex() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		encoding: false,
		base: '.',
	}).pipe(dest(path.resolve('dist')));
}

task('build:assets', copyIconsAndCodex);
