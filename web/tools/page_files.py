"""The page's own files in a built dist/ folder, as paths relative to it ('/' separators).

What a served page loads or fetches on demand: the page (index.html, style.css, glue.js), the
app (reqcheck_app.js and .wasm), the rule pages (rules/*.md) and the samples (samples/*.json,
*.xml). Not sw.js (the worker is not one of its own cached files) nor reqcheck.html (the
single-file build, made from these). Shared by write_sw.py and single_file.py.
"""
from pathlib import Path

APP = ['index.html', 'style.css', 'glue.js', 'reqcheck_app.js', 'reqcheck_app.wasm']
FOLDERS = {'rules': ('.md',), 'samples': ('.json', '.xml')}


def page_files(dist: Path) -> list[str]:
    """Sorted relative paths; raises FileNotFoundError when one of the app's files is missing."""
    for name in APP:
        if not (dist / name).is_file():
            raise FileNotFoundError(f'{dist / name}: not built')
    found = list(APP)
    for folder, suffixes in FOLDERS.items():
        found += [f'{folder}/{p.name}' for p in (dist / folder).iterdir() if p.is_file() and p.suffix in suffixes]
    return sorted(found)
