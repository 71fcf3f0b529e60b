#!/usr/bin/env python3
# Generates the hostile-input cases of tests/cases/hostile/ (one folder each, format of
# tests/cases/README.md) from the baseline request; the expected outcome of each is written here
# by hand, with the line and column of the offending byte computed from the text it builds.
# Inputs too large to commit (10 MB strings, 1M targets, 100k-deep nesting, huge XML) are built
# in memory by tests/unit/hostile_test.cpp instead. Run: python3 tests/cases/hostile/make_cases.py
import json, os, shutil, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
BASE = json.load(open(os.path.join(ROOT, 'tests/cases/process/PROC-01-baseline-all-rules-pass/request.json'), encoding='utf-8'))
XML_BASE = open(os.path.join(ROOT, 'tests/cases/hi1/HI1-ip-identification-warrant-xml/request.xml'), 'rb').read()
CASES = []


def text(obj):
    return json.dumps(obj, indent=2, ensure_ascii=False).encode('utf-8')


def base():
    return json.loads(json.dumps(BASE))


def loc(data, marker, nth=0, shift=0):
    """1-based line and byte column of the nth occurrence of `marker` (bytes), plus `shift`."""
    at = -1
    for _ in range(nth + 1):
        at = data.index(marker, at + 1)
    at += shift
    line = data.count(b'\n', 0, at) + 1
    col = at - (data.rfind(b'\n', 0, at) + 1) + 1
    return line, col


def input_fail(pointer=None, at=None, code=None):
    f = {'rule': 'INPUT', 'status': 'fail'}
    if code is not None:
        f['code'] = code
    if pointer is not None:
        f['pointer'] = pointer
    if at is not None:
        f['line'], f['column'] = at
    return f


NO_INPUT_FAIL = [{'rule': 'INPUT', 'status': 'fail'}]


def case(slug, data, verdict, findings=(), absent=(), name='request.json', about=''):
    CASES.append((slug, data, verdict, list(findings), list(absent), name, about))


def replace(data, old, new, count=1):
    assert data.count(old) >= count, old
    return data.replace(old, new, count)


def invalid_at(slug, data, pointer, marker, shift=0, nth=0, about=''):
    case(slug, data, 'invalid_input', [input_fail(pointer, loc(data, marker, nth, shift))], about=about)


B = text(BASE)

# --- encodings -------------------------------------------------------------------------------
d = replace(B, b'"telegram"', b'"tele\xffgram"')
invalid_at('INPUT-utf8-invalid-byte-ff', d, '/service', b'"tele\xff', about='0xFF never occurs in UTF-8')
d = replace(B, b'"en"', b'"e\xc0\xafn"')
invalid_at('INPUT-utf8-overlong-encoding', d, '/language', b'"e\xc0', about='overlong encoding of `/`')
d = replace(B, b'"351 Gs', b'"\xed\xa0\x80351 Gs')
invalid_at('INPUT-utf8-encoded-surrogate', d, '/instrument/reference', b'"\xed\xa0', about='CESU-8 surrogate')
d = replace(B, b'"Judge A. Example"', b'"Judge A. Example\xe2\x82"')
invalid_at('INPUT-utf8-truncated-sequence', d, '/instrument/signatory/name', b'"Judge A. Example\xe2')
d = replace(B, b'"Local Court Example"', b'"Local \xf8\x88\x80\x80\x80Court"')
invalid_at('INPUT-utf8-five-byte-form', d, '/issuing_authority/name', b'"Local \xf8')
d = replace(B, b'"service"', b'"serv\xffice"')
case('INPUT-utf8-invalid-in-member-name', d, 'invalid_input', [input_fail(None, loc(d, b'"serv\xff'))])
d = replace(B, b'"service": "telegram",', b'"service": "telegram",\xff')
case('INPUT-utf8-invalid-between-tokens', d, 'invalid_input', [input_fail(None, loc(d, b'\xff'))])
case('INPUT-utf8-bom-accepted', b'\xef\xbb\xbf' + B, 'meets_criteria', [], NO_INPUT_FAIL,
     about='a UTF-8 byte order mark is skipped')
case('INPUT-utf8-bom-twice', b'\xef\xbb\xbf\xef\xbb\xbf' + B, 'invalid_input', [input_fail('', (1, 1))])
u = B.decode('utf-8')
case('INPUT-utf16le-with-bom', b'\xff\xfe' + u.encode('utf-16-le'), 'invalid_input', [input_fail('', (1, 1))])
case('INPUT-utf16be-with-bom', b'\xfe\xff' + u.encode('utf-16-be'), 'invalid_input', [input_fail('', (1, 1))])
case('INPUT-utf16le-without-bom', u.encode('utf-16-le'), 'invalid_input', [input_fail('', (1, 1))])
case('INPUT-utf32le-with-bom', b'\xff\xfe\x00\x00' + u.encode('utf-32-le'), 'invalid_input', [input_fail('', (1, 1))])
d = replace(B, '§ 100k'.encode(), '§ 100k'.encode('latin-1'))
invalid_at('INPUT-latin1-not-utf8', d, '/instrument/legal_basis/0/provision', b'"\xa7')
d = replace(B, b'"service": "telegram",', b'"service": "telegram",\x00')
case('INPUT-nul-byte-between-tokens', d, 'invalid_input', [input_fail(None, loc(d, b'\x00'), 'INPUT.nul_byte')])
d = replace(B, b'"telegram"', b'"tele\x00gram"')
case('INPUT-nul-byte-in-string', d, 'invalid_input', [input_fail('/service', loc(d, b'\x00'), 'INPUT.nul_byte')])
# the JSON lexer takes a NUL for the end of the text: what follows must never be dropped
d = b'{"schema":"reqcheck.request/1"}\x00garbage'
case('INPUT-nul-byte-then-garbage', d, 'invalid_input', [input_fail('', (1, 32), 'INPUT.nul_byte')])
c = base()
c['data_requested'] = [{'category': 'content_data'}]
d = B + b'\x00' + text(c)
case('INPUT-nul-byte-then-second-request', d, 'invalid_input', [input_fail('', loc(d, b'\x00'), 'INPUT.nul_byte')],
     [{'rule': 'DATA-01', 'status': 'pass'}], about='a passing request, a NUL and a request for content data: never a pass')
d = replace(B, b'"CASE-2026-17"', b'"CASE\t2026-17"')
invalid_at('INPUT-raw-tab-in-string', d, '/case/reference', b'"CASE\t')
d = replace(B, b'"@example_seller"', b'"@example\\u0000seller"')
case('INPUT-escaped-nul-in-username-readable', d, 'does_not_meet',
     [{'rule': 'SUBJ-01', 'status': 'fail', 'pointer': '/targets/0/value'}], NO_INPUT_FAIL,
     about='\\u0000 is valid JSON; the identifier rule refuses it')
d = replace(B, b'"Sale of narcotics', b'"\\ud800Sale of narcotics')
invalid_at('INPUT-lone-high-surrogate-escape', d, '/case/summary', b'"\\ud800')
d = replace(B, b'"Sale of narcotics', b'"\\udc00Sale of narcotics')
invalid_at('INPUT-lone-low-surrogate-escape', d, '/case/summary', b'"\\udc00')
d = replace(B, b'"Sale of narcotics', b'"\\ud83d\\ude00 Sale of narcotics')
case('INPUT-astral-escape-pair-readable', d, 'meets_criteria', [], NO_INPUT_FAIL)

# --- truncated text, trailing garbage, not JSON ----------------------------------------------------
cut = B.index(b'narcotics for sale')
d = B[:cut]
case('INPUT-truncated-in-string', d, 'invalid_input', [input_fail('/instrument/statement_of_reasons')])
cut = B.index(b'"targets": ') + len(b'"targets": ')
case('INPUT-truncated-after-member-name', B[:cut], 'invalid_input', [input_fail('/targets')])
cut = B.index(b'"max_sentence_years": 5') + len(b'"max_sentence_years": ')
case('INPUT-truncated-in-number', B[:cut] + b'12', 'invalid_input', [input_fail('/case/offences/0')])
case('INPUT-only-open-brace', b'{', 'invalid_input', [input_fail('')])
case('INPUT-whitespace-only', b' \r\n\t \n', 'invalid_input', [input_fail('')])
d = B + b'\nx'
case('INPUT-trailing-garbage', d, 'invalid_input', [input_fail('', loc(d, b'\nx', shift=1))])
d = B + b'}'
case('INPUT-trailing-brace', d, 'invalid_input', [input_fail('', loc(d, b'}', nth=d.count(b'}') - 1))])
d = B + B
case('INPUT-two-documents-concatenated', d, 'invalid_input', [input_fail('', loc(d, b'{', nth=B.count(b'{')))])
d = replace(B, b'"jurisdiction": "DE"\n      }\n    ]', b'"jurisdiction": "DE"\n      },\n    ]')
case('INPUT-trailing-comma-in-array', d, 'invalid_input', [input_fail('/instrument/legal_basis/1')])
d = b'// a comment\n' + B
case('INPUT-line-comment', d, 'invalid_input', [input_fail('', (1, 1))])
d = replace(B, b'"service":', b'/* addressee */ "service":')
case('INPUT-block-comment', d, 'invalid_input', [input_fail('', loc(d, b'/*'))])
d = replace(B, b'"telegram"', b"'telegram'")
invalid_at('INPUT-single-quoted-string', d, '/service', b"'telegram'")
d = replace(B, b'"service":', b'service:')
case('INPUT-unquoted-member-name', d, 'invalid_input', [input_fail('', loc(d, b'service:'))])
for slug, lit in [('nan', b'NaN'), ('infinity', b'Infinity'), ('hex', b'0x10'), ('leading-zero', b'05'), ('plus-sign', b'+5')]:
    d = replace(B, b'"max_sentence_years": 5', b'"max_sentence_years": ' + lit)
    # the lexer has read past the first bad byte: the pointer is the offence, the line is exact
    case('INPUT-number-literal-' + slug, d, 'invalid_input', [input_fail('/case/offences/0' if slug in ('hex', 'leading-zero') else '/case/offences/0/max_sentence_years')])
    if slug != 'leading-zero':  # `05`: the lexer reads `0`, then reports `5` one token late (on the next line)
        CASES[-1][3][0]['line'] = loc(d, b': ' + lit)[0]
for slug, doc, msg in [('null', b'null', ''), ('array', b'[]', ''), ('string', b'"reqcheck.request/1"', ''), ('number', b'1', '')]:
    case('INPUT-top-level-' + slug, doc, 'invalid_input', [input_fail('', (1, 1))])

# --- duplicate keys (refused: last-wins would drop part of a legal request) ---------------------
d = replace(B, b'"role": "suspect"', b'"role": "suspect",\n      "role": "witness"')
invalid_at('INPUT-duplicate-key-in-target', d, '/targets/0/role', b'"role": "witness"')
d = replace(B, b'"role": "suspect"', b'"role": "suspect",\n      "role": "suspect"')
invalid_at('INPUT-duplicate-key-same-value', d, '/targets/0/role', b'"role": "suspect"', nth=1)
d = replace(B, b'"language": "en",', b'"language": "en",\n  "\\u0073ervice": "other",')
invalid_at('INPUT-duplicate-key-through-escape', d, '/service', b'"\\u0073ervice"')
d = replace(B, b'"category": "ip_address",', b'"category": "ip_address",\n      "category": "content_data",')
invalid_at('INPUT-duplicate-key-in-data-item', d, '/data_requested/0/category', b'"category": "content_data"')
d = replace(B, b'"targets": [', b'"targets": [],\n  "targets": [')
invalid_at('INPUT-duplicate-targets-array', d, '/targets', b'"targets": [', nth=1)

# --- numbers ---------------------------------------------------------------------------------------
for slug, lit in [('1e400', b'1e400'), ('minus-1e400', b'-1e400'), ('5000-digits', b'9' * 5000)]:
    d = replace(B, b'"max_sentence_years": 5', b'"max_sentence_years": ' + lit)
    case('INPUT-number-out-of-range-' + slug, d, 'invalid_input', [input_fail('/case/offences/0/max_sentence_years')])
d = replace(B, b'"max_sentence_years": 5', b'"max_sentence_years": -0')
case('INPUT-number-minus-zero-readable', d, 'meets_criteria', [], NO_INPUT_FAIL, about='-0 is 0, not negative')
d = replace(B, b'"max_sentence_years": 5', b'"max_sentence_years": -1')
invalid_at('INPUT-number-negative-sentence', d, '/case/offences/0/max_sentence_years', b': -1', shift=2)
d = replace(B, b'"max_sentence_years": 5', b'"max_sentence_years": 1.7976931348623157e308')
case('INPUT-number-largest-double-readable', d, 'meets_criteria', [], NO_INPUT_FAIL)
q = base(); q['targets'] = [{'type': 'user_id', 'value': 0, 'role': 'suspect'}]
d = replace(text(q), b'"value": 0', b'"value": 123456789012345678901234567890')
invalid_at('INPUT-user-id-huge-json-number', d, '/targets/0/value', b'123456789012345678901234567890')
q = base(); q['targets'] = [{'type': 'user_id', 'value': '123456789012345678901234567890', 'role': 'suspect'}]
case('INPUT-user-id-huge-digit-string', text(q), 'does_not_meet', [{'rule': 'SUBJ-01', 'status': 'fail', 'pointer': '/targets/0/value'}], NO_INPUT_FAIL)
q = base(); q['targets'] = [{'type': 'user_id', 'value': '-5', 'role': 'suspect'}]
case('INPUT-user-id-negative-string', text(q), 'does_not_meet', [{'rule': 'SUBJ-01', 'status': 'fail', 'pointer': '/targets/0/value'}], NO_INPUT_FAIL)
q = base(); q['targets'] = [{'type': 'user_id', 'value': '1e5', 'role': 'suspect'}]
case('INPUT-user-id-exponent-string', text(q), 'does_not_meet', [{'rule': 'SUBJ-01', 'status': 'fail', 'pointer': '/targets/0/value'}], NO_INPUT_FAIL)
q = base(); q['emergency'] = {'threat': 'a bomb threat against a school', 'person_at_risk': 'pupils', 'why_this_data': 'locates the sender', 'deadline_hours': 0}
for slug, lit in [('1e300', b'1e300'), ('1e15', b'1000000000000000')]:
    d = replace(text(q), b'"deadline_hours": 0', b'"deadline_hours": ' + lit)
    case('INPUT-deadline-hours-' + slug, d, None, [], NO_INPUT_FAIL + [{'rule': 'PACK', 'status': 'fail'}],
         about='no deadline is computed beyond 100 years; the conversion must not overflow (UB)')

# --- dates -----------------------------------------------------------------------------------------
def date_case(slug, pointer_path, value, ok, extra=None, absent=None):
    q = base()
    cur = q
    keys = pointer_path.strip('/').split('/')
    for k in keys[:-1]:
        cur = cur[int(k)] if isinstance(cur, list) else cur[k]
    cur[keys[-1]] = value
    d = text(q)
    if ok:
        case(slug, d, None, extra or [], NO_INPUT_FAIL + (absent or []))
    else:
        marker = b'"' + value.encode() + b'"'
        case(slug, d, 'invalid_input', [input_fail(pointer_path, loc(d, marker))])

date_case('INPUT-date-three-digit-day', '/instrument/issued_on', '2025-09-024T09:00:01Z', False)
date_case('INPUT-date-february-30', '/data_requested/0/from', '2026-02-30', False)
date_case('INPUT-date-month-13', '/instrument/valid_until', '2027-13-01', False)
date_case('INPUT-date-day-00', '/instrument/issued_on', '2026-11-00', False)
date_case('INPUT-date-year-five-digits', '/instrument/valid_until', '10000-01-01', False)
date_case('INPUT-datetime-minute-60', '/received_at', '2026-11-20T09:60:00+01:00', False)
date_case('INPUT-datetime-second-61', '/received_at', '2026-11-20T09:30:61+01:00', False)
date_case('INPUT-datetime-offset-plus-25', '/received_at', '2026-11-20T09:30:00+25:00', False)
date_case('INPUT-datetime-offset-minute-60', '/received_at', '2026-11-20T09:30:00+01:60', False)
date_case('INPUT-datetime-offset-without-colon', '/received_at', '2026-11-20T09:30:00+0100', False)
date_case('INPUT-datetime-without-offset', '/received_at', '2026-11-20T09:30:00', False)
date_case('INPUT-datetime-empty-fraction', '/received_at', '2026-11-20T09:30:00.Z', False)
date_case('INPUT-datetime-trailing-text', '/received_at', '2026-11-20T09:30:00Z junk', False)
date_case('INPUT-datetime-leading-space', '/received_at', ' 2026-11-20T09:30:00Z', False)
date_case('INPUT-datetime-fullwidth-digits', '/received_at', '２０２６-11-20T09:30:00Z', False)
BASE['data_requested'][0]['from'] = '2016-12-31T00:00:00Z'
date_case('INPUT-datetime-leap-second-accepted', '/data_requested/0/to', '2016-12-31T23:59:60Z', True,
          [{'rule': 'DATA-03', 'status': 'review', 'pointer': '/data_requested/0'}])
BASE['data_requested'][0]['from'] = '2026-10-01T00:00:00Z'
date_case('INPUT-datetime-lowercase-t-z-accepted', '/received_at', '2026-11-20t08:30:00z', True)
date_case('INPUT-datetime-40-digit-fraction-accepted', '/received_at', '2026-11-20T08:30:00.' + '9' * 40 + 'Z', True)

# --- wrong types at every level --------------------------------------------------------------------
def type_case(slug, path, value, pointer=None):
    q = base()
    cur = q
    keys = path.strip('/').split('/')
    for k in keys[:-1]:
        cur = cur[int(k)] if isinstance(cur, list) else cur[k]
    last = keys[-1]
    if isinstance(cur, list):
        cur[int(last)] = value
    else:
        cur[last] = value
    case(slug, text(q), 'invalid_input', [input_fail(pointer or path)])

type_case('INPUT-type-schema-number', '/schema', 1)
type_case('INPUT-type-received-at-number', '/received_at', 20261120)
type_case('INPUT-type-language-array', '/language', ['en'])
type_case('INPUT-type-service-object', '/service', {'name': 'telegram'})
type_case('INPUT-type-instrument-string', '/instrument', 'court order')
type_case('INPUT-type-signatory-string', '/instrument/signatory', 'Judge A. Example')
type_case('INPUT-type-legal-basis-object', '/instrument/legal_basis', {'law': 'StPO'})
type_case('INPUT-type-legal-basis-element-string', '/instrument/legal_basis/0', 'StPO § 100k')
type_case('INPUT-type-issuing-authority-array', '/issuing_authority', [])
type_case('INPUT-type-requester-number', '/requester', 7)
type_case('INPUT-type-supervisor-array', '/requester/supervisor', ['C. Example'])
type_case('INPUT-type-case-boolean', '/case', True)
type_case('INPUT-type-offences-string', '/case/offences', 'drug_trafficking')
type_case('INPUT-type-target-element-string', '/targets/0', '@example_seller')
type_case('INPUT-type-target-value-number', '/targets/0/value', 123456)
type_case('INPUT-type-data-item-number', '/data_requested/0', 1)
type_case('INPUT-type-data-from-number', '/data_requested/0/from', 1764547200)
type_case('INPUT-type-emergency-array', '/emergency', [])
type_case('INPUT-type-non-disclosure-string', '/non_disclosure', 'yes')
q = base(); q['non_disclosure'] = {'requested': 'yes'}
case('INPUT-type-non-disclosure-requested-string', text(q), 'invalid_input', [input_fail('/non_disclosure/requested')])
q = base(); q['emergency'] = {'threat': 't', 'person_at_risk': 'p', 'why_this_data': 'w', 'deadline_hours': '4'}
case('INPUT-type-deadline-hours-string', text(q), 'invalid_input', [input_fail('/emergency/deadline_hours')])
q = base()
q['instrument']['signed'] = 'yes'; q['issuing_authority']['type'] = 3; q['case']['offences'][0]['category'] = ['fraud']
q['targets'][0]['role'] = {'suspect': True}; q['data_requested'][1] = None; q['requester']['channel'] = False
case('INPUT-type-wrong-at-every-level-all-listed', text(q), 'invalid_input',
     [input_fail(p) for p in ['/instrument/signed', '/issuing_authority/type', '/case/offences/0/category', '/targets/0/role', '/requester/channel']],
     about='every problem is listed, not only the first; a null element reads as no element')

# --- limits at their edge (the far-over-the-limit inputs are in tests/unit/hostile_test.cpp) ---------
q = base(); q['x'] = 0
d = replace(text(q), b'"x": 0', b'"x": ' + b'[' * 31 + b']' * 31)
case('INPUT-limit-depth-32-readable', d, 'needs_review', [{'rule': 'INPUT', 'status': 'review', 'pointer': '/x'}], NO_INPUT_FAIL)
d = replace(text(q), b'"x": 0', b'"x": ' + b'[' * 32 + b']' * 32)
case('INPUT-limit-depth-33-refused', d, 'invalid_input', [input_fail('/x', loc(d, b'[' * 32, shift=31))])
t = {'type': 'username', 'value': '@example_seller', 'role': 'suspect'}
q = base(); q['targets'] = [t] * 1000
d = json.dumps(q, ensure_ascii=False, separators=(',', ':')).encode()
case('INPUT-limit-1000-targets-readable', d, 'meets_criteria', [], NO_INPUT_FAIL)
q = base(); q['targets'] = [t] * 1001
d = json.dumps(q, ensure_ascii=False, separators=(',', ':')).encode()
case('INPUT-limit-1001-targets-refused', d, 'invalid_input', [input_fail('/targets', loc(d, b'"targets":[', shift=10))])
q = base(); q['case']['summary'] = 'a' * 65536
case('INPUT-limit-string-64-kib-readable', text(q), 'meets_criteria', [], NO_INPUT_FAIL)
q = base(); q['case']['summary'] = 'a' * 65537
d = text(q)
case('INPUT-limit-string-64-kib-plus-1-refused', d, 'invalid_input', [input_fail('/case/summary', loc(d, b'"aaaa'))])
q = base(); q['b' * 65537] = 1
d = text(q)
case('INPUT-limit-member-name-64-kib-plus-1-refused', d, 'invalid_input', [input_fail(None, loc(d, b'"bbbb'))])
q = base()
for i in range(150):
    q['unknown_%03d' % i] = i
d = text(q)
case('INPUT-limit-150-unknown-fields-capped', d, 'needs_review',
     [{'rule': 'INPUT', 'status': 'review', 'pointer': '/unknown_000'}], NO_INPUT_FAIL,
     about='at most 100 problems are listed, then one finding says the rest are not')
q = base()
for i in range(150):
    q['unknown_%03d' % i] = i
q['targets'][0]['role'] = 'suspekt'
d = text(q)
case('INPUT-limit-error-after-100-reviews-still-invalid', d, 'invalid_input', [input_fail()],
     about='an error past the cap still makes the input invalid (fail closed)')

# --- XML (HI-1): entities are never expanded nor fetched --------------------------------------------
def xml_case(slug, data, findings=None, about=''):
    case(slug, data, 'invalid_input', findings or [input_fail()], name='request.xml', about=about)

x = XML_BASE
head, sep, rest = x.partition(b'?>')
def with_doctype(dt):
    return head + sep + b'\n' + dt + rest

d = with_doctype(b'<!DOCTYPE HI1Message [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
d = d.replace(b'<Timestamp>', b'<Timestamp>&xxe;', 1)
xml_case('INPUT-xml-xxe-file', d, [dict(input_fail(), line=loc(d, b'<!DOCTYPE')[0])], about='external entity: refused, never resolved')
d = with_doctype(b'<!DOCTYPE HI1Message [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/leak">]>').replace(b'<Timestamp>', b'<Timestamp>&xxe;', 1)
xml_case('INPUT-xml-xxe-http', d, [dict(input_fail(), line=loc(d, b'<!DOCTYPE')[0])])
d = with_doctype(b'<!DOCTYPE HI1Message [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>')
xml_case('INPUT-xml-parameter-entity', d, [dict(input_fail(), line=loc(d, b'<!DOCTYPE')[0])])
d = with_doctype(b'<!DOCTYPE HI1Message SYSTEM "http://127.0.0.1:9/hi1.dtd">')
xml_case('INPUT-xml-external-dtd', d, [dict(input_fail(), line=loc(d, b'<!DOCTYPE')[0])])
ents = b''.join(b'<!ENTITY q%d "&q%d;&q%d;&q%d;&q%d;&q%d;&q%d;&q%d;&q%d;&q%d;&q%d;">' % ((i,) + (i - 1,) * 10) for i in range(1, 10))
d = with_doctype(b'<!DOCTYPE HI1Message [<!ENTITY q0 "ha">' + ents + b']>').replace(b'<Timestamp>', b'<Timestamp>&q9;', 1)
xml_case('INPUT-xml-billion-laughs-in-hi1', d, [dict(input_fail(), line=loc(d, b'<!DOCTYPE')[0])])
d = x.replace(b'<Timestamp>', b'<Timestamp>&undeclared;', 1)
xml_case('INPUT-xml-undeclared-entity', d)
d = x.replace(b'<HI1Message ', b'<HI1Message xmlns:xi="http://www.w3.org/2001/XInclude" ', 1).replace(b'<Header>', b'<Header><xi:include href="file:///etc/passwd" parse="text"/>', 1)
case('INPUT-xml-xinclude-not-processed', d, None, [], [{'rule': 'PACK', 'status': 'fail'}], name='request.xml',
     about='XInclude is never processed: the element is at most an unknown one')
d = x[: len(x) // 2]
xml_case('INPUT-xml-truncated', d)
d = x.replace(b'<Timestamp>', b'<Timestamp>\xff', 1)
xml_case('INPUT-xml-invalid-utf8', d, about='XML text must be UTF-8 like JSON')
d = x.replace(b'<auth:AuthorisationReference>351 ', b'<auth:AuthorisationReference>351 \xff', 1)
xml_case('INPUT-xml-invalid-utf8-in-imported-value', d, [dict(input_fail(), line=loc(d, b'351 \xff')[0])],
         about='found by fuzz_import_hi1: the imported request could not be serialised (an internal error)')
CASES[-1][4].append({'rule': 'PACK', 'status': 'fail'})
d = x.decode('utf-8').encode('utf-16')
xml_case('INPUT-xml-utf16', d)
d = x.replace(b'<Header>', b'<Header>' + b'<a>' * 100 + b'</a>' * 100, 1)
xml_case('INPUT-xml-nesting-100', d)
d = x + b'<HI1Message/>'
xml_case('INPUT-xml-two-roots', d)
d = x + b'\x00<HI1Message xmlns="http://uri.etsi.org/03120/common/2019/10/Core"/>'
xml_case('INPUT-xml-nul-byte-then-second-root', d, [input_fail(None, loc(d, b'\x00'), 'INPUT.nul_byte')],
         about='pugixml stops at a NUL: the second root must not be ignored')
d = x.replace(b'<Timestamp>', b'<Timestamp>\x00', 1)
xml_case('INPUT-xml-nul-byte-in-value', d, [input_fail(None, loc(d, b'\x00'), 'INPUT.nul_byte')])
J = open(os.path.join(ROOT, 'tests/cases/hi1/HI1-ip-identification-warrant-json/request.hi1.json'), 'rb').read()
d = J.rstrip() + b'\x00{"HI1Message": {}}'
case('INPUT-hi1-json-nul-byte-then-second-message', d, 'invalid_input', [input_fail('', loc(d, b'\x00'), 'INPUT.nul_byte')],
     name='request.hi1.json')


def main(only=()):
    """Writes every case (removing the folders first), or only the slugs in `only`."""
    keep = {'make_cases.py', 'README.md'}
    for entry in os.listdir(HERE):
        if entry not in keep and (not only or entry in only):
            shutil.rmtree(os.path.join(HERE, entry))
    slugs = set()
    for slug, data, verdict, findings, absent, name, about in CASES:
        assert slug not in slugs, slug
        slugs.add(slug)
        if only and slug not in only:
            continue
        assert len(data) < 100 * 1024, (slug, len(data))
        folder = os.path.join(HERE, slug)
        os.makedirs(folder)
        with open(os.path.join(folder, name), 'wb') as f:
            f.write(data)
        expected = {}
        if about:
            expected['about'] = about
        if verdict:
            expected['verdict'] = verdict
        expected['findings'] = findings
        if absent:
            expected['absent'] = absent
        with open(os.path.join(folder, 'expected.json'), 'w', encoding='utf-8') as f:
            json.dump(expected, f, indent=2, ensure_ascii=False)
            f.write('\n')
    print(len(CASES), 'cases written to', HERE)


if __name__ == '__main__':
    main(set(sys.argv[1:]))
