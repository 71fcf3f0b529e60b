"""Writes dist/sw.js: the service worker of web/sw.js, with the manifest of this build filled in.

Usage: write_sw.py DIST TEMPLATE   (DIST: the built page folder; TEMPLATE: web/sw.js)

The manifest maps each of the page's files (page_files.py) to its SHA-256; the build hash names
the cache (`reqcheck-<build>`). A new build changes the manifest, so sw.js changes and browsers
install the new worker, which replaces the old cache (web/sw.js says how).
"""
import hashlib
import json
import sys
from pathlib import Path

from page_files import page_files


def main() -> None:
    dist, template = Path(sys.argv[1]), Path(sys.argv[2])
    files = {p: hashlib.sha256((dist / p).read_bytes()).hexdigest() for p in page_files(dist)}
    build = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:16]
    manifest = json.dumps({'build': build, 'files': files}, indent=1, sort_keys=True)
    text = template.read_text(encoding='utf-8')
    line = 'const MANIFEST = null; // the build\'s manifest replaces this line\n'
    if text.count(line) != 1:
        raise SystemExit(f'write_sw.py: {template} has no line {line.strip()!r} to fill in')
    filled = f'const MANIFEST = {manifest};\n'
    (dist / 'sw.js').write_text(text.replace(line, filled), encoding='utf-8')


if __name__ == '__main__':
    main()
