#!/usr/bin/python3
"""Checks a PDF against the machine-checkable part of PDF/A-2a (ISO 19005-2) and PDF/UA-1
(ISO 14289-1, with the Matterhorn Protocol's failure conditions), as motesdok's finishing step
claims them. Prints one line per failed condition, "FILE: fail: CONDITION: detail", and exits
1 when any failed (0 when all passed, 2 on usage or an unreadable file). docs/pdf.md lists
every condition and what is not checked.

usage: check.py [-v] FILE.pdf...      (-v also prints the conditions that passed)
Runs with Debian's python3-pikepdf (/usr/bin/python3)."""

import datetime
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
}

# ISO 32000-1 §14.8.4 standard structure types.
STANDARD_TYPES = set(
    """Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
    H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note
    Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form""".split()
)
# Every condition this checker knows, in report order (docs/pdf.md explains each).
CONDITIONS = """pdfa.header pdfa.version pdfa.trailer-id pdfa.no-encryption pdfa.eof
pdfa.xmp pdfa.xmp-identification pdfa.xmp-info-agree pdfa.xmp-extension-schema
pdfa.info-dates pdfa.output-intent pdfa.fonts-embedded pdfa.cidtogidmap pdfa.no-interpolate
pdfa.no-lzw pdfa.annotation-flags pdfa.actions pdfa.no-embedded-files pdfa.extgstate
pdfa.tagged ua.xmp-identification ua.title ua.display-doc-title ua.lang ua.artifacts
ua.mcid-in-tree ua.standard-types ua.figure-alt ua.headings ua.lists ua.tables ua.table-scope
ua.links ua.tabs ua.fonts-tounicode""".split()

PAINT_OPS = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "Tj", "TJ", "'", '"', "INLINE IMAGE", "BI"}


class Report:
    def __init__(self, path):
        self.path = path
        self.failed = {}  # condition -> first detail
        self.counts = {}

    def fail(self, cond, detail):
        assert cond in CONDITIONS, cond
        self.counts[cond] = self.counts.get(cond, 0) + 1
        self.failed.setdefault(cond, detail)


def text(o):
    """A PDF text string as str, or None."""
    if o is None:
        return None
    try:
        return str(o)
    except Exception:
        return None


def pdf_date(s):
    """D:YYYYMMDDHHmmSSOHH'mm' (ISO 32000-1 §7.9.4) → (naive datetime, offset minutes|None)."""
    m = re.fullmatch(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(?:(Z)|([+-])(\d\d)'?(\d\d)?'?)?", s or "")
    if not m:
        return None
    y, mo, d, h, mi, sec = (int(g) if g else dflt for g, dflt in zip(m.groups()[:6], (0, 1, 1, 0, 0, 0)))
    tz = None
    if m.group(7):
        tz = 0
    elif m.group(8):
        tz = (int(m.group(9)) * 60 + int(m.group(10) or 0)) * (1 if m.group(8) == "+" else -1)
    return (datetime.datetime(y, mo, d, h, mi, sec), tz)


def xmp_date(s):
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)?)?)?)?", s or "")
    if not m:
        return None
    y, mo, d, h, mi, sec = (int(g) if g else dflt for g, dflt in zip(m.groups()[:6], (0, 1, 1, 0, 0, 0)))
    tz = None
    if m.group(7) == "Z":
        tz = 0
    elif m.group(7):
        sign = 1 if m.group(7)[0] == "+" else -1
        tz = sign * (int(m.group(7)[1:3]) * 60 + int(m.group(7)[4:6]))
    return (datetime.datetime(y, mo, d, h, mi, sec), tz)


def same_date(a, b):
    if a is None or b is None:
        return False
    (da, ta), (db, tb) = a, b
    if ta is not None and tb is not None:
        return da - datetime.timedelta(minutes=ta) == db - datetime.timedelta(minutes=tb)
    return da == db and ta == tb


def walk_resources(res, seen, fonts, images, gstates, depth=0):
    """Fonts, image XObjects and ExtGStates reachable from a resource dictionary."""
    if res is None or depth > 20 or not isinstance(res, pikepdf.Dictionary):
        return
    for _, f in (res.get("/Font") or {}).items():
        if f.objgen != (0, 0) and f.objgen in seen:
            continue
        seen.add(f.objgen)
        fonts.append(f)
        if f.get("/Subtype") == "/Type3":
            walk_resources(f.get("/Resources"), seen, fonts, images, gstates, depth + 1)
    for _, g in (res.get("/ExtGState") or {}).items():
        gstates.append(g)
    for _, x in (res.get("/XObject") or {}).items():
        if x.objgen != (0, 0) and x.objgen in seen:
            continue
        seen.add(x.objgen)
        if x.get("/Subtype") == "/Image":
            images.append(x)
            if "/SMask" in x:
                images.append(x.SMask)
        elif x.get("/Subtype") == "/Form":
            walk_resources(x.get("/Resources"), seen, fonts, images, gstates, depth + 1)


def tounicode_problems(stream):
    """Entries of a ToUnicode CMap that map to nothing or to U+FFFD (PDF/UA-1 §7.21.7)."""
    data = stream.read_bytes().decode("latin-1")
    bad = []

    def check(dst, src):
        if dst is None or len(dst) == 0:
            bad.append(f"<{src}> maps to nothing")
            return
        try:
            s = bytes.fromhex(dst).decode("utf-16-be")
        except Exception:
            bad.append(f"<{src}> maps to invalid UTF-16 <{dst}>")
            return
        if "\ufffd" in s:
            bad.append(f"<{src}> maps to U+FFFD")
        elif s == "\x00" or s == "":
            bad.append(f"<{src}> maps to nothing")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]*)>\s*<([0-9A-Fa-f]*)>", block):
            check(dst, src)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, rest in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            for dst in re.findall(r"<([0-9A-Fa-f]*)>", rest):
                check(dst, lo)
    return bad


def struct_walk(node, visit, parent=None, depth=0):
    if depth > 1000:
        return
    if isinstance(node, pikepdf.Array):
        for k in node:
            struct_walk(k, visit, parent, depth)
        return
    if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
        return
    visit(node, parent)
    kids = node.get("/K")
    if kids is not None:
        struct_walk(kids, visit, node, depth + 1)


def kids_of(elem):
    k = elem.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def elem_kids(elem):
    return [k for k in kids_of(elem) if isinstance(k, pikepdf.Dictionary) and "/S" in k]


def check_file(path):
    r = Report(path)
    raw = open(path, "rb").read()
    try:
        pdf = pikepdf.open(path)
    except Exception as e:
        print(f"{path}: error: cannot be opened: {e}")
        return None

    # --- file structure (PDF/A-2 §6.1) ---
    m = re.match(rb"%PDF-1\.(\d)\r?\n%([^\r\n]{4,})", raw)
    if not m or sum(1 for b in m.group(2)[:4] if b > 127) < 4:
        r.fail("pdfa.header", "the header line is not followed by a comment of 4 bytes above 127 (§6.1.2)")
    if not m or int(m.group(1)) > 7:
        r.fail("pdfa.version", "the PDF version is not 1.0–1.7")
    tid = pdf.trailer.get("/ID")
    if not isinstance(tid, pikepdf.Array) or len(tid) != 2:
        r.fail("pdfa.trailer-id", "the trailer has no /ID of two strings (§6.1.3)")
    if "/Encrypt" in pdf.trailer or pdf.is_encrypted:
        r.fail("pdfa.no-encryption", "the file is encrypted (§6.1.3)")
    if not re.search(rb"%%EOF(\r\n|\r|\n)?$", raw):
        r.fail("pdfa.eof", "data follows the last %%EOF (§6.1.3)")

    root = pdf.Root
    info = pdf.trailer.get("/Info") or pikepdf.Dictionary()

    # --- metadata (PDF/A-2 §6.6, PDF/UA-1 §7.1) ---
    xmp_root = None
    meta = root.get("/Metadata")
    if meta is None or not isinstance(meta, pikepdf.Stream):
        r.fail("pdfa.xmp", "the catalog has no /Metadata stream (§6.6.2.1; Matterhorn 06-001)")
    else:
        if meta.get("/Type") != "/Metadata" or meta.get("/Subtype") != "/XML":
            r.fail("pdfa.xmp", "the metadata stream is not /Type /Metadata /Subtype /XML")
        if "/Filter" in meta:
            r.fail("pdfa.xmp", "the metadata stream is compressed; readers without PDF knowledge cannot find it")
        try:
            data = meta.read_bytes()
            if re.search(rb"<\?xpacket[^>]*(bytes|encoding)=", data):
                r.fail("pdfa.xmp", "the xpacket header has a bytes or encoding attribute (§6.6.2.1)")
            xmp_root = ET.fromstring(data)
        except Exception as e:
            r.fail("pdfa.xmp", f"the XMP packet does not parse: {e}")

    def xmp_values(tag):
        if xmp_root is None:
            return []
        out = []
        for d in xmp_root.iter(f"{{{NS['rdf']}}}Description"):
            ns, local = tag.split(":")
            attr = d.get(f"{{{NS[ns]}}}{local}")
            if attr is not None:
                out.append(attr)
            for e in d.findall(f"{ns}:{local}", NS):
                lis = e.findall(".//rdf:li", NS)
                out.append(lis[0].text if lis else (e.text or ""))
        return out

    def xmp_one(tag):
        v = xmp_values(tag)
        return v[0] if v else None

    if xmp_root is not None:
        part, conf = xmp_one("pdfaid:part"), xmp_one("pdfaid:conformance")
        if part != "2" or conf not in ("A", "B", "U"):
            r.fail("pdfa.xmp-identification", f"pdfaid:part is {part!r}, pdfaid:conformance {conf!r}; want 2 and A, B or U (§6.6.4)")
        if xmp_one("pdfuaid:part") != "1":
            r.fail("ua.xmp-identification", "the XMP has no pdfuaid:part 1 (ISO 14289-1 §5; Matterhorn 06-002)")
        described = {(p.text or "").strip() for p in xmp_root.iter(f"{{{NS['pdfaSchema']}}}prefix")}
        used = {e.tag.split("}")[0][1:] for e in xmp_root.iter() if e.tag.startswith("{")}
        if NS["pdfuaid"] in used and "pdfuaid" not in described:
            r.fail("pdfa.xmp-extension-schema", "pdfuaid is used but not described by a pdfaExtension schema (§6.6.2.3)")
        pairs = [("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Subject", "dc:description"),
                 ("/Keywords", "pdf:Keywords"), ("/Creator", "xmp:CreatorTool"), ("/Producer", "pdf:Producer")]
        for key, tag in pairs:
            iv, xv = text(info.get(key)), xmp_one(tag)
            if iv is not None and iv != xv:
                r.fail("pdfa.xmp-info-agree", f"Info {key} is {iv!r} but XMP {tag} is {xv!r} (§6.6.3)")
        for key, tag in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
            iv, xv = text(info.get(key)), xmp_one(tag)
            if iv is not None and not same_date(pdf_date(iv), xmp_date(xv)):
                r.fail("pdfa.xmp-info-agree", f"Info {key} {iv!r} and XMP {tag} {xv!r} differ (§6.6.3)")
        title = xmp_one("dc:title")
        if not title or not title.strip():
            r.fail("ua.title", "the XMP has no dc:title (PDF/UA-1 §7.1; Matterhorn 06-003)")
    else:
        r.fail("pdfa.xmp-identification", "no XMP, so no PDF/A identification")
        r.fail("ua.xmp-identification", "no XMP, so no PDF/UA identification")
        r.fail("ua.title", "no XMP, so no dc:title")
    for key in ("/CreationDate", "/ModDate"):
        if key in info and pdf_date(text(info.get(key))) is None:
            r.fail("pdfa.info-dates", f"Info {key} {text(info.get(key))!r} is not a PDF date D:YYYYMMDDHHmmSS… (ISO 32000-1 §7.9.4)")

    vp = root.get("/ViewerPreferences")
    if vp is None or vp.get("/DisplayDocTitle") is not True:
        r.fail("ua.display-doc-title", "/ViewerPreferences /DisplayDocTitle is not true (PDF/UA-1 §7.1; Matterhorn 07-001/07-002)")
    lang = text(root.get("/Lang"))
    if not lang or not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", lang):
        r.fail("ua.lang", f"the catalog /Lang is {lang!r}, not a language tag (PDF/UA-1 §7.2)")

    # --- output intent (PDF/A-2 §6.2.3) ---
    ois = root.get("/OutputIntents")
    profiles = set()
    ok_intent = False
    for oi in (ois or []):
        prof = oi.get("/DestOutputProfile")
        if oi.get("/S") == "/GTS_PDFA1" and isinstance(prof, pikepdf.Stream):
            data = prof.read_bytes()
            space = data[16:20]
            n = {b"RGB ": 3, b"GRAY": 1, b"CMYK": 4}.get(space)
            if n is None or int(prof.get("/N", 0)) != n:
                r.fail("pdfa.output-intent", f"the profile's /N {prof.get('/N')} does not match its colour space {space!r}")
            elif data[8] > 4:
                r.fail("pdfa.output-intent", f"the ICC profile is version {data[8]}, newer than 4")
            else:
                ok_intent = True
            profiles.add(bytes(data))
    if not ok_intent:
        r.fail("pdfa.output-intent", "no /OutputIntents entry /S /GTS_PDFA1 with an embedded ICC profile (§6.2.3)")
    elif len(profiles) > 1:
        r.fail("pdfa.output-intent", "output intents with different profiles (§6.2.3)")

    # --- resources: fonts, images, graphics states ---
    seen, fonts, images, gstates = set(), [], [], []
    for page in pdf.pages:
        walk_resources(page.obj.get("/Resources"), seen, fonts, images, gstates)
        for a in page.obj.get("/Annots") or []:
            for _, ap in (a.get("/AP") or {}).items():
                if isinstance(ap, pikepdf.Stream):
                    walk_resources(ap.get("/Resources"), seen, fonts, images, gstates)
    for f in fonts:
        name = str(f.get("/BaseFont", "?"))
        sub = f.get("/Subtype")
        if sub == "/Type3":
            pass
        else:
            desc = f.get("/FontDescriptor")
            if sub == "/Type0":
                desc_font = f.DescendantFonts[0]
                desc = desc_font.get("/FontDescriptor")
                if desc_font.get("/Subtype") == "/CIDFontType2" and "/CIDToGIDMap" not in desc_font:
                    r.fail("pdfa.cidtogidmap", f"CIDFontType2 {name} has no /CIDToGIDMap (§6.2.11.3.2)")
            if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                r.fail("pdfa.fonts-embedded", f"font {name} is not embedded (§6.2.11.4.1; PDF/UA-1 §7.21.4.1)")
        tu = f.get("/ToUnicode")
        if not isinstance(tu, pikepdf.Stream):
            r.fail("ua.fonts-tounicode", f"font {name} has no ToUnicode map (PDF/A-2 §6.2.11.7.2; PDF/UA-1 §7.21.7)")
        else:
            bad = tounicode_problems(tu)
            if bad:
                r.fail("ua.fonts-tounicode", f"font {name}: {bad[0]} ({len(bad)} in all) (PDF/UA-1 §7.21.7)")
    for im in images:
        if im.get("/Interpolate") is True:
            r.fail("pdfa.no-interpolate", "an image has /Interpolate true (§6.2.8.1)")
    for g in gstates:
        if "/TR" in g or ("/TR2" in g and g.get("/TR2") != "/Default") or "/HTP" in g:
            r.fail("pdfa.extgstate", "an ExtGState has /TR, /TR2 or /HTP (§6.2.5)")
        bm = g.get("/BM")
        if bm is not None and str(bm) not in ("/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay", "/Darken", "/Lighten", "/ColorDodge", "/ColorBurn", "/HardLight", "/SoftLight", "/Difference", "/Exclusion", "/Hue", "/Saturation", "/Color", "/Luminosity") and not isinstance(bm, pikepdf.Array):
            r.fail("pdfa.extgstate", f"an ExtGState has a non-standard blend mode {bm}")
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            filt = obj.get("/Filter")
            names = list(filt) if isinstance(filt, pikepdf.Array) else [filt]
            if "/LZWDecode" in [str(n) for n in names if n is not None]:
                r.fail("pdfa.no-lzw", "a stream uses LZWDecode (§6.1.7.2)")
    if "/AA" in root or "/OpenAction" in root and isinstance(root.get("/OpenAction"), pikepdf.Dictionary) and root.OpenAction.get("/S") in ("/JavaScript", "/Launch"):
        r.fail("pdfa.actions", "the catalog has additional or forbidden actions (§6.5)")
    names = root.get("/Names")
    if names is not None and "/EmbeddedFiles" in names:
        r.fail("pdfa.no-embedded-files", "the file embeds files (§6.8)")
    if names is not None and "/JavaScript" in names:
        r.fail("pdfa.actions", "the file has document JavaScript (§6.5)")

    # --- structure (PDF/A-2 level A §6.7, PDF/UA-1 §7) ---
    mi = root.get("/MarkInfo")
    tree = root.get("/StructTreeRoot")
    if mi is None or mi.get("/Marked") is not True or tree is None:
        r.fail("pdfa.tagged", "the file is not tagged: /MarkInfo /Marked true and a /StructTreeRoot (§6.7.2; PDF/UA-1 §7.1)")
    rolemap = (tree.get("/RoleMap") if tree is not None else None) or {}
    tree_mcids = set()
    headings = []
    link_annots = set()

    def std(elem):
        s = str(elem.get("/S"))[1:]
        seen_roles = 0
        while s not in STANDARD_TYPES and f"/{s}" in rolemap and seen_roles < 10:
            s = str(rolemap[f"/{s}"])[1:]
            seen_roles += 1
        return s

    def visit(elem, parent):
        s = std(elem)
        if s not in STANDARD_TYPES:
            r.fail("ua.standard-types", f"structure type /{s} is not standard and not role-mapped (PDF/UA-1 §7.1; Matterhorn 02-001)")
        page = elem.get("/Pg")
        for k in kids_of(elem):
            if isinstance(k, int):
                tree_mcids.add(((page.objgen if page is not None else None), int(k)))
            elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR":
                pg = k.get("/Pg", page)
                tree_mcids.add(((pg.objgen if pg is not None else None), int(k.MCID)))
            elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR":
                if s == "Link":
                    link_annots.add(k.Obj.objgen)
        if s == "Figure":
            alt = text(elem.get("/Alt")) or text(elem.get("/ActualText"))
            if not alt or not alt.strip():
                r.fail("ua.figure-alt", "a Figure has no /Alt (PDF/UA-1 §7.3; Matterhorn 13-004)")
        if re.fullmatch(r"H[1-6]", s):
            headings.append(int(s[1]))
        kid_types = [std(k) for k in elem_kids(elem)]
        if s == "L" and any(t not in ("LI", "L", "Caption") for t in kid_types):
            r.fail("ua.lists", f"an L holds {sorted(set(kid_types))}; only LI (and Caption) belong there (ISO 32000-1 §14.8.4.3.3)")
        if s == "LI" and any(t not in ("Lbl", "LBody") for t in kid_types):
            r.fail("ua.lists", f"an LI holds {sorted(set(kid_types))}; only Lbl and LBody belong there")
        if s == "Table" and any(t not in ("TR", "THead", "TBody", "TFoot", "Caption") for t in kid_types):
            r.fail("ua.tables", f"a Table holds {sorted(set(kid_types))} (ISO 32000-1 §14.8.4.3.4)")
        if s in ("THead", "TBody", "TFoot") and any(t != "TR" for t in kid_types):
            r.fail("ua.tables", f"a {s} holds {sorted(set(kid_types))}; only TR belongs there")
        if s == "TR" and any(t not in ("TH", "TD") for t in kid_types):
            r.fail("ua.tables", f"a TR holds {sorted(set(kid_types))}; only TH and TD belong there")
        if s in ("TR", "TH", "TD", "THead", "TBody", "TFoot") and (parent is None or std(parent) not in {
                "TR": ("Table", "THead", "TBody", "TFoot"), "TH": ("TR",), "TD": ("TR",),
                "THead": ("Table",), "TBody": ("Table",), "TFoot": ("Table",)}[s]):
            r.fail("ua.tables", f"a {s} is outside its table structure")
        if s == "TH":
            attrs = elem.get("/A")
            alist = list(attrs) if isinstance(attrs, pikepdf.Array) else [attrs] if attrs is not None else []
            scope = [a.get("/Scope") for a in alist if isinstance(a, pikepdf.Dictionary) and a.get("/O") == "/Table"]
            if not any(sc in ("/Row", "/Column", "/Both") for sc in scope):
                r.fail("ua.table-scope", "a TH has no /A << /O /Table /Scope … >> (PDF/UA-1 §7.5)")

    if tree is not None:
        struct_walk(tree.get("/K"), visit)
    if headings and headings[0] != 1:
        r.fail("ua.headings", f"the first heading is H{headings[0]}, not H1 (motesdok's rule, stricter than PDF/UA-1 §7.4)")
    for a, b in zip(headings, headings[1:]):
        if b > a + 1:
            r.fail("ua.headings", f"heading levels skip from H{a} to H{b} (PDF/UA-1 §7.4.2; Matterhorn 14-003)")
            break

    # --- page content: everything tagged or an artifact (PDF/UA-1 §7.1; Matterhorn 01-005) ---
    for n, page in enumerate(pdf.pages, 1):
        po = page.obj
        if po.get("/Tabs") != "/S":
            r.fail("ua.tabs", f"page {n} has no /Tabs /S (PDF/UA-1 §7.18.3; Matterhorn 28-008)")
        for a in po.get("/Annots") or []:
            sub = a.get("/Subtype")
            flags = int(a.get("/F", 0))
            if sub != "/Popup" and (not flags & 4 or flags & (1 | 2 | 32)):
                r.fail("pdfa.annotation-flags", f"page {n}: a {sub} annotation is not printable or is hidden (/F {flags}; §6.3.2)")
            if sub in ("/Sound", "/Movie", "/Screen", "/3D", "/FileAttachment"):
                r.fail("pdfa.actions", f"page {n}: a {sub} annotation (§6.3.1)")
            act = a.get("/A")
            if isinstance(act, pikepdf.Dictionary) and act.get("/S") in ("/JavaScript", "/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/Hide", "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView"):
                r.fail("pdfa.actions", f"page {n}: an annotation has a {act.get('/S')} action (§6.5.1)")
            if sub == "/Link":
                if not (text(a.get("/Contents")) or "").strip():
                    r.fail("ua.links", f"page {n}: a link annotation has no /Contents (PDF/UA-1 §7.18.5)")
                if "/StructParent" not in a or a.objgen not in link_annots:
                    r.fail("ua.links", f"page {n}: a link annotation is not in a Link structure element (PDF/UA-1 §7.18.5)")
        depth = 0
        stack = []  # for each open marked content: is it an artifact, its MCID
        unmarked = 0
        first = None
        try:
            ops = pikepdf.parse_content_stream(page)
        except Exception as e:
            r.fail("ua.artifacts", f"page {n}: the content stream does not parse: {e}")
            continue
        for inst in ops:
            op = str(inst.operator)
            if op in ("BDC", "BMC"):
                tag = str(inst.operands[0])
                mcid = None
                if op == "BDC" and len(inst.operands) > 1 and isinstance(inst.operands[1], pikepdf.Dictionary):
                    if "/MCID" in inst.operands[1]:
                        mcid = int(inst.operands[1].MCID)
                in_art = any(s[0] for s in stack)
                if mcid is not None:
                    if in_art:
                        r.fail("ua.artifacts", f"page {n}: tagged content (MCID {mcid}) inside an artifact (Matterhorn 01-004)")
                    if (po.objgen, mcid) not in tree_mcids:
                        r.fail("ua.mcid-in-tree", f"page {n}: marked content MCID {mcid} is not in the structure tree (ISO 32000-1 §14.7.4)")
                stack.append((tag == "/Artifact", mcid))
            elif op == "EMC":
                if stack:
                    stack.pop()
            elif op in PAINT_OPS:
                if not stack or not any(s[0] or s[1] is not None for s in stack):
                    unmarked += 1
                    first = first or op
        if unmarked:
            r.fail("ua.artifacts", f"page {n}: {unmarked} drawing operations ({first} first) are neither tagged nor an artifact (PDF/UA-1 §7.1; Matterhorn 01-005)")
    return r


def main(argv):
    verbose = "-v" in argv
    files = [a for a in argv if a != "-v"]
    if not files:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    status = 0
    for path in files:
        try:
            r = check_file(path)
        except OSError as e:
            print(f"{path}: error: {e}")
            return 2
        if r is None:
            return 2
        for cond in CONDITIONS:
            if cond in r.failed:
                extra = f" [{r.counts[cond]} times]" if r.counts[cond] > 1 else ""
                print(f"{path}: fail: {cond}: {r.failed[cond]}{extra}")
                status = 1
            elif verbose:
                print(f"{path}: ok: {cond}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
