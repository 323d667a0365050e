const path = require('path');
const { src, dest, task } = require('gulp');

/** tsc emits only JavaScript; n8n also needs each node's and credential's icon next to it in dist/. */
function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { encoding: false, base: '.' }).pipe(
		dest(path.resolve('dist')),
	);
}

task('build:icons', copyIcons);
