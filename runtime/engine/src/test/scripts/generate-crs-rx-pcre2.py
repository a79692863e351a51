#!/usr/bin/env python3
"""Writes the PCRE2 reference for CrsPcre2ReferenceTest: every @rx pattern of the installed CRS
(/usr/share/modsecurity-crs/rules) run by libpcre2-8 with PCRE2_DOTALL | PCRE2_DOLLAR_ENDONLY (as
ModSecurity compiles them) over the strings of the CRS 3.3.4 regression tests
(../shared/crs-regression/v3.3.4: uri, data and header values, raw, URL-decoded, and URL-decoded
and lower-cased), bytes as ISO-8859-1.

Usage: python3 generate-crs-rx-pcre2.py OUT.json [TESTS_DIR]   (needs PyYAML, libpcre2-8; .ci/run calls it)
"""
import ctypes, glob, json, os, re, sys, urllib.parse, yaml
lib = ctypes.CDLL("libpcre2-8.so.0")
lib.pcre2_compile_8.restype = ctypes.c_void_p
lib.pcre2_compile_8.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint32, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_size_t), ctypes.c_void_p]
lib.pcre2_match_data_create_from_pattern_8.restype = ctypes.c_void_p
lib.pcre2_match_data_create_from_pattern_8.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
lib.pcre2_match_8.restype = ctypes.c_int
lib.pcre2_match_8.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_uint32, ctypes.c_void_p, ctypes.c_void_p]
DOTALL, DOLLAR_ENDONLY = 0x20, 0x10
# the repository's sibling folder ../shared, as for the libinjection vectors; or the second argument
TESTS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "../../../../../../shared/crs-regression/v3.3.4")

def crs_patterns():
    out = []
    for f in sorted(glob.glob("/usr/share/modsecurity-crs/rules/*.conf")):
        text = open(f, "rb").read().decode("latin-1").replace("\\\r\n", "").replace("\\\n", "")
        for line in text.split("\n"):
            t = line.strip()
            if not t.startswith("SecRule "): continue
            args = []; k = 0
            while True:
                k = t.find('"', k)
                if k < 0: break
                k += 1; a = []
                while k < len(t) and t[k] != '"':
                    if t[k] == '\\' and k + 1 < len(t) and t[k+1] in '"\\': k += 1
                    a.append(t[k]); k += 1
                args.append("".join(a)); k += 1
            if len(args) < 2: continue
            op = args[0]; body = op[1:] if op.startswith("!") else op
            m = re.search(r"id:(\d+)", args[1]); rid = m.group(1) if m else "?"
            if body.startswith("@rx "): out.append((rid, body[4:]))
            elif not body.startswith("@"): out.append((rid, body))
    return out

def inputs():
    vals = set()
    def walk(o):
        if isinstance(o, dict):
            for k, v in o.items():
                if k in ("uri", "data") or (isinstance(v, str) and k not in ("dest_addr","method","version","protocol","log_contains","no_log_contains","test_title","author","name","description","status")):
                    if isinstance(v, str): vals.add(v)
                    elif isinstance(v, list): vals.update(x for x in v if isinstance(x, str))
                walk(v)
        elif isinstance(o, list):
            for x in o: walk(x)
    for f in glob.glob(os.path.join(TESTS, "**/*.yaml"), recursive=True):
        try: walk(yaml.safe_load(open(f, encoding="utf-8", errors="replace")))
        except Exception as e: print("skip", f, e, file=sys.stderr)
    out = set()
    for v in vals:
        b = v.encode("utf-8", "replace")[:400].decode("latin-1")
        out.add(b)
        out.add(urllib.parse.unquote_to_bytes(b.encode("latin-1")).decode("latin-1")[:400])
        out.add(urllib.parse.unquote_to_bytes(b.encode("latin-1").replace(b"+", b" ")).decode("latin-1").lower()[:400])
    return sorted(out)

pats = crs_patterns(); ins = inputs()
print(len(pats), "patterns", len(ins), "inputs", file=sys.stderr)
version = ctypes.create_string_buffer(64)
lib.pcre2_config_8(11, version)  # PCRE2_CONFIG_VERSION
result = {"pcre2": version.value.decode(), "inputs": ins, "patterns": []}
for rid, p in pats:
    if "%{" in p: continue
    err = ctypes.c_int(); off = ctypes.c_size_t()
    pb = p.encode("latin-1")
    code = lib.pcre2_compile_8(pb, len(pb), DOTALL | DOLLAR_ENDONLY, ctypes.byref(err), ctypes.byref(off), None)
    if not code: print("no compile", rid, err.value, off.value, file=sys.stderr); continue
    md = lib.pcre2_match_data_create_from_pattern_8(code, None)
    matches = []; limits = []
    for n, s in enumerate(ins):
        sb = s.encode("latin-1")
        rc = lib.pcre2_match_8(code, sb, len(sb), 0, 0, md, None)
        if rc > 0: matches.append(n)
        elif rc != -1: limits.append(n)
    result["patterns"].append({"id": rid, "pattern": p, "matches": matches, "errors": limits})
json.dump(result, open(sys.argv[1], "w"), separators=(",", ":"))
print(sum(len(x["matches"]) for x in result["patterns"]), "matches", file=sys.stderr)
