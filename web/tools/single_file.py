"""Writes dist/reqcheck.html: the whole page in one file, to open from a folder (file://).

Usage: single_file.py DIST   (DIST: the built page folder; writes DIST/reqcheck.html)

A browser refuses a page opened from a file the fetches the normal page makes (its wasm, its rule
pages, its samples), so this file carries them: index.html with style.css and the two scripts
inlined, and a JSON block (#rc-embedded: path -> base64 of the bytes) holding reqcheck_app.wasm and
every rule page and sample, which glue.js reads instead of fetching. The Content-Security-Policy
stays as strict: the inline scripts and style are allowed by their SHA-256, and the page may
connect nowhere (connect-src 'none'), so it makes no request at all.
"""
import base64
import hashlib
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

from page_files import page_files


class Tags(HTMLParser):
    """Start tags with their attributes and their span in the source (end tags too, for scripts)."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.lines = [0]
        for line in text.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.found = []  # (tag, attrs, start, end) of each start tag; ('/tag', {}, start, end) of end tags
        self.feed(text)
        self.close()

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        start = self._offset()
        self.found.append((tag, dict(attrs), start, start + len(self.get_starttag_text())))

    def handle_endtag(self, tag):
        start = self._offset()
        self.found.append(('/' + tag, {}, start, start + len(f'</{tag}>')))


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode('utf-8')).digest()).decode() + "'"


def inline_safe(text: str, what: str) -> str:
    """Text that can sit inside <script> or <style> unchanged (nothing here could end the element)."""
    low = text.lower()
    for bad in ('</script', '<!--', '</style'):
        if bad in low:
            raise SystemExit(f'single_file.py: {what} contains {bad!r}; it cannot be inlined as is')
    return text


def strict_csp(policy: str, script_hashes: list[str], style_hash: str) -> str:
    """The page's policy for a page that loads nothing: 'self' dropped everywhere (a file: page's
    'self' would be its folder), scripts and style by hash, no connection at all."""
    out, seen = [], set()
    for directive in filter(None, (d.strip() for d in policy.split(';'))):
        name, *values = directive.split()
        seen.add(name)
        if name == 'script-src':
            values = script_hashes + [v for v in values if v == "'wasm-unsafe-eval'"]
        elif name == 'style-src':
            values = [style_hash]
        elif name == 'connect-src':
            values = ["'none'"]
        else:
            values = [v for v in values if v != "'self'"] or ["'none'"]
        out.append(' '.join([name] + values))
    if 'connect-src' not in seen:
        out.append("connect-src 'none'")
    return '; '.join(out)


def main() -> None:
    dist = Path(sys.argv[1])
    page = (dist / 'index.html').read_text(encoding='utf-8')
    style = inline_safe((dist / 'style.css').read_text(encoding='utf-8'), 'style.css')
    glue = inline_safe((dist / 'glue.js').read_text(encoding='utf-8'), 'glue.js')
    app = inline_safe((dist / 'reqcheck_app.js').read_text(encoding='utf-8'), 'reqcheck_app.js')
    files = {p: base64.b64encode((dist / p).read_bytes()).decode('ascii')
             for p in page_files(dist) if p.startswith(('rules/', 'samples/')) or p.endswith('.wasm')}
    # JSON with every '<' escaped: nothing in it can end the <script> element that holds it
    data = json.dumps({'files': files}, sort_keys=True, separators=(',', ':')).replace('<', '\\u003c')

    edits = []  # (start, end, replacement), applied from the end of the text
    tags = Tags(page).found
    for i, (tag, attrs, start, end) in enumerate(tags):
        if tag == 'meta' and attrs.get('http-equiv', '').lower() == 'content-security-policy':
            csp = strict_csp(attrs['content'], [csp_hash(glue), csp_hash(app)], csp_hash(style))
            edits.append((start, end, f'<meta http-equiv="Content-Security-Policy" content="{csp}">'))
        elif tag == 'link' and attrs.get('rel') == 'stylesheet' and attrs.get('href') == 'style.css':
            edits.append((start, end, f'<style>{style}</style>'))
        elif tag == 'link' and attrs.get('rel') == 'preload':
            edits.append((start, end, ''))  # nothing to fetch
        elif tag == 'script' and attrs.get('src') in ('glue.js', 'reqcheck_app.js'):
            close = next(t for t in tags[i + 1:] if t[0] == '/script')
            edits.append((start, close[3], ''))
        elif tag == '/body':
            # at the end of the body, in the order the deferred scripts ran: the page is parsed
            scripts = (f'<script type="application/json" id="rc-embedded">{data}</script>\n'
                       f'<script>{glue}</script>\n<script>{app}</script>\n')
            edits.append((start, start, scripts))
    kinds = sorted(page[s:e].split()[0] if e > s else 'body' for s, e, _ in edits)
    expected = sorted(['<meta', '<link', '<link', '<script', '<script', 'body'])
    if kinds != expected:
        raise SystemExit(f'single_file.py: index.html changed shape; found {kinds}, expected {expected}')
    for start, end, text in sorted(edits, reverse=True):
        page = page[:start] + text + page[end:]
    note = ('<!-- reqcheck in one file (written by web/tools/single_file.py from dist/): opens from a folder;\n'
            '     the wasm, rule pages and samples are in #rc-embedded; it connects nowhere. -->\n')
    page = page.replace('<html', note + '<html', 1)
    (dist / 'reqcheck.html').write_text(page, encoding='utf-8')


if __name__ == '__main__':
    main()
