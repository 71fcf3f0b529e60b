"""Writes dist/sw.js: the service worker of web/sw.js, headed by the manifest of this build.

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
    head = '// Written by web/tools/write_sw.py: the files of this build and their SHA-256.\n'
    text = f'{head}const MANIFEST = {manifest};\n\n{template.read_text(encoding="utf-8")}'
    (dist / 'sw.js').write_text(text, encoding='utf-8')


if __name__ == '__main__':
    main()
